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
  constructor(private readonly budget = SLICE_MS) {}

  /** Yields to the page if this slice has run its time; checks the clock every 64 calls only. */
  async pause(i: number): Promise<void> {
    if ((i & 63) !== 63 || performance.now() - this.started < this.budget) return;
    await yieldToPage();
    this.started = performance.now();
  }
}

/** Calls `fn` on each item, a slice at a time. */
export async function eachInSlices<T>(items: readonly T[], fn: (item: T, index: number) => void): Promise<void> {
  const slicer = new Slicer();
  for (let i = 0; i < items.length; i++) {
    fn(items[i]!, i);
    await slicer.pause(i);
  }
}

/** Whether every item passes `test`, a slice at a time; stops at the first that does not. */
export async function everyInSlices<T>(items: readonly T[], test: (item: T) => boolean): Promise<boolean> {
  const slicer = new Slicer();
  for (let i = 0; i < items.length; i++) {
    if (!test(items[i]!)) return false;
    await slicer.pause(i);
  }
  return true;
}
