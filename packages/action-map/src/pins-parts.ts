/**
 * A large campaign's pins handed to MapLibre in parts (#23). MapLibre copies a source's data to its worker in one
 * structured clone on the page's thread: 100,000 pins took 120 to 380 ms of the page at a load average of 10, more
 * as the machine gets busier. A file's URL is no way round it: MapLibre 6 asks the page to fetch a `blob:` URL, parse
 * it and copy it over, then sends the parsed data back to the page. So the first part goes with `setData` and the
 * others with `updateData`, each once the worker has taken the one before (MapLibre would otherwise merge them into
 * one copy). Parts grow while handing one takes the page little time, and shrink when it takes more: few parts on
 * a quiet machine, small ones on a busy one.
 */

/** Past this many pins, they go in parts; under it, one copy is too small to hold the page. */
export const PINS_IN_PARTS = 5000;

/** The first part's size, and the bounds of the others'. */
export const FIRST_PART = 5000;
const SMALLEST = 2000;
// MapLibre also spends on the page, once its worker has a part, about as long again as the copy took.
const LARGEST = 20_000;

/** The next part's size, from how long handing the last one (`size` pins) held the page, in milliseconds. */
export function nextPart(size: number, took: number): number {
  if (took < 20) return Math.min(LARGEST, size * 2);
  if (took > 60) return Math.max(SMALLEST, Math.round(size / 2));
  return size;
}
