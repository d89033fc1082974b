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

/** `value` as `schema` expects it, as far as it can be read so; `fields` reads named fields of a record their own way first. */
export function coerce(schema: z.core.$ZodType, value: unknown, fields: Record<string, CellReader> = {}): unknown {
  const def = defOf(schema);
  switch (def.type) {
    case 'optional':
      return empty(value) ? undefined : coerce(def.innerType!, value);
    case 'pipe':
      return coerce(def.in!, value);
    case 'string': {
      if (typeof value === 'number' && Number.isFinite(value)) return String(value);
      if (typeof value !== 'string') return value;
      const s = value.trim();
      if (def.format !== 'datetime' || isWrittenInstant(s)) return s;
      const t = parseDateTime(s);
      return t ? new Date(t.utc).toISOString() : s;
    }
    case 'enum':
      return typeof value === 'string' ? value.trim() : value;
    case 'number': {
      if (typeof value !== 'string') return value;
      const s = value.trim().replace(/\s/g, '');
      return NUMERIC.test(s) ? Number(s.replace(',', '.')) : value;
    }
    case 'boolean': {
      if (typeof value === 'number') return value !== 0;
      if (typeof value !== 'string') return value;
      const s = value.trim();
      return TRUE.test(s) ? true : FALSE.test(s) || !s ? false : value;
    }
    case 'array': {
      const items = typeof value === 'string' ? value.split(LIST) : value;
      if (!Array.isArray(items)) return value;
      return items.map((item) => coerce(def.element!, item)).filter((item) => !empty(item));
    }
    case 'object': {
      if (!value || typeof value !== 'object' || Array.isArray(value)) return value;
      // A strict object (a translation) keeps what it does not know, so that the schema names it.
      const out: Record<string, unknown> = def.catchall && defOf(def.catchall).type === 'never' ? { ...value } : {};
      for (const [key, field] of Object.entries(def.shape!)) {
        const raw = (value as Record<string, unknown>)[key];
        const read = fields[key];
        const v = coerce(field, read && !empty(raw) ? read(raw) : raw);
        if (v !== undefined) out[key] = v;
        else delete out[key];
      }
      return out;
    }
    case 'record': {
      if (!value || typeof value !== 'object' || Array.isArray(value)) return value;
      const out: Record<string, unknown> = {};
      for (const [key, v] of Object.entries(value)) out[key.trim()] = coerce(def.valueType!, v);
      return out;
    }
    default:
      return value;
  }
}
