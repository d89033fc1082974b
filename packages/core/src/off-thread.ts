/**
 * Reading a large source off the page's thread (#23), in a module worker (parse-worker.ts), loaded only past
 * `OFF_THREAD_OVER` rows: a campaign of a few hundred actions never downloads it. The worker file is the build's
 * `archipel-reader.js`, beside `archipel.js`; the page's Content-Security-Policy must let it run (`worker-src 'self'`,
 * or `script-src 'self'` without one), and a page that loads the widgets from another origin cannot start it.
 * Whenever the worker cannot be started or fails, the caller reads on the page's thread, a slice at a time, as before.
 */
import type { Collection } from './schema-types.js';
import type { ParseReport } from './parse.js';
import type { OnPart } from './large-read.js';
import { yieldToPage } from './slices.js';
import { warnOnce } from './warn.js';
import { OFF_THREAD_UNDER, PART, type OffThreadOut } from './off-thread-protocol.js';

/**
 * The worker's address. In the build, a string that rollup.config.js (readerWorker) rewrites to the built file's
 * place relative to this chunk; in the sources (tests), the TypeScript file itself.
 */
const WORKER_URL = new URL('./parse-worker.ts', import.meta.url);

/** How many reads went to a worker on this page: for tests and benchmarks to tell the paths apart. */
export const offThreadReads = { started: 0, finished: 0 };

/**
 * Reads `rows` in the worker, sending them in parts and letting the page run between them. Resolves with the report,
 * or with undefined when the worker could not be started or failed (said once in the console): the caller then reads
 * them itself. `onPart` is given the records as they come back, a part at a time.
 */
export async function parseOffThread<T>(collection: Collection, rows: readonly unknown[], firstRow: number | undefined, onPart?: OnPart<T>): Promise<ParseReport<T> | undefined> {
  // Where there is no Worker (Node), nothing to start; with two cores the worker has no core of its own; past
  // OFF_THREAD_UNDER rows the copies cost more than they save.
  if (typeof Worker != 'function' || navigator.hardwareConcurrency <= 2 || rows.length > OFF_THREAD_UNDER) return undefined;
  try {
    return await inWorker<T>(collection, rows, firstRow, onPart);
  } catch (e) {
    warnOnce(
      `off-thread:${collection}`,
      `${rows.length} ${collection} were read on the page's thread, a slice at a time, as the reading worker could not run (${(e as Error).message}). A Content-Security-Policy must allow workers from the widgets' origin (worker-src 'self').`,
    );
    return undefined;
  }
}

async function inWorker<T>(collection: Collection, rows: readonly unknown[], firstRow: number | undefined, onPart?: OnPart<T>): Promise<ParseReport<T>> {
  const worker = new Worker(WORKER_URL, { type: 'module', name: `archipel ${collection}` });
  offThreadReads.started++;
  try {
    const report = new Promise<ParseReport<T>>((resolve, reject) => {
      const items: T[] = [];
      worker.onmessage = ({ data }: MessageEvent<OffThreadOut>) => {
        if ('items' in data) {
          for (const item of data.items as T[]) items.push(item);
          onPart?.(data.items as T[]);
        }
        else if ('done' in data) resolve({ items, ...data.done });
        else reject(new Error(data.failed));
      };
      // A file that is missing, refused by the page's policy, or not JavaScript: no message ever comes.
      worker.onerror = (e) => (e.preventDefault(), reject(new Error(`the reading worker ${WORKER_URL.href} did not run${e.message ? `: ${e.message}` : ''}`)));
    });
    report.catch(() => undefined);
    worker.postMessage({ start: { collection, firstRow } });
    for (let i = 0; i < rows.length; i += PART) {
      worker.postMessage({ rows: rows.slice(i, i + PART) });
      await yieldToPage();
    }
    worker.postMessage({ end: true });
    const done = await report;
    offThreadReads.finished++;
    return done;
  } finally {
    worker.terminate();
  }
}
