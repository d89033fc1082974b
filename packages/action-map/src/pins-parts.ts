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

/** The first part's size. */
export const FIRST_PART = 5000;

/**
 * The next part's size, from how long handing the last one (`size` of `total` pins) held the page, in milliseconds:
 * within 2,000 and 20,000 pins, and never more than 25 parts in all, since MapLibre's worker goes through all the
 * pins it has at each part (a million pins in 316 parts took 271 s).
 */
export function nextPart(size: number, took: number, total: number): number {
  const fewest = Math.ceil(total / 25);
  // MapLibre also spends on the page, once its worker has a part, about as long again as the copy took.
  const [smallest, largest] = [Math.max(2000, fewest), Math.max(20_000, fewest)];
  if (took < 20) return Math.min(largest, size * 2);
  if (took > 60) return Math.max(smallest, Math.round(size / 2));
  return Math.max(smallest, size);
}
