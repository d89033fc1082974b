/**
 * Every French commune and postcode, offline: the place index behind "Mende", "48000" or "Agen" when the
 * campaign's own data holds no action there. A data file served beside the widgets (`gazetteer/fr.json`, built by
 * `scripts/build-gazetteer.mjs` from INSEE, La Poste and GeoNames data shipped as npm packages); this module and
 * its file load only when someone searches a place the data does not know, and no third party is asked.
 */
import { fold, type Place } from '@archipel/core';

/** With the index, for a page that places people at their nearest chapter (the survey's results) and loads both on demand. */
export { nearestChapter } from '@archipel/core';

type Position = [lat: number, lng: number];
interface GazetteerFile {
  licence: string;
  /** "48000" → its communes' mean position and its main commune's name. */
  postcodes: Record<string, [...Position, string]>;
  /** Largest commune first: [name, lat, lng, postcode], or [name, postcode] for one placed at its postcode. */
  places: ([string, number, number, string] | [string, string])[];
}

// Relative to this chunk: dist/chunks/ in the build (the build copies the file), src/ in the sources.
const DEFAULT_GAZETTEER = new URL('../gazetteer/fr.json', import.meta.url).href;

export class Gazetteer {
  private readonly names = new Map<string, Place>();

  constructor(private readonly file: GazetteerFile) {
    for (const p of file.places) {
      const key = fold(p[0]);
      // Several communes share a name: the largest, listed first, keeps it.
      if (this.names.has(key)) continue;
      const at = p.length === 2 ? file.postcodes[p[1]] : [p[1], p[2]];
      if (at) this.names.set(key, { label: p[0], lat: at[0], lng: at[1] });
    }
  }

  /** A five-digit postcode, a commune's name (accents and hyphens optional), or the first commune that starts so. */
  find(text: string): Place | undefined {
    const raw = text.trim();
    const code = raw.replace(/\s/g, '');
    if (/^\d{5}$/.test(code)) {
      const pc = this.file.postcodes[code];
      return pc && { label: raw, lat: pc[0], lng: pc[1] };
    }
    const key = fold(raw);
    if (key.length < 2) return undefined;
    const exact = this.names.get(key);
    if (exact) return exact;
    for (const [name, place] of this.names) if (name.startsWith(key)) return place;
    return undefined;
  }
}

const loading = new Map<string, Promise<Gazetteer>>();

/** The place index at `url` (beside the bundle by default), fetched once per page; a failed fetch is tried again next time. */
export function loadGazetteer(url = DEFAULT_GAZETTEER): Promise<Gazetteer> {
  let got = loading.get(url);
  if (!got) {
    got = fetch(url, { credentials: 'omit' })
      .then((r) => {
        if (!r.ok) throw new Error(`${r.status} ${r.statusText}`);
        return r.json() as Promise<GazetteerFile>;
      })
      .then((file) => new Gazetteer(file));
    got.catch(() => loading.delete(url));
    loading.set(url, got);
  }
  return got;
}
