/** What the page and the reading worker (parse-worker.ts) say to each other: shared by both, so they agree. */
import type { SkippedRow } from './parse.js';
import type { Collection } from './schema-types.js';

/** Past this many rows, actions (the collection that grows large) are read in the worker (read.ts). */
export const OFF_THREAD_OVER = 10_000;

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
