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

/** The languages Archipel ships words for. A page may add others at run time (`addWords`). */
export const LOCALES = ['en', 'fr', 'es', 'pt', 'de', 'it', 'nl', 'ar', 'sw'] as const;
/** A language tag Archipel speaks: one it ships ("fr") or one a page added ("pt-BR", "br"). */
export type Locale = string;

/** One form per plural category; `other` is required, as every language has it. */
export type Plural = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };
export type Message = string | Plural;
export type Catalogue<K extends string = string> = Record<K, Message>;
export type Loader<K extends string = string> = () => Promise<{ default: Catalogue<K> }>;

/**
 * A catalogue: its name (by which a page adds a language to it) and its words in each language Archipel ships.
 * Built-in languages are a module each, loaded on first use, so a page downloads only its visitors' words; a
 * developer's own may be given inline.
 */
export interface Words<K extends string = string> {
  readonly name: string;
  readonly languages: { readonly en: Catalogue<K> | Loader<K> } & Readonly<Partial<Record<string, Catalogue<K> | Loader<K>>>>;
}

/** Each catalogue's languages: loaded, or on their way (so two elements never load one twice). */
const loaded = new Map<Words, Partial<Record<string, Catalogue | Promise<void>>>>();
/** Words a page added, by language then catalogue name. */
const added = new Map<string, Map<string, Partial<Catalogue>>>();
const listeners = new Set<() => void>();

/**
 * Adds words in `lang` (a BCP 47 tag: "pt-BR", "br", "ar"), by catalogue name (`core`, `send`, `hub-signup`,
 * `action-map`…, the files of each package's `src/strings/en/`): a language Archipel does not ship, or a page's own
 * wording of one it does. A key left out falls back to the language's base ("pt" for "pt-BR"), then to English.
 * Widgets already on the page speak it at once.
 */
export function addWords(lang: string, catalogues: Record<string, Partial<Catalogue>>): void {
  const tag = lang.toLowerCase();
  let mine = added.get(tag);
  if (!mine) added.set(tag, (mine = new Map()));
  for (const [name, words] of Object.entries(catalogues)) mine.set(name, { ...mine.get(name), ...words });
  listeners.forEach((fn) => fn());
}

/**
 * Words a page with only the script tag adds through archipel.js (`archipel.addWords`), before this module has
 * arrived or after: the loader queues them under a global symbol, this module takes the queue and then answers it.
 */
const queued = ((globalThis as Record<symbol, unknown>)[Symbol.for('archipel.words')] ??= []) as [string, Record<string, Partial<Catalogue>>][];
for (const [lang, catalogues] of queued.splice(0)) addWords(lang, catalogues);
queued.push = (...calls) => {
  for (const [lang, catalogues] of calls) addWords(lang, catalogues);
  return 0;
};

/** Calls `fn` whenever a page adds words; returns the function that stops it. */
export function onWordsAdded(fn: () => void): () => void {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

const primaryOf = (tag: string) => tag.split(/[-_]/)[0]!;

/** Loads `sets` in `locale`; undefined when they are all there already, so nothing need wait. */
export function loadWords(sets: readonly Words[], locale: Locale): Promise<void> | undefined {
  const waits: Promise<void>[] = [];
  for (const tag of new Set([locale, primaryOf(locale)]))
    for (const w of sets) {
      let got = loaded.get(w);
      if (!got) loaded.set(w, (got = {}));
      const have = got[tag];
      const source = w.languages[tag];
      if (have instanceof Promise) waits.push(have);
      else if (have || !source) continue;
      else if (typeof source !== 'function') got[tag] = source;
      else {
        const on = got;
        const wait = source().then(
          (m) => void (on[tag] = m.default),
          (e: unknown) => {
            // Remembered as empty, so renders stop waiting for it; English stands in until the page is reloaded.
            on[tag] = {};
            warnOnce(`words:${tag}`, `Could not load the words in "${tag}" (${String(e)}); showing them in English.`);
            return loadWords([w], 'en');
          },
        );
        waits.push((got[tag] = wait));
      }
    }
  return waits.length ? Promise.all(waits).then(() => undefined) : undefined;
}

/** `key` from the first of `sets` that has it: in `locale`, its base language, English, then any language already loaded. */
export function lookup(sets: readonly Words[], locale: Locale, key: string): Message | undefined {
  for (const tag of new Set([locale, primaryOf(locale), 'en', ...LOCALES]))
    for (const w of sets) {
      const page = added.get(tag)?.get(w.name)?.[key];
      if (page !== undefined) return page;
      const c = loaded.get(w)?.[tag];
      const s = c instanceof Promise ? undefined : c?.[key];
      if (s !== undefined) return s;
    }
  return undefined;
}

/** The language Archipel speaks closest to a BCP 47 tag ("fr-BE" → "fr", "pt-BR" → "pt-br" if a page added it), if any. */
export function pickLocale(tag: string | null | undefined): Locale | undefined {
  const wanted = tag?.trim().toLowerCase().replace('_', '-');
  if (!wanted) return undefined;
  if (added.has(wanted)) return wanted;
  const primary = primaryOf(wanted);
  if (added.has(primary) || (LOCALES as readonly string[]).includes(primary)) return primary;
  return undefined;
}

const RTL = new Set(['ar', 'he', 'fa', 'ur', 'ps', 'sd', 'ug', 'yi', 'dv', 'ckb']);
/** The direction a language is written in. */
export const directionOf = (locale: Locale): 'rtl' | 'ltr' => (RTL.has(primaryOf(locale)) ? 'rtl' : 'ltr');

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

const numbers = new Map<string, Intl.NumberFormat>();

/**
 * "1 234", "٩٣ كم": a number as `locale` writes it. One formatter per locale and options, as for dates: a list's
 * count and its rows' distances were each building one, and on a slow phone the first costs tens of milliseconds.
 */
export function formatNumber(n: number, locale: string, options?: Intl.NumberFormatOptions): string {
  const key = `${locale}|${options ? JSON.stringify(options) : ''}`;
  let f = numbers.get(key);
  if (!f) numbers.set(key, (f = new Intl.NumberFormat(locale, options)));
  return f.format(n);
}

const formats = new Map<string, Intl.DateTimeFormat>();

/**
 * One formatter per locale, zone and options: building one costs more than formatting with it. An option set
 * to `undefined` (to leave a part out) is part of the key: JSON drops such keys, so `{ year: undefined }` and
 * `{}` once shared one formatter, and whichever came first decided for both.
 */
function dateTime(locale: Locale, timeZone: string | undefined, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${timeZone}|${JSON.stringify(options, (_, v: unknown) => (v === undefined ? null : v))}`;
  let f = formats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', hour: 'numeric', minute: '2-digit', timeZone, timeZoneName: 'short', ...options });
    formats.set(key, f);
  }
  return f;
}

/**
 * "sam. 12 déc. 2026, 14:00 UTC+1": a date and time in `timeZone`, with that zone named. Pass
 * `{ timeZoneName: 'longGeneric' }` to name the zone as a place ("heure d’Europe centrale", "Eastern Time").
 */
export function formatDateTime(iso: string, locale: Locale, timeZone?: string, options: Intl.DateTimeFormatOptions = {}): string {
  return dateTime(locale, timeZone, options).format(new Date(iso));
}

/** "sam. 12 déc. 2026, 14:00 – 17:00 UTC+1": a span in `timeZone`, each part said once. */
export function formatDateRange(start: string, end: string, locale: Locale, timeZone?: string, options: Intl.DateTimeFormatOptions = {}): string {
  return dateTime(locale, timeZone, options).formatRange(new Date(start), new Date(end));
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
