/**
 * A record reader: coercion (cells to plain values, coerce.ts) then the strict zod schema (the contract).
 * Every record Archipel reads or writes goes through one, in the browser and on the server alike.
 */
import type * as z from 'zod/mini';
import { coerce, type CellReader } from './coerce.js';

export interface ReaderOptions {
  /** Fields read their own way (a cell of hashtags, a cell of links). */
  fields?: Record<string, CellReader>;
  /** A step over the whole raw record before its fields are read (an action's wall times, read in its zone). */
  prepare?: (raw: Record<string, unknown>) => Record<string, unknown>;
}

export interface RecordReader<S extends z.core.$ZodType = z.core.$ZodType> {
  /** The strict schema: the contract, and the source of the OpenAPI document's schemas. */
  readonly schema: S;
  /** The record's field names, for matching a sheet's headers. */
  readonly fields: readonly string[];
  /** Coerces `value`, then checks it against the schema; never throws on data. */
  read(value: unknown): z.util.SafeParseResult<z.output<S>>;
}

const isRecord = (v: unknown): v is Record<string, unknown> => Boolean(v) && typeof v === 'object' && !Array.isArray(v);

export function recordReader<S extends z.core.$ZodType>(schema: S, { fields = {}, prepare }: ReaderOptions = {}): RecordReader<S> {
  const shape = (schema._zod.def as { shape?: object }).shape ?? {};
  return {
    schema,
    fields: Object.keys(shape),
    read(value) {
      const raw = isRecord(value) && prepare ? prepare(value) : value;
      const plain = isRecord(raw) ? coerce(schema, raw, fields) : raw;
      return (schema as unknown as z.ZodMiniType<z.output<S>>).safeParse(plain, { reportInput: true }) as z.util.SafeParseResult<z.output<S>>;
    },
  };
}
