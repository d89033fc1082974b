/**
 * Cells to plain values: what a spreadsheet or an API delivers, turned into what the strict schemas
 * (schemas/) expect. "45,76" becomes 45.76, "oui", "sí" and "x" become true, "05/12/2026 14:00" an ISO
 * instant, "a, b; c" a list, and text is trimmed. Coercion never refuses anything: a value it cannot
 * turn into the expected kind is left as it is, and the schema then says what is wrong with it.
 *
 * It reads the expected kind from the schema itself, so no field is declared twice.
 */
import type * as z from 'zod/mini';
import { isWrittenInstant, parseDateTime } from './time.js';

/** What counts as "yes" in a cell or an answer, in the languages sheets are written in. */
export const TRUE = /^(true|yes|y|oui|o|si|sí|vrai|verdadero|1|x|✓)$/i;
const FALSE = /^(false|no|n|non|faux|falso|0)$/i;
const NUMERIC = /^[+-]?\d+(?:[.,]\d+)?$/;
/** A cell holding several words: "a, b; c". */
const LIST = /[,;|\n]/;

/** A field's own way of reading a cell, where the kind alone does not say enough (hashtags, links). */
export type CellReader = (value: unknown) => unknown;

const empty = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && !v.trim());

interface Def {
  type: string;
  innerType?: z.core.$ZodType;
  element?: z.core.$ZodType;
  shape?: Record<string, z.core.$ZodType>;
  catchall?: z.core.$ZodType;
  valueType?: z.core.$ZodType;
  format?: string;
  in?: z.core.$ZodType;
}
const defOf = (schema: z.core.$ZodType) => schema._zod.def as unknown as Def;

/**
 * How one schema coerces a value: worked out once per schema, then run on every row (#23). A record's fields in
 * `over` are read in place of its own; with `cells`, a field's empty cell ('' or null) is absent.
 */
type Coerce = (value: unknown, over?: Record<string, unknown>, cells?: boolean) => unknown;

const compiled = new WeakMap<z.core.$ZodType, Coerce>();

/**
 * How to coerce a value as `schema` expects it, as far as it can be read so; `fields` reads named fields of a record
 * their own way first. Worked out once per schema (which kind each field is, and its own reader): walking the
 * schema's definition again for each row (its shape's entries, each field's kind) was a third of reading 100,000
 * actions (#23).
 */
export function coercer(schema: z.core.$ZodType, fields: Record<string, CellReader> = {}): Coerce {
  if (Object.keys(fields).length) return compile(schema, fields);
  let c = compiled.get(schema);
  if (!c) {
    // Set before it is worked out, so that a schema that holds itself resolves to the same coercer.
    compiled.set(schema, (value) => c!(value));
    compiled.set(schema, (c = compile(schema, fields)));
  }
  return c;
}

function compile(schema: z.core.$ZodType, fields: Record<string, CellReader>): Coerce {
  const def = defOf(schema);
  switch (def.type) {
    case 'optional': {
      const inner = coercer(def.innerType!);
      return (value) => (empty(value) ? undefined : inner(value));
    }
    case 'pipe':
      return coercer(def.in!);
    case 'string': {
      const datetime = def.format === 'datetime';
      return (value) => {
        if (typeof value === 'number' && Number.isFinite(value)) return String(value);
        if (typeof value !== 'string') return value;
        const s = value.trim();
        // An instant as toISOString() writes it reads back the same (time.ts): 100,000 rows spent 350 ms on it.
        if (!datetime || isWrittenInstant(s)) return s;
        const t = parseDateTime(s);
        return t ? new Date(t.utc).toISOString() : s;
      };
    }
    case 'enum':
      return (value) => (typeof value === 'string' ? value.trim() : value);
    case 'number':
      return (value) => {
        if (typeof value !== 'string') return value;
        const s = value.trim().replace(/\s/g, '');
        return NUMERIC.test(s) ? Number(s.replace(',', '.')) : value;
      };
    case 'boolean':
      return (value) => {
        if (typeof value === 'number') return value !== 0;
        if (typeof value !== 'string') return value;
        const s = value.trim();
        return TRUE.test(s) ? true : FALSE.test(s) || !s ? false : value;
      };
    case 'array': {
      const element = coercer(def.element!);
      return (value) => {
        const items = typeof value === 'string' ? value.split(LIST) : value;
        if (!Array.isArray(items)) return value;
        return items.map((item) => element(item)).filter((item) => !empty(item));
      };
    }
    case 'object': {
      const keys = Object.keys(def.shape!);
      const coerceField = keys.map((key) => coercer(def.shape![key]!));
      const readField = keys.map((key) => fields[key]);
      // A strict object (a translation) keeps what it does not know, so that the schema names it.
      const strict = Boolean(def.catchall && defOf(def.catchall).type === 'never');
      return (value, over, cells) => {
        if (!value || typeof value !== 'object' || Array.isArray(value)) return value;
        const out: Record<string, unknown> = strict ? { ...value, ...over } : {};
        for (let i = 0; i < keys.length; i++) {
          const key = keys[i]!;
          let raw = over && key in over ? over[key] : (value as Record<string, unknown>)[key];
          if (cells && (raw === '' || raw === null)) raw = undefined;
          const read = readField[i];
          const v = coerceField[i]!(read && !empty(raw) ? read(raw) : raw);
          if (v !== undefined) out[key] = v;
          else if (strict) delete out[key];
        }
        return out;
      };
    }
    case 'record': {
      const valueOf = coercer(def.valueType!);
      return (value) => {
        if (!value || typeof value !== 'object' || Array.isArray(value)) return value;
        const out: Record<string, unknown> = {};
        for (const [key, v] of Object.entries(value)) out[key.trim()] = valueOf(v);
        return out;
      };
    }
    default:
      return (value) => value;
  }
}
