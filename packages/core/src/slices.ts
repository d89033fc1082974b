/**
 * Long work in short slices (#23): reading 100,000 actions took one task of seconds, and the page could not
 * answer a click meanwhile. Work that walks a large list does so a few milliseconds at a time and lets the
 * page run between slices, so no task of ours passes the 50 ms that Chromium calls a long task by much.
 */

/** How long a slice may run before the page gets a turn, in milliseconds. */
export const SLICE_MS = 12;

type Yielding = { yield?: () => Promise<void> };

/** Lets the page run (input, rendering) and resumes: `scheduler.yield()` where there is one, else a new task. */
export function yieldToPage(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: Yielding }).scheduler;
  if (scheduler?.yield) return scheduler.yield();
  return new Promise((resume) => setTimeout(resume, 0));
}

/** A clock for one piece of long work: `due()` is true once the slice's time is spent, and starts the next. */
export class Slicer {
  private started = performance.now();
  constructor(
    private readonly budget = SLICE_MS,
    private readonly resume: () => Promise<void> = yieldToPage,
  ) {}

  /** Whether this slice has run its time, at step `i`; the clock is read every 64 steps only. */
  due(i: number): boolean {
    return (i & 63) === 63 && performance.now() - this.started >= this.budget;
  }

  /** Lets the page run, and starts the next slice. */
  async pause(): Promise<void> {
    await this.resume();
    this.started = performance.now();
  }
}

/** Calls `fn` on each item, a slice at a time. An `await` costs a little: there is one a slice, not one an item. */
export async function eachInSlices<T>(items: readonly T[], fn: (item: T, index: number) => void): Promise<void> {
  const slicer = new Slicer();
  for (let i = 0; i < items.length; i++) {
    fn(items[i]!, i);
    if (slicer.due(i)) await slicer.pause();
  }
}
