import { html, nothing, render, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ArchipelElement, CollectionController, applyQuery, parseCollection } from '@archipel/core/shared';
import { postReader } from '@archipel/core/schemas/posts';
import { wallStyles } from './hashtag-wall.styles.js';
import { wallWords, type WallKey } from './strings.js';
import { columns, estimate, inBand, place, type Box } from './layout.js';
import { order, postBody, shows, type WallPost } from './card.js';
import type { FormKey } from './share-form.strings.js';
import type { ModerationKey } from './moderation.strings.js';
import type { StaffKey } from '@archipel/core/staff';
import type { MastodonKey } from './mastodon.strings.js';
import type { ShareForm } from './share-form.js';
import type { ModerationView } from './moderation.js';
import type { MastodonFeed } from './mastodon.js';

type Key = WallKey | FormKey | ModerationKey | MastodonKey | StaffKey;
const LAYOUTS = ['masonry', 'grid', 'carousel'] as const;
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
  @property({ reflect: true }) layout: (typeof LAYOUTS)[number] = 'masonry';
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
  /** @internal The post shown in the lightbox. */
  @state() opened?: number;
  @state() protected page = 0;
  /** What the live region says. */
  @state() protected announcement = '';

  /** @internal Posts whose video (or content warning) the person asked to see. */
  readonly playing = new Set<string>();
  /** @internal The posts on the wall, in order. */
  posts: WallPost[] = [];
  /** @internal Lazily loaded parts. */
  form?: ShareForm;
  mod?: ModerationView;
  masto?: MastodonFeed;
  lightbox?: (host: HashtagWall) => TemplateResult;

  private data = new CollectionController(this, 'posts', postReader, () => (this.moderate ? undefined : this.query()));
  /** Posts read by live refresh, by id; they override the last full read. */
  private live = new Map<string, WallPost>();
  /** Posts a live check reported as hidden since the last full read. */
  private removed = new Set<string>();
  /** New posts not shown yet because the person is reading further down. */
  private held = new Set<string>();
  private fresh = new Set<string>();
  private since?: string;
  private ticks = 0;
  private timer?: ReturnType<typeof setTimeout>;
  private turner?: ReturnType<typeof setInterval>;
  private inputs: unknown[] = [];
  private lastRead?: unknown;
  private version = 0;
  private cards = new Map<string, HTMLElement & { v?: number }>();
  private heights = new Map<string, number>();
  private boxes: Box[] = [];
  private width = 0;
  private perPage = 1;
  private want?: number;
  private frame = 0;
  private relayout = false;
  private measure = new ResizeObserver((entries) => this.measured(entries));
  private onScroll = () => {
    this.frame ||= requestAnimationFrame(() => {
      this.frame = 0;
      this.arrange(this.relayout);
      this.relayout = false;
    });
  };

  /** @internal The chapter the wall is limited to, if any: a story sent from here belongs to it. */
  get currentChapter(): string | undefined {
    return this.query().chapter;
  }

  /** @internal The chapter's name when the hub provides it. */
  chapterName(id: string): string | undefined {
    return this.contextChapter?.id === id ? this.contextChapter.name : undefined;
  }

  private query() {
    return { hashtag: this.hashtag.replace(/^#/, '') || undefined, chapter: this.chapter || this.contextChapter?.id };
  }

  private get paged() {
    return this.screen || this.layout === 'carousel';
  }

  private get every() {
    return this.refresh ?? (this.screen ? 30 : 0);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('scroll', this.onScroll, { capture: true, passive: true });
    addEventListener('resize', this.onScroll, { passive: true });
    this.schedule();
    // Put back into the page: pages turn again, and masonry measures the cards it already has.
    if (this.hasUpdated) {
      this.turn();
      if (!this.paged && this.layout === 'masonry') for (const el of this.cards.values()) this.measure.observe(el);
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('scroll', this.onScroll, { capture: true });
    removeEventListener('resize', this.onScroll);
    clearTimeout(this.timer);
    clearInterval(this.turner);
    this.measure.disconnect();
  }

  protected override willUpdate(changed: PropertyValues): void {
    this.layout = this.checkOption('layout', this.layout, LAYOUTS, 'masonry');
    if (changed.has('refresh') || changed.has('screen')) this.schedule();
    if (changed.has('screen') || changed.has('advance') || changed.has('paused')) this.turn();
    if (changed.has('mastodon') && this.mastodon && !this.moderate) void import('./mastodon.js').then((m) => (this.masto = new m.MastodonFeed(this, this.mastodon!)).load());
    if (this.moderate && !this.mod) void import('./moderation.js').then((m) => ((this.mod = new m.ModerationView(this)), this.mod.load()));
    if (changed.has('token')) void this.mod?.load();
    const inputs = [this.data.result, this.live.size, this.removed.size, this.masto?.version, this.held.size, this.locale, this.contextChapter];
    this.version++;
    if (inputs.some((v, i) => v !== this.inputs[i])) {
      const result = this.data.result;
      // A fresh full read supersedes what live checks gathered; the saved copy shown while it comes does not.
      if (result !== this.lastRead && result && !result.stale && !result.offline && !result.error) this.live.clear();
      this.lastRead = result;
      this.inputs = inputs;
      const byId = new Map<string, WallPost>();
      for (const list of [this.data.items, this.live.values(), this.masto?.posts ?? []]) for (const p of list) byId.set(p.id, p);
      const old = this.posts;
      const opened = this.opened === undefined ? undefined : old[this.opened]?.id;
      const focused = (this.renderRoot as ShadowRoot).activeElement?.closest('article')?.dataset.id;
      const all = [...byId.values()].filter((p) => shows(p) && !this.removed.has(p.id));
      // Posts a full read brings (a sheet's check, the tenth check, a source that tells its subscribers) arrive like live ones.
      if (old.length) {
        const known = new Set(old.map((p) => p.id));
        this.arrive(all.filter((p) => !known.has(p.id) && !this.held.has(p.id) && !this.fresh.has(p.id)).map((p) => p.id));
      }
      this.posts = all.filter((p) => !this.held.has(p.id)).sort(order);
      const gone = (id: string | undefined) => id !== undefined && !this.posts.some((p) => p.id === id);
      // The lightbox stays on its post while others arrive or leave. If its own post was hidden, it closes, and
      // focus goes to the post that took its place, as it does from a hidden post's card (WCAG 2.4.3).
      if (opened !== undefined) this.opened = gone(opened) ? undefined : this.posts.findIndex((p) => p.id === opened);
      const lost = gone(opened) ? opened : gone(focused) ? focused : undefined;
      if (lost !== undefined && this.posts.length) {
        const at = Math.min(old.findIndex((p) => p.id === lost), this.posts.length - 1);
        void this.updateComplete.then(() => this.focusPost(at));
      }
    }
  }

  /** New posts: shown at once (and animated in) when the person is at the top of the wall, else held behind "Show N new posts"; announced either way. */
  private arrive(ids: string[]): void {
    if (!ids.length) return;
    const feed = this.renderRoot.querySelector('.feed');
    const atTop = this.screen || !feed || feed.getBoundingClientRect().top > -50;
    for (const id of ids) (atTop ? this.fresh : this.held).add(id);
    if (atTop) this.page = 0;
    this.announcement = this.t('fresh', { count: ids.length });
  }

  protected override updated(): void {
    this.arrange(true);
    const dialog = this.renderRoot.querySelector('dialog');
    if (dialog && !dialog.open) dialog.showModal();
  }

  /**
   * @internal After a play, photo or content-warning button is replaced by what it hid, focus goes
   * there rather than to the page (WCAG 2.4.3): the player, else the photo or the text, made focusable.
   */
  async focusRevealed(scope: () => Element | null | undefined): Promise<void> {
    await this.updateComplete;
    const root = scope();
    const target = root?.querySelector<HTMLElement>('iframe, video') ?? root?.querySelector<HTMLElement>('.media img, .text');
    if (!target) return;
    if (!target.matches('iframe, video')) target.tabIndex = -1;
    target.focus();
  }

  /** @internal Re-renders one card, e.g. after its video started. */
  refreshCard(id: string): void {
    const el = this.cards.get(id);
    if (el) el.v = -1;
    this.version++;
    this.requestUpdate();
  }

  /**
   * Puts the cards near the viewport in the feed and takes the others out. The
   * card that has focus, and the one asked for (`want`), always stay.
   */
  private arrange(full: boolean): void {
    const feed = this.renderRoot.querySelector<HTMLElement>('.feed');
    if (!feed) return;
    const width = feed.clientWidth;
    if (width !== this.width) {
      this.width = width;
      this.heights.clear();
    }
    const style = getComputedStyle(feed);
    const gap = parseFloat(style.columnGap) || 16;
    // A custom property's computed value keeps its unit: "16rem", "260px", "20em".
    const col = style.getPropertyValue('--_col').trim();
    const unit = col.endsWith('rem') ? parseFloat(getComputedStyle(document.documentElement).fontSize) : col.endsWith('em') ? parseFloat(style.fontSize) : 1;
    const min = parseFloat(col) * unit || 256;
    const cols = columns(width, min, gap);
    const posts = this.posts;
    let indices: number[];
    if (this.paged) {
      const per = cols.count * (this.screen ? 2 : 1);
      if (per !== this.perPage) {
        this.perPage = per;
        this.requestUpdate();
      }
      const pages = Math.max(1, Math.ceil(posts.length / this.perPage));
      if (this.want !== undefined) this.page = Math.floor(this.want / this.perPage);
      if (this.page >= pages) this.page = 0;
      feed.style.cssText = `grid-template-columns:repeat(${cols.count},1fr)`;
      indices = posts.map((_, i) => i).slice(this.page * this.perPage, (this.page + 1) * this.perPage);
      this.boxes = [];
    } else {
      if (full || this.boxes.length !== posts.length) {
        const grid = this.layout === 'grid';
        const h = (cols.width * 3) / 4 + 180;
        const laid = place(
          posts.map((p) => (grid ? h : this.heights.get(p.id) ?? estimate(p, cols.width))),
          cols,
          gap,
        );
        this.boxes = laid.boxes;
        feed.style.height = `${laid.height}px`;
      }
      const top = -feed.getBoundingClientRect().top;
      const margin = innerHeight * 0.75;
      indices = inBand(this.boxes, top - margin, top + innerHeight + margin);
    }
    const focused = (this.renderRoot as ShadowRoot).activeElement?.closest('article')?.dataset.id;
    const keep = [this.want, posts.findIndex((p) => p.id === focused)].filter((i): i is number => i !== undefined && i >= 0 && !indices.includes(i));
    if (keep.length) indices = [...indices, ...keep].sort((a, b) => a - b);
    this.reconcile(feed, indices);
  }

  private reconcile(feed: HTMLElement, indices: number[]): void {
    const posts = this.posts;
    const wanted = new Set(indices.map((i) => posts[i]!.id));
    for (const [id, el] of this.cards) {
      if (wanted.has(id)) continue;
      el.remove();
      this.measure.unobserve(el);
      this.cards.delete(id);
    }
    let cursor = feed.firstElementChild;
    for (const i of indices) {
      const p = posts[i]!;
      let el = this.cards.get(p.id);
      if (!el) {
        el = document.createElement('article');
        el.dataset.id = p.id;
        el.tabIndex = 0;
        el.setAttribute('part', 'card');
        el.setAttribute('aria-labelledby', `a-${p.id}`);
        if (this.fresh.has(p.id)) el.className = 'new';
        this.cards.set(p.id, el);
        if (!this.paged && this.layout === 'masonry') this.measure.observe(el);
      }
      el.setAttribute('aria-posinset', String(i + 1));
      el.setAttribute('aria-setsize', String(posts.length));
      const b = this.boxes[i];
      el.style.cssText = b ? `transform:translate(${b.x}px,${b.y}px);width:${b.w}px${this.layout === 'grid' ? `;height:${b.h}px` : ''}` : '';
      el.classList.toggle('pinned', Boolean(p.pinned));
      if (el.v !== this.version) {
        el.v = this.version;
        render(postBody(this, p), el, { host: this });
      }
      if (el === cursor) cursor = cursor.nextElementSibling;
      else feed.insertBefore(el, cursor);
    }
  }

  /** Real heights replace estimates; the wall is laid out again only if one changed. */
  private measured(entries: ResizeObserverEntry[]): void {
    let changed = false;
    for (const e of entries) {
      const id = (e.target as HTMLElement).dataset.id!;
      const h = e.borderBoxSize[0]?.blockSize ?? (e.target as HTMLElement).offsetHeight;
      if (h && Math.abs((this.heights.get(id) ?? 0) - h) > 0.5) {
        this.heights.set(id, h);
        changed = true;
      }
    }
    // Laid out at the next frame: cards added now would otherwise be measured within this same callback.
    if (changed) {
      this.relayout = true;
      this.onScroll();
    }
  }

  /** Focuses post `i`, bringing it into the feed first if it was not there. */
  private async focusPost(i: number): Promise<void> {
    const p = this.posts[Math.max(0, Math.min(this.posts.length - 1, i))];
    if (!p) return;
    this.want = this.posts.indexOf(p);
    this.arrange(false);
    this.cards.get(p.id)?.focus();
    this.want = undefined;
  }

  private schedule(): void {
    clearTimeout(this.timer);
    if (this.every > 0 && this.isConnected) this.timer = setTimeout(() => void this.tick(), this.every * 1000);
  }

  private turn(): void {
    clearInterval(this.turner);
    if (this.screen && !this.paused && this.advance > 0) {
      this.turner = setInterval(() => {
        if (document.hidden || this.opened !== undefined || this.renderRoot.querySelector('.feed')?.contains((this.renderRoot as ShadowRoot).activeElement)) return;
        this.page = this.page + 1 >= Math.ceil(this.posts.length / this.perPage) ? 0 : this.page + 1;
      }, this.advance * 1000);
    }
  }

  /** One live check: new posts since the last one (or, every tenth time, the whole list), and Mastodon. */
  async tick(): Promise<void> {
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
    for (const id of this.held) this.fresh.add(id);
    this.held.clear();
    this.inputs = [];
    this.requestUpdate();
    void this.updateComplete.then(() => {
      this.renderRoot.querySelector('.feed')?.scrollIntoView();
      void this.focusPost(0);
    });
  }

  /** @internal Opens post `i` in the lightbox. */
  async open(i: number): Promise<void> {
    this.lightbox ??= (await import('./lightbox.js')).lightbox;
    this.opened = Math.max(0, Math.min(this.posts.length - 1, i));
    this.emit('archipel-select', { post: this.posts[this.opened] });
  }

  /** @internal Closes the lightbox and gives focus back to the post it showed. */
  close(): void {
    const i = this.opened;
    this.opened = undefined;
    if (i !== undefined) void this.updateComplete.then(() => this.focusPost(i));
  }

  private async toggleForm(): Promise<void> {
    if (!this.form) this.form = new (await import('./share-form.js')).ShareForm(this);
    this.formOpen = !this.formOpen;
    if (this.formOpen) {
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('[part=form] input')?.focus();
    }
  }

  private onFeedClick(e: Event): void {
    const target = e.target as HTMLElement;
    const play = target.closest<HTMLElement>('[data-play]')?.dataset.play;
    const article = target.closest('article');
    if (play) {
      const id = article?.dataset.id ?? '';
      this.playing.add(play);
      this.refreshCard(id);
      void this.focusRevealed(() => this.cards.get(id));
    } else if (article && !target.closest('a, video, iframe')) {
      void this.open(Number(article.getAttribute('aria-posinset')) - 1);
    }
  }

  /** The feed pattern's keys: Page Down / Page Up between posts, Ctrl+End / Ctrl+Home out of the feed. */
  private onFeedKey(e: KeyboardEvent): void {
    const article = (e.target as HTMLElement).closest('article');
    if (!article) return;
    const i = Number(article.getAttribute('aria-posinset')) - 1;
    let handled = true;
    if (e.key === 'PageDown') void this.focusPost(i + 1);
    else if (e.key === 'PageUp') void this.focusPost(i - 1);
    else if (e.key === 'End' && e.ctrlKey) this.renderRoot.querySelector<HTMLElement>('.end')!.focus();
    else if (e.key === 'Home' && e.ctrlKey) this.renderRoot.querySelector<HTMLElement>('h2')!.focus();
    else if ((e.key === 'Enter' || e.key === ' ') && e.target === article) void this.open(i);
    else handled = false;
    if (handled) e.preventDefault();
  }

  private go(step: number): void {
    const pages = Math.max(1, Math.ceil(this.posts.length / this.perPage));
    this.page = (this.page + step + pages) % pages;
  }

  override render() {
    if (this.moderate) return html`<section part="base" class="wall">${this.mod?.render() ?? html`<p class="notice" role="status">${this.t('loading')}</p>`}</section>`;
    const tag = this.hashtag.replace(/^#/, '');
    const n = this.posts.length;
    const r = this.data.result;
    const live = this.every > 0 || this.screen;
    const status = this.renderStatus(this.data, this.t('emptyWall'));
    const pages = Math.max(1, Math.ceil(n / this.perPage));
    return html`<section part="base" class=${`wall ${this.paused || reducedMotion() ? 'still' : ''} ${this.paged ? 'paged' : ''}`} aria-labelledby="h">
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
      <div role=${n ? 'feed' : nothing} part="feed" class=${`feed ${this.layout}`} aria-labelledby="h" aria-busy=${String(!r || r.stale)} @click=${this.onFeedClick} @keydown=${this.onFeedKey}></div>
      ${this.paged && pages > 1
        ? html`<div part="pager" class="pager">
            <button type="button" @click=${() => this.go(-1)}>${this.t('prev')}</button>
            <span>${this.t('page', { page: this.page + 1, pages })}</span>
            <button type="button" @click=${() => this.go(1)}>${this.t('next')}</button>
          </div>`
        : nothing}
      <p class="end" tabindex="-1">${this.t('end')}</p>
      ${this.screen ? html`<footer part="cta">${this.shareUrl ? this.t('cta', { url: this.shareUrl }) : this.t('ctaTag', { tag: tag || '…' })}</footer>` : nothing}
      ${this.opened !== undefined && this.lightbox ? this.lightbox(this) : nothing}
    </section>`;
  }
}
