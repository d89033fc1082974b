/**
 * What a supporter needs to decide to join: what, when (in the action's own
 * time zone, named, and in theirs when it differs), where or "online", who
 * hosts it, and a link to sign up that carries the page's campaign codes; how many come and whether it is full;
 * "I'm coming" when the source takes RSVPs, and "Add to my calendar" for every action.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { html as staticHtml, type StaticValue } from 'lit/static-html.js';
import { safeUrl, hostOf, formatDateTime, formatDateRange, translated, type Action, type Locale } from '@archipel/core';

const CAMPAIGN_PARAMS = ['utm_source', 'utm_medium', 'utm_campaign', 'utm_term', 'utm_content', 'source', 'ref'];

/** The RSVP link with the page's `source`/UTM parameters added, or undefined when it is not a safe link. */
export function rsvpUrl(url: string | undefined, page: string = location.href): string | undefined {
  const safe = safeUrl(url);
  if (!safe || safe.startsWith('mailto:')) return safe;
  const target = new URL(safe);
  const from = new URL(page).searchParams;
  for (const key of CAMPAIGN_PARAMS) {
    const value = from.get(key);
    if (value && !target.searchParams.has(key)) target.searchParams.set(key, value);
  }
  return target.href;
}

const visitorZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

const UNIVERSAL = /^(Etc\/)?(UTC|UCT|GMT|Universal|Zulu)$/;

/**
 * Zones named as places ("heure d’Europe centrale", "Eastern Time"), which supporters recognise, rather than as
 * offsets ("UTC+1"). Universal time has no place: its long name ("Coordinated Universal Time") says it.
 */
export const zoneAsPlace = (zone: string | undefined): Intl.DateTimeFormatOptions => ({ timeZoneName: zone && UNIVERSAL.test(zone) ? 'long' : 'longGeneric' });

/** "sam. 12 déc. 2026, 14:00 – 17:00 heure d’Europe centrale": the span in the action's zone. */
export function when(a: Action, locale: Locale): string {
  return a.end ? formatDateRange(a.start, a.end, locale, a.timezone, zoneAsPlace(a.timezone)) : formatDateTime(a.start, locale, a.timezone, zoneAsPlace(a.timezone));
}

/** The start in the visitor's own zone, when their clock says something else. */
export function visitorTime(a: Action, locale: Locale, zone = visitorZone()): string | undefined {
  if (!a.timezone || a.timezone === zone) return undefined;
  const inAction = formatDateTime(a.start, locale, a.timezone, { weekday: undefined, year: undefined, timeZoneName: undefined });
  const inVisitor = formatDateTime(a.start, locale, zone, { weekday: undefined, year: undefined, timeZoneName: undefined });
  return inAction === inVisitor ? undefined : formatDateTime(a.start, locale, zone, { weekday: 'short', year: undefined, ...zoneAsPlace(zone) });
}

/** "Place Bellecour, 69002 Lyon": venue, address, then postcode and town unless the address has them. */
export function placeOf(a: Action): string {
  const town = [a.postcode, a.city].filter(Boolean).join(' ');
  const parts = [a.venue];
  if (a.address && a.address !== a.venue) parts.push(a.address);
  if (town && !(a.address ?? '').includes(a.city ?? town)) parts.push(town);
  return parts.filter(Boolean).join(', ');
}

export interface CardText {
  t(key: string, vars?: Record<string, unknown>): string;
  locale: Locale;
  chapterName?: string;
  /** How far from the searched place, written out ("93 km"). */
  distance?: string;
  typeLabel?: string;
  /** The card's heading tag (the widget's heading level, one below its list). */
  heading: StaticValue;
  /** "I'm coming" or its form, when the source takes RSVPs and the action is not full. */
  join?: TemplateResult;
  /** Saves the action's calendar file. */
  addToCalendar?: () => void;
}

/** Whether everyone the host can welcome said they come. */
export const isFull = (a: Action) => a.capacity !== undefined && (a.going ?? 0) >= a.capacity;

/** "12 people coming · 18 places left", or "Full": counts only, never who. */
function attendance(a: Action, c: CardText): TemplateResult | typeof nothing {
  if (isFull(a)) return html`<p class="attendance full" part="attendance"><strong>${c.t('full')}</strong></p>`;
  const parts = [a.going ? c.t('going', { count: a.going }) : '', a.capacity !== undefined ? c.t('placesLeft', { count: a.capacity - (a.going ?? 0) }) : ''].filter(Boolean);
  return parts.length ? html`<p class="attendance" part="attendance">${parts.join(' · ')}</p>` : nothing;
}

/** "From Alternatiba Lyon", linked to where it was published when that is a web address. */
const originItem = (c: CardText) => (o: NonNullable<Action['origins']>[number]) => {
  const words = c.t('from_', { source: o.label ?? hostOf(o.url ?? '') });
  const link = safeUrl(o.url);
  return html`<li class="origin">${link ? html`<a href=${link} target="_blank" rel="noopener">${words}</a>` : words}</li>`;
};

export function renderCard(a: Action, c: CardText, close: () => void): TemplateResult {
  const local = visitorTime(a, c.locale);
  const link = rsvpUrl(a.url);
  const title = translated(a, 'title', c.locale);
  const description = translated(a, 'description', c.locale);
  return html`<article part="card" class="card" aria-labelledby="card-title" @keydown=${(e: KeyboardEvent) => e.key === 'Escape' && close()}>
    <button type="button" class="close" part="close" @click=${close} aria-label=${c.t('close')}>×</button>
    ${c.typeLabel ? html`<p class="kind">${c.typeLabel}${a.priority === 1 ? html` · <strong>${c.t('priority1')}</strong>` : nothing}</p>` : nothing}
    ${staticHtml`<${c.heading} id="card-title" tabindex="-1" dir="auto" lang=${title.lang ?? nothing}>${title.text}</${c.heading}>`}
    <p class="when"><time datetime=${a.start}>${when(a, c.locale)}</time>${local ? html`<br /><span class="local">${c.t('localTime', { time: local })}</span>` : nothing}</p>
    <p class="where">${a.virtual ? c.t('onlineAction') : placeOf(a)}${c.distance ? html` · ${c.t('distance', { distance: c.distance })}` : nothing}</p>
    ${c.chapterName ? html`<p class="chapter">${c.chapterName}</p>` : nothing}
    ${a.host ? html`<p class="host">${c.t('hostedBy', { host: a.host })}</p>` : nothing}
    ${description.text ? html`<p class="description" dir="auto" lang=${description.lang ?? nothing}>${description.text}</p>` : nothing}
    ${a.origins?.length ? html`<ul class="origins">${a.origins.map(originItem(c))}</ul>` : nothing}
    ${attendance(a, c)}
    ${link ? html`<a class="rsvp" part="rsvp" href=${link} target="_blank" rel="noopener">${c.t('rsvp')}<span class="visually-hidden"> — <span dir="auto" lang=${title.lang ?? nothing}>${title.text}</span> (${c.t('newTab')})</span></a>` : nothing}
    ${c.join ?? nothing}
    ${c.addToCalendar ? html`<button type="button" class="calendar" part="calendar" @click=${c.addToCalendar}>${c.t('addToCalendar')}</button>` : nothing}
  </article>`;
}
