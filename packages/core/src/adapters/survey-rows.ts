/**
 * A survey in a spreadsheet is one row per question:
 *   survey | title | intro | thanks | public_results | opens | closes | lang | question | type | label | help | options |
 *   other | min | max | step | from | until | required | show_if | readiness
 * This turns such rows (headers in any of our languages) into survey records.
 * Rows that already hold a `questions` list pass through unchanged.
 *
 * Columns "title:es", "intro:es", "thanks:es", "label:es", "help:es" and "options:es" (pipe-separated, in the order
 * of `options`) give the survey and each question in another language. A `show_if` cell reads "host = yes" (an
 * answer, yes/no or a number) or "helping includes Cook" (an option of a multiple choice).
 */
import { normaliseHeader, translationColumn } from '../parse.js';

const COLUMNS: Record<string, string> = {
  survey: 'survey', enquete: 'survey', sondage: 'survey', encuesta: 'survey', surveyid: 'survey',
  title: 'title', titre: 'title', titulo: 'title',
  intro: 'intro', introduction: 'intro', introduccion: 'intro',
  publicresults: 'public_results', resultatspublics: 'public_results', resultadospublicos: 'public_results',
  question: 'question', questionid: 'question', pregunta: 'question',
  type: 'type', tipo: 'type',
  label: 'label', libelle: 'label', intitule: 'label', texte: 'label', etiqueta: 'label', text: 'label',
  options: 'options', choix: 'options', opciones: 'options', choices: 'options',
  min: 'min', max: 'max', step: 'step', from: 'from', until: 'until',
  thanks: 'thanks', remerciement: 'thanks', agradecimiento: 'thanks',
  opens: 'opens', closes: 'closes',
  help: 'help', aide: 'help', ayuda: 'help',
  other: 'other', autre: 'other', otro: 'other',
  showif: 'show_if', condition: 'show_if', condicion: 'show_if',
  required: 'required', obligatoire: 'required', obligatorio: 'required',
  readiness: 'readiness', engagement: 'readiness', compromiso: 'readiness',
  lang: 'lang', langue: 'lang', language: 'lang', idioma: 'lang',
};

const TRANSLATABLE = ['title', 'intro', 'thanks', 'label', 'help', 'options'];
const QUESTION_FIELDS = ['help', 'other', 'min', 'max', 'step', 'from', 'until', 'required', 'readiness'] as const;

const YES = /^(yes|true|oui|vrai|s[ií]|sim|ja|1)$/i;
const NO = /^(no|false|non|faux|n[aã]o|nein|nee|0)$/i;

/** "host = yes" or "helping includes Cook", as core's ShowIfSchema; a JSON object passes as it is. */
function showIf(cell: unknown): unknown {
  if (typeof cell !== 'string') return cell;
  if (cell.trim().startsWith('{')) {
    try {
      return JSON.parse(cell) as unknown;
    } catch {
      return cell;
    }
  }
  const m = /^\s*([\p{L}\p{N}_.:-]+)\s*(=|includes|contains|contient|incluye|inclui|enthält)\s*(.*?)\s*$/iu.exec(cell);
  if (!m) return { question: cell.trim() };
  const v = m[3]!;
  if (m[2] !== '=') return { question: m[1], includes: v };
  return { question: m[1], equals: /^-?\d+(\.\d+)?$/.test(v) ? Number(v) : YES.test(v) ? true : NO.test(v) ? false : v };
}

const options = (cell: unknown) => String(cell).split('|').map((s) => s.trim()).filter(Boolean);

type Translations = Record<string, Record<string, unknown> & { questions?: Record<string, Record<string, unknown>> }>;

export function groupSurveyRows(rows: unknown[]): unknown[] {
  const surveys = new Map<string, Record<string, unknown> & { questions: Record<string, unknown>[]; translations?: Translations }>();
  const out: unknown[] = [];
  for (const raw of rows) {
    if (!raw || typeof raw !== 'object') continue;
    const row: Record<string, unknown> = {};
    const translated: Record<string, Record<string, unknown>> = {};
    for (const [k, v] of Object.entries(raw)) {
      if (v === '' || v === null || v === undefined) continue;
      const column = translationColumn(k);
      const base = column && COLUMNS[normaliseHeader(column[0])];
      if (base && TRANSLATABLE.includes(base)) (translated[column![1]] ??= {})[base] = v;
      else if (COLUMNS[normaliseHeader(k)]) row[COLUMNS[normaliseHeader(k)]!] = v;
    }
    if ('questions' in (raw as object) || !row.survey) {
      out.push(raw);
      continue;
    }
    const id = String(row.survey);
    let survey = surveys.get(id);
    if (!survey) {
      survey = { id, questions: [] };
      surveys.set(id, survey);
      out.push(survey);
    }
    for (const k of ['title', 'intro', 'thanks', 'public_results', 'opens', 'closes', 'lang'] as const) if (survey[k] === undefined && row[k] !== undefined) survey[k] = row[k];
    for (const [lang, words] of Object.entries(translated)) {
      const into = ((survey.translations ??= {})[lang] ??= {});
      for (const k of ['title', 'intro', 'thanks'] as const) if (into[k] === undefined && words[k] !== undefined) into[k] = words[k];
      if (row.question !== undefined && (words.label !== undefined || words.help !== undefined || words.options !== undefined)) {
        (into.questions ??= {})[String(row.question)] = {
          ...(words.label !== undefined ? { label: words.label } : {}),
          ...(words.help !== undefined ? { help: words.help } : {}),
          ...(words.options !== undefined ? { options: options(words.options) } : {}),
        };
      }
    }
    if (row.question !== undefined) {
      const q: Record<string, unknown> = { id: row.question, type: row.type, label: row.label };
      for (const k of QUESTION_FIELDS) if (row[k] !== undefined) q[k] = row[k];
      if (row.options !== undefined) q.options = options(row.options);
      if (row.show_if !== undefined) q.show_if = showIf(row.show_if);
      survey.questions.push(q);
    }
  }
  return out;
}
