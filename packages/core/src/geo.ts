/**
 * Places without a geocoder: the campaign's own data already knows where its
 * postcodes and cities are (every action and chapter with coordinates), so
 * "75011" or "Liège" is found locally and nobody's search leaves the page.
 * One module for the map's place search, the hub directory and the sign-up
 * form's nearest chapter, so all three place a postcode the same way.
 */
import { eachInSlices } from './slices.js';

export interface Point {
  lat: number;
  lng: number;
}

export interface Place extends Point {
  label: string;
}

/** Anything with a place: an action, a chapter. */
export interface Located {
  postcode?: string;
  city?: string;
  lat?: number;
  lng?: number;
}

/** "h2x 1y4", "75-011" → "H2X1Y4", "75011". */
const squash = (p: string) => p.toUpperCase().replace(/[\s.-]/g, '');
const numeric = (p: string) => /^\d+$/.test(p);

const R = 6371;
const rad = (d: number) => (d * Math.PI) / 180;

export function distanceKm(a: Point, b: Point): number {
  const dLat = rad(b.lat - a.lat);
  const dLng = rad(b.lng - a.lng);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLng / 2) ** 2;
  return 2 * R * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Lower case, no accents, no punctuation: "Liège" and "liege" meet. */
export const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

interface Acc {
  label: string;
  lat: number;
  lng: number;
  n: number;
}

export class PlaceIndex {
  private readonly postcodes = new Map<string, Acc>();
  private readonly cities = new Map<string, Acc>();

  constructor(actions: readonly Located[], chapters: readonly Located[] = []) {
    const step = this.stepper();
    for (const list of [actions, chapters]) for (const place of list) step(place);
  }

  /** The same index, built a slice at a time (#23): 100,000 actions took one task of a tenth of a second. */
  static async inSlices(actions: readonly Located[], chapters: readonly Located[] = []): Promise<PlaceIndex> {
    const index = new PlaceIndex([]);
    const step = index.stepper();
    for (const list of [actions, chapters]) await eachInSlices(list, step);
    return index;
  }

  /** Adds one located record's places. */
  private stepper(): (place: Located) => void {
    // 100,000 actions name a few thousand places: each is folded once (folding is most of the work, #23).
    const keys = new Map<string, string>();
    const keyOf = (text: string, make: (s: string) => string) => {
      let key = keys.get(text);
      if (key === undefined) keys.set(text, (key = make(text)));
      return key;
    };
    return ({ lat, lng, postcode, city }) => {
      if (lat === undefined || lng === undefined) return;
      if (postcode) this.add(this.postcodes, keyOf(`\u0000${postcode}`, () => squash(postcode)), postcode, { lat, lng });
      if (city) this.add(this.cities, keyOf(city, fold), city, { lat, lng });
    };
  }

  private add(map: Map<string, Acc>, key: string, label: string, p: Point) {
    const acc = map.get(key) ?? { label, lat: 0, lng: 0, n: 0 };
    acc.lat += p.lat;
    acc.lng += p.lng;
    acc.n += 1;
    map.set(key, acc);
  }

  /** Place names for suggestions, most used first. */
  suggestions(limit = 200): string[] {
    return [...this.cities.values()].sort((a, b) => b.n - a.n).slice(0, limit).map((c) => c.label);
  }

  /**
   * A postcode (exact, then the longest known prefix of at least two
   * characters: "69100" finds "69…"; numeric postcodes only among those of
   * the same length, so Belgium's 1000 is not in the French Aube, 10xxx), or a
   * city (exact, then the first that starts with the text).
   */
  find(text: string): Place | undefined {
    const raw = text.trim();
    if (!raw) return undefined;
    const code = squash(raw);
    const centre = (accs: Acc[], label: string): Place => {
      const n = accs.reduce((s, a) => s + a.n, 0);
      return { label, lat: accs.reduce((s, a) => s + a.lat, 0) / n, lng: accs.reduce((s, a) => s + a.lng, 0) / n };
    };
    if (/\d/.test(code)) {
      const exact = this.postcodes.get(code);
      if (exact) return centre([exact], raw);
      for (let len = code.length - 1; len >= 2; len--) {
        const prefix = code.slice(0, len);
        const near = [...this.postcodes.entries()]
          .filter(([k]) => k.startsWith(prefix) && numeric(k) === numeric(code) && (!numeric(code) || k.length === code.length))
          .map(([, v]) => v);
        if (near.length) return centre(near, raw);
      }
      return undefined;
    }
    const key = fold(raw);
    const city = this.cities.get(key) ?? [...this.cities.entries()].find(([k]) => k.startsWith(key))?.[1];
    return city && centre([city], city.label);
  }
}

/** The item (a chapter, say) nearest to `from`, and how far it is. */
export function nearestChapter<T extends Located>(chapters: readonly T[], from: Point): { chapter: T; km: number } | undefined {
  let best: { chapter: T; km: number } | undefined;
  for (const chapter of chapters) {
    if (chapter.lat === undefined || chapter.lng === undefined) continue;
    const km = distanceKm(from, { lat: chapter.lat, lng: chapter.lng });
    if (!best || km < best.km) best = { chapter, km };
  }
  return best;
}

/**
 * A Nominatim- or Photon-compatible geocoder, asked only when the person
 * searched a place the data does not know and the page set `geocoder`.
 */
export async function geocode(service: string, text: string, locale: string): Promise<Place | undefined> {
  const url = new URL(service);
  url.searchParams.set('q', text);
  url.searchParams.set('limit', '1');
  if (/nominatim|\/search/.test(url.pathname + url.hostname)) url.searchParams.set('format', 'json');
  url.searchParams.set('accept-language', locale);
  const res = await fetch(url.href, { credentials: 'omit', referrerPolicy: 'strict-origin' });
  if (!res.ok) return undefined;
  const body = (await res.json()) as unknown;
  if (Array.isArray(body) && body[0]) {
    const hit = body[0] as { lat: string; lon: string; display_name?: string };
    return { lat: Number(hit.lat), lng: Number(hit.lon), label: text };
  }
  const feature = (body as { features?: { geometry: { coordinates: [number, number] } }[] }).features?.[0];
  return feature && { lng: feature.geometry.coordinates[0], lat: feature.geometry.coordinates[1], label: text };
}

/** Why the visitor's position is not known. */
export type LocateProblem = 'unsupported' | 'denied' | 'unavailable' | 'timeout';

/**
 * The visitor's position, for "near me": asked only when they press it, coarse (a network fix is enough
 * to sort by distance) and reused for ten minutes. Rejects with a LocateProblem.
 */
export function locate(): Promise<Point> {
  return new Promise((ok, no: (p: LocateProblem) => void) => {
    if (!navigator.geolocation) return no('unsupported');
    navigator.geolocation.getCurrentPosition(
      (pos) => ok({ lat: pos.coords.latitude, lng: pos.coords.longitude }),
      (err) => no(err.code === 1 ? 'denied' : err.code === 3 ? 'timeout' : 'unavailable'),
      { enableHighAccuracy: false, timeout: 15_000, maximumAge: 600_000 },
    );
  });
}

/** The catalogue key that says, in the visitor's words, why locate() failed: the browser's own message is technical and in its language, not the page's. */
export const locateReasonKey = (problem: unknown) =>
  (({ unsupported: 'locateUnsupported', denied: 'locateDenied', timeout: 'locateTimeout' }) as const)[problem as 'denied'] ?? 'locateUnavailable';
