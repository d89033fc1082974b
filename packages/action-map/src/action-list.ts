/**
 * The list in step with the map, virtualised: rows have one height, so only
 * the rows in view (plus a margin) are in the DOM, even for 100,000 actions.
 * It is one tab stop; arrow keys, Page Up/Down, Home and End move between rows
 * (and scroll), Enter opens a row. Each row keeps its place in the whole list
 * (aria-posinset / aria-setsize) for screen readers.
 */
import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';

export const ROW_HEIGHT = 88;
const OVERSCAN = 6;

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
  private frame = 0;

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
  }

  private onScroll = (e: Event) => {
    const el = e.currentTarget as HTMLElement;
    cancelAnimationFrame(this.frame);
    this.frame = requestAnimationFrame(() => {
      this.scrollTop = el.scrollTop;
      this.viewport = el.clientHeight || this.viewport;
      this.host.requestUpdate();
    });
  };

  /** Scrolls so that row `index` is in view. */
  reveal(index: number): void {
    const el = this.scroller;
    if (!el) return;
    const top = index * ROW_HEIGHT;
    if (top < el.scrollTop) el.scrollTop = top;
    else if (top + ROW_HEIGHT > el.scrollTop + el.clientHeight) el.scrollTop = top + ROW_HEIGHT - el.clientHeight;
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
    this.reveal(this.active);
    this.host.requestUpdate();
    await this.host.updateComplete;
    this.scroller?.querySelector<HTMLElement>(`[data-index="${this.active}"]`)?.focus();
  }

  private onKey = (e: KeyboardEvent) => {
    const page = Math.max(1, Math.floor(this.viewport / ROW_HEIGHT) - 1);
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
    const first = Math.max(0, Math.floor(this.scrollTop / ROW_HEIGHT) - OVERSCAN);
    const last = Math.min(n, Math.ceil((this.scrollTop + this.viewport) / ROW_HEIGHT) + OVERSCAN);
    const active = Math.min(this.active, Math.max(0, n - 1));
    const indexes = Array.from({ length: Math.max(0, last - first) }, (_, i) => first + i);
    if (n && (active < first || active >= last)) indexes.push(active);
    return html`<div class="list-scroll" part="list" @scroll=${this.onScroll} @keydown=${this.onKey}>
      ${n
        ? html`<ul class="rows" aria-label=${label} style="height:${n * ROW_HEIGHT}px">
            ${repeat(
              indexes,
              (i) => this.key(this.items[i]!),
              (i) => html`<li class="row" aria-setsize=${n} aria-posinset=${i + 1} style="transform:translateY(${i * ROW_HEIGHT}px)">
                ${row(this.items[i]!, i, i === active)}
              </li>`,
            )}
          </ul>`
        : nothing}
    </div>`;
  }
}
