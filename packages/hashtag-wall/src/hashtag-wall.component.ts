import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ArchipelElement, CollectionController, applyQuery, parseCollection } from '@archipel/core/shared';
import { postReader } from '@archipel/core/schemas/posts';
import { wallStyles } from './hashtag-wall.styles.js';
import { wallWords, type WallKey } from './strings.js';
import { order, shows, type WallPost } from './card.js';
import type { FormKey } from './share-form.strings.js';
import type { ModerationKey } from './moderation.strings.js';
import type { StaffKey } from '@archipel/core/staff';
import type { MastodonKey } from './mastodon.strings.js';
import type { ShareForm } from './share-form.js';
import type { ModerationView } from './moderation.js';
import type { MastodonFeed } from './mastodon.js';
import { LAYOUTS, WallFeed, type WallLayout } from './wall-feed.js';

type Key = WallKey | FormKey | ModerationKey | MastodonKey | StaffKey;
/** Every tenth check reads the whole list again (a 304 when nothing changed), for sources that do not say what was hidden. */
const FULL_EVERY = 10;
/** `since` is the client's clock; this margin covers a server whose clock is a little ahead. */
const SKEW = 120_000;

const reducedMotion = () => globalThis.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;

/**
 * @summary A moderated wall of supporters' photos, videos and testimonies under one hashtag, for any page or a rally screen.
 * @tag hashtag-wall
 *
 * @csspart base - The whole wall.
 * @csspart header - The title and the buttons above the wall.
 * @csspart feed - The feed of posts (role="feed").
 * @csspart card - One post.
 * @csspart pause - The pause / resume button.
 * @csspart share-button - The "share your story" button.
 * @csspart form - The "share your story" form.
 * @csspart lightbox - The dialog showing one post.
 * @csspart pager - Previous / next on a carousel or a rally screen.
 * @csspart cta - The call to post on a rally screen.
 * @csspart moderation - The staff moderation view.
 * @csspart status - Loading, empty, error and offline notices.
 *
 * @cssprop --archipel-wall-card-background - A card's background (default: the surface colour, else white).
 * @cssprop --archipel-wall-card-border - A card's border colour.
 * @cssprop --archipel-wall-gap - Space between cards (default 1rem).
 * @cssprop --archipel-wall-column-width - The narrowest a column may be (default 16rem; 24rem on a screen).
 * @cssprop --archipel-wall-screen-background - A rally screen's background.
 *
 * @fires archipel-load - Posts were read: `{collection, source, count, skipped, fromCache, offline}`.
 * @fires archipel-select - A post was opened: `{post}`.
 * @fires archipel-submit - A story is about to be sent (cancelable): `{record}`.
 * @fires archipel-submitted - A story was sent, or kept on the device to be sent automatically: `{status: 'sent' | 'queued', record}`.
 * @fires archipel-error - Posts, Mastodon or a moderation action failed, or the source refused a story: `{collection, error, record?}`.
 */

export class HashtagWall extends ArchipelElement<Key> {
  static override words = [wallWords];
  static override styles = [...ArchipelElement.styles, wallStyles];

  /** The hashtag whose posts are shown, with or without its "#"; empty shows every approved post. */
  @property() hashtag = '';
  /** Only this chapter's posts; inside a <chapter-hub>, the hub's chapter unless set. */
  @property() chapter?: string;
  /** How cards are laid out: masonry (default), grid or carousel. */
  @property({ reflect: true }) layout: WallLayout = 'masonry';
  /** A rally screen: large cards, pages that turn by themselves, a call to post. */
  @property({ type: Boolean, reflect: true }) screen = false;
  /** Seconds between checks for new posts; 0 reads once. A rally screen checks every 30 s unless told. */
  @property({ type: Number }) refresh?: number;
  /** Seconds a page of a rally screen stays up before the next. */
  @property({ type: Number }) advance = 10;
  /** Where people can post, written on a rally screen, e.g. "vagueclimat.fr/mur". */
  @property({ attribute: 'share-url' }) shareUrl?: string;
  /** A Mastodon server whose public timeline for the hashtag is merged in: "instance.example", or a full API base URL. */
  @property() mastodon?: string;
  /** Shows the staff moderation view instead of the wall; needs the `token` property. */
  @property({ type: Boolean }) moderate = false;
  /** Leaves out the "share your story" button, e.g. when the page has its own form. */
  @property({ type: Boolean, attribute: 'no-form' }) noForm = false;
  /** The version of the publication consent wording, stored with each story. */
  @property({ attribute: 'consent-version' }) consentVersion = '2026-11';
  /** A staff token for the moderation view: a property only, so it never appears in the page's HTML. */
  @property({ attribute: false }) token?: string;

  @state() protected paused = false;
  @state() protected formOpen = false;
  /** What the live region says. */
  @state() protected announcement = '';

  /** @internal The posts on the wall, in order. */
  posts: WallPost[] = [];
  /** @internal New posts shown as they arrived, which fade in. */
  readonly postsShownAnimated = new Set<string>();
  /** @internal Lazily loaded parts. */
  form?: ShareForm;
  mod?: ModerationView;
  masto?: MastodonFeed;

  private data = new CollectionController(this, 'posts', postReader, () => (this.moderate ? undefined : this.query()));
  private readonly feed = new WallFeed(this, this, (id) => this.chapterName(id));
  /** Posts read by live refresh, by id; they override the last full read. */
  private live = new Map<string, WallPost>();
  /** Posts a live check reported as hidden since the last full read. */
  private removed = new Set<string>();
  /** New posts not shown yet because the person is reading further down. */
  private held = new Set<string>();
  private since?: string;
  private ticks = 0;
  private timer?: ReturnType<typeof setTimeout>;
  private inputs: unknown[] = [];
  private lastRead?: unknown;

  /** @internal The chapter the wall is limited to, if any: a story sent from here belongs to it. */
  get currentChapter(): string | undefined {
    return this.query().chapter;
  }

  /** The chapter's name when the hub provides it. */
  private chapterName(id: string): string | undefined {
    return this.contextChapter?.id === id ? this.contextChapter.name : undefined;
  }

  private query() {
    return { hashtag: this.hashtag.replace(/^#/, '') || undefined, chapter: this.chapter || this.contextChapter?.id };
  }

  private get every() {
    return this.refresh ?? (this.screen ? 30 : 0);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.schedule();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.timer);
  }

  protected override willUpdate(changed: PropertyValues): void {
    this.layout = this.checkOption('layout', this.layout, LAYOUTS, 'masonry');
    if (changed.has('refresh') || changed.has('screen')) this.schedule();
    if (changed.has('screen') || changed.has('advance') || changed.has('paused')) this.feed.turnPages(this.screen && !this.paused ? this.advance : 0);
    if (changed.has('mastodon') && this.mastodon && !this.moderate) void import('./mastodon.js').then((m) => (this.masto = new m.MastodonFeed(this, this.mastodon!)).load());
    if (this.moderate && !this.mod) void import('./moderation.js').then((m) => (this.mod ??= new m.ModerationView(this, (id) => this.chapterName(id))));
    if (changed.has('token')) void this.mod?.load();
    const inputs = [this.data.result, this.live.size, this.removed.size, this.masto?.version, this.held.size, this.locale, this.contextChapter];
    if (inputs.some((v, i) => v !== this.inputs[i])) {
      const result = this.data.result;
      // A fresh full read supersedes what live checks gathered; the saved copy shown while it comes does not.
      if (result !== this.lastRead && result && !result.stale && !result.offline && !result.error) this.live.clear();
      this.lastRead = result;
      this.inputs = inputs;
      const byId = new Map<string, WallPost>();
      for (const list of [this.data.items, this.live.values(), this.masto?.posts ?? []]) for (const p of list) byId.set(p.id, p);
      const old = this.posts;
      const all = [...byId.values()].filter((p) => shows(p) && !this.removed.has(p.id));
      // Posts a full read brings (a sheet's check, the tenth check, a source that tells its subscribers) arrive like live ones.
      if (old.length) {
        const known = new Set(old.map((p) => p.id));
        this.arrive(all.filter((p) => !known.has(p.id) && !this.held.has(p.id) && !this.postsShownAnimated.has(p.id)).map((p) => p.id));
      }
      this.posts = all.filter((p) => !this.held.has(p.id)).sort(order);
    }
  }

  /** New posts: shown at once (and animated in) when the person is at the top of the wall, else held behind "Show N new posts"; announced either way. */
  private arrive(ids: string[]): void {
    if (!ids.length) return;
    const atTop = this.feed.atTop();
    for (const id of ids) (atTop ? this.postsShownAnimated : this.held).add(id);
    if (atTop) this.feed.firstPage();
    this.announcement = this.t('fresh', { count: ids.length });
  }

  private schedule(): void {
    clearTimeout(this.timer);
    if (this.every > 0 && this.isConnected) this.timer = setTimeout(() => void this.tick(), this.every * 1000);
  }

  /** One live check: new posts since the last one (or, every tenth time, the whole list), and Mastodon. */
  private async tick(): Promise<void> {
    if (!this.paused && !document.hidden) {
      this.ticks++;
      // A source that cannot filter (a sheet) answers the whole list anyway: a plain read, which keeps to its quota interval.
      if (!this.dataAdapter?.filters) await this.data.load();
      else if (this.ticks % FULL_EVERY === 0) await this.data.load(true);
      else await this.check();
      await this.masto?.load();
    }
    this.schedule();
  }

  private async check(): Promise<void> {
    const adapter = this.dataAdapter;
    const q = this.query();
    if (!adapter || this.moderate) return;
    const started = Date.now();
    try {
      const res = await adapter.list('posts', { ...q, since: this.since }, undefined);
      const rows = parseCollection('posts', postReader, res.rows).items;
      this.since = new Date(started - SKEW).toISOString();
      this.merge(res.filtered ? rows : applyQuery(rows, q), res.removed);
    } catch {
      // Offline or the source is busy: the wall keeps what it shows and tries at the next tick.
    }
  }

  /**
   * @internal Adds posts read live and drops those the source reports `removed`. A post stays dropped until a
   * live check brings it back (approved again): a full read may be a saved or cached copy from before it was hidden.
   */
  merge(rows: WallPost[], removed: string[] = []): void {
    const known = new Set(this.posts.map((p) => p.id));
    for (const p of rows) {
      this.live.set(p.id, p);
      if (shows(p)) this.removed.delete(p.id);
    }
    let gone = 0;
    for (const id of removed) {
      this.live.delete(id);
      this.removed.add(id);
      if (this.held.delete(id) || known.has(id)) gone++;
    }
    if (!rows.length && !gone) return;
    this.arrive(rows.filter((p) => shows(p) && !known.has(p.id) && !this.held.has(p.id)).map((p) => p.id));
    this.inputs = [];
    this.requestUpdate();
  }

  private showHeld(): void {
    for (const id of this.held) this.postsShownAnimated.add(id);
    this.held.clear();
    this.inputs = [];
    this.requestUpdate();
    void this.updateComplete.then(() => this.feed.showFirst());
  }

  private async toggleForm(): Promise<void> {
    if (!this.form) this.form = new (await import('./share-form.js')).ShareForm(this);
    this.formOpen = !this.formOpen;
    if (this.formOpen) {
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('[part=form] input')?.focus();
    }
  }

  override render() {
    if (this.moderate) return html`<section part="base" class="wall">${this.mod?.render() ?? html`<p class="notice" role="status">${this.t('loading')}</p>`}</section>`;
    const { feed } = this;
    const tag = this.hashtag.replace(/^#/, '');
    const n = this.posts.length;
    const r = this.data.result;
    const live = this.every > 0 || this.screen;
    const status = this.renderStatus(this.data, this.t('emptyWall'));
    return html`<section part="base" class=${`wall ${this.paused || reducedMotion() ? 'still' : ''} ${feed.paged ? 'paged' : ''}`} aria-labelledby="h">
      <header part="header">
        <h2 id="h" tabindex="-1">${tag ? this.t('title', { tag }) : this.t('titleAll')}</h2>
        <button type="button" class="skip" @click=${() => this.renderRoot.querySelector<HTMLElement>('.end')!.focus()}>${this.t('skip')}</button>
        ${live ? html`<button type="button" part="pause" @click=${() => (this.paused = !this.paused)}>${this.t(this.paused ? 'resume' : 'pause')}</button>` : nothing}
        ${this.noForm || this.screen ? nothing : html`<button type="button" part="share-button" aria-expanded=${String(this.formOpen)} @click=${this.toggleForm}>${this.t('share')}</button>`}
      </header>
      ${this.formOpen && this.form ? this.form.render() : nothing}
      <p class="visually-hidden" role="status">${this.announcement}</p>
      ${status === nothing && r && !r.stale && !n ? html`<p class="notice" role="status" part="status">${this.t('emptyWall')}</p>` : status}
      ${this.masto?.notice() ?? nothing}
      ${this.held.size ? html`<button type="button" class="more" @click=${this.showHeld}>${this.t('showFresh', { count: this.held.size })}</button>` : nothing}
      <div role=${n ? 'feed' : nothing} part="feed" class=${`feed ${this.layout}`} aria-labelledby="h" aria-busy=${String(!r || r.stale)} @click=${feed.click} @keydown=${feed.keydown}></div>
      ${feed.paged && feed.pages > 1
        ? html`<div part="pager" class="pager">
            <button type="button" @click=${() => feed.go(-1)}>${this.t('prev')}</button>
            <span>${this.t('page', { page: feed.page + 1, pages: feed.pages })}</span>
            <button type="button" @click=${() => feed.go(1)}>${this.t('next')}</button>
          </div>`
        : nothing}
      <p class="end" tabindex="-1">${this.t('end')}</p>
      ${this.screen ? html`<footer part="cta">${this.shareUrl ? this.t('cta', { url: this.shareUrl }) : this.t('ctaTag', { tag: tag || '…' })}</footer>` : nothing}
      ${feed.renderLightbox()}
    </section>`;
  }
}
