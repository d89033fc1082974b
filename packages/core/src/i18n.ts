/**
 * Words in many languages, any of them replaceable per element.
 *
 * A catalogue is a module a language (strings/<lang>/<catalogue>.ts), typed from the English one, so a key
 * missing in another language fails the type check. A message is a string with `{name}` placeholders, or,
 * for a count, one string per plural category of `Intl.PluralRules` (`zero`, `one`, `two`, `few`, `many`,
 * `other`: Arabic uses all six, English `one` and `other`), `#` standing for the count. Dates always carry
 * their time zone.
 */
import { warnOnce } from './warn.js';

export const LOCALES = ['fr', 'en', 'es'] as const;
export type Locale = (typeof LOCALES)[number];

/** One form per plural category; `other` is required, as every language has it. */
export type Plural = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };
export type Message = string | Plural;
export type Catalogue<K extends string = string> = Record<K, Message>;

/**
 * A catalogue in each language. Built-in ones are a module a language, loaded on first use, so a page
 * downloads only its visitors' words; a developer's own may be given inline.
 */
export type Words<K extends string = string> = Record<Locale, Catalogue<K> | (() => Promise<{ default: Catalogue<K> }>)>;

/** Each catalogue's languages: loaded, or on their way (so two elements never load one twice). */
const loaded = new Map<Words, Partial<Record<Locale, Catalogue | Promise<void>>>>();

/** Loads `sets` in `locale`; undefined when they are all there already, so nothing need wait. */
export function loadWords(sets: readonly Words[], locale: Locale): Promise<void> | undefined {
  const waits: Promise<void>[] = [];
  for (const w of sets) {
    let got = loaded.get(w);
    if (!got) loaded.set(w, (got = {}));
    const have = got[locale];
    const source = w[locale];
    if (have instanceof Promise) waits.push(have);
    else if (have) continue;
    else if (typeof source !== 'function') got[locale] = source;
    else {
      const on = got;
      const wait = source().then(
        (m) => void (on[locale] = m.default),
        (e: unknown) => {
          // Remembered as empty, so renders stop waiting for it; English stands in until the page is reloaded.
          on[locale] = {};
          warnOnce(`words:${locale}`, `Could not load the words in "${locale}" (${String(e)}); showing them in English.`);
          return loadWords([w], 'en');
        },
      );
      waits.push((got[locale] = wait));
    }
  }
  return waits.length ? Promise.all(waits).then(() => undefined) : undefined;
}

/** `key` from the first of `sets` that has it, in `locale`, else in English, else in any language already loaded. */
export function lookup(sets: readonly Words[], locale: Locale, key: string): Message | undefined {
  for (const l of [locale, 'en', ...LOCALES] as const)
    for (const w of sets) {
      const c = loaded.get(w)?.[l];
      const s = c instanceof Promise ? undefined : c?.[key];
      if (s !== undefined) return s;
    }
  return undefined;
}

/** The supported locale closest to a BCP 47 tag ("fr-BE" → "fr"), if any. */
export function pickLocale(tag: string | null | undefined): Locale | undefined {
  const primary = tag?.toLowerCase().split(/[-_]/)[0];
  return LOCALES.find((l) => l === primary);
}

const plurals = new Map<string, Intl.PluralRules>();

/** Fills `{name}` placeholders; for a plural message, picks the form for `vars.count` and puts the count for `#`. */
export function format(message: Message, locale: string, vars: Record<string, unknown> = {}): string {
  let s: string;
  if (typeof message === 'string') s = message;
  else {
    const count = typeof vars.count === 'number' ? vars.count : 0;
    let rules = plurals.get(locale);
    if (!rules) plurals.set(locale, (rules = new Intl.PluralRules(locale)));
    s = (message[rules.select(count)] ?? message.other).replace(/#/g, formatNumber(count, locale));
  }
  return s.replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m));
}

export function formatNumber(n: number, locale: string, options?: Intl.NumberFormatOptions): string {
  return new Intl.NumberFormat(locale, options).format(n);
}

const formats = new Map<string, Intl.DateTimeFormat>();

/** One formatter per locale, zone and options: building one costs more than formatting with it. */
function dateTime(locale: Locale, timeZone: string | undefined, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${timeZone}|${JSON.stringify(options)}`;
  let f = formats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', hour: 'numeric', minute: '2-digit', timeZone, timeZoneName: 'short', ...options });
    formats.set(key, f);
  }
  return f;
}

/** "sam. 12 déc. 2026, 14:00 UTC+1": a date and time in `timeZone`, with that zone named. */
export function formatDateTime(iso: string, locale: Locale, timeZone?: string, options: Intl.DateTimeFormatOptions = {}): string {
  return dateTime(locale, timeZone, options).format(new Date(iso));
}

/** "sam. 12 déc. 2026, 14:00 – 17:00 UTC+1": a span in `timeZone`, each part said once. */
export function formatDateRange(start: string, end: string, locale: Locale, timeZone?: string): string {
  return dateTime(locale, timeZone, {}).formatRange(new Date(start), new Date(end));
}

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 31_536_000],
  ['month', 2_592_000],
  ['week', 604_800],
  ['day', 86_400],
  ['hour', 3_600],
  ['minute', 60],
];

const relatives = new Map<string, Intl.RelativeTimeFormat>();

/** "il y a 3 heures", "in 2 days", "hace un momento". */
export function formatRelative(iso: string, locale: Locale, now = Date.now()): string {
  const seconds = (new Date(iso).getTime() - now) / 1000;
  let rtf = relatives.get(locale);
  if (!rtf) relatives.set(locale, (rtf = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' })));
  for (const [unit, size] of UNITS) if (Math.abs(seconds) >= size) return rtf.format(Math.round(seconds / size), unit);
  return rtf.format(0, 'second');
}
