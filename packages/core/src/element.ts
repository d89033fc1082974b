/**
 * ArchipelElement: what every widget shares.
 *
 * - Host styles that neither leak out nor let the page's CSS in: inherited
 *   properties (font, colour, line height, letter spacing…) are reset on the
 *   `base` part, so `body { font: 10px Comic Sans; text-transform: uppercase }`
 *   changes nothing inside.
 * - The data source: the element's own `source` attribute or `adapter`
 *   property, else the one an enclosing <chapter-hub> provides.
 * - The locale: the element's `lang`, the hub's, the nearest `[lang]`, the
 *   page's, the browser's; `strings` replaces any visible string.
 * - A `define()` that leaves an already-defined tag alone and says so once.
 */
import { LitElement, css, html, nothing, type CSSResult, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { unsafeStatic, type StaticValue } from 'lit/static-html.js';
import { ContextRoot, consume } from '@lit/context';
import { resolveAdapter, type Adapter } from './adapter.js';
import { adapterContext, chapterContext, localeContext, themeContext } from './context.js';
import { directionOf, format, formatRelative, loadWords, lookup, onWordsAdded, pickLocale, type Locale, type Message, type Words } from './i18n.js';
import { coreWords, type CoreKey } from './strings/core.js';
import type { Collection } from './schema-types.js';
import type { Chapter } from './schemas/chapters.js';
import type { Theme } from './theme.js';
import { warnOnce } from './warn.js';
import { VERSION } from './version.js';
import type { CollectionController } from './collection.js';
import { emit, type ArchipelEventName, type DetailOf } from './events.js';
import { WAITING_FLAG } from './outbox-flag.js';

export { VERSION };

export const baseStyles = css`
  :host {
    display: block;
    box-sizing: border-box;
  }
  :host([hidden]) {
    display: none !important;
  }
  [part~='base'] {
    all: initial;
    /* Light unless the page asks otherwise (color-scheme on the page, the widget, or a <meta name="color-scheme">). */
    color-scheme: inherit;
    --_surface: var(--archipel-color-surface, #ffffff);
    --_text: var(--archipel-color-text, #1c2024);
    --_muted: var(--archipel-color-text-muted, #4f565e);
    --_notice: var(--archipel-color-notice, #f1f3f5);
    --_line: var(--archipel-color-border, #c9ced4);
    --_field-line: var(--archipel-color-field-border, #6b7280);
    --_field: var(--archipel-color-field, #ffffff);
    --_danger: var(--archipel-color-danger, #a1141c);
    --_danger-surface: var(--archipel-color-danger-surface, #fdecec);
    --_focus: var(--archipel-color-focus, #1a5fb4);
    --_brand: var(--archipel-color-brand, #1a7f5a);
    --_on-brand: var(--archipel-color-brand-contrast, #ffffff);
    --_brand-text: var(--archipel-color-brand-on-surface, var(--archipel-color-brand, #146448));
    --_accent: var(--archipel-color-accent, #0b4f6c);
    --_on-accent: var(--archipel-color-accent-contrast, #ffffff);
    --_link: var(--archipel-color-link, var(--_brand-text));
    --_selected: var(--archipel-color-selected, #eaf4ef);
    --_radius: var(--archipel-radius, 0.5rem);
    display: block;
    box-sizing: border-box;
    font-family: var(--archipel-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', sans-serif);
    font-size: var(--archipel-font-size, max(1rem, 16px));
    line-height: 1.5;
    color: var(--_text);
    background: var(--_surface);
    text-align: start;
    overflow-wrap: anywhere;
  }
  /* The same colours for a dark page; browsers without light-dark() keep the light ones. */
  @supports (color: light-dark(#000, #fff)) {
    [part~='base'] {
      --_surface: var(--archipel-color-surface, light-dark(#ffffff, #16191d));
      --_text: var(--archipel-color-text, light-dark(#1c2024, #e9ebee));
      --_muted: var(--archipel-color-text-muted, light-dark(#4f565e, #b3bac1));
      --_notice: var(--archipel-color-notice, light-dark(#f1f3f5, #262b31));
      --_line: var(--archipel-color-border, light-dark(#c9ced4, #3f464e));
      --_field-line: var(--archipel-color-field-border, light-dark(#6b7280, #8e97a1));
      --_field: var(--archipel-color-field, light-dark(#ffffff, #1e2226));
      --_danger: var(--archipel-color-danger, light-dark(#a1141c, #ffa39c));
      --_danger-surface: var(--archipel-color-danger-surface, light-dark(#fdecec, #3d1a1a));
      --_focus: var(--archipel-color-focus, light-dark(#1a5fb4, #8ab4f8));
      --_brand-text: light-dark(
        var(--archipel-color-brand-on-surface, var(--archipel-color-brand, #146448)),
        var(--archipel-color-brand-on-dark, color-mix(in oklab, var(--archipel-color-brand, #1a7f5a) 50%, #ffffff))
      );
      --_selected: var(--archipel-color-selected, light-dark(#eaf4ef, #1f3a30));
    }
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  [hidden] {
    display: none !important;
  }
  .visually-hidden {
    position: absolute !important;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  .notice {
    margin: 0.5em 0;
    padding: 0.6em 0.9em;
    border-radius: var(--_radius);
    background: var(--_notice);
    color: var(--_text);
  }
  .notice[data-tone='error'] {
    background: var(--_danger-surface);
    color: var(--_danger);
  }
  button,
  input,
  select,
  textarea {
    font: inherit;
    color: inherit;
  }
  :focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  @media (prefers-reduced-motion: reduce) {
    * {
      animation-duration: 0.01ms !important;
      transition-duration: 0.01ms !important;
      scroll-behavior: auto !important;
    }
  }
`;

const HEADINGS = [1, 2, 3, 4, 5, 6].map((n) => unsafeStatic(`h${n}`));

const live = new Set<ArchipelElement>();
let langObserver: MutationObserver | undefined;

/** Page-level `lang` changes (an SPA switching language) re-render every widget. */
function watchPageLang(): void {
  if (langObserver || typeof MutationObserver === 'undefined') return;
  const again = () => live.forEach((el) => el.requestUpdate());
  langObserver = new MutationObserver(again);
  langObserver.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'], subtree: true });
  // Words a page adds later (a language of its own) show at once.
  onWordsAdded(again);
}

/**
 * A widget may ask for a hub's context before any hub can answer (the loader imports a page's tags at once
 * and chunks arrive in any order). A ContextRoot on the page keeps such requests and hands them to a
 * provider when one appears.
 */
function answerLateProviders(): void {
  const page = document.documentElement as HTMLElement & { [ROOT]?: ContextRoot };
  if (page[ROOT]) return;
  page[ROOT] = new ContextRoot();
  page[ROOT].attach(page);
}
const ROOT = Symbol.for('archipel.context-root');

let delivering = false;

/**
 * Writes kept on this device (a sign-up sent offline yesterday, a survey answer refused by a proxy) are sent by
 * any Archipel page, not only one with a form: the outbox sets a flag while it holds any, and its code loads
 * only then.
 */
function deliverWaitingWrites(): void {
  if (delivering) return;
  delivering = true;
  let waiting: string | null = null;
  try {
    waiting = localStorage.getItem(WAITING_FLAG);
  } catch {
    // Storage blocked: nothing can have been kept either.
  }
  if (waiting) void import('./outbox.js').then((m) => m.outbox().watch());
}

function parseStrings(value: string | null): Record<string, Message> {
  if (!value) return {};
  try {
    const parsed = JSON.parse(value) as unknown;
    if (parsed && typeof parsed === 'object') return parsed as Record<string, Message>;
  } catch {
    // reported below
  }
  warnOnce(`strings:${value}`, `The strings attribute must be JSON, e.g. strings='{"submit":"Je m’inscris"}'. Ignored: ${value}`);
  return {};
}

/**
 * The base class of every widget; each widget's manifest entry and README inherit what is documented here.
 *
 * @attr lang - The language of the widget's words: `en`, `fr`, `es`, `pt`, `de`, `it`, `nl`, `ar` or `sw`, or one the page added with `addWords` (a region such as `fr-CA` is fine). By default the enclosing `<chapter-hub>`'s, then the nearest `lang` on the page, then the browser's; another language gets English, marked `lang="en"`.
 */
export class ArchipelElement<K extends string = CoreKey> extends LitElement {
  static override styles = [baseStyles];
  static readonly version = VERSION;
  /** The widget's catalogues, first found first used; the core's words (states, issues) come after them. */
  static words: readonly Words[] = [];

  /**
   * Registers the element under `tag` unless something already has; then warns
   * once, naming both versions, and leaves the first definition in place.
   */
  static define(tag: string): void {
    const existing = customElements.get(tag) as (CustomElementConstructor & { version?: string }) | undefined;
    if (!existing) {
      customElements.define(tag, this);
    } else if (existing !== this) {
      warnOnce(
        `define:${tag}`,
        `<${tag}> is already defined (Archipel ${existing.version ?? 'unknown version'}); this copy (Archipel ${this.version}) was not registered. Load archipel.js once per page.`,
      );
    }
  }

  /** Where the data comes from: the Archipel server's `/api`, an Apps Script `/exec`, a Google Sheet or a folder of JSON files; several, separated by spaces, are merged. By default the enclosing `<chapter-hub>`'s; one that cannot be used is named on screen instead of the data. */
  @property() source?: string;

  /** An adapter object built in code (`{source, kind, writable, list(), submit()}`), used instead of `source`. */
  @property({ attribute: false }) adapter?: Adapter;

  /** Replacement words by key, as an object or as JSON in the attribute: `strings='{"retry":"Réessayer"}'`; the keys are in the widget's `src/strings/en/` and core's. JSON that cannot be read is ignored, with a console warning. */
  @property({ converter: parseStrings }) strings: Partial<Record<K | CoreKey, Message>> = {};

  /** The level of the widget's first heading, 1 to 6 (2 by default), so that it fits the outline of the page around it; the widget's inner headings follow from it. Inside a `<chapter-hub>`, the hub sets it for the widgets it shows. */
  @property({ attribute: 'heading-level', type: Number }) headingLevel?: number;

  /** What an enclosing <chapter-hub> provides, kept up to date while it changes. */
  @consume({ context: adapterContext, subscribe: true }) @state() protected contextAdapter?: Adapter;
  @consume({ context: chapterContext, subscribe: true }) @state() protected contextChapter?: Chapter;
  @consume({ context: themeContext, subscribe: true }) @state() protected contextTheme?: Theme;
  @consume({ context: localeContext, subscribe: true }) @state() protected contextLocale?: Locale;

  /** Words that parts loaded on demand brought (`learn()`). */
  private learned: Words[] = [];
  private resolvedFor?: string;
  private resolved?: Adapter;
  /** Why `source` could not be used, if it could not. */
  protected sourceError?: string;

  /** The reads this element's content waits for (CollectionController). */
  private readonly reads: { readonly waiting: boolean }[] = [];

  waitFor(read: { readonly waiting: boolean }): void {
    this.reads.push(read);
  }

  /**
   * Whether a read the content waits for has no answer yet. Until the element has rendered with its data, it carries
   * a `loading` attribute, for styling: archipel.js's stylesheet keeps the room the widget took before its code
   * arrived, so the page under it does not jump while it loads.
   */
  private get waitingForData(): boolean {
    return this.reads.some((r) => r.waiting);
  }

  override connectedCallback(): void {
    this.toggleAttribute('loading', !this.hasUpdated || this.waitingForData);
    // Before the consumers ask (they do as the element connects), so that a request nobody answers yet is kept.
    answerLateProviders();
    super.connectedCallback();
    live.add(this);
    watchPageLang();
    deliverWaitingWrites();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    live.delete(this);
  }

  /** The adapter this element reads and writes through: its `adapter`, else its `source`'s, else its hub's; undefined when it has none. */
  get dataAdapter(): Adapter | undefined {
    if (this.adapter) return this.adapter;
    if (!this.source?.trim()) return this.contextAdapter;
    if (this.resolvedFor !== this.source) {
      this.resolvedFor = this.source;
      this.resolved = undefined;
      this.sourceError = undefined;
      try {
        this.resolved = resolveAdapter(this.source);
      } catch (e) {
        this.sourceError = (e as Error).message;
        warnOnce(`source:${this.source}`, `<${this.localName} source="${this.source}">: ${this.sourceError}`);
      }
    }
    return this.resolved;
  }

  /** The language this element speaks, as chosen from `lang` (see the attribute): one Archipel ships or one the page added. */
  get locale(): Locale {
    if (this.hasAttribute('lang')) return pickLocale(this.getAttribute('lang')) ?? 'en';
    if (this.contextLocale) return this.contextLocale;
    // The nearest `lang` is the page's language here: one Archipel does not speak gets English, said as such.
    let node: Node | null = this.parentNode;
    while (node) {
      if (node instanceof Element && node.hasAttribute('lang')) return pickLocale(node.getAttribute('lang')) ?? 'en';
      node = node.parentNode ?? (node instanceof ShadowRoot ? node.host : null);
    }
    for (const tag of globalThis.navigator?.languages ?? []) {
      const found = pickLocale(tag);
      if (found) return found;
    }
    return 'en';
  }

  /**
   * The widget's content says which language it is in, and which way it reads, whatever the page around it says
   * (WCAG 3.1.2): a screen reader speaks it in the right voice, and Arabic reads right to left.
   */
  protected override update(changed: PropertyValues): void {
    super.update(changed);
    this.toggleAttribute('loading', this.waitingForData);
    const base = (this.renderRoot as ParentNode).querySelector<HTMLElement>('[part~="base"]');
    if (!base) return;
    const locale = this.locale;
    if (base.lang !== locale) base.lang = locale;
    const dir = directionOf(locale);
    if (base.dir !== dir) base.dir = dir;
  }

  /** Every catalogue this element speaks from: its class's, those its parts brought, then the core's. */
  private get catalogues(): Words[] {
    return [...(this.constructor as typeof ArchipelElement).words, ...this.learned, coreWords];
  }

  /**
   * Each render waits for the words of the element's language, loaded once per page and language. The
   * language or the catalogues may change while it waits (a page setting its `lang`, a part loading), so it
   * waits until those of the moment are there.
   */
  protected override async scheduleUpdate(): Promise<void> {
    let loading: Promise<void> | undefined;
    while ((loading = loadWords(this.catalogues, this.locale))) await loading;
    super.scheduleUpdate();
  }

  /** A visible string in this element's locale, with its `{placeholders}` filled in and, for a count, its plural form. */
  t(key: K | CoreKey, vars?: Record<string, unknown>): string {
    const message = this.strings[key] ?? lookup(this.catalogues, this.locale, key) ?? key;
    return format(message, this.locale, vars);
  }

  /**
   * What a part that loads on demand (a form, a lightbox, a results view) brings: its words, which the
   * next render waits for (and so may the part, on the promise returned, before it words a message), and its styles, adopted by this shadow root (constructable sheets, like Lit's
   * own, so a strict CSP still allows them). A page that never opens the part never downloads either.
   */
  learn(words: readonly Words[] = [], styles: CSSResult | readonly CSSResult[] = []): Promise<void> {
    const fresh = words.filter((w) => !this.learned.includes(w));
    if (fresh.length) {
      this.learned.push(...fresh);
      this.requestUpdate();
    }
    const root = this.renderRoot as ShadowRoot;
    const sheets = (Array.isArray(styles) ? styles : [styles]).map((s: CSSResult) => s.styleSheet).filter((s): s is CSSStyleSheet => Boolean(s) && !root.adoptedStyleSheets.includes(s!));
    if (sheets.length) root.adoptedStyleSheets = [...root.adoptedStyleSheets, ...sheets];
    return loadWords(words, this.locale) ?? Promise.resolve();
  }

  /** Fires an Archipel event from this element, bubbling and composed; false when a listener cancelled it. */
  emit<E extends ArchipelEventName>(name: E, detail: DetailOf<E>, options?: { cancelable?: boolean }): boolean {
    return emit(this, name, detail, options);
  }

  /**
   * The tag of a heading `depth` levels below the widget's first (0 is the first), for templates written with
   * `html` from lit/static-html.js: `<${tag} id="title">…</${tag}>`. Past h6 the headings stay at h6.
   */
  heading(depth = 0): StaticValue {
    return HEADINGS[this.headingNumber(depth) - 1]!;
  }

  /** The level, 1 to 6, of a heading `depth` levels below the widget's first. */
  protected headingNumber(depth = 0): number {
    let top = 2;
    if (this.headingLevel !== undefined) {
      if (Number.isInteger(this.headingLevel) && this.headingLevel >= 1 && this.headingLevel <= 6) top = this.headingLevel;
      else warnOnce(`${this.localName}:heading-level:${this.headingLevel}`, `<${this.localName} heading-level="${this.headingLevel}"> must be a whole number from 1 to 6; using 2.`);
    }
    return Math.min(6, top + depth);
  }

  /** Warns once when an attribute holds a value the element does not know, naming the ones it does. */
  protected checkOption<T extends string>(attribute: string, value: string | undefined, allowed: readonly T[], fallback: T): T {
    if (value === undefined || value === null || (allowed as readonly string[]).includes(value)) return (value as T) ?? fallback;
    warnOnce(`${this.localName}:${attribute}:${value}`, `<${this.localName} ${attribute}="${value}"> is not known; using "${fallback}". Write one of: ${allowed.join(', ')}.`);
    return fallback;
  }

  /**
   * Words for the state of a read: no source, loading, could not load, offline
   * (with what was saved), or empty. Returns nothing when the data is fine.
   */
  protected renderStatus(data: CollectionController<Collection>, empty: string = this.t('empty')): TemplateResult | typeof nothing {
    if (!this.dataAdapter) return this.renderNoSource();
    const r = data.result;
    if (!r) return html`<p class="notice" role="status" part="status" aria-busy="true">${this.t('loading')}</p>`;
    if (r.error && !r.items.length && !r.offline) {
      return html`<div class="notice" data-tone="error" role="alert" part="status">
        ${this.t(r.error.retryable ? 'error' : 'errorSetup')}
        <button type="button" @click=${() => data.load(true)}>${this.t('retry')}</button>
      </div>`;
    }
    const when = r.at ? formatRelative(new Date(r.at).toISOString(), this.locale) : '';
    if (r.offline) return html`<p class="notice" role="status" part="status">${this.t('offline', { when })}</p>`;
    if (r.error) return html`<p class="notice" role="status" part="status">${this.t('unrefreshed', { when })}</p>`;
    if (!r.items.length && !r.stale) return html`<p class="notice" role="status" part="status">${empty}</p>`;
    return nothing;
  }

  /**
   * What a visitor reads when the widget has no usable source: a set-up problem, not theirs to fix. The console
   * says what to change.
   */
  protected renderNoSource(): TemplateResult {
    if (!this.sourceError) {
      warnOnce(`${this.localName}:no-source`, `<${this.localName}> has no data source: set its source attribute to a Google Sheet, a folder of JSON files or an API address, or put it inside a <chapter-hub> that has one.`);
    }
    return html`<p class="notice" data-tone="error" role="alert" part="status">${this.t('noSource')}</p>`;
  }

  static override get observedAttributes(): string[] {
    return [...super.observedAttributes, 'lang'];
  }

  override attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    super.attributeChangedCallback(name, old, value);
    if (name === 'lang') this.requestUpdate();
  }
}
