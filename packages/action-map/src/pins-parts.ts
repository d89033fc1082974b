/**
 * A large campaign's pins handed to MapLibre in parts (#23). MapLibre copies a source's data to its worker in one
 * structured clone on the page's thread: 100,000 pins took 120 to 380 ms of the page at a load average of 10, more
 * as the machine gets busier. A file's URL is no way round it: MapLibre 6 asks the page to fetch a `blob:` URL, parse
 * it and copy it over, then sends the parsed data back to the page. So the first part goes with `setData` and the
 * others with `updateData`, each waiting for the worker to have taken the one before (MapLibre would otherwise merge
 * them into one copy): no copy holds the page for more than a few tens of milliseconds.
 */

/** Past this many pins, they go in parts; under it, one copy is too small to hold the page. */
export const PINS_IN_PARTS = 5000;

/** Pins a part: each is one copy of this many features to MapLibre's worker, which then groups all it has again. */
export const PINS_PART = 5000;

/** The number of parts for `n` pins: past a million, parts grow so that the worker does not regroup more than 100 times. */
export const partsOf = (n: number) => Math.ceil(n / Math.max(PINS_PART, Math.ceil(n / 100)));
