/**
 * A large source's actions read off the page's thread (#23): a module worker that the build writes beside the
 * widgets (`archipel-reader.js`, rollup.config.js) and the page starts only past `OFF_THREAD_OVER` rows
 * (off-thread.ts). Validating 100,000 actions took seconds of the page's time, a slice at a time; here it takes
 * none, and the map starts meanwhile. The rows come in parts, each read as it arrives, and the records go back in
 * parts, so that no copy from one thread to the other holds the page long (structured clones of thousands of
 * objects, not of 100,000).
 *
 * Messages in: `{ start: { collection, firstRow } }`, `{ rows }` as many times as it takes, then `{ end: true }`.
 * Messages out: `{ items }` (in time order) as many times as it takes, then `{ done: { skipped, unknownColumns } }`,
 * or `{ failed: message }`.
 */
import { partsReader, type PartsReader } from './parse-parts.js';
import type { Action } from './schemas/actions.js';
import { actionReader } from './schemas/actions.js';
import { PART, type OffThreadDone, type OffThreadIn } from './off-thread-protocol.js';

// globalThis, not self: the built file is also imported in Node by tools that scan a package (tests/packaging/no-dom).
const scope = globalThis as unknown as { onmessage: ((e: MessageEvent<OffThreadIn>) => void) | null; postMessage(message: unknown): void };
// Sheets say "Titre" and "Fecha": the multilingual header table is looked up only for them, as on the page.
const headers = () => import('./headers.js');
let reading: PartsReader<Action> | undefined;
let count = 0;
// Parts are read one after the other, in the order they came.
let queue: Promise<void> = Promise.resolve();

const fail = (e: unknown) => scope.postMessage({ failed: String((e as Error)?.message ?? e) });

scope.onmessage = ({ data }) => {
  queue = queue.then(() => handle(data)).catch((e) => {
    fail(e);
    reading = undefined;
  });
};

async function handle(data: OffThreadIn): Promise<void> {
  if ('start' in data) {
    const { collection, firstRow } = data.start;
    if (collection !== 'actions') throw new Error(`no reader for ${collection} off the page's thread`);
    reading = partsReader('actions', actionReader, firstRow, async () => (await headers()).headerMap);
    count = 0;
    return;
  }
  if (!reading) return;
  if ('rows' in data) {
    count += data.rows.length;
    await reading.add(data.rows);
    return;
  }
  const report = reading.report();
  reading = undefined;
  if (!report.items.length) (await headers()).explainUnreadable('actions', count, report);
  // In time order, ties as read: the list's own stable sort by time then has nothing left to move, and sorting
  // 100,000 actions on the page's thread is one task that cannot be sliced.
  const at = new Map(report.items.map((a) => [a, Date.parse(a.start)]));
  report.items.sort((a, b) => at.get(a)! - at.get(b)!);
  for (let i = 0; i < report.items.length; i += PART) scope.postMessage({ items: report.items.slice(i, i + PART) });
  scope.postMessage({ done: { skipped: report.skipped, unknownColumns: report.unknownColumns } satisfies OffThreadDone });
}
