import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { html as staticHtml } from 'lit/static-html.js';
import { property, state } from 'lit/decorators.js';
import { ContextProvider } from '@lit/context';
import { ArchipelElement, CollectionController, adapterContext, chapterContext, localeContext, memo, safeUrl, themeContext, translated, warnOnce, chapterReader, type Chapter, type ReadResult } from '@archipel/core';
import { adjustmentMessage, brandFor, isColour, type Branding } from './branding.js';
import { hubStyles } from './chapter-hub.styles.js';
import { hubWords, type HubKey } from './strings/chapter-hub.js';
import { NESTED, defineNested } from './nested.js';
import type { Directory } from './directory.js';

const BUILT_IN = ['about', 'leaders', 'links', 'actions', 'signup', 'wall'] as const;
type BuiltIn = (typeof BUILT_IN)[number];
/** A section of the webmaster's own, filled only through its slot. */
const CUSTOM = /^[a-z][a-z0-9-]*$/;

/**
 * @summary A chapter's own hub, in its logo and colours, with its leaders, links, actions, sign-up form and wall; a searchable directory of chapters without `chapter`. Gives its data source, chapter, theme and language to every Archipel widget inside it.
 * @tag chapter-hub
 *
 * @slot - Anything after the sections; Archipel widgets here receive the hub's source, chapter, theme and language.
 * @slot header - Replaces the header (logo, name, slogan, join button).
 * @slot about - Replaces the description.
 * @slot leaders - Replaces the list of leaders.
 * @slot links - Replaces the website and social links.
 * @slot actions - Replaces the upcoming actions; the nested `<action-map>` is then not loaded.
 * @slot signup - Replaces the sign-up form; the nested `<hub-signup>` is then not loaded.
 * @slot wall - Replaces the wall; the nested `<hashtag-wall>` is then not loaded.
 * @slot <name> - A section of your own at its place in `sections`: add its name there and put `<div slot="name">` inside.
 * @slot fallback - Shown until the hub runs, and where JavaScript does not (a link to the chapters' page): never rendered inside the hub.
 *
 * @csspart base - The whole hub or directory.
 * @csspart header - The chapter's header, in its brand colour.
 * @csspart logo - The logo (or the initial when there is none).
 * @csspart name - The chapter's name.
 * @csspart slogan - The chapter's slogan.
 * @csspart join - The header's button that leads to the sign-up form.
 * @csspart back - "All chapters", when a chapter was opened from the directory.
 * @csspart host - The actions section's "Host an action with us" button (when the source takes writes).
 * @csspart calendar-feed - The actions section's link to the chapter's calendar feed (with the Archipel server).
 * @csspart section - Every section; each also has its name as a part (`about`, `leaders`, `links`, `actions`, `signup`, `wall`).
 * @csspart status - Loading, error, offline, empty and not-found messages.
 * @csspart directory - The directory of chapters.
 * @csspart heading - The directory's heading.
 * @csspart search - The directory's search form.
 * @csspart count - How many chapters are listed, announced politely.
 * @csspart list - The list of chapters.
 * @csspart entry - One chapter in the directory.
 * @csspart start - "No chapter near you" with the link to start one.
 *
 * @cssprop --archipel-color-brand - The header, buttons and links: set by the hub from the chapter's colour, else the page's.
 * @cssprop --archipel-color-accent - Set by the hub from the chapter's accent colour, else the page's.
 * @cssprop --archipel-color-surface - The background, against which text contrast is checked: `#rgb` or `#rrggbb` (default white).
 * @cssprop --archipel-color-text - Text: the campaign's, never the chapter's (default `#1c2024`).
 * @cssprop --archipel-color-link - Links (default: the brand colour, made readable as text).
 * @cssprop --archipel-color-notice - The background of notices (default `#f1f3f5`).
 * @cssprop --archipel-font-family - Fonts: the campaign's, never the chapter's.
 * @cssprop --archipel-radius - Corner radius: the campaign's, never the chapter's (default `0.5em`).
 * @cssprop --archipel-hub-gap - Space between sections (default `1.5em`).
 * @cssprop --archipel-hub-field-border - The directory's search field border (default: the global `--archipel-color-field-border`, `#6b7280`).
 * @cssprop --archipel-hub-field-background - The directory's search field background (default: the global `--archipel-color-field`, white).
 * @cssprop --archipel-hub-entry-border - A directory entry's border (default: the global `--archipel-color-border`, `#c9ced4`).
 *
 * @fires {CustomEvent<LoadDetail>} archipel-load - Chapters (and, for a postcode search in the directory, actions) were read; detail `{collection, source, count, skipped, fromCache, offline}`.
 * @fires {CustomEvent<SelectDetail>} archipel-select - A chapter was chosen in the directory; cancelable (the link is then not followed and the hub does not open it); detail `{chapter}`.
 * @fires {CustomEvent<ErrorDetail>} archipel-error - The chapters could not be read; detail `{collection, error}`.
 */
export class ChapterHub extends ArchipelElement<HubKey> {
  static override words = [hubWords];
  static override styles = [...ArchipelElement.styles, hubStyles];

  /** The chapter's id; without it, the hub is a directory of every chapter. An id the source does not have is said on screen. */
  @property({ reflect: true }) chapter = '';
  /**
   * The sections, in display order, space-separated: by default `about leaders links actions signup wall`. Leave one out to
   * turn it off; add names of your own, filled through slots (lower-case letters, digits and `-`; another name warns and is left out).
   * @type {string}
   */
  @property() sections = BUILT_IN.join(' ');
  /** A logo URL (http or https) that replaces the record's; a logo that cannot be loaded gives way to the chapter's initial. */
  @property() logo?: string;
  /** A brand colour that replaces the record's: `#rgb` or `#rrggbb` only; anything else is ignored, with a console warning. */
  @property() color?: string;
  /** An accent colour that replaces the record's: `#rgb` or `#rrggbb` only; anything else is ignored, with a console warning. */
  @property() accent?: string;
  /** The nested wall's hashtag, with or without its `#`. */
  @property() hashtag?: string;
  /** The nested sign-up form's consent purposes and wording, as `<hub-signup consent>` takes them; by default one "contact" box. */
  @property() consent?: string;
  /** The privacy policy linked under the nested sign-up form. */
  @property({ attribute: 'privacy-url' }) privacyUrl?: string;
  /** Directory: each chapter's link, `{id}` replaced by its id (`/chapters/{id}`); without it, a chapter opens in place, with an "All chapters" button back. */
  @property({ attribute: 'href-template' }) hrefTemplate?: string;
  /** Directory: where "Start a chapter" leads, offered when no chapter is within `radius` km or none matches. */
  @property({ attribute: 'start-url' }) startUrl?: string;
  /** Directory: kilometres within which a chapter counts as near. */
  @property({ type: Number }) radius = 50;

  @state() private openedFromDirectory = false;
  /** A logo that could not be loaded: the initial stands in for it. */
  @state() private failedLogo?: string;

  /** What every Archipel widget inside receives: this hub's source, chapter, theme and language. */
  private readonly provided = {
    adapter: new ContextProvider(this, { context: adapterContext }),
    chapter: new ContextProvider(this, { context: chapterContext }),
    theme: new ContextProvider(this, { context: themeContext }),
    locale: new ContextProvider(this, { context: localeContext }),
  };

  private readonly chapters = new CollectionController(this, 'chapters', chapterReader);
  private directory?: Directory;
  private loadingDirectory = false;
  private focusName = false;
  /** The brand tokens set on the wrapper at the last update, to remove those the next one drops. */
  private tokensSet: string[] = [];

  // The same objects while nothing they come from changed: they are given to every widget inside, which re-render when they change.
  private readonly recordShown = memo((read: ReadResult<Chapter> | undefined, id: string, color: string | undefined, accent: string | undefined): Chapter | undefined => {
    const r = id ? read?.items.find((c) => c.id === id) : undefined;
    const colorShown = this.colour('color', color) ?? r?.color;
    const accentShown = this.colour('accent', accent) ?? r?.accent;
    return r && { ...r, ...(colorShown ? { color: colorShown } : {}), ...(accentShown ? { accent: accentShown } : {}) };
  });
  private readonly chapterGiven = memo((record: Chapter | undefined, id: string) => (id ? givenChapter(record, id) : undefined));
  // Measured against the campaign's surface and text colours when the chapter's colours change.
  private readonly brandingFor = memo((brand: string | undefined, accent: string | undefined): Branding | undefined => {
    if (!brand) return undefined;
    const css = getComputedStyle(this);
    const surface = css.getPropertyValue('--archipel-color-surface').trim() || undefined;
    const text = css.getPropertyValue('--archipel-color-text').trim() || undefined;
    const branding = brandFor(brand, accent, surface, text);
    if (branding.adjusted) warnOnce(`chapter-hub:contrast:${branding.theme.brand}:${branding.theme.surface}`, adjustmentMessage(`<chapter-hub chapter="${this.chapter}">`, branding));
    return branding;
  });

  /** The chapter's record as shown: the source's, with the `color` and `accent` attributes applied; undefined while it loads or without `chapter`. */
  get record(): Chapter | undefined {
    return this.recordShown(this.chapters.result, this.chapter, this.color, this.accent);
  }

  /** The colours in use and their contrasts, `{theme, tokens, onBrand, asText, onSurface, onAccent, adjusted}`; undefined while the chapter has no colour of its own. */
  get branding(): Branding | undefined {
    if (!this.chapter) return undefined;
    const record = this.record;
    return this.brandingFor(this.colour('color', this.color) ?? record?.color, this.colour('accent', this.accent) ?? record?.accent);
  }

  /** An attribute colour if it is one; anything else (which could carry CSS) is ignored, with one warning. */
  private colour(attr: 'color' | 'accent', value: string | undefined): string | undefined {
    const v = value?.trim();
    if (!v) return undefined;
    if (isColour(v)) return v;
    warnOnce(`chapter-hub:${attr}:${v}`, `<chapter-hub ${attr}="${v}"> is not a colour: write #rgb or #rrggbb, e.g. ${attr}="#1a7f5a". It is ignored.`);
    return undefined;
  }

  /** The logo to show: the attribute's, else the record's (read relative to its source). */
  private logoFor(c: Chapter): string | undefined {
    if (c.id === this.chapter && this.logo) return safeUrl(this.logo);
    const base = c.origin ?? this.dataAdapter?.source;
    const url = safeUrl(c.logo, base && /^https?:/.test(base) ? new URL(base, document.baseURI).href : undefined);
    return url?.startsWith('mailto:') ? undefined : url;
  }

  /** A directory entry's link, from `href-template`. */
  private hrefFor(c: Chapter): string | undefined {
    return this.hrefTemplate ? safeUrl(this.hrefTemplate.replaceAll('{id}', encodeURIComponent(c.id))) : undefined;
  }

  /** A chapter chosen in the directory: tells the page (which may cancel), then opens it in place when there is no link to follow. */
  private choose(c: Chapter): boolean {
    if (!this.emit('archipel-select', { chapter: c }, { cancelable: true })) return false;
    if (!this.hrefFor(c)) {
      this.chapter = c.id;
      this.openedFromDirectory = true;
      this.focusName = true;
    }
    return true;
  }

  private get sectionList(): string[] {
    const names = [...new Set(this.sections.split(/[\s,]+/).filter(Boolean))];
    return names.filter((n) => {
      if ((BUILT_IN as readonly string[]).includes(n) || CUSTOM.test(n)) return true;
      warnOnce(`chapter-hub:sections:${n}`, `<chapter-hub sections="…${n}…">: a section's name is lower-case letters, digits and "-"; write some of ${BUILT_IN.join(', ')} or a name of your own.`);
      return false;
    });
  }

  /** Sections the webmaster filled through a slot: their default content (and its nested widget) is not rendered. */
  private replaced(name: string): boolean {
    for (const child of this.children) if (child.slot === name) return true;
    return false;
  }

  override connectedCallback(): void {
    // Before the providers announce themselves (as the element connects), so that what they answer is this hub's.
    this.provide();
    super.connectedCallback();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const record = this.record;
    this.provide();
    if (changed.has('chapter') && !this.chapter) this.openedFromDirectory = false;
    if (this.chapter) {
      // The form is defined at once; the map and the wall, and their data, when their section is about to be seen.
      if (record && this.sectionList.includes('signup') && !this.replaced('signup')) void defineNested(NESTED.signup);
    } else if (!this.directory && !this.loadingDirectory) {
      this.loadingDirectory = true;
      void import('./directory.js').then((m) => {
        this.directory = new m.Directory(this, { href: (c) => this.hrefFor(c), logo: (c) => this.logoFor(c), open: (c) => this.choose(c) });
        this.requestUpdate();
      });
    }
  }

  private provide(): void {
    this.provided.adapter.setValue(this.dataAdapter);
    this.provided.chapter.setValue(this.chapterGiven(this.record, this.chapter));
    this.provided.theme.setValue(this.branding?.theme);
    this.provided.locale.setValue(this.locale);
  }

  private sectionWatcher?: IntersectionObserver;

  /** Defines a nested widget (and so starts its reads) once its section is within a screen of the view. */
  private watchSections(): void {
    this.sectionWatcher ??= new IntersectionObserver(
      (entries) => {
        for (const e of entries) {
          if (!e.isIntersecting) continue;
          const name = (e.target as HTMLElement).dataset.section as keyof typeof NESTED;
          this.sectionWatcher?.unobserve(e.target);
          if (name in NESTED) void defineNested(NESTED[name]);
        }
      },
      { rootMargin: '100% 0px' },
    );
    for (const name of ['actions', 'wall'] as const) {
      const section = this.renderRoot.querySelector<HTMLElement>(`[data-section="${name}"]`);
      if (section && !this.replaced(name) && !customElements.get(NESTED[name])) this.sectionWatcher.observe(section);
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.sectionWatcher?.disconnect();
    this.sectionWatcher = undefined;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (this.chapter && this.record) this.watchSections();
    // Set through the CSSOM on the element that holds every nested and slotted widget:
    // a strict CSP allows it, and the page's stylesheets cannot reach inside to undo it.
    const base = this.renderRoot.querySelector<HTMLElement>('.base');
    if (base) {
      const tokens = this.branding?.tokens ?? {};
      for (const name of this.tokensSet) if (!(name in tokens)) base.style.removeProperty(name);
      for (const [name, value] of Object.entries(tokens)) base.style.setProperty(name, value);
      this.tokensSet = Object.keys(tokens);
    }
    if (this.focusName && this.record) {
      this.focusName = false;
      this.renderRoot.querySelector<HTMLElement>('#name')?.focus();
    }
  }

  private back = async () => {
    this.chapter = '';
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#q')?.focus();
  };

  /** The chapter's calendar feed, for calendar apps to subscribe to: the Archipel server serves one per chapter. */
  private calendarFeed(c: Chapter): string | undefined {
    if (this.dataAdapter?.kind !== 'rest' || !this.source) return undefined;
    return safeUrl(`${new URL(this.source.trim(), document.baseURI).href.replace(/\/+$/, '')}/chapters/${encodeURIComponent(c.id)}/actions.ics`);
  }

  /** "Host an action with us": the nested map's form to propose one, in this chapter. */
  private openHostForm = async () => {
    await defineNested(NESTED.actions);
    const map = this.renderRoot.querySelector<HTMLElement & { updateComplete: Promise<boolean>; openHostForm(): Promise<void> }>('action-map');
    await map?.updateComplete;
    await map?.openHostForm();
  };

  private toSignup = () => {
    const section = this.renderRoot.querySelector<HTMLElement>('[data-section="signup"]');
    section?.scrollIntoView({ behavior: matchMedia('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth', block: 'start' });
    section?.focus({ preventScroll: true });
  };

  override render() {
    return html`<div part="base" class="base" @slotchange=${() => this.requestUpdate()}>
      ${this.chapter ? this.renderHub() : this.renderDirectory()}
      <slot></slot>
    </div>`;
  }

  private renderDirectory() {
    const status = this.renderStatus(this.chapters);
    if (status !== nothing) return status;
    return this.directory?.render(this.chapters.items) ?? html`<p class="notice" role="status" part="status">${this.t('loading')}</p>`;
  }

  private renderHub() {
    const back = this.openedFromDirectory ? html`<button type="button" class="back" part="back" @click=${this.back}><span class="arrow" aria-hidden="true">←</span> ${this.t('allChapters')}</button>` : nothing;
    const c = this.record;
    if (!c) {
      const status = this.renderStatus(this.chapters);
      const example = this.chapters.items[0]?.id ?? 'lyon';
      return html`${back}${status !== nothing ? status : html`<p class="notice" data-tone="error" role="alert" part="status">${this.t('notFound', { id: this.chapter, example })}</p>`}`;
    }
    const sections = this.sectionList;
    return html`${back}
      <slot name="header">${this.renderHeader(c, sections.includes('signup'))}</slot>
      <div class="sections">${sections.map((name) => this.renderSection(name, c))}</div>`;
  }

  private renderHeader(c: Chapter, signup: boolean) {
    const logo = this.logoFor(c);
    const where = [c.city, c.region].filter(Boolean).join(' · ');
    const slogan = translated(c, 'slogan', this.locale);
    // Not a <header>: at the top of the shadow root it would be a second banner beside the page's own.
    return html`<div class="header" part="header">
      <span class="logo" part="logo">
        ${logo && logo !== this.failedLogo
          ? html`<img src=${logo} alt=${this.t('logo', { name: c.name })} width="72" height="72" loading="lazy" decoding="async" @error=${() => (this.failedLogo = logo)} />`
          : html`<span aria-hidden="true">${c.name.charAt(0)}</span>`}
      </span>
      <div class="title">
        ${staticHtml`<${this.heading()} id="name" part="name" tabindex="-1" dir="auto">${c.name}</${this.heading()}>`}
        ${slogan.text ? html`<p part="slogan" dir="auto" lang=${slogan.lang ?? nothing}>${slogan.text}</p>` : nothing}
        ${where ? html`<p class="where" dir="auto">${where}</p>` : nothing}
      </div>
      ${signup ? html`<button type="button" class="join" part="join" @click=${this.toSignup}>${this.t('join')}</button>` : nothing}
    </div>`;
  }

  private renderSection(name: string, c: Chapter) {
    const slotted = this.replaced(name);
    if (!slotted && !(BUILT_IN as readonly string[]).includes(name)) return nothing;
    const own = slotted ? undefined : this.sectionContent(name as BuiltIn, c);
    if (own === nothing) return nothing;
    const labelled = own && name !== 'signup' && name !== 'wall';
    return html`<section
      class="section"
      part="section ${name}"
      data-section=${name}
      tabindex=${name === 'signup' ? '-1' : nothing}
      aria-labelledby=${labelled ? `h-${name}` : nothing}
    >
      <slot name=${name}>${own ?? nothing}</slot>
    </section>`;
  }

  /** A built-in section's own content, or nothing when the chapter has nothing for it. */
  private sectionContent(name: BuiltIn, c: Chapter): TemplateResult | typeof nothing {
    const heading = staticHtml`<${this.heading(1)} id="h-${name}" class="section-heading">${this.t(name as HubKey)}</${this.heading(1)}>`;
    switch (name) {
      case 'about': {
        const about = translated(c, 'description', this.locale);
        if (!about.text) return nothing;
        return html`${heading}${about.text.split(/\n\s*\n/).map((p) => html`<p dir="auto" lang=${about.lang ?? nothing}>${p}</p>`)}`;
      }
      case 'leaders': {
        if (!c.leaders?.length) return nothing;
        // Names, roles and pronouns only: a leader's email address is never shown, whatever the source holds.
        return html`${heading}
          <ul class="leaders" part="leaders">
            ${c.leaders.map(
              (l) => html`<li>
                <span class="leader-name" dir="auto">${l.name}</span>${l.pronouns ? html`<span class="pronouns" dir="auto">&nbsp;(${l.pronouns})</span>` : nothing}
                ${l.role ? html`<span class="role" dir="auto">${l.role}</span>` : nothing}
              </li>`,
            )}
          </ul>`;
      }
      case 'links': {
        const links: [string, string | undefined][] = [
          [this.t('website'), safeUrl(c.website)],
          ...(c.links ?? []).map((l): [string, string | undefined] => [l.label, safeUrl(l.url)]),
          [this.t('writeTo'), c.email && /^[^\s@]+@[^\s@]+$/.test(c.email) ? safeUrl(`mailto:${c.email}`) : undefined],
        ];
        const shown = links.filter((l): l is [string, string] => Boolean(l[1]));
        if (!shown.length) return nothing;
        return html`${heading}
          <ul class="links" part="links">
            ${shown.map(([label, href]) => html`<li><a href=${href} rel=${href.startsWith('mailto:') ? nothing : 'noopener'} dir="auto">${label}</a></li>`)}
          </ul>`;
      }
      case 'actions': {
        const feed = this.calendarFeed(c);
        // A source that takes writes (the Archipel server, the Apps Script) takes proposed actions.
        const host = this.dataAdapter?.writable;
        return html`${heading}<action-map heading-level=${this.headingNumber(2)}></action-map>
          ${host || feed
            ? html`<p class="actions-more">
                ${host ? html`<button type="button" class="host" part="host" @click=${this.openHostForm}>${this.t('hostAction')}</button>` : nothing}
                ${feed ? html`<a href=${feed} part="calendar-feed">${this.t('calendarFeed')}</a>` : nothing}
              </p>`
            : nothing}`;
      }
      case 'signup':
        return html`<hub-signup heading-level=${this.headingNumber(1)} consent=${this.consent ?? nothing} privacy-url=${this.privacyUrl ?? nothing}></hub-signup>`;
      case 'wall':
        return html`<hashtag-wall heading-level=${this.headingNumber(1)} hashtag=${this.hashtag ?? nothing}></hashtag-wall>`;
    }
  }
}

/**
 * The chapter given to the widgets inside: the record without leaders'
 * emails (nobody inside needs them), or, while the record loads, just its id,
 * so nested widgets read this chapter's data from their first request.
 */
function givenChapter(record: Chapter | undefined, id: string): Chapter {
  if (!record) return { id, name: id };
  return { ...record, leaders: record.leaders?.map(({ email: _email, ...l }) => l) };
}
