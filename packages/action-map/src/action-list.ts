/**
 * The list in step with the map. Up to VIRTUALISE_PAST rows, every row is in
 * the page, sized by its content (a title that wraps at 200 % text makes its
 * row taller), so a screen reader reads the whole list; the browser skips
 * drawing rows out of view (`content-visibility`). A long list that fills an
 * empty one is drawn in two steps: its first FIRST_ROWS rows at once, the
 * others in a task of their own once that frame is painted, so a slow phone
 * shows the first actions without waiting for every row to be made (the
 * element's `updateComplete` waits for both). Past that, the list is
 * virtualised: rows take one height, 5.5 times the text size, and only the
 * rows in view (plus a margin) are in the DOM, even for 100,000 actions.
 * It is one tab stop; arrow keys, Page Up/Down, Home and End move between rows
 * (and scroll), Enter opens a row. Each row keeps its place in the whole list
 * (aria-posinset / aria-setsize) for screen readers.
 */
import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';

/** A virtual row's height, in text sizes (88 px at 16 px). */
export const ROW_EMS = 5.5;
/**
 * Up to this many rows, all of them are rendered. Measured in Chromium (tests/action-map/every-reader.test.ts
 * prints it): one update and frame of the element took 53 ms with 1,000 rows in full against 55 ms with 13 rows
 * virtualised, on the project's shared 2-core machine, rows out of view being skipped by `content-visibility`.
 * Mounting them is the cost that grows; 1,000 keeps a campaign's whole list readable.
 */
export const VIRTUALISE_PAST = 1000;
const OVERSCAN = 6;
/**
 * The rows drawn first when a long list fills an empty one: more than a tall phone's screen holds. Making 260 rows
 * held a slow phone's first row back by about 200 ms (tests/bench/slow-network.bench.ts).
 */
export const FIRST_ROWS = 20;
/** The longest the other rows wait for the first frame (none comes in a page out of view). */
const REST_WITHIN_MS = 100;

/** What the list needs of its element: a render as it scrolls, and its end before a row takes focus. */
export interface VirtualListHost extends ReactiveControllerHost {}

export class VirtualList<T> implements ReactiveController {
  items: readonly T[] = [];
  /** The row that holds the tab stop. */
  active = 0;
  /** The scrolling box, which the element sets after each render. */
  scroller?: HTMLElement;
  private scrollTop = 0;
  private viewport = 600;
  /** A virtual row's height in pixels: ROW_EMS times the list's text size, which text zoom changes. */
  private rowHeight = 88;
  private frame = 0;
  /** How many rows are drawn while the others wait for the first frame; all of them otherwise. */
  private limit = Infinity;
  /** How many rows the last render drew. */
  private drawn = 0;
  /** Resolves once every row is drawn again (the host has asked to render them). */
  private whole: Promise<void> = Promise.resolve();

  constructor(
    private readonly host: VirtualListHost,
    private readonly key: (item: T) => string,
  ) {
    host.addController(this);
  }

  hostDisconnected(): void {
    cancelAnimationFrame(this.frame);
  }

  setItems(items: readonly T[]): void {
    this.items = items;
    if (this.active >= items.length) this.active = Math.max(0, items.length - 1);
    if (!this.drawn && !this.virtual && items.length > FIRST_ROWS && this.limit === Infinity) this.drawFirstRows();
  }

  /** Draws FIRST_ROWS rows now and the others in a task after the next frame (or REST_WITHIN_MS at most). */
  private drawFirstRows(): void {
    this.limit = FIRST_ROWS;
    this.whole = new Promise((resolve) => {
      let timer = 0;
      const rest = () => {
        cancelAnimationFrame(this.frame);
        clearTimeout(timer);
        this.drawAll();
        resolve();
      };
      // A task after the frame that paints the first rows: from a frame callback, that frame is still to come.
      this.frame = requestAnimationFrame(() => void setTimeout(rest));
      timer = window.setTimeout(rest, REST_WITHIN_MS);
    });
  }

  private drawAll(): void {
    if (this.limit === Infinity) return;
    this.limit = Infinity;
    this.host.requestUpdate();
  }

  /** Resolves once every row is in the page, or asked to be (the host's next update draws them). */
  get complete(): Promise<void> {
    return this.whole;
  }

  /** Whether only the rows in view are rendered. */
  get virtual(): boolean {
    return this.items.length > VIRTUALISE_PAST;
  }

  private measure(el: HTMLElement): void {
    this.rowHeight = ROW_EMS * (parseFloat(getComputedStyle(el).fontSize) || 16);
  }

  private onScroll = (e: Event) => {
    const el = e.currentTarget as HTMLElement;
    if (!this.virtual) return;
    cancelAnimationFrame(this.frame);
    this.frame = requestAnimationFrame(() => {
      this.measure(el);
      this.scrollTop = el.scrollTop;
      this.viewport = el.clientHeight || this.viewport;
      this.host.requestUpdate();
    });
  };

  /** Scrolls so that row `index` is in view. */
  reveal(index: number): void {
    const el = this.scroller;
    if (!el) return;
    if (index >= this.limit) this.drawAll();
    if (!this.virtual) {
      el.querySelector(`[data-index="${index}"]`)?.scrollIntoView({ block: 'nearest' });
      return;
    }
    this.measure(el);
    const h = this.rowHeight;
    const top = index * h;
    if (top < el.scrollTop) el.scrollTop = top;
    else if (top + h > el.scrollTop + el.clientHeight) el.scrollTop = top + h - el.clientHeight;
    this.scrollTop = el.scrollTop;
    this.viewport = el.clientHeight || this.viewport;
  }

  /** Back to the first row, as for a new list. */
  scrollToTop(): void {
    if (this.scroller) this.scroller.scrollTop = 0;
  }

  /** Moves the tab stop to a row, scrolls to it and focuses it once rendered. */
  async focusRow(index: number): Promise<void> {
    if (!this.items.length) return;
    this.active = Math.max(0, Math.min(this.items.length - 1, index));
    // A row not drawn yet (End pressed in the first frames) is drawn before it is scrolled to.
    if (this.active >= this.limit) {
      this.drawAll();
      await this.host.updateComplete;
    }
    this.reveal(this.active);
    this.host.requestUpdate();
    await this.host.updateComplete;
    this.scroller?.querySelector<HTMLElement>(`[data-index="${this.active}"]`)?.focus();
  }

  private onKey = (e: KeyboardEvent) => {
    const page = Math.max(1, Math.floor(this.viewport / this.rowHeight) - 1);
    const moves: Record<string, number> = {
      ArrowDown: this.active + 1,
      ArrowUp: this.active - 1,
      PageDown: this.active + page,
      PageUp: this.active - page,
      Home: 0,
      End: this.items.length - 1,
    };
    const to = moves[e.key];
    if (to === undefined) return;
    e.preventDefault();
    void this.focusRow(to);
  };

  render(row: (item: T, index: number, tabbable: boolean) => TemplateResult, label: string): TemplateResult {
    const n = this.items.length;
    const active = Math.min(this.active, Math.max(0, n - 1));
    const item = (i: number, style?: string) =>
      html`<li class="row" aria-setsize=${n} aria-posinset=${i + 1} style=${style ?? nothing}>${row(this.items[i]!, i, i === active)}</li>`;
    let rows: TemplateResult | typeof nothing = nothing;
    this.drawn = this.virtual ? n : Math.min(n, this.limit);
    if (n && !this.virtual) {
      rows = html`<ul class="rows" aria-label=${label}>${repeat(Array.from({ length: this.drawn }, (_, i) => i), (i) => this.key(this.items[i]!), (i) => item(i))}</ul>`;
    } else if (n) {
      const h = this.rowHeight;
      const first = Math.max(0, Math.floor(this.scrollTop / h) - OVERSCAN);
      const last = Math.min(n, Math.ceil((this.scrollTop + this.viewport) / h) + OVERSCAN);
      const indexes = Array.from({ length: Math.max(0, last - first) }, (_, i) => first + i);
      if (active < first || active >= last) indexes.push(active);
      rows = html`<ul class="rows virtual" aria-label=${label} style="height:${n * ROW_EMS}em">
        ${repeat(indexes, (i) => this.key(this.items[i]!), (i) => item(i, `transform:translateY(${i * ROW_EMS}em)`))}
      </ul>`;
    }
    return html`<div class="list-scroll" part="list" @scroll=${this.onScroll} @keydown=${this.onKey}>${rows}</div>`;
  }
}
