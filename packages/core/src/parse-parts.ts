/** The worker's reading (parse-worker.ts): rows that arrive in parts, each part read as it comes. */
import type { Collection, ReaderOf, RecordOf } from './schema-types.js';
import type { RecordReader } from './reader.js';
import { rowReader, usesFieldNames, type HeaderLookup, type ParseReport } from './parse.js';

export interface PartsReader<T> {
  /** Reads the next part of the rows. */
  add(part: readonly unknown[]): Promise<void>;
  report(): ParseReport<T>;
  /** Whether every header was a field's name. */
  readonly named: boolean;
}

/**
 * `parseCollection` over rows that arrive in parts (the reading worker's, off-thread.ts), each read as it comes: the
 * header aliases are looked up from the first part with a header that is not a field's name, as `parseCollection`
 * would for all rows. Rows before it named only fields, and read the same either way.
 */
export function partsReader<C extends Collection>(collection: C, reader: ReaderOf<C>, firstRow = 1, aliases: () => Promise<HeaderLookup>): PartsReader<RecordOf<C>> {
  // The lookup starts with the fields' names, and takes the aliases once a header needs them.
  let lookup: Map<string, string> | undefined;
  const names = new Map(reader.fields.map((f) => [f, f]));
  const current = () => lookup ?? names;
  const rows = rowReader(collection, reader, { firstRow, aliases: () => ({ get: (k: string) => current().get(k), has: (k: string) => current().has(k) }) as Map<string, string> });
  let named = true;
  let at = 0;
  return {
    async add(part: readonly unknown[]): Promise<void> {
      if (named && !usesFieldNames(reader as RecordReader, part)) {
        named = false;
        lookup = (await aliases())(reader.fields);
      }
      for (const raw of part) rows.step(raw, at++);
    },
    report: rows.report,
    get named() {
      return named;
    },
  };
}

