/**
 * The building blocks of Archipel's schemas (one file a record kind in schemas/).
 *
 * Input comes from spreadsheets as often as from APIs, so every field accepts
 * what a sheet delivers ("45,76", "oui", "a, b; c", "05/12/2026 14:00") and the
 * output is one typed, normalised shape. Types are derived from the schemas,
 * never declared twice.
 *
 * Every schema here, field or record, is a reader that normalises the value or
 * says in words what is wrong with it. `field()` makes a field from a rule;
 * `record()` makes a record from its fields, and its type from theirs. A schema
 * answers `safeParse()` the way zod's do (`success`, `data`, `error.issues`
 * with paths), without zod: the schemas were zod/mini's `unknown()` with one
 * check, and zod's part, which only called our readers, cost every page 2.8 KiB
 * gzipped (README, "Sizes").
 */
import { parseDateTime } from './time.js';

const NUMERIC = /^[+-]?\d+(?:[.,]\d+)?$/;
/** What counts as "yes" in a cell or an answer, in our three languages. */
export const TRUE = /^(true|yes|y|oui|o|si|sí|vrai|verdadero|1|x|✓)$/i;
const FALSE = /^(false|no|n|non|faux|falso|0)$/i;

/** What a rule returns when the value does not fit: a message, and the field when the rule checks a whole record. */
export class Problem {
  constructor(
    readonly message: string,
    readonly path: PropertyKey[] = [],
  ) {}
}

export const problem = (message: string, path?: PropertyKey[]) => new Problem(message, path);

type Reader<O> = (v: unknown) => O | Problem | Problem[];
type Step<O> = (v: unknown) => O | Problem;
const isProblems = (out: unknown): out is Problem[] => Array.isArray(out) && out[0] instanceof Problem;
/** The problems a reader found, or undefined when it gave a value. */
const problemsIn = (out: unknown): Problem[] | undefined => (out instanceof Problem ? [out] : isProblems(out) ? out : undefined);

/** One problem with a value: where it is (`["contact", "email"]`) and what it is, in words. */
export interface Issue {
  readonly code: 'custom';
  readonly path: PropertyKey[];
  readonly message: string;
}

/** An issue in words, after the field it concerns: `lat: "nord" is not a number`. */
export const describeIssue = (issue: Pick<Issue, 'path' | 'message'>): string => (issue.path.length ? `${issue.path.join('.')}: ` : '') + issue.message;

/** What `safeParse()` gives: the value, or every problem found, each with its path. */
export type SafeResult<O> = { success: true; data: O; error?: undefined } | { success: false; data?: undefined; error: { issues: Issue[] } };

/** A field's schema: it reads an `I` from the source and gives an `O`. */
export class Field<O, I = unknown> {
  /** The types it reads and gives, for `Output<>` and `Input<>`; never set. */
  declare readonly types?: { input: I; output: O };
  /** @internal Its reader, so that rules chain and records read their fields. */
  constructor(readonly read: Reader<O>) {}

  /** The normalised value, or every problem found, each with its path; never throws on data. */
  safeParse(value: unknown): SafeResult<O> {
    const out = this.read(value);
    const problems = problemsIn(out);
    return problems
      ? { success: false, error: { issues: problems.map((p) => ({ code: 'custom', path: p.path, message: p.message })) } }
      : { success: true, data: out as O };
  }
}

/** What a schema gives, and what it reads. */
export type Output<S> = S extends Field<infer O, any> ? O : never;
export type Input<S> = S extends Field<any, infer I> ? I : never;

function readOf<O>(schema: unknown): Reader<O> {
  if (!(schema instanceof Field)) throw new TypeError('schema-kit takes only schemas made by field() or record()');
  return schema.read as Reader<O>;
}
/** A schema's rule with its first problem only, for a rule that needs one answer. */
const stepOf = <O>(schema: unknown): Step<O> => {
  const read = readOf<O>(schema);
  return (v) => {
    const out = read(v);
    return isProblems(out) ? out[0]! : out;
  };
};

/** A field read by `step`, which returns the value (possibly normalised) or a problem in words. */
export const field = <O, I = unknown>(step: Step<O>): Field<O, I> => new Field<O, I>(step);

/** `base`, then `fn` on what it gave. */
export function rule<T, O, I>(base: Field<T, I>, fn: (v: T) => O | Problem): Field<O, I> {
  const first = stepOf<T>(base);
  return field((v) => {
    const t = first(v);
    return t instanceof Problem ? t : fn(t);
  });
}

const missing = (v: unknown, what: string) => problem(v === undefined ? 'is missing' : `should be ${what}`);

/** Trimmed text of at most `max` characters; `min` 1 makes it required. A number is read as its digits (a postcode in JSON). */
export const text = (max = 500, min = 0) =>
  field<string, string>((v) => {
    if (typeof v === 'number' && Number.isFinite(v)) v = String(v);
    if (typeof v !== 'string') return missing(v, 'text');
    const s = v.trim();
    if (s.length < min) return problem('is missing');
    return s.length > max ? problem(`is longer than ${max} characters`) : s;
  });
export const required = (max = 500) => text(max, 1);
/** `f`, or nothing: a record leaves the key out. */
export const opt = <F extends Field<unknown, any>>(f: F): Field<Output<F> | undefined, Input<F> | undefined> => {
  const read = readOf<Output<F>>(f);
  return new Field((v) => (v === undefined ? undefined : read(v)));
};
/** Text that must match a pattern, e.g. a colour or a country code. */
export const matching = (max: number, re: RegExp, message: string) => rule(text(max, 1), (s) => (re.test(s) ? s : problem(message)));

/** One of a few words. */
export const oneOf = <const T extends readonly string[]>(values: T, what: string) =>
  rule(text(60, 1), (v) => ((values as readonly string[]).includes(v) ? (v as T[number]) : problem(`"${v}" is not ${what}: write ${values.join(', ')}`)));

/** An email address: checked for shape only, since only sending to it proves it. */
export const email = matching(254, /^[^\s@"<>(),;]+@[^\s@"<>(),;]+\.[^\s@"<>(),;]{2,}$/, 'is not an email address');

/** A number, from a number or a string with a dot or a decimal comma. */
export const num = field<number, number | string>((v) => {
  if (typeof v === 'number') return Number.isFinite(v) ? v : problem('is not a number');
  if (typeof v !== 'string') return missing(v, 'a number');
  const s = v.trim().replace(/\s/g, '');
  return NUMERIC.test(s) ? Number(s.replace(',', '.')) : problem(`"${v}" is not a number`);
});

/** A number from `min` to `max`; whole when `whole`. */
export const between = (min: number, max: number, whole = false) =>
  rule(num, (n) => (n < min || n > max ? problem(`should be between ${min} and ${max}`) : whole && !Number.isInteger(n) ? problem('should be a whole number') : n));

/** A yes/no, from a boolean or "oui", "yes", "sí", "x", "1"… */
export const bool = field<boolean, boolean | number | string>((v) => {
  if (typeof v === 'boolean' || typeof v === 'number') return Boolean(v);
  if (typeof v !== 'string') return missing(v, 'yes or no');
  if (TRUE.test(v.trim())) return true;
  if (FALSE.test(v.trim()) || !v.trim()) return false;
  return problem(`"${v}" is not yes or no`);
});

/** Words from an array or from a cell split at `separators`, each trimmed, cut by `fix` and kept when not empty. */
const words = (separators: RegExp, fix: (s: string) => string) =>
  field<string[], string[] | string>((v) => {
    const items = typeof v === 'string' ? v.split(separators) : v;
    if (!Array.isArray(items) || items.some((s) => typeof s !== 'string')) return missing(v, 'a list of words');
    return (items as string[]).map((s) => fix(s.trim())).filter(Boolean);
  });

/** A list of strings, from an array or a cell like "a, b; c". */
export const list = (max = 60) => words(/[,;|\n]/, (s) => s.slice(0, max));

/** Hashtags without their "#", from ["a", "#b"] or "#a #b, c". */
export const hashtags = words(/[\s,;]+/, (s) => s.replace(/^#/, ''));

/** The first problem `schema` finds in `value`, as a rule's problem (its path kept, below `at`). */
export function inner<O>(schema: Field<O, any>, value: unknown, at: PropertyKey[] = []): O | Problem {
  const out = stepOf<O>(schema)(value);
  return out instanceof Problem ? problem(out.message, [...at, ...out.path]) : out;
}

type Shape = Readonly<Record<string, Field<unknown, any>>>;
type Flat<T> = { [K in keyof T]: T[K] } & {};
type Side<F, W> = F extends Field<infer O, infer I> ? (W extends 'output' ? O : I) : never;
/** A record's type from its fields' types: a field that may be undefined is an optional key. */
type Read<S extends Shape, W> = Flat<
  { [K in keyof S as undefined extends Side<S[K], W> ? never : K]: Side<S[K], W> } & {
    [K in keyof S as undefined extends Side<S[K], W> ? K : never]?: Side<S[K], W>;
  }
>;
export type RecordOut<S extends Shape> = Read<S, 'output'>;
export type RecordIn<S extends Shape> = Read<S, 'input'>;
/** A record's schema, with its fields by name (for header matching). */
export class RecordSchema<O, I, S extends Shape = Shape> extends Field<O, I> {
  constructor(
    read: Reader<O>,
    readonly shape: S,
  ) {
    super(read);
  }
}

/**
 * A record of `shape`'s fields; keys outside it are dropped. Every field's
 * problem is reported; `check`, a rule on the whole record (a field that needs
 * another, a date in the record's zone), runs once every field has passed.
 */
export function record<S extends Shape, O = RecordOut<S>>(shape: S, check?: (r: RecordOut<S>) => O | Problem): RecordSchema<O, RecordIn<S>, S> {
  const fields = Object.entries(shape).map(([key, f]) => [key, readOf(f)] as const);
  return new RecordSchema<O, RecordIn<S>, S>((v) => {
    if (!v || typeof v !== 'object' || Array.isArray(v)) return missing(v, 'a record');
    const out: Record<string, unknown> = {};
    const problems: Problem[] = [];
    for (const [key, read] of fields) {
      const r = read((v as Record<string, unknown>)[key]);
      const found = problemsIn(r);
      if (found) for (const p of found) problems.push(problem(p.message, [key, ...p.path]));
      else if (r !== undefined) out[key] = r;
    }
    if (problems.length) return problems;
    return check ? check(out as RecordOut<S>) : (out as O);
  }, shape);
}

/** A list of records of `item`'s kind, with at least `min` of them (`message` says so when there are fewer). */
export const listOf = <O, I>(item: Field<O, I>, min = 0, message = 'is missing') =>
  field<O[], I[]>((v) => {
    if (!Array.isArray(v)) return missing(v, 'a list');
    if (v.length < min) return problem(message);
    const out: O[] = [];
    for (const [i, x] of v.entries()) {
      const r = inner(item, x, [i]);
      if (r instanceof Problem) return r;
      out.push(r);
    }
    return out;
  });

export const slug = matching(80, /^[\p{L}\p{N}_.:-]+$/u, 'may only hold letters, digits, "-", "_", "." and ":"');
export const url = text(2000);
export const colour = matching(7, /^#(?:[0-9a-f]{3}){1,2}$/i, 'should be a colour like #1a7f5a');
export const country = rule(matching(2, /^[a-z]{2}$/i, 'should be a two-letter country code'), (s) => s.toUpperCase());
/** An instant, as ISO 8601 UTC; a date without a zone is read as UTC. */
export const instant = rule(text(40, 1), (v) => {
  const t = parseDateTime(v);
  return t ? new Date(t.utc).toISOString() : problem(`"${v}" is not a date`);
});

/** Fields every read record may carry: where it came from when sources are merged. */
export const provenance = { origin: opt(text(2000)) };

export function hostOf(u: string): string {
  try {
    return new URL(u).hostname.replace(/^www\./, '');
  } catch {
    return u;
  }
}
