/**
 * The building blocks of Archipel's zod/mini schemas (one file a record kind in schemas/).
 *
 * Input comes from spreadsheets as often as from APIs, so every field accepts
 * what a sheet delivers ("45,76", "oui", "a, b; c", "05/12/2026 14:00") and the
 * output is one typed, normalised shape. Types are derived from the schemas,
 * never declared twice.
 */
import * as z from 'zod/mini';
import { localToUtc, parseDateTime, isTimeZone } from './time.js';

const NUMERIC = /^[+-]?\d+(?:[.,]\d+)?$/;
/** What counts as "yes" in a cell or an answer, in our three languages. */
export const TRUE = /^(true|yes|y|oui|o|si|sí|vrai|verdadero|1|x|✓)$/i;
const FALSE = /^(false|no|n|non|faux|falso|0)$/i;

type Ctx = { issues: unknown[]; value: unknown };

export const fail = (ctx: Ctx, message: string, path: PropertyKey[] = []) => {
  (ctx.issues as object[]).push({ code: 'custom', message, input: ctx.value, path });
  return z.NEVER;
};

/**
 * `base`, then a rule that returns the value (possibly normalised) or a
 * problem in words. Every rule goes through this one pipe, rather than zod's
 * many check kinds, which keeps the shared chunk small.
 */
export const rule = <T extends z.ZodMiniType, O>(base: T, fn: (v: z.output<T>) => O | Problem) =>
  z.pipe(
    base,
    z.transform((v: z.output<T>, ctx: Ctx) => {
      const out = fn(v);
      return out instanceof Problem ? fail(ctx, out.message, out.path) : (out as O);
    }),
  );

/** What a rule returns when the value does not fit: a message, and the field when the rule checks a whole record. */
export class Problem {
  constructor(
    readonly message: string,
    readonly path: PropertyKey[] = [],
  ) {}
}

export const problem = (message: string, path?: PropertyKey[]) => new Problem(message, path);

/** Trimmed text of at most `max` characters; `min` 1 makes it required. */
export const text = (max = 500, min = 0) =>
  rule(z.string(), (v) => {
    const s = v.trim();
    if (s.length < min) return problem('is missing');
    return s.length > max ? problem(`is longer than ${max} characters`) : s;
  });
export const required = (max = 500) => text(max, 1);
export const opt = <T extends z.ZodMiniType>(t: T) => z.optional(t);
/** Text that must match a pattern, e.g. a colour or a country code. */
export const matching = (max: number, re: RegExp, message: string) =>
  rule(text(max, 1), (s) => (re.test(s) ? s : problem(message)));

/** One of a few words. */
export const oneOf = <const T extends readonly string[]>(values: T, what: string) =>
  rule(z.string(), (v) => ((values as readonly string[]).includes(v.trim()) ? (v.trim() as T[number]) : problem(`"${v}" is not ${what}: write ${values.join(', ')}`)));

/** An email address: checked for shape only, since only sending to it proves it. */
export const email = matching(254, /^[^\s@"<>(),;]+@[^\s@"<>(),;]+\.[^\s@"<>(),;]{2,}$/, 'is not an email address');

/** A number, from a number or a string with a dot or a decimal comma. */
export const num = rule(z.union([z.number(), z.string()]), (v) => {
  if (typeof v === 'number') return Number.isFinite(v) ? v : problem('is not a number');
  const s = v.trim().replace(/\s/g, '');
  return NUMERIC.test(s) ? Number(s.replace(',', '.')) : problem(`"${v}" is not a number`);
});

/** A number from `min` to `max`; whole when `whole`. */
export const between = (min: number, max: number, whole = false) =>
  rule(num, (n) => (n < min || n > max ? problem(`should be between ${min} and ${max}`) : whole && !Number.isInteger(n) ? problem('should be a whole number') : n));

/** A yes/no, from a boolean or "oui", "yes", "sí", "x", "1"… */
export const bool = rule(z.union([z.boolean(), z.number(), z.string()]), (v) => {
  if (typeof v !== 'string') return Boolean(v);
  if (TRUE.test(v.trim())) return true;
  if (FALSE.test(v.trim()) || !v.trim()) return false;
  return problem(`"${v}" is not yes or no`);
});

/** A list of strings, from an array or a cell like "a, b; c". */
export const list = (max = 60) =>
  rule(z.union([z.array(z.string()), z.string()]), (v) =>
    (Array.isArray(v) ? v : v.split(/[,;|\n]/)).map((s) => s.trim().slice(0, max)).filter(Boolean),
  );

/** Hashtags without their "#", from ["a", "#b"] or "#a #b, c". */
export const hashtags = rule(z.union([z.array(z.string()), z.string()]), (v) =>
  (Array.isArray(v) ? v : v.split(/[\s,;]+/)).map((s) => s.trim().replace(/^#/, '')).filter(Boolean),
);

export const slug = matching(80, /^[\p{L}\p{N}_.:-]+$/u, 'may only hold letters, digits, "-", "_", "." and ":"');
export const url = text(2000);
export const colour = matching(7, /^#(?:[0-9a-f]{3}){1,2}$/i, 'should be a colour like #1a7f5a');
export const country = rule(matching(2, /^[a-z]{2}$/i, 'should be a two-letter country code'), (s) => s.toUpperCase());
/** An instant, as ISO 8601 UTC; a date without a zone is read as UTC. */
export const instant = rule(text(40), (v) => {
  const t = parseDateTime(v);
  if (!t) return problem(`"${v}" is not a date`);
  return new Date(t.zoned ? t.utc : localToUtc(t, 'UTC')).toISOString();
});
export const timeZone = rule(text(64), (s) => (isTimeZone(s) ? s : problem('is not a time zone name such as Europe/Paris')));
/** An array with at least `min` items. */
export const atLeast = <T>(item: z.ZodMiniType<T>, min: number, message: string) =>
  rule(z.array(item), (a) => (a.length < min ? problem(message) : a));

/** Fields every read record may carry: where it came from when sources are merged. */
export const provenance = { origin: opt(text(2000)) };

export function hostOf(u: string): string {
  try {
    return new URL(u).hostname.replace(/^www\./, '');
  } catch {
    return u;
  }
}
