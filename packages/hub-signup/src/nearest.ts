/**
 * The chapter nearest to a postcode, without a geocoder: the postcode is
 * placed where the campaign's own data (chapters, actions) has places with the
 * same postcode, or else with the longest shared prefix (at least two
 * characters: the French département, the British outward code's area, the
 * Canadian forward sortation area's start), and the nearest chapter with
 * coordinates wins. Nothing leaves the browser.
 */
export interface Place {
  postcode?: string;
  lat?: number;
  lng?: number;
}

const squash = (p: string) => p.toUpperCase().replace(/[\s.-]/g, '');
const numeric = (p: string) => /^\d+$/.test(p);

/** Where a postcode lies, as [lat, lng], from the places that share most of it; undefined when none share two characters. */
export function locate(postcode: string, places: Place[]): [number, number] | undefined {
  const code = squash(postcode);
  let best = 2;
  let hits: Place[] = [];
  for (const p of places) {
    if (!p.postcode || p.lat === undefined || p.lng === undefined) continue;
    const other = squash(p.postcode);
    // Numeric postcodes are compared only with ones of the same length: Belgium's 1000 is not in the French Aube (10xxx).
    if (numeric(code) !== numeric(other) || (numeric(code) && code.length !== other.length)) continue;
    let n = 0;
    while (n < code.length && code[n] === other[n]) n++;
    if (n > best) (best = n), (hits = []);
    if (n === best) hits.push(p);
  }
  if (!hits.length) return undefined;
  const mean = (k: 'lat' | 'lng') => hits.reduce((s, p) => s + p[k]!, 0) / hits.length;
  return [mean('lat'), mean('lng')];
}

/** The place closest to `at` (equirectangular distance, plenty for "which chapter is nearest"). */
export function nearest<T extends Place>(at: [number, number], places: T[]): T | undefined {
  let found: T | undefined;
  let min = Infinity;
  const cos = Math.cos((at[0] * Math.PI) / 180);
  for (const p of places) {
    if (p.lat === undefined || p.lng === undefined) continue;
    const d = (p.lat - at[0]) ** 2 + ((p.lng - at[1]) * cos) ** 2;
    if (d < min) (min = d), (found = p);
  }
  return found;
}
