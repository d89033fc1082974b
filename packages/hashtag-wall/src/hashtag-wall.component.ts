import { html, nothing, type PropertyValues } from 'lit';
import { html as staticHtml } from 'lit/static-html.js';
import { property, state } from 'lit/decorators.js';
import { ArchipelElement, type SendKey, type StaffKey } from '@archipel/core';
import { wallStyles } from './hashtag-wall.styles.js';
import { wallWords, type WallKey } from './strings/hashtag-wall.js';
import type { ShareFormKey } from './strings/share-form.js';
import type { ModerationKey } from './strings/moderation.js';
import type { MastodonKey } from './strings/mastodon.js';
import type { ShareForm } from './share-form.js';
import type { ModerationView } from './moderation.js';
import type { MastodonFeed } from './mastodon.js';
import type { RallyScreen } from './rally.js';
import type { RallyKey } from './strings/rally.js';
import { LiveRefresh } from './live-refresh.js';
import { LAYOUTS, WallFeed, type WallLayout } from './wall-feed.js';

type Key = WallKey | ShareFormKey | SendKey | ModerationKey | MastodonKey | StaffKey | RallyKey;

const reducedMotion = () => globalThis.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;

/**
 * @summary A moderated wall of supporters' photos, videos and testimonies under one hashtag, for any page or a rally screen.
 * @tag hashtag-wall
 *
 * @csspart base - The whole wall.
 * @csspart header - The title and the buttons above the wall.
 * @csspart feed - The feed of posts (`role="feed"`).
 * @csspart card - One post.
 * @csspart pause - The pause / resume button.
 * @csspart share-button - The "Share your story" button.
 * @csspart form - The "Share your story" form.
 * @csspart lightbox - The dialog showing one post.
 * @csspart pager - Previous / next on a carousel or a rally screen.
 * @csspart cta - The call to post on a rally screen, with its QR code.
 * @csspart qr - On a rally screen, the QR code to the share form (with `share-url`).
 * @csspart fullscreen - On a rally screen, the full-screen button.
 * @csspart moderation - The staff moderation view.
 * @csspart status - Loading, empty, error and offline notices.
 * @csspart refused - In the story form, stories the source refused, each with its reason and the buttons to send it again or discard it.
 *
 * @cssprop --archipel-wall-card-background - A card's background (default: the widget's surface, white or, on a dark page, `#16191d`).
 * @cssprop --archipel-wall-card-border - A card's border (default: the global `--archipel-color-border`, `#c9ced4`).
 * @cssprop --archipel-wall-gap - Space between cards (default `1rem`).
 * @cssprop --archipel-wall-column-width - The narrowest a column may be (default `16rem`; `24rem` on a screen).
 * @cssprop --archipel-wall-screen-background - A rally screen's background (default `#101418`).
 *
 * @fires {CustomEvent<LoadDetail>} archipel-load - Posts were read (the saved copy, then the fresh one); detail `{collection, source, count, skipped, fromCache, offline}`.
 * @fires {CustomEvent<SelectDetail>} archipel-select - A post was opened in the lightbox; detail `{post}`.
 * @fires {CustomEvent<SubmitDetail<PostWrite>>} archipel-submit - A story is about to be sent; cancelable (`preventDefault()` stops it); detail `{collection: 'posts', record}`.
 * @fires {CustomEvent<SubmittedDetail<PostWrite>>} archipel-submitted - A story was sent, or kept on the device to be sent automatically; detail `{collection: 'posts', record, status: 'sent' | 'queued'}`.
 * @fires {CustomEvent<ErrorDetail>} archipel-error - Posts, Mastodon or the moderation queue could not be read, or the source refused a story (it stays on the device, marked with the reason); detail `{collection, error}`, or `{collection: 'posts', record, error}`.
 */

export class HashtagWall extends ArchipelElement<Key> {
  static override words = [wallWords];
  static override styles = [...ArchipelElement.styles, wallStyles];

  /** Only posts with this hashtag, with or without its `#`; empty shows every approved post. */
  @property() hashtag = '';
  /** Only this chapter's posts, by its id; a story sent from the wall belongs to it. By default the enclosing `<chapter-hub>`'s. */
  @property() chapter?: string;
  /** `masonry`, `grid` (equal cards, text clamped) or `carousel` (one row, previous / next). Reflected; another value warns once and uses `masonry`. */
  @property({ reflect: true }) layout: WallLayout = 'masonry';
  /** A rally screen: two rows of large cards on a dark background filling the window without scrolling, pages turning every `advance` seconds, new posts animating in, the call to post at the bottom with a QR code to `share-url`, a full-screen button, and the screen kept awake. */
  @property({ type: Boolean, reflect: true }) screen = false;
  /** Seconds between checks for new posts; `0` reads once. By default `0`, and `30` on a rally screen. */
  @property({ type: Number }) refresh?: number;
  /** Seconds a page stays up on a rally screen. */
  @property({ type: Number }) advance = 10;
  /** The address written on a rally screen, "Share yours at vagueclimat.org/mur", and its QR code (`https://` is added when it names no scheme); without it, "Share yours with #tag" and no code. */
  @property({ attribute: 'share-url' }) shareUrl?: string;
  /** A Mastodon server (`mastodon.social`) whose public posts under the hashtag are merged in as they are, without review (never on a rally screen); a full URL (`https://host/path/`) is used as the API base. To review them first, let the Archipel server collect them (`archipel-server collect`). */
  @property() mastodon?: string;
  /** Shows the staff moderation view instead of the wall; it asks for a staff token, unless `token` is set in code. */
  @property({ type: Boolean }) moderate = false;
  /** Leaves out the "Share your story" button, e.g. when the page has its own form. */
  @property({ type: Boolean, attribute: 'no-form' }) noForm = false;
  /** The version of the publication consent wording, stored with each story. */
  @property({ attribute: 'consent-version' }) consentVersion = '2026-11';
  /** A staff token for the moderation view: what staff type in its field, or set in code. A property only, so it never sits in the page's HTML; nothing stores it. */
  @property({ attribute: false }) token?: string;

  @state() private paused = false;
  @state() private formOpen = false;
  /** What the live region says. */
  @state() private announcement = '';

  private readonly live: LiveRefresh = new LiveRefresh(this, {
    query: () => (this.moderate ? undefined : this.query()),
    paused: () => this.paused,
    atTop: () => this.feed.atTop(),
    arrived: (count, atTop) => {
      if (atTop) this.feed.firstPage();
      this.announcement = this.t('fresh', { count });
    },
  });
  private readonly feed: WallFeed = new WallFeed(this, this.live, (id) => this.chapterName(id));
  private shareForm?: ShareForm;
  private moderation?: ModerationView;
  private mastodonFeed?: MastodonFeed;
  private rally?: RallyScreen;

  /** The chapter the wall is limited to, if any (its `chapter`, else its hub's): a story sent from here belongs to it. */
  get wallChapter(): string | undefined {
    return this.query().chapter;
  }

  /** The chapter's name when the hub provides it. */
  private chapterName(id: string): string | undefined {
    return this.contextChapter?.id === id ? this.contextChapter.name : undefined;
  }

  private query() {
    return { hashtag: this.hashtag.replace(/^#/, '') || undefined, chapter: this.chapter || this.contextChapter?.id };
  }

  protected override willUpdate(changed: PropertyValues): void {
    this.layout = this.checkOption('layout', this.layout, LAYOUTS, 'masonry');
    if (changed.has('refresh') || changed.has('screen')) this.live.schedule();
    if (changed.has('screen') || changed.has('advance') || changed.has('paused')) this.feed.turnPages(this.screen && !this.paused ? this.advance : 0);
    // A rally screen shows reviewed posts only: Mastodon's reach it through the server's moderation queue (its
    // own chunk tells the webmaster how).
    if (changed.has('mastodon') && this.mastodon && !this.moderate && !this.screen) void this.followMastodon();
    if (this.screen && !this.rally) void import('./rally.js').then((m) => (this.rally ??= new m.RallyScreen(this)));
    if (this.moderate && !this.moderation) {
      void import('./moderation.js').then((m) => (this.moderation ??= new m.ModerationView(this, (id) => this.chapterName(id))));
    }
    if (changed.has('token')) void this.moderation?.load();
  }

  private async followMastodon(): Promise<void> {
    const { MastodonFeed } = await import('./mastodon.js');
    if (this.mastodonFeed) this.removeController(this.mastodonFeed);
    this.mastodonFeed = this.live.mastodon = new MastodonFeed(this, this.mastodon!, (posts) => this.live.merge(posts));
  }

  /** Resolves once the wall has rendered and every card of its feed is drawn (those past the first screen come after a paint). */
  protected override async getUpdateComplete(): Promise<boolean> {
    const done = await super.getUpdateComplete();
    await this.feed.drawing;
    return done;
  }

  private showHeldBack(): void {
    this.live.showHeldBack();
    void this.updateComplete.then(() => this.feed.showFirst());
  }

  private async toggleForm(): Promise<void> {
    if (!this.shareForm) this.shareForm = new (await import('./share-form.js')).ShareForm(this);
    this.formOpen = !this.formOpen;
    if (this.formOpen) {
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('[part=form] input')?.focus();
    }
  }

  override render() {
    if (this.moderate) return html`<section part="base" class="wall">${this.moderation?.render() ?? html`<p class="notice" role="status">${this.t('loading')}</p>`}</section>`;
    const { feed, live } = this;
    const tag = this.hashtag.replace(/^#/, '');
    const count = live.posts.length;
    const read = live.reads.result;
    const status = this.renderStatus(live.reads, this.t('emptyWall'));
    const heldBack = live.postsHeldBack.size;
    return html`<section part="base" class=${`wall ${this.paused || reducedMotion() ? 'still' : ''} ${feed.paged ? 'paged' : ''}`} aria-labelledby="h">
      <header part="header">
        ${staticHtml`<${this.heading()} id="h" tabindex="-1">${tag ? this.t('title', { tag }) : this.t('titleAll')}</${this.heading()}>`}
        <button type="button" class="skip" @click=${() => this.feed.focusEnd()}>${this.t('skip')}</button>
        ${this.screen ? this.rally?.button() : nothing}
        ${live.refreshSeconds > 0 || this.screen ? html`<button type="button" part="pause" @click=${() => (this.paused = !this.paused)}>${this.t(this.paused ? 'resume' : 'pause')}</button>` : nothing}
        ${this.noForm || this.screen ? nothing : html`<button type="button" part="share-button" aria-expanded=${String(this.formOpen)} @click=${this.toggleForm}>${this.t('share')}</button>`}
      </header>
      ${this.formOpen && this.shareForm ? this.shareForm.render() : nothing}
      <p class="visually-hidden" role="status">${this.announcement}</p>
      ${status === nothing && read && !read.stale && !count ? html`<p class="notice" role="status" part="status">${this.t('emptyWall')}</p>` : status}
      ${this.mastodonFeed?.notice() ?? nothing}
      ${heldBack ? html`<button type="button" class="more" @click=${this.showHeldBack}>${this.t('showFresh', { count: heldBack })}</button>` : nothing}
      <div role=${count ? 'feed' : nothing} part="feed" class=${`feed ${this.layout}`} aria-labelledby=${count ? 'h' : nothing} aria-busy=${String(!read || read.stale)} @click=${feed.click} @keydown=${feed.keydown}></div>
      ${feed.paged && feed.pages > 1
        ? html`<div part="pager" class="pager">
            <button type="button" @click=${() => feed.go(-1)}>${this.t('prev')}</button>
            <span>${this.t('page', { page: feed.page + 1, pages: feed.pages })}</span>
            <button type="button" @click=${() => feed.go(1)}>${this.t('next')}</button>
          </div>`
        : nothing}
      <p class="end" tabindex="-1">${this.t('end')}</p>
      ${this.screen ? html`<footer part="cta"><span>${this.shareUrl ? this.t('cta', { url: this.shareUrl }) : this.t('ctaTag', { tag: tag || '…' })}</span>${this.rally?.code()}</footer>` : nothing}
      ${feed.renderLightbox()}
    </section>`;
  }
}
