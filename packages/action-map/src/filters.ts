/**
 * What the person asked to see, as plain data: applied to the actions, kept in
 * the URL hash (`sync-url`), and reset in one click. Dates are compared in each
 * action's own time zone, so "12 December" means the 12th where it happens.
 */
import { type Action, distanceKm, eachInSlices, fold, sortInSlices, type Place } from '@archipel/core';

export type When = 'upcoming' | 'week' | 'month' | 'day' | 'all' | 'range';
export type Format = '' | 'in-person' | 'online';
export type Sort = 'date' | 'distance';

export interface Filters {
  q: string;
  type: string;
  when: When;
  from: string;
  to: string;
  format: Format;
  priority: string;
  chapter: string;
  /** The place typed, and where it is once found. */
  place: string;
  near?: Place;
  /** The place is the visitor's own position ("near me"): never written to the address, which people share. */
  located?: boolean;
  /** Kilometres; 0 is any distance. */
  radius: number;
  sort: Sort;
}

export const DEFAULT_FILTERS: Filters = { q: '', type: '', when: 'upcoming', from: '', to: '', format: '', priority: '', chapter: '', place: '', radius: 0, sort: 'date' };

export interface Hit {
  action: Action;
  /** When it starts, in milliseconds: the list sorts on this number, as comparing 100,000 ISO strings with `localeCompare` took seconds. */
  at: number;
  /** Distance from the searched place, when there is one and the action has a place. */
  km?: number;
}

const days = new Map<string, Intl.DateTimeFormat>();

/** "2026-12-12": the calendar day of an instant in a zone. */
export function localDay(iso: string, zone = 'UTC'): string {
  let f = days.get(zone);
  if (!f) days.set(zone, (f = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' })));
  return f.format(new Date(iso));
}

const DAY = 86_400_000;

/** The same action from two sources: the same id, or the same title, start and place. */
export function dedupe(actions: readonly Action[]): Action[] {
  const ids = new Set<string>();
  const keys = new Set<string>();
  const out: Action[] = [];
  for (const a of actions) {
    const key = `${fold(a.title)}|${a.start}|${a.virtual ? 'online' : fold(a.venue ?? a.address ?? a.city ?? `${a.lat},${a.lng}`)}`;
    if ((a.id && ids.has(a.id)) || keys.has(key)) continue;
    if (a.id) ids.add(a.id);
    keys.add(key);
    out.push(a);
  }
  return out;
}

/** The test of one action against the filters: its hit, or undefined when it does not match. */
export function matcher(f: Filters, { now = Date.now(), dayOfAction = '' } = {}): (action: Action) => Hit | undefined {
  const q = fold(f.q);
  return (action) => {
    const start = Date.parse(action.start);
    const end = action.end ? Date.parse(action.end) : start;
    if (f.when === 'upcoming' && end < now) return undefined;
    if (f.when === 'week' && (end < now || start > now + 7 * DAY)) return undefined;
    if (f.when === 'month' && (end < now || start > now + 30 * DAY)) return undefined;
    if (f.when === 'day' && dayOfAction && localDay(action.start, action.timezone) !== dayOfAction) return undefined;
    if (f.when === 'range') {
      const day = localDay(action.start, action.timezone);
      if ((f.from && day < f.from) || (f.to && day > f.to)) return undefined;
    }
    if (f.type && action.type !== f.type) return undefined;
    if (f.format === 'online' && !action.virtual) return undefined;
    if (f.format === 'in-person' && action.virtual) return undefined;
    if (f.priority && String(action.priority ?? 3) !== f.priority) return undefined;
    if (f.chapter && action.chapter !== f.chapter) return undefined;
    // A title is found in any of its languages: a visitor may search in theirs or in the one they read on the row.
    if (q && !fold([action.title, ...Object.values(action.translations ?? {}).map((t) => t.title), action.city, action.postcode, action.venue, action.host].filter(Boolean).join(' ')).includes(q)) return undefined;
    let km: number | undefined;
    if (f.near && action.lat !== undefined && action.lng !== undefined) km = distanceKm(f.near, { lat: action.lat, lng: action.lng });
    if (f.near && f.radius && (km === undefined || km > f.radius)) return undefined;
    return { action, km, at: start };
  };
}

/** The list's order: by time, or by distance then time. Sorts with it are stable: actions read in time order stay as they are. */
const order = (f: Filters): ((a: Hit, b: Hit) => number) => (f.sort === 'distance' && f.near ? (a, b) => (a.km ?? Infinity) - (b.km ?? Infinity) || a.at - b.at : (a, b) => a.at - b.at);

export function applyFilters(actions: readonly Action[], f: Filters, options: { now?: number; dayOfAction?: string } = {}): Hit[] {
  const test = matcher(f, options);
  const hits: Hit[] = [];
  for (const action of actions) {
    const hit = test(action);
    if (hit) hits.push(hit);
  }
  return hits.sort(order(f));
}

/**
 * `applyFilters` a slice at a time (#23): 100,000 actions took one task of a third of a second on a busy machine.
 * The sort too: a million hits sorted by distance took 0.8 s in one task (Node 20, 2-core Xeon).
 */
export async function applyFiltersInSlices(actions: readonly Action[], f: Filters, options: { now?: number; dayOfAction?: string } = {}): Promise<Hit[]> {
  const test = matcher(f, options);
  const hits: Hit[] = [];
  await eachInSlices(actions, (action) => {
    const hit = test(action);
    if (hit) hits.push(hit);
  });
  return sortInSlices(hits, order(f));
}

/** Tests actions a part at a time as a large read brings them (#23); `hits()` puts those found in the list's order. */
export interface FilteredInParts {
  /** Tests a part of the actions, in the order read. */
  add(actions: readonly Action[]): void;
  hits(): Promise<Hit[]>;
}

/**
 * `applyFilters` over actions that arrive in parts: each action is tested once, as it comes, and the hits are sorted
 * a slice at a time once all are in.
 */
export function filterInParts(f: Filters, options: { now?: number; dayOfAction?: string } = {}): FilteredInParts {
  const test = matcher(f, options);
  const hits: Hit[] = [];
  return {
    add(actions) {
      for (const action of actions) {
        const hit = test(action);
        if (hit) hits.push(hit);
      }
    },
    hits: () => sortInSlices(hits, order(f)),
  };
}

const PREFIX = 'map-';
const KEYS = ['q', 'type', 'when', 'from', 'to', 'format', 'priority', 'chapter', 'place', 'radius', 'sort'] as const;

/** Filters and selection in a URL hash, beside whatever else the page keeps there. */
export function writeHash(hash: string, f: Filters, selected?: string): string {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  for (const k of [...params.keys()]) if (k.startsWith(PREFIX)) params.delete(k);
  for (const k of KEYS) {
    const v = String(f[k]);
    if (v !== String(DEFAULT_FILTERS[k]) && !(k === 'place' && f.located)) params.set(PREFIX + k, v);
  }
  // The position stays on this device; the link only says that it was "near me", so whoever opens it is told.
  if (f.located) params.set(`${PREFIX}near`, 'me');
  if (selected) params.set(`${PREFIX}sel`, selected);
  const s = params.toString();
  return s ? `#${s}` : '';
}

export function readHash(hash: string): { filters: Partial<Filters>; selected?: string; nearSharer: boolean } {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const filters: Record<string, unknown> = {};
  for (const k of KEYS) {
    const v = params.get(PREFIX + k);
    if (v !== null) filters[k] = k === 'radius' ? Number(v) || 0 : v;
  }
  return { filters: filters as Partial<Filters>, selected: params.get(`${PREFIX}sel`) ?? undefined, nearSharer: params.get(`${PREFIX}near`) === 'me' };
}
