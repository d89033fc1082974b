/**
 * The directory a hub shows without a `chapter`: every chapter, searchable by
 * name, city or postcode, nearest first once a place is known. Places come
 * from the campaign's own data (chapters and actions with coordinates), so a
 * search never leaves the page; the person's position is asked only when they
 * press "near me". A chunk of its own: a chapter's hub never downloads it.
 */
import { html, nothing, type ReactiveController } from 'lit';
import { html as staticHtml, type StaticValue } from 'lit/static-html.js';
import { CollectionController, formatNumber, makeTheme, memo, safeUrl, type Action, type Chapter, type DataHost, type Locale, type ReadResult, actionReader, PlaceIndex, distanceKm, fold, locate, locateReasonKey, type Point } from '@archipel/core';
import { isColour } from './branding.js';

/** What the directory needs of its hub. */
export interface DirectoryHost extends DataHost {
  readonly renderRoot: HTMLElement | DocumentFragment;
  readonly locale: Locale;
  /** Kilometres within which a chapter counts as near. */
  readonly radius: number;
  /** The tag of a heading `depth` levels below the hub's first. */
  heading(depth?: number): StaticValue;
  /** Where "start a chapter" leads, if anywhere. */
  readonly startUrl?: string;
}

/** What the hub decides about each chapter the directory lists. */
export interface ChapterLinks {
  /** The chapter's own page, when chapters have pages. */
  href(chapter: Chapter): string | undefined;
  /** The chapter's logo, if it has one that may be shown. */
  logo(chapter: Chapter): string | undefined;
  /** The person chose the chapter; false when the page stopped it (a link is then not followed). */
  open(chapter: Chapter): boolean;
}

export interface Entry {
  chapter: Chapter;
  km?: number;
}

export interface Found {
  entries: Entry[];
  /** Where distances are measured from, when a place is known. */
  from?: Point & { label: string };
  /** Whether the search needs the actions' postcodes, which are not read yet. */
  waiting: boolean;
}

const hasDigit = (s: string) => /\d/.test(s);

/**
 * The chapters for a search: nearest first from a known place (a postcode,
 * exact or by prefix, or a city), else those whose name, city, region or
 * country contains the words, in alphabetical order.
 */
export function searchChapters(chapters: readonly Chapter[], places: PlaceIndex, q: string, me: Point | undefined, locale: string): Found {
  const text = q.trim();
  const from = text ? places.find(text) : me && { ...me, label: '' };
  if (from) {
    const entries = chapters
      .map((chapter) => ({ chapter, km: chapter.lat !== undefined && chapter.lng !== undefined ? distanceKm(from, { lat: chapter.lat, lng: chapter.lng }) : undefined }))
      .sort((a, b) => (a.km ?? Infinity) - (b.km ?? Infinity));
    return { entries, from, waiting: false };
  }
  const byName = (a: Chapter, b: Chapter) => a.name.localeCompare(b.name, locale);
  if (!text) return { entries: [...chapters].sort(byName).map((chapter) => ({ chapter })), waiting: false };
  const words = fold(text).split(' ');
  const entries = chapters
    .filter((c) => {
      const hay = fold([c.name, c.city, c.region, c.country, c.postcode].filter(Boolean).join(' '));
      return words.every((w) => hay.includes(w));
    })
    .sort(byName)
    .map((chapter) => ({ chapter }));
  return { entries, waiting: false };
}

export class Directory implements ReactiveController {
  /** What the person typed and searched. */
  private searchTyped = '';
  /** The person's position, after they pressed "near me" and allowed it. */
  private position?: Point;
  /** Locating, or why the position is unknown. */
  private message = '';
  /** A postcode was searched: the actions are read to place it. */
  private actionsWanted = false;
  private readonly actions: CollectionController<'actions'>;
  private readonly placeIndex = memo((chapters: Chapter[], actions: ReadResult<Action> | undefined) => new PlaceIndex(actions?.items ?? [], chapters));

  constructor(
    private readonly host: DirectoryHost,
    private readonly links: ChapterLinks,
  ) {
    // Chapters rarely carry a postcode: the actions' postcodes place one, read only once a postcode is searched.
    this.actions = new CollectionController(host, 'actions', actionReader, () => (this.actionsWanted ? {} : undefined));
    host.addController(this);
  }

  hostUpdated(): void {
    // Colours from data reach CSS only through the CSSOM, and only once checked; a pale one is darkened so that the
    // badge's ring does not vanish into the page.
    for (const el of this.host.renderRoot.querySelectorAll<HTMLElement>('[data-colour]')) {
      if (isColour(el.dataset.colour)) el.style.setProperty('--_swatch', makeTheme(el.dataset.colour).brand);
    }
  }

  private onInput = (e: Event) => {
    this.searchTyped = (e.target as HTMLInputElement).value;
    this.position = undefined;
    this.message = '';
    if (hasDigit(this.searchTyped)) this.actionsWanted = true;
    this.host.requestUpdate();
  };

  private onSubmit = (e: Event) => {
    e.preventDefault();
    this.onInput({ target: this.host.renderRoot.querySelector('#q') } as unknown as Event);
  };

  private nearMe = () => {
    const host = this.host;
    this.message = host.t('locating');
    host.requestUpdate();
    locate().then(
      (at) => {
        this.position = at;
        this.searchTyped = '';
        this.message = '';
        host.requestUpdate();
      },
      (problem) => {
        this.message = host.t('locateFailed', { reason: host.t(locateReasonKey(problem)) });
        host.requestUpdate();
      },
    );
  };

  render(chapters: Chapter[]) {
    const host = this.host;
    const t = host.t.bind(host);
    const found = searchChapters(chapters, this.placeIndex(chapters, this.actions.result), this.searchTyped, this.position, host.locale);
    const waiting = hasDigit(this.searchTyped) && !found.from && !this.actions.result;
    const nearest = found.entries[0]?.km;
    const far = found.from && (nearest === undefined || nearest > host.radius);
    const none = !found.entries.length && this.searchTyped.trim() && !waiting;
    const start = safeUrl(host.startUrl);
    const place = found.from?.label || t('you');
    const count = found.from ? t('countNear', { count: found.entries.length }) : t('count', { count: found.entries.length });
    return html`<section class="directory" part="directory" aria-labelledby="directory-title">
      ${staticHtml`<${host.heading()} id="directory-title" part="heading">${t('directory')}</${host.heading()}>`}
      <form class="search" part="search" role="search" @submit=${this.onSubmit}>
        <label for="q">${t('searchLabel')}</label>
        <div class="inline">
          <input id="q" name="q" type="search" .value=${this.searchTyped} autocomplete="postal-code" enterkeyhint="search" @input=${this.onInput} />
          <button type="submit">${t('search')}</button>
          <button type="button" @click=${this.nearMe}>${t('nearMe')}</button>
        </div>
      </form>
      <p class="count" part="count" role="status">${this.message || (waiting ? t('loading') : count)}</p>
      ${far || none
        ? html`<div class="notice" part="start">
            <p>${none ? t('noMatch', { q: this.searchTyped.trim() }) : t('noneNear', { km: formatNumber(host.radius, host.locale), place })}</p>
            ${start ? html`<p><a href=${start}>${t('start')}</a> · ${t('startHint')}</p>` : nothing}
          </div>`
        : nothing}
      <ul class="entries" part="list">
        ${found.entries.map((e) => this.renderEntry(e))}
      </ul>
    </section>`;
  }

  private renderEntry({ chapter: c, km }: Entry) {
    const host = this.host;
    const where = [c.city, c.region, c.country].filter(Boolean).join(' · ');
    const href = this.links.href(c);
    const logo = this.links.logo(c);
    const open = (e: Event) => {
      if (!this.links.open(c)) e.preventDefault();
    };
    return html`<li class="entry" part="entry">
      <span class="badge" data-colour=${c.color ?? ''} aria-hidden="true">${logo ? html`<img src=${logo} alt="" loading="lazy" decoding="async" width="40" height="40" />` : c.name.charAt(0)}</span>
      <span class="entry-text">
        ${href
          ? html`<a class="name" href=${href} @click=${open} dir="auto">${c.name}</a>`
          : html`<button type="button" class="name" @click=${open} dir="auto">${c.name}</button>`}
        <span class="meta" dir="auto">${where}${km !== undefined ? html` · <strong>${host.t('km', { km: formatNumber(Math.round(km), host.locale) })}</strong>` : nothing}</span>
      </span>
    </li>`;
  }
}
