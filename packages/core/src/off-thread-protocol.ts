/** What the page and the reading worker (parse-worker.ts) say to each other: shared by both, so they agree. */
import type { SkippedRow } from './parse.js';
import type { Collection } from './schema-types.js';

/** Past this many rows, a collection with a reader in the worker is read there (read.ts). */
export const OFF_THREAD_OVER = 10_000;

/** The collections the worker can read: those that grow large. */
export const OFF_THREAD_COLLECTIONS: readonly Collection[] = ['actions'];

/**
 * Rows or records a message carries: its structured clone is one task of the page, 10 to 40 ms for 5,000 actions at
 * a load average of 10; fewer parts give the page fewer turns to wait for.
 */
export const PART = 5000;

export type OffThreadIn = { start: { collection: Collection; firstRow?: number } } | { rows: unknown[] } | { end: true };
export interface OffThreadDone {
  skipped: SkippedRow[];
  unknownColumns: string[];
}
export type OffThreadOut = { items: unknown[] } | { done: OffThreadDone } | { failed: string };
