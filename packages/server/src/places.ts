/**
 * Where a postcode is, from the place index the action map ships (packages/action-map/gazetteer/fr.json, built by
 * scripts/build-gazetteer.mjs): read from disk the first time a postcode needs placing, then kept. No third party
 * is asked. An answer that gives a postcode but no chapter then counts for its nearest chapter in "where is the energy".
 */
import { readFile } from 'node:fs/promises';
import { nearestChapter, type Chapter } from '@archipel/core/server';

/** Beside both the sources (src/) and the build (dist/): packages/action-map/gazetteer/fr.json. */
const GAZETTEER = new URL('../../action-map/gazetteer/fr.json', import.meta.url);

type Postcodes = Record<string, [lat: number, lng: number, name: string]>;
let postcodes: Promise<Postcodes> | undefined;

function loadPostcodes(): Promise<Postcodes> {
  // A missing file (a server installed without the widgets) places nothing rather than failing the results.
  postcodes ??= readFile(GAZETTEER, 'utf8').then((t) => (JSON.parse(t) as { postcodes: Postcodes }).postcodes, () => ({}));
  return postcodes;
}

/** A function giving the nearest of `chapters` to a postcode, or undefined when the index does not know it. */
export async function chapterByPostcode(chapters: readonly Chapter[]): Promise<(postcode: string) => string | undefined> {
  const placed = chapters.filter((c) => c.lat !== undefined && c.lng !== undefined);
  if (!placed.length) return () => undefined;
  const index = await loadPostcodes();
  const kept = new Map<string, string | undefined>();
  return (postcode) => {
    const code = postcode.replace(/\s/g, '');
    if (!kept.has(code)) {
      const at = index[code];
      kept.set(code, at ? nearestChapter(placed, { lat: at[0], lng: at[1] })?.chapter.id : undefined);
    }
    return kept.get(code);
  };
}
