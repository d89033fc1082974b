/**
 * Content in the visitor's language. A record is written in one language (its `lang`, else the page's) and may
 * carry translations of some of its fields (`translations: { "es": { "title": "…" } }`). A widget shows a field in
 * its own language when the record has it, else in the original, and says which language the text is in
 * whenever it is not the widget's, so that the element showing it carries that `lang` (WCAG 3.1.2).
 */
import type { Locale } from './i18n.js';
import type { Question } from './schemas/surveys.js';
import { warnOnce } from './warn.js';

/** Text to show, and its language when that is not the widget's (for the element's `lang`). */
export interface Shown {
  text: string;
  lang?: string;
}

/** A survey question to show: its label, and its options in the order of the original's, whose values the answers keep. */
export interface ShownQuestion extends Shown {
  options: Shown[];
  /** The line under the label, when the question has one. */
  help?: Shown;
}

/** What a record needs to be read in other languages: every record of `actions`, `chapters`, `posts` and `surveys`. */
export interface Translatable {
  id?: string;
  lang?: string;
  translations?: Record<string, object>;
  [field: string]: unknown;
}

const primary = (tag: string) => tag.split('-')[0]!;

/** How well text in `tag` suits a reader of `wanted`: the same tag, then the bare language ("pt" for "pt-BR"), then another region of it. */
function fit(tag: string | undefined, wanted: string): number {
  if (!tag) return 0;
  const t = tag.toLowerCase();
  return t === wanted ? 3 : t === primary(wanted) ? 2 : primary(t) === primary(wanted) ? 1 : 0;
}

/** The best of the original (`own`, in `lang`) and its translations for a reader of `wanted`; the original on a tie. */
function choose<T>(lang: string | undefined, own: T, translated: [lang: string, value: T | undefined][], wanted: string): { value: T; lang?: string } {
  let best = { value: own, lang };
  let score = fit(lang, wanted);
  for (const [tag, value] of translated) {
    const s = fit(tag, wanted);
    if (value !== undefined && s > score) [best, score] = [{ value, lang: tag }, s];
  }
  return best;
}

/**
 * A record's `field` (`title`, `description`, `slogan`, `text`, `intro`…), or a survey's `question`, as a widget
 * speaking `locale` shows it: the translation into `locale` (the same tag first, then its language: a `pt-BR`
 * visitor reads a `pt` translation and a `pt` visitor a `pt-BR` one), else the original. `lang` is set only when
 * the text is not in `locale`. A question's options whose translation has not as many as the original's are
 * shown in the original, with a console warning.
 */
export function translated(record: Translatable, field: string, locale: Locale): Shown;
export function translated(record: Translatable, question: Question, locale: Locale): ShownQuestion;
export function translated(record: Translatable, what: string | Question, locale: Locale): Shown | ShownQuestion {
  const wanted = locale.toLowerCase();
  const own = record.lang || globalThis.document?.documentElement.lang || undefined;
  const question = typeof what === 'string' ? undefined : what;
  // Each translation's words for this field or question.
  const entries = Object.entries(record.translations ?? {}).map(([tag, words]): [string, Record<string, unknown> | undefined] => [
    tag,
    question ? (words as { questions?: Record<string, Record<string, unknown>> }).questions?.[question.id] : (words as Record<string, unknown>),
  ]);
  const mark = (lang: string | undefined) => (lang && lang.toLowerCase() !== wanted ? lang : undefined);
  const text = (name: string, original: unknown) => {
    const best = choose(own, original, entries.map(([tag, words]) => [tag, typeof words?.[name] === 'string' ? words[name] : undefined]), wanted);
    return { text: typeof best.value === 'string' ? best.value : '', lang: mark(best.lang) };
  };
  if (!question) return text(what as string, record[what as string]);
  const original = question.options ?? [];
  const options = choose(
    own,
    original,
    entries.map(([tag, words]) => {
      const given = words?.options as string[] | undefined;
      if (given && given.length !== original.length) {
        warnOnce(
          `options:${record.id}:${question.id}:${tag}`,
          `Survey "${record.id}", question "${question.id}": its "${tag}" translation should give one option for each of its ${original.length}, in the same order (it gives ${given.length}); the original options are shown.`,
        );
        return [tag, undefined];
      }
      return [tag, given];
    }),
    wanted,
  );
  const lang = mark(options.lang);
  const help = question.help ? text('help', question.help) : undefined;
  return { ...text('label', question.label), options: options.value.map((o) => ({ text: o, lang })), ...(help ? { help } : {}) };
}
