/**
 * The feed of posts (the ARIA feed pattern): where each card goes, in masonry,
 * a grid or pages; which cards are in the DOM (all of them on a wall of up to
 * EVERY_POST_UP_TO posts; past it, those near the viewport, the focused one
 * and the one being brought into view), measured once there (a
 * grid's cards all take the tallest one's height); Page
 * Down / Page Up between posts; focus that stays with the wall when posts come
 * and go; and the post open in the lightbox.
 *
 * The cards near the viewport are drawn first, so a slow phone paints them at once; the others follow in one
 * task after that paint, until every card is in the feed (`drawing` settles).
 */
import { nothing, render, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { emit, memo } from '@archipel/core';
import { columns, estimate, inBand, place, type Box } from './layout.js';
import { focusRevealed, postBody, type WallPost } from './card.js';
import type { LightboxFeed, LightboxHost } from './lightbox.js';

export const LAYOUTS = ['masonry', 'grid', 'carousel'] as const;

/**
 * Up to this many posts, every card is in the DOM (and so in the accessibility tree, where a screen reader
 * finds them all); past it, only those near the viewport. Measured on a phone (tests/bench/hashtag-wall.bench.ts):
 * 2,000 cards settle in about 1.1 s and scroll at 60 frames a second with 10 % of frames dropped; 5,000 take
 * 2.3 s and drop 26 %.
 */
export const EVERY_POST_UP_TO = 2_000;
export type WallLayout = (typeof LAYOUTS)[number];

/** Runs `then` once the browser has painted (a frame, then a task); in a hidden tab, which paints nothing, at once. */
const afterPaint = (then: () => void) => (document.hidden ? setTimeout(then) : requestAnimationFrame(() => setTimeout(then)));

/** What the feed reads of its wall, and what it may ask of it. */
export interface FeedHost extends ReactiveControllerHost, EventTarget, LightboxHost {
  readonly layout: WallLayout;
  /** A rally screen: two rows a page, and new posts never wait below. */
  readonly screen: boolean;
}

/** Where the feed's posts come from. */
export interface FeedSource {
  /** The posts on the wall, in order. */
  readonly posts: readonly WallPost[];
  /** Posts that arrived while the person was at the top of the wall: their cards fade in. */
  readonly postsShownAnimated: ReadonlySet<string>;
}

export class WallFeed implements ReactiveController, LightboxFeed {
  /** The posts laid out, in order. */
  posts: readonly WallPost[] = [];
  readonly revealed = new Set<string>();
  private pageShown = 0;
  /** Cards a page holds: a row, two on a rally screen. */
  private postsPerPage = 1;
  /** The post open in the lightbox. */
  private postOpened?: string;
  private lightbox?: (host: LightboxHost, feed: LightboxFeed) => TemplateResult;
  private readonly openedIndex = memo((posts: readonly WallPost[], id: string | undefined) => (id === undefined ? -1 : posts.findIndex((p) => p.id === id)));
  private readonly cards = new Map<string, HTMLElement>();
  /** Where each card was last put (its inline style): written again only when it moves, so a relayout restyles only the cards that moved. */
  private readonly placed = new WeakMap<HTMLElement, string>();
  private readonly cardHeights = new Map<string, number>();
  private boxes: Box[] = [];
  private feedWidth = 0;
  /** The post that stays in the feed while it is brought into view to take focus. */
  private postToKeep?: number;
  private frame = 0;
  private relayoutAtFrame = false;
  private pageTurner?: ReturnType<typeof setInterval>;
  private secondsPerPage = 0;
  private readonly measure = new ResizeObserver((entries) => this.measured(entries));
  /** Cards the feed holds but has not drawn yet: drawn in the task after the next paint. */
  private cardsOwed = 0;
  /**
   * Whether the running task draws the cards past the first screen. All at once: drawn a few at a time, each
   * frame restyled far more than the cards it added (2,000 posts took 11 s, with frames of 1.8 s).
   */
  private drawingAll = false;
  /** Settles once every card the feed holds is drawn; undefined while none waits. */
  drawing?: Promise<void>;
  private readonly onScroll = () => {
    this.frame ||= requestAnimationFrame(() => {
      this.frame = 0;
      this.arrange(this.relayoutAtFrame);
      this.relayoutAtFrame = false;
    });
  };

  constructor(
    private readonly host: FeedHost,
    private readonly source: FeedSource,
    readonly chapterName: (id: string) => string | undefined,
  ) {
    host.addController(this);
  }

  /** Whether posts are shown a page at a time (a carousel, a rally screen) rather than scrolled. */
  get paged(): boolean {
    return this.host.screen || this.host.layout === 'carousel';
  }

  get page(): number {
    return this.pageShown;
  }

  get pages(): number {
    return Math.max(1, Math.ceil(this.posts.length / this.postsPerPage));
  }

  get openedAt(): number {
    return this.openedIndex(this.posts, this.postOpened);
  }

  hostConnected(): void {
    document.addEventListener('scroll', this.onScroll, { capture: true, passive: true });
    addEventListener('resize', this.onScroll, { passive: true });
    // Put back into the page: pages turn again, and masonry measures the cards it already has.
    this.turnPages(this.secondsPerPage);
    if (!this.paged) for (const el of this.cards.values()) this.measure.observe(el);
  }

  hostDisconnected(): void {
    document.removeEventListener('scroll', this.onScroll, { capture: true });
    removeEventListener('resize', this.onScroll);
    clearInterval(this.pageTurner);
    this.measure.disconnect();
  }

  /**
   * The lightbox stays on its post while others arrive or leave. If its own post was hidden, it closes, and
   * focus goes to the post that took its place, as it does from a hidden post's card (WCAG 2.4.3).
   */
  hostUpdate(): void {
    const posts = this.source.posts;
    if (posts === this.posts) return;
    const before = this.posts;
    const opened = this.postOpened;
    const focused = (this.host.renderRoot as ShadowRoot).activeElement?.closest('article')?.dataset.id;
    const gone = (id: string | undefined) => id !== undefined && !posts.some((p) => p.id === id);
    this.posts = posts;
    if (gone(opened)) this.postOpened = undefined;
    const lost = gone(opened) ? opened : gone(focused) ? focused : undefined;
    if (lost !== undefined && posts.length) {
      const at = Math.min(before.findIndex((p) => p.id === lost), posts.length - 1);
      void this.host.updateComplete.then(() => this.focusPost(at));
    }
  }

  hostUpdated(): void {
    this.arrange(true, true);
    const dialog = this.host.renderRoot.querySelector('dialog');
    if (dialog && !dialog.open) dialog.showModal();
  }

  /** Whether the person sees the top of the wall, where new posts can appear without moving what they read. */
  atTop(): boolean {
    const feed = this.host.renderRoot.querySelector('.feed');
    return this.host.screen || !feed || feed.getBoundingClientRect().top > -50;
  }

  firstPage(): void {
    this.showPage(0);
  }

  go(step: number): void {
    this.showPage((this.pageShown + step + this.pages) % this.pages);
  }

  /** Turns the page every `seconds` (0: never), unless the tab is hidden, a post is open or a card has focus. */
  turnPages(seconds: number): void {
    this.secondsPerPage = seconds;
    clearInterval(this.pageTurner);
    if (seconds > 0) {
      this.pageTurner = setInterval(() => {
        if (document.hidden || this.postOpened !== undefined || this.host.renderRoot.querySelector('.feed')?.contains((this.host.renderRoot as ShadowRoot).activeElement)) return;
        this.showPage(this.pageShown + 1 >= this.pages ? 0 : this.pageShown + 1);
      }, seconds * 1000);
    }
  }

  /** Brings the top of the feed into view and focuses its first post. */
  showFirst(): void {
    this.host.renderRoot.querySelector('.feed')?.scrollIntoView();
    this.focusPost(0);
  }

  /**
   * Focuses the line after the wall. Chromium's next Tab from an element outside the tab order
   * (`tabindex="-1"`) inside a shadow root goes back to the root's first control, so the line joins the tab
   * order while it has focus: Tab then leaves the wall.
   */
  focusEnd(): void {
    const end = this.host.renderRoot.querySelector<HTMLElement>('.end');
    if (!end) return;
    end.tabIndex = 0;
    end.addEventListener('blur', () => (end.tabIndex = -1), { once: true });
    end.focus();
  }

  /** Opens post `i` in the lightbox. */
  async open(i: number): Promise<void> {
    this.lightbox ??= (await import('./lightbox.js')).lightbox;
    const post = this.posts[Math.max(0, Math.min(this.posts.length - 1, i))];
    this.postOpened = post?.id;
    this.host.requestUpdate();
    emit(this.host, 'archipel-select', { post });
  }

  close(): void {
    const at = this.openedAt;
    this.postOpened = undefined;
    this.host.requestUpdate();
    if (at >= 0) void this.host.updateComplete.then(() => this.focusPost(at));
  }

  async reveal(key: string, within: () => Element | null | undefined): Promise<void> {
    this.revealed.add(key);
    this.host.requestUpdate();
    await this.host.updateComplete;
    focusRevealed(within());
  }

  renderLightbox(): TemplateResult | typeof nothing {
    return this.lightbox && this.openedAt >= 0 ? this.lightbox(this.host, this) : nothing;
  }

  readonly click = (e: Event): void => {
    const target = e.target as HTMLElement;
    const play = target.closest<HTMLElement>('[data-play]')?.dataset.play;
    const article = target.closest('article');
    if (play) {
      const id = article?.dataset.id ?? '';
      void this.reveal(play, () => this.cards.get(id));
    } else if (article && !target.closest('a, video, iframe')) {
      void this.open(Number(article.getAttribute('aria-posinset')) - 1);
    }
  };

  /** The feed pattern's keys: Page Down / Page Up between posts, Ctrl+End / Ctrl+Home out of the feed. */
  readonly keydown = (e: KeyboardEvent): void => {
    const article = (e.target as HTMLElement).closest('article');
    if (!article) return;
    const i = Number(article.getAttribute('aria-posinset')) - 1;
    let handled = true;
    if (e.key === 'PageDown') this.focusPost(i + 1);
    else if (e.key === 'PageUp') this.focusPost(i - 1);
    else if (e.key === 'End' && e.ctrlKey) this.focusEnd();
    else if (e.key === 'Home' && e.ctrlKey) this.host.renderRoot.querySelector<HTMLElement>('h2')!.focus();
    else if ((e.key === 'Enter' || e.key === ' ') && e.target === article) void this.open(i);
    else handled = false;
    if (handled) e.preventDefault();
  };

  private showPage(page: number): void {
    if (page === this.pageShown) return;
    this.pageShown = page;
    this.host.requestUpdate();
  }

  /** Focuses post `i`, bringing it into the feed first if it was not there. */
  private focusPost(i: number): void {
    const at = Math.max(0, Math.min(this.posts.length - 1, i));
    const post = this.posts[at];
    if (!post) return;
    this.postToKeep = at;
    this.arrange(false);
    this.cards.get(post.id)?.focus();
    this.postToKeep = undefined;
  }

  /**
   * Puts the cards near the viewport in the feed and takes the others out; the focused card and
   * `postToKeep` always stay. `relayout` places every card again; `redraw` renders every card again
   * (after the wall updated), where otherwise only cards new to the feed are rendered.
   */
  private arrange(relayout: boolean, redraw = false): void {
    const feed = this.host.renderRoot.querySelector<HTMLElement>('.feed');
    if (!feed) return this.settle(0);
    const width = feed.clientWidth;
    const { posts } = this;
    const everyPost = !this.paged && posts.length <= EVERY_POST_UP_TO;
    // With every card in the feed, a scroll changes nothing.
    if (everyPost && !relayout && !redraw && width === this.feedWidth && this.boxes.length === posts.length && this.postToKeep === undefined && !this.cardsOwed) return;
    if (width !== this.feedWidth) {
      this.feedWidth = width;
      this.cardHeights.clear();
    }
    const style = getComputedStyle(feed);
    const gap = parseFloat(style.columnGap) || 16;
    // A custom property's computed value keeps its unit: "16rem", "260px", "20em".
    const col = style.getPropertyValue('--_col').trim();
    const unit = col.endsWith('rem') ? parseFloat(getComputedStyle(document.documentElement).fontSize) : col.endsWith('em') ? parseFloat(style.fontSize) : 1;
    const min = parseFloat(col) * unit || 256;
    const cols = columns(width, min, gap);
    let indices: number[];
    /** With every card in the feed: those to draw now, near the viewport; the others after the next paint. */
    let drawNow: Set<number> | undefined;
    if (this.paged) {
      const perPage = cols.count * (this.host.screen ? 2 : 1);
      if (perPage !== this.postsPerPage) {
        this.postsPerPage = perPage;
        this.host.requestUpdate();
      }
      if (this.postToKeep !== undefined) this.showPage(Math.floor(this.postToKeep / this.postsPerPage));
      if (this.pageShown >= this.pages) this.showPage(0);
      feed.style.cssText = `grid-template-columns:repeat(${cols.count},1fr)`;
      indices = posts.map((_, i) => i).slice(this.pageShown * this.postsPerPage, (this.pageShown + 1) * this.postsPerPage);
      this.boxes = [];
    } else {
      if (relayout || this.boxes.length !== posts.length) {
        const grid = this.host.layout === 'grid';
        // A grid's cards are as tall as its tallest: at first a 4:3 picture and about eleven lines of text (in
        // the feed's own text size, so larger text gets taller cards), then as tall as the tallest measured.
        const h = Math.max((cols.width * 3) / 4 + 11.25 * parseFloat(style.fontSize), ...this.cardHeights.values());
        const laid = place(
          posts.map((p) => (grid ? h : this.cardHeights.get(p.id) ?? estimate(p, cols.width))),
          cols,
          gap,
        );
        this.boxes = laid.boxes;
        feed.style.height = `${laid.height}px`;
      }
      const top = -feed.getBoundingClientRect().top;
      const margin = innerHeight * 0.75;
      const near = inBand(this.boxes, top - margin, top + innerHeight + margin);
      // The first card at least, the wall far from the view: a feed without an article is an empty list to a screen
      // reader (axe's aria-required-children), until the others come or for good past EVERY_POST_UP_TO.
      if (!near.length && posts.length) near.push(0);
      if (everyPost) {
        indices = posts.map((_, i) => i);
        drawNow = new Set(near);
      } else indices = near;
    }
    const focused = (this.host.renderRoot as ShadowRoot).activeElement?.closest('article')?.dataset.id;
    const keep = [this.postToKeep, posts.findIndex((p) => p.id === focused)].filter((i): i is number => i !== undefined && i >= 0);
    for (const i of keep) drawNow?.add(i);
    const missing = keep.filter((i) => !indices.includes(i));
    if (missing.length) indices = [...indices, ...missing].sort((a, b) => a - b);
    this.reconcile(feed, indices, redraw, drawNow);
  }

  /**
   * Puts the cards of `indices` in the feed, in order, and takes the others out. A card not drawn yet and not in
   * `drawNow` (when given) waits for the task after the next paint, which draws them all (`drawingAll`).
   */
  private reconcile(feed: HTMLElement, indices: number[], redraw: boolean, drawNow?: ReadonlySet<number>): void {
    const { posts, host } = this;
    let owed = 0;
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
      if (!el && drawNow && !drawNow.has(i) && !this.drawingAll) {
        owed++;
        continue;
      }
      const created = !el;
      if (!el) {
        el = document.createElement('article');
        el.dataset.id = p.id;
        el.tabIndex = 0;
        el.setAttribute('part', 'card');
        el.setAttribute('aria-labelledby', `a-${p.id}`);
        if (this.source.postsShownAnimated.has(p.id)) el.className = 'new';
        this.cards.set(p.id, el);
        if (!this.paged) this.measure.observe(el);
      }
      setAttribute(el, 'aria-posinset', String(i + 1));
      setAttribute(el, 'aria-setsize', String(posts.length));
      const b = this.boxes[i];
      // Offsets from the start edge: a right-to-left page puts the first column on the right.
      const position = b ? `inset-inline-start:${b.x}px;inset-block-start:${b.y}px;width:${b.w}px${host.layout === 'grid' ? `;min-height:${b.h}px` : ''}` : '';
      // Through the CSSOM, which a strict Content-Security-Policy allows, unlike a style attribute.
      if (this.placed.get(el) !== position) {
        el.style.cssText = position;
        this.placed.set(el, position);
      }
      el.classList.toggle('pinned', Boolean(p.pinned));
      if (created || redraw) render(postBody(host, this, p), el, { host });
      if (el === cursor) cursor = cursor.nextElementSibling;
      else feed.insertBefore(el, cursor);
    }
    this.settle(owed);
  }

  /** `owed` cards wait to be drawn: all of them in the task after the next paint. */
  private settle(owed: number): void {
    this.cardsOwed = owed;
    this.drawing ??= owed
      ? new Promise<void>((resolve) => {
          const draw = () => {
            this.drawingAll = true;
            this.arrange(false);
            this.drawingAll = false;
            if (this.cardsOwed) return afterPaint(draw);
            this.drawing = undefined;
            resolve();
          };
          afterPaint(draw);
        })
      : undefined;
  }

  /** Real heights replace estimates; the wall is laid out again only if one changed. */
  private measured(entries: ResizeObserverEntry[]): void {
    let changed = false;
    for (const e of entries) {
      const id = (e.target as HTMLElement).dataset.id!;
      const h = e.borderBoxSize[0]?.blockSize ?? (e.target as HTMLElement).offsetHeight;
      if (h && Math.abs((this.cardHeights.get(id) ?? 0) - h) > 0.5) {
        this.cardHeights.set(id, h);
        changed = true;
      }
    }
    // Laid out at the next frame: cards added now would otherwise be measured within this same callback.
    if (changed) {
      this.relayoutAtFrame = true;
      this.onScroll();
    }
  }
}

/** Sets an attribute only when its value changes: the same value again would still queue a mutation and a restyle check. */
function setAttribute(el: HTMLElement, name: string, value: string): void {
  if (el.getAttribute(name) !== value) el.setAttribute(name, value);
}
