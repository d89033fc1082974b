/**
 * The one place where outside data becomes typed records. It never throws on data: good rows come back
 * typed, bad rows are skipped with their row number and what is wrong with them, which the caller words
 * in its reader's language (`describeIssue`).
 */
import type { Collection, ReaderOf, RecordOf } from './schema-types.js';
import type { RecordReader } from './reader.js';
import type { Issue } from './issues.js';

/** Maps a header to a field; the multilingual one lives in headers.ts and loads only when needed. */
export type HeaderLookup = (fields: readonly string[]) => Map<string, string>;

export interface ParseOptions {
  /** The number of the first row as the source counts it. */
  firstRow?: number;
  /** Header aliases ("Titre" → title); without them only the field names are known. */
  aliases?: HeaderLookup;
  /** Which records surely pass the schema, zod's run spared (`RecordReader.read`): a large source's (large-read.ts). */
  passes?: (plain: Record<string, unknown>) => boolean;
}


export interface SkippedRow {
  /** Row number as the source counts it (a sheet's first data row is 2). */
  row: number;
  /** The first thing wrong with it. */
  issue: Issue;
}

export interface ParseReport<T> {
  items: T[];
  skipped: SkippedRow[];
  /** Columns that match no field of the collection: probably renamed or misspelt. */
  unknownColumns: string[];
}

/** A short stable hash of some text (FNV-1a): ids for rows that came without one, versions of a wording. */
export function hashText(text: string): string {
  let h = 0x811c9dc5;
  for (const ch of text) h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193);
  return (h >>> 0).toString(36);
}

/** A test of a row: whether every key of it is a field's name. */
export const namedBy = (reader: RecordReader) => {
  const fields = new Set(reader.fields);
  return (r: unknown) => {
    if (!r || typeof r !== 'object') return true;
    for (const key in r) if (!fields.has(key)) return false;
    return true;
  };
};

/** Whether every key of every row is already a field name, so no aliases are needed. */
export function usesFieldNames(reader: RecordReader, rows: readonly unknown[]): boolean {
  return rows.every(namedBy(reader));
}

function exactNames(fields: readonly string[]): Map<string, string> {
  return new Map(fields.map((f) => [f, f]));
}

/** A column of a field in another language: "title:es", "Titre : pt-BR". */
const TRANSLATION_COLUMN = /^(.+?)\s*:\s*([A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*)$/;

/** The header and the language of a translation column ("Titre:es" → ["Titre", "es"]), if it is one. */
export function translationColumn(header: string): [header: string, lang: string] | undefined {
  const m = TRANSLATION_COLUMN.exec(header.trim());
  return m ? [m[1]!, m[2]!.replace('_', '-')] : undefined;
}

/**
 * Renames a row's keys to the collection's field names. Keys that mean nothing
 * are collected in `unknown` so a webmaster can be told about them; empty
 * cells are dropped so that "" does not fail an optional number or date. A
 * column "<field>:<language>" of a field in `translatable` ("title:es",
 * "Titre:en") fills the record's `translations`.
 */
export function renameKeys(row: Record<string, unknown>, map: Map<string, string>, unknown: Set<string>, translatable: readonly string[] = []): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  let translated: Record<string, Record<string, unknown>> | undefined;
  for (const key in row) {
    if (!Object.hasOwn(row, key)) continue;
    const value = row[key];
    if (value === '' || value === null || value === undefined) continue;
    // A field's own name, the usual case, is known at once (#23: 100,000 rows).
    const named = map.get(key);
    const column = named ? undefined : translationColumn(key);
    const base = column && fieldOf(map, column[0]);
    if (column && base && translatable.includes(base)) ((translated ??= {})[column[1]] ??= {})[base] ??= value;
    else {
      const field = named ?? fieldOf(map, key);
      if (!field) unknown.add(key);
      else if (!(field in out)) out[field] = value;
    }
  }
  if (translated) {
    // A `translations` cell of the same row (JSON) wins over the columns, field by field.
    const given = { ...(out.translations as Record<string, object> | undefined) };
    for (const [lang, fields] of Object.entries(translated)) given[lang] = { ...fields, ...given[lang] };
    out.translations = given;
  }
  return out;
}

const fieldOf = (map: Map<string, string>, header: string) => map.get(header) ?? map.get(normaliseHeader(header));

/** "Date de début" → "datededebut". */
export function normaliseHeader(h: string): string {
  return h
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

/** Whether a record has no field at all; with `cells`, no field but empty cells ('' or null). */
function isEmpty(record: Record<string, unknown>, cells = false): boolean {
  for (const key in record) if (!cells || (record[key] !== '' && record[key] !== null && record[key] !== undefined)) return false;
  return true;
}

/** One row at a time, into one report: the steps shared by the whole, the sliced and the worker's reading (parse-parts.ts). */
export function rowReader<C extends Collection>(collection: C, reader: ReaderOf<C>, { firstRow = 1, aliases = exactNames, passes }: ParseOptions) {
  const map = aliases(reader.fields);
  const plain = aliases === exactNames;
  const named = namedBy(reader as RecordReader);
  const unknown = new Set<string>();
  const items: RecordOf<C>[] = [];
  const skipped: SkippedRow[] = [];
  const seen = new Set<string>();
  const step = (raw: unknown, i: number) => {
    const row = i + firstRow;
    if (!raw || typeof raw !== 'object' || Array.isArray(raw)) {
      skipped.push({ row, issue: { code: 'custom', path: [], message: 'notRecord' } });
      return;
    }
    const rename = () => renameKeys(raw as Record<string, unknown>, map, unknown, (reader as RecordReader).translatable);
    // A row of field names only, without a header table, is read as it is: renamed, it would be the same, less its
    // empty cells, which the reader leaves out too. One copy of each row less (#23: 100,000 rows).
    const cells = plain && named(raw) ? (raw as Record<string, unknown>) : rename();
    if (isEmpty(cells, cells === raw)) return;
    const result = (reader as RecordReader).read(cells, cells === raw, passes);
    if (!result.success) {
      skipped.push({ row, issue: result.error.issues[0]! });
      return;
    }
    const item = result.data as RecordOf<C> & { id?: string };
    item.id ??= hashText(`${collection}|${JSON.stringify(cells === raw ? rename() : cells)}`);
    if (seen.has(item.id)) {
      skipped.push({ row, issue: { code: 'custom', path: ['id'], message: 'duplicateId', input: item.id } });
      return;
    }
    seen.add(item.id);
    items.push(item);
  };
  return { step, report: (): ParseReport<RecordOf<C>> => ({ items, skipped, unknownColumns: [...unknown] }) };
}

/** Reads rows with a collection's reader (e.g. `actionReader`), renaming aliased headers first. */
export function parseCollection<C extends Collection>(collection: C, reader: ReaderOf<C>, rows: readonly unknown[], options: ParseOptions = {}): ParseReport<RecordOf<C>> {
  const { step, report } = rowReader(collection, reader, options);
  rows.forEach(step);
  return report();
}
