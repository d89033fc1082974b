/**
 * A large campaign's pins handed to MapLibre in parts (#23). MapLibre copies a source's data to its worker in one
 * structured clone on the page's thread: 100,000 pins took 120 to 380 ms of the page at a load average of 10, more
 * as the machine gets busier. A file's URL is no way round it: MapLibre 6 asks the page to fetch a `blob:` URL, parse
 * it and copy it over, then sends the parsed data back to the page. So the first part goes with `setData` and the
 * others with `updateData`, each once the worker has taken the one before (MapLibre would otherwise merge them into
 * one copy). Each part costs more than its copy, though: MapLibre's worker goes through every pin it has again, and
 * the page draws a frame (75 to 200 ms with software WebGL). So parts are as large as the page allows: they double
 * while handing one stays under a long task (50 ms), and are sized to take about `PART_MS` once one is longer.
 */

/**
 * The first part's size: 20 to 40 ms to hand on a quiet two-core machine, and MapLibre's code that copies it has not
 * run yet (20,000 pins took 210 to 260 ms with a build running beside).
 */
export const FIRST_PART = 10_000;

/** How long handing a part may hold the page, in milliseconds: half of the 200 ms a task may take. */
export const PART_MS = 100;

/**
 * The next part's size, from how long the task that handed the last one (`size` of `total` pins) took, in
 * milliseconds (0 when it was no long task): at least 2,000 pins, at most 50,000, and never more than 25 parts in
 * all (a million pins in 316 parts took 271 s).
 */
export function nextPart(size: number, took: number, total: number): number {
  const fewest = Math.ceil(total / 25);
  const [smallest, largest] = [Math.max(2000, fewest), Math.max(50_000, fewest)];
  // A task under 50 ms (no long task): twice as many pins stay under 100 ms.
  const scale = took < 50 ? 2 : Math.min(2, Math.max(0.5, PART_MS / took));
  return Math.min(largest, Math.max(smallest, Math.round(size * scale)));
}

/**
 * How long the page's task running at a given instant took, from the Long Tasks API: 0 when it took under 50 ms, and
 * undefined where the browser does not say (then the caller counts the time until its next turn, frames and all).
 */
export class TaskTimer {
  private readonly long: PerformanceEntry[] = [];
  private readonly observer?: PerformanceObserver;

  constructor() {
    if (!PerformanceObserver.supportedEntryTypes?.includes('longtask')) return;
    this.observer = new PerformanceObserver((list) => this.long.push(...list.getEntries()));
    this.observer.observe({ type: 'longtask' });
  }

  took(at: number): number | undefined {
    if (!this.observer) return undefined;
    this.long.push(...this.observer.takeRecords());
    return this.long.find((t) => t.startTime <= at && at <= t.startTime + t.duration)?.duration ?? 0;
  }

  stop(): void {
    this.observer?.disconnect();
  }
}
