/**
 * Reading a large source (#23), loaded only past `PART` rows (read.ts): a campaign of a few hundred records never
 * downloads it. The rows are read a slice at a time, so that the page answers meanwhile, in the background, so that
 * the map starts and takes its pins meanwhile; and a first look at some fields of every row goes first, so that the
 * map's pins need not wait for the whole read.
 */
import * as z from 'zod/mini';
import type { ListResponse } from './adapter.js';
import type { Collection, ReaderOf, RecordOf } from './schema-types.js';
import type { RecordReader } from './reader.js';
import { coercer } from './coerce.js';
import { recordChecker } from './checker.js';
import { namedBy, rowReader, type ParseOptions, type ParseReport } from './parse.js';
import { SLICE_MS, Slicer } from './slices.js';
import { OFF_THREAD_OVER } from './off-thread-protocol.js';

/**
 * Reads a large source's rows: a first look for the map (`preview`) along with the map's start, then the read, in a
 * worker past `OFF_THREAD_OVER` actions if the device has a core for it (off-thread.ts, loaded only then, says), else
 * here once the first look is done, a slice at a time in the background. `told` says whether `onPart` was given every
 * record, in order.
 */
export async function readLarge<C extends Collection>(
  collection: C,
  reader: ReaderOf<C>,
  { rows, firstRow }: Pick<ListResponse, 'rows' | 'firstRow'>,
  { onPart, preview }: { onPart?: OnPart<RecordOf<C>>; preview?: { fields: readonly string[]; onPart: OnPreview<RecordOf<C>> } },
): Promise<{ report: ParseReport<RecordOf<C>>; told: boolean }> {
  const looking = preview && previewInSlices(reader, rows, preview.fields, preview.onPart).catch(() => undefined);
  let told = false;
  const tell = onPart && ((part: RecordOf<C>[]) => ((told = true), onPart(part)));
  const offThread = rows.length > OFF_THREAD_OVER && collection == 'actions' ? await import('./off-thread.js') : undefined;
  const inWorker = await offThread?.parseOffThread<RecordOf<C>>(collection, rows, firstRow, tell);
  if (inWorker) return { report: inWorker, told };
  // A worker that failed after some records came back: the parts start again here, and are not told again.
  const again = told ? undefined : tell;
  // Here, once the first look is done: what the map waits for first.
  await looking;
  const report = await inBackground(async () => {
    // Sheets say "Titre" and "Fecha": the multilingual header table loads only for them.
    const headers = (await usesFieldNamesInSlices(reader as RecordReader, rows)) ? undefined : await import('./headers.js');
    const parsed = await parseInSlices(collection, reader, rows, { firstRow, aliases: headers?.headerMap }, again);
    headers?.explainUnreadable(collection, rows.length, parsed);
    return parsed;
  });
  return { report, told: Boolean(again) };
}

/** The records read so far, a part at a time, in the order read (`parseInSlices`). */
export type OnPart<T> = (records: T[]) => void;

/** Some fields of the records of a large source, before they are read (`previewInSlices`); `done` with the last part. */
export type OnPreview<T> = (records: Partial<T>[], done: boolean) => void;

type Scheduling = { postTask?: <T>(work: () => T, options: { priority: 'background' | 'user-visible' }) => Promise<Awaited<T>> };
const scheduler = () => (globalThis as { scheduler?: Scheduling }).scheduler;

/**
 * Lets the page run every task it has, then resumes: a task of the page's lowest priority (`scheduler.postTask`),
 * where `yieldToPage()` resumes ahead of every task waiting. For the first look at a large read, which the map's start
 * goes before: the map then takes its first pins, and its worker groups them, while the look goes on.
 */
export function yieldBehind(): Promise<void> {
  const s = scheduler();
  if (s?.postTask) return s.postTask(() => undefined, { priority: 'background' });
  return new Promise((resume) => setTimeout(resume, 0));
}

/**
 * Runs `work` as a task of the page's lowest priority, where the browser can (`scheduler.postTask`); each
 * `yieldToPage()` within it keeps that priority. `scheduler.yield()` otherwise resumes before any task the page
 * already had waiting: reading 100,000 actions held back the map's start and its worker's answers until it was done.
 * In the background, the work runs whenever nothing else is waiting.
 */
export function inBackground<T>(work: () => Promise<T>): Promise<T> {
  const s = scheduler();
  return s?.postTask ? s.postTask(work, { priority: 'background' }) : work();
}

/** `usesFieldNames` a slice at a time. */
export async function usesFieldNamesInSlices(reader: RecordReader, rows: readonly unknown[]): Promise<boolean> {
  const named = namedBy(reader);
  const slicer = new Slicer();
  for (let i = 0; i < rows.length; i++) {
    if (!named(rows[i])) return false;
    if (slicer.due(i)) await slicer.pause();
  }
  return true;
}

/**
 * `parseCollection` a slice at a time (slices.ts): the page answers while a large source is read. `onPart` is given
 * each slice's records as it ends, so that what needs them (the list's hits) need not wait for the last.
 */
export async function parseInSlices<C extends Collection>(
  collection: C,
  reader: ReaderOf<C>,
  rows: readonly unknown[],
  options: ParseOptions = {},
  onPart?: OnPart<RecordOf<C>>,
): Promise<ParseReport<RecordOf<C>>> {
  // Records that surely pass their schema are read without zod's run (checker.ts): a third of the read.
  const { step, report } = rowReader(collection, reader, { passes: recordChecker(reader.schema as z.core.$ZodType), ...options });
  const { items } = report();
  const slicer = new Slicer();
  let told = 0;
  const tell = () => {
    if (onPart && items.length > told) onPart(items.slice(told));
    told = items.length;
  };
  for (let i = 0; i < rows.length; i++) {
    step(rows[i], i);
    if (slicer.due(i)) {
      tell();
      await slicer.pause();
    }
  }
  tell();
  return report();
}

/**
 * A reader of only some fields of a record, named as the schema names them, each coerced and checked by its own
 * schema as the record's reader would: the record's values for those fields if they are right, else undefined. The
 * record's own checks, and its other fields, are not read: a record previewed may still fail the read. Empty cells
 * are absent, as they are once a row's headers are renamed (parse.ts).
 */
export function previewer(reader: RecordReader, names: readonly string[]): (row: Record<string, unknown>) => Record<string, unknown> | undefined {
  const shape = (reader.schema._zod.def as { shape?: Record<string, z.core.$ZodType> }).shape ?? {};
  const known = names.filter((name) => shape[name]);
  // The record's own field schemas, in a record of those fields only: one check a row rather than one a field.
  const some = z.object(Object.fromEntries(known.map((name) => [name, shape[name]!])));
  const coerceSome = coercer(some, reader.cells);
  // Fields that surely pass are their own answer (checker.ts); zod says for the others.
  const passes = recordChecker(some);
  return (row) => {
    const fields = coerceSome(row, reader.prepare?.(row), true) as Record<string, unknown>;
    if (passes?.(fields)) return fields;
    const result = some.safeParse(fields);
    return result.success ? result.data : undefined;
  };
}

/**
 * A first look at a large source's rows: only `fields` of each (`previewer`), a slice at a time behind the page's
 * other tasks, so that what cannot wait for the whole read (the map's pins) need not. A row with a header that is not
 * a field's name (it needs the header table), or that fails one of those fields, is left out.
 */
export async function previewInSlices<C extends Collection>(reader: ReaderOf<C>, rows: readonly unknown[], fields: readonly string[], onPart: OnPreview<RecordOf<C>>): Promise<void> {
  const named = namedBy(reader as RecordReader);
  const preview = previewer(reader as RecordReader, fields);
  const slicer = new Slicer(SLICE_MS, yieldBehind);
  let part: Partial<RecordOf<C>>[] = [];
  for (let i = 0; i < rows.length; i++) {
    const raw = rows[i];
    if (raw && typeof raw === 'object' && !Array.isArray(raw) && named(raw)) {
      const seen = preview(raw as Record<string, unknown>);
      if (seen) part.push(seen as Partial<RecordOf<C>>);
    }
    if (slicer.due(i)) {
      onPart(part, false);
      part = [];
      await slicer.pause();
    }
  }
  onPart(part, true);
}

/** How many items `sortInSlices` sorts in one go: a few milliseconds' work. */
const RUN = 4096;

/**
 * `items` in `compare`'s order, as a stable `sort()` puts them, a slice at a time (#23): one sort of a million actions'
 * hits held the page for a quarter of a second. Runs of `RUN` items are sorted, then merged two by two until one is
 * left; a run that ends where the next begins (a large read comes in time order) is joined to it without a merge.
 */
export async function sortInSlices<T>(items: readonly T[], compare: (a: T, b: T) => number): Promise<T[]> {
  const slicer = new Slicer();
  let runs: T[][] = [];
  for (let i = 0; i < items.length; i += RUN) {
    runs.push(items.slice(i, i + RUN).sort(compare));
    // A run is many steps: the clock is read after each (`due` reads it at every 64th step).
    if (slicer.due(63)) await slicer.pause();
  }
  let step = 0;
  while (runs.length > 1) {
    const merged: T[][] = [];
    for (let r = 0; r < runs.length; r += 2) {
      const a = runs[r]!;
      const b = runs[r + 1];
      if (!b || compare(a[a.length - 1]!, b[0]!) <= 0) {
        merged.push(b ? a.concat(b) : a);
        // A join copies both runs: a list in order is copied whole at each level.
        if (slicer.due(63)) await slicer.pause();
        continue;
      }
      const out: T[] = [];
      let i = 0;
      let j = 0;
      // Of two equal items, the first run's goes first, as in the items given.
      while (i < a.length && j < b.length) {
        out.push(compare(b[j]!, a[i]!) < 0 ? b[j++]! : a[i++]!);
        if (slicer.due(step++)) await slicer.pause();
      }
      merged.push(out.concat(a.slice(i), b.slice(j)));
    }
    runs = merged;
  }
  return runs[0] ?? [];
}
