/**
 * A large campaign's pins made inside MapLibre's worker (#23), loaded there with MapLibre's `importScriptInWorkers`.
 * The page packs its pins into a few typed arrays and one string (pins-packed.ts), which cross to the worker as
 * bytes, and the actions' source is given a URL of the `archipel-pins:` protocol registered here. MapLibre's worker
 * loads that URL, asks the page for the packed pins, makes the features here and groups them once. Handed as
 * GeoJSON objects, MapLibre walked each feature on the page to copy it (340 to 650 ms for 100,000 pins, one task)
 * or, in parts, grouped every pin it had again at each part.
 *
 * The built file is `archipel-map-pins.mjs` beside `archipel.js` (rollup.config.js). It imports nothing: in the sources
 * (tests), MapLibre loads it from a `blob:` copy, where no relative import can be resolved.
 */
import type { PINS_PROTOCOL, PackedPins } from './pins-packed.js';

/** The page's name for this protocol, as a type: the compiler holds the two the same, and this file imports nothing. */
const PROTOCOL: typeof PINS_PROTOCOL = 'archipel-pins';

/** What this script uses of MapLibre's worker: its protocols, and its messages to and from the page. */
interface MapLibreWorkerScope {
  addProtocol(name: string, load: (request: { url: string }, abort: AbortController) => Promise<{ data: unknown }>): void;
  worker: {
    actor: {
      sendAsync(message: { type: string; data: unknown; targetMapId: string }, abort?: AbortController): Promise<unknown>;
      registerMessageHandler(type: string, handler: () => Promise<unknown>): void;
    };
  };
}

const scope = globalThis as unknown as MapLibreWorkerScope;

/** The features of packed pins, as the page's `toFeature` makes them (map-view.ts). */
export function unpackPins({ lat, lng, priority, ids, ends }: PackedPins): GeoJSON.Feature[] {
  const features: GeoJSON.Feature[] = [];
  for (let i = 0, start = 0; i < lat.length; start = ends[i++]!) {
    const properties = { id: ids.slice(start, ends[i]), priority: priority[i] };
    features.push({ type: 'Feature', geometry: { type: 'Point', coordinates: [lng[i]!, lat[i]!] }, properties });
  }
  return features;
}

if (scope.worker?.actor) {
  scope.addProtocol(PROTOCOL, async ({ url }, abort) => {
    // The page's dispatcher shared by every map answers (map-view.ts), with the pins of that URL, or none once stale.
    const packed = (await scope.worker.actor.sendAsync({ type: PROTOCOL, data: url, targetMapId: 'global-dispatcher' }, abort)) as PackedPins | null;
    const data = {};
    // MapLibre sends the page back what it loaded from a URL, as it copies: an object's own enumerable properties.
    // Not enumerable, the collection is read and grouped here but goes back as `{}`, which the page's source takes as
    // empty data that `updateData` can still change.
    Object.defineProperties(data, { type: { value: 'FeatureCollection' }, features: { value: packed ? unpackPins(packed) : [] } });
    return { data };
  });
  // The page asks before it hands pins this way: a worker that could not load this file does not answer true.
  scope.worker.actor.registerMessageHandler(PROTOCOL, async () => true);
}
