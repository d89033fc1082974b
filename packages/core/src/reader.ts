/**
 * A record reader: coercion (cells to plain values, coerce.ts) then the strict zod schema (the contract).
 * Every record Archipel reads or writes goes through one, in the browser and on the server alike.
 */
import type * as z from 'zod/mini';
import { coercer, type CellReader } from './coerce.js';

export interface ReaderOptions {
  /** Fields read their own way (a cell of hashtags, a cell of links). */
  fields?: Record<string, CellReader>;
  /**
   * A step over the whole raw record before its fields are read (an action's wall times, read in its zone): the
   * fields it returns replace the record's own.
   */
  prepare?: (raw: Record<string, unknown>) => Record<string, unknown>;
}

export interface RecordReader<S extends z.core.$ZodType = z.core.$ZodType> {
  /** The strict schema: the contract, and the source of the OpenAPI document's schemas. */
  readonly schema: S;
  /** The record's field names, for matching a sheet's headers. */
  readonly fields: readonly string[];
  /** The fields a sheet may give in other languages, in columns such as "title:es": its translations' texts. */
  readonly translatable: readonly string[];
  /**
   * Coerces `value`, then checks it against the schema; never throws on data. With `cells`, a field's empty cell
   * ('' or null) is absent, as it is once a row's headers are renamed (parse.ts). A record `passes` says surely passes
   * (checker.ts `recordChecker`) is its own answer, zod's run spared.
   */
  read(value: unknown, cells?: boolean, passes?: (plain: Record<string, unknown>) => boolean): z.util.SafeParseResult<z.output<S>>;
  /** The reader's own steps (`ReaderOptions`), for reading only some fields of a record (large-read.ts). */
  readonly prepare?: ReaderOptions['prepare'];
  readonly cells: Record<string, CellReader>;
}

const isRecord = (v: unknown): v is Record<string, unknown> => Boolean(v) && typeof v === 'object' && !Array.isArray(v);

type Def = { type: string; innerType?: z.core.$ZodType; valueType?: z.core.$ZodType; shape?: Record<string, z.core.$ZodType> };
const defOf = (s: z.core.$ZodType | undefined) => s?._zod.def as Def | undefined;

/** The text fields of a schema's `translations` (optional, a record by language, of objects). */
function translatableOf(shape: Record<string, z.core.$ZodType>): string[] {
  let def = defOf(shape.translations);
  while (def && def.type !== 'object') def = defOf(def.innerType ?? def.valueType);
  return Object.entries(def?.shape ?? {})
    .filter(([, field]) => defOf(defOf(field)?.innerType ?? field)?.type === 'string')
    .map(([name]) => name);
}

export function recordReader<S extends z.core.$ZodType>(schema: S, { fields = {}, prepare }: ReaderOptions = {}): RecordReader<S> {
  const shape = (schema._zod.def as { shape?: Record<string, z.core.$ZodType> }).shape ?? {};
  const coerceRecord = coercer(schema, fields);
  return {
    schema,
    fields: Object.keys(shape),
    translatable: translatableOf(shape),
    read(value, cells, passes) {
      const plain = isRecord(value) ? coerceRecord(value, prepare?.(value), cells) : value;
      if (passes && isRecord(value) && passes(plain as Record<string, unknown>)) return { success: true, data: plain } as z.util.SafeParseResult<z.output<S>>;
      return (schema as unknown as z.ZodMiniType<z.output<S>>).safeParse(plain, { reportInput: true }) as z.util.SafeParseResult<z.output<S>>;
    },
    prepare,
    cells: fields,
  };
}
