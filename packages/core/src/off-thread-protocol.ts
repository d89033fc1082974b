/** What the page and the reading worker (parse-worker.ts) say to each other: shared by both, so they agree. */
import type { SkippedRow } from './parse.js';
import type { Collection } from './schema-types.js';

/**
 * Past this many rows, and up to the second figure, actions (the collection that grows large) are read in the worker
 * (read.ts), on a device of more than two cores. Past it, copying the rows over and the records back cost more than
 * reading them here: a million took 114 s through the worker, 20 s on the page's thread, at a load average of 8 to
 * 12. With two cores or fewer, the worker has none of its own: 100,000 rows took 5.1 to 6.5 s in it, 2.3 s on the
 * page's thread, on two cores at a load average of 4 to 7.
 */
export const OFF_THREAD_OVER = 10_000;
export const OFF_THREAD_UNDER = 250_000;

/**
 * Rows or records a message carries. Its structured clone is one task of the page: 2,000 actions are 10 to 100 ms at
 * a load average of 13 (5,000 took up to 257 ms to receive), far from 200.
 */
export const PART = 2000;

export type OffThreadIn = { start: { collection: Collection; firstRow?: number } } | { rows: unknown[] } | { end: true };
export interface OffThreadDone {
  skipped: SkippedRow[];
  unknownColumns: string[];
}
export type OffThreadOut = { items: unknown[] } | { done: OffThreadDone } | { failed: string };
