/**
 * The fields Archipel's records are made of, as strict zod schemas: what a value must be once it is plain
 * (text trimmed, numbers as numbers, dates as ISO 8601 instants). Turning a spreadsheet's cell into such a
 * value is `coerce.ts`'s work, before these run. Each format has a name (`slug`, `colour`…), which
 * `issues.ts` turns into words and `z.toJSONSchema()` into the OpenAPI contract's `format` and `pattern`.
 */
import * as z from 'zod/mini';
import { isTimeZone } from '../zones.js';

/** Text of at most `max` characters, possibly empty. */
export const text = (max = 500) => z.string().check(z.maxLength(max));
/** Text of 1 to `max` characters. */
export const required = (max = 500) => z.string().check(z.minLength(1), z.maxLength(max));
/** A link or a path: checked when shown (`safeUrl()`), since a relative one is fine in a JSON folder. */
export const url = text(2000);

export const slug = z.stringFormat('slug', /^[\p{L}\p{N}_.:-]+$/u).check(z.maxLength(80));
export const colour = z.stringFormat('colour', /^#(?:[0-9a-fA-F]{3}){1,2}$/);
export const country = z.stringFormat('country', /^[A-Z]{2}$/);
/** An email address: checked for shape only, since only sending to it proves it. */
export const email = z.email({ pattern: /^[^\s@"<>(),;]+@[^\s@"<>(),;]+\.[^\s@"<>(),;]{2,}$/ }).check(z.maxLength(254));
export const phone = z.stringFormat('phone', /^\+?[\d\s().-]{6,}$/).check(z.maxLength(40));
/** The id a browser gives a record it writes: the idempotency key. */
export const clientId = z.stringFormat('clientId', /^[A-Za-z0-9_-]{8,64}$/);
/** An instant, as ISO 8601 in UTC. */
export const instant = z.iso.datetime();
export const timeZone = z.string().check(z.maxLength(64), z.refine(isTimeZone, { error: 'timeZone' }));
/** A whole number from `min` to `max`. */
export const wholeBetween = (min: number, max: number) => z.int().check(z.gte(min), z.lte(max));
export const between = (min: number, max: number) => z.number().check(z.gte(min), z.lte(max));
/** Words such as interests or options, each of at most `max` characters. */
export const words = (max = 60) => z.array(text(max).check(z.minLength(1)));

/** Where a record was published, said so that people can read it: "Alternatiba Lyon's calendar", and its link. */
export const OriginSchema = z.object({ label: z.optional(text(200)), url: z.optional(url) });

/**
 * Fields every read record may carry: the source it was read from when sources are merged (`origin`), and where
 * it was published, once or more when the same record came from several calendars (`origins`).
 */
export const provenance = { origin: z.optional(text(2000)), origins: z.optional(z.array(OriginSchema).check(z.maxLength(20))) };

/**
 * Country codes written for languages: no language has these codes, and "jp" meant Japanese (ja), "cz" Czech (cs)
 * or "dk" Danish (da). A full list of languages would weigh more than all the schemas, and browsers do not all
 * know one (Chromium names no language for "bo" or "se").
 */
const NOT_LANGUAGES = /^(?:jp|sp|cz|dk|gr|cn|ua|vn|us|gb)(?:-|$)/i;

/**
 * A language, as a BCP 47 tag: a language code, then optionally a script, a region and variants ("es", "pt-BR",
 * "zh-Hant-TW", "es-419", "ca-valencia").
 */
export const lang = z
  .stringFormat('lang', /^[A-Za-z]{2,3}(?:-[A-Za-z]{4})?(?:-(?:[A-Za-z]{2}|\d{3}))?(?:-(?:[A-Za-z0-9]{5,8}|\d[A-Za-z0-9]{3}))*$/)
  .check(z.maxLength(35), z.refine((tag) => !NOT_LANGUAGES.test(tag), { error: 'lang' }));

/**
 * What a record written in one language carries to be read in others: the language it is written in (else the
 * page's), and translations of some of its fields by language, `{ "es": { "title": "…" } }`. A translation holds
 * only the fields `translation` names, each within the original's length.
 */
export const inLanguages = <T extends z.core.$ZodType>(translation: T) => ({
  lang: z.optional(lang),
  translations: z.optional(z.record(lang, translation)),
});
