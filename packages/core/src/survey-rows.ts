/**
 * A survey as the rows of a sheet's surveys tab, one row per question (as Apps Script and the widgets read it):
 * the survey's own fields on its first row, options joined with " | ", a condition as "question = value" or
 * "question includes option", and each translation in columns such as "label:es". The survey editor page
 * offers these rows to paste into a sheet.
 */
import type { Survey } from './schemas/surveys.js';

const SURVEY_FIELDS = ['title', 'intro', 'thanks', 'public_results', 'opens', 'closes', 'lang'] as const;
const QUESTION_FIELDS = ['type', 'label', 'help', 'options', 'other', 'min', 'max', 'step', 'from', 'until', 'required', 'show_if', 'readiness'] as const;
type Cell = string | number | boolean;

const cellOf = (v: unknown): Cell => {
  if (v === undefined || v === null) return '';
  if (Array.isArray(v)) return v.join(' | ');
  if (typeof v === 'object') {
    const rule = v as { question: string; equals?: Cell; includes?: string };
    if (rule.includes !== undefined) return `${rule.question} includes ${rule.includes}`;
    return rule.equals === undefined ? rule.question : `${rule.question} = ${rule.equals === true ? 'yes' : rule.equals === false ? 'no' : rule.equals}`;
  }
  return v as Cell;
};

export function surveyRows(survey: Survey): Cell[][] {
  const langs = Object.keys(survey.translations ?? {});
  const header = ['survey', ...SURVEY_FIELDS, 'question', ...QUESTION_FIELDS];
  for (const l of langs) header.push(`title:${l}`, `intro:${l}`, `thanks:${l}`, `label:${l}`, `help:${l}`, `options:${l}`);
  const rows = survey.questions.map((q, i) => {
    const own = i === 0 ? SURVEY_FIELDS.map((f) => cellOf(survey[f])) : SURVEY_FIELDS.map(() => '');
    const row: Cell[] = [survey.id, ...own, q.id, ...QUESTION_FIELDS.map((f) => cellOf(q[f]))];
    for (const l of langs) {
      const t = survey.translations![l]!;
      const tq = t.questions?.[q.id];
      row.push(...[i === 0 ? t.title : '', i === 0 ? t.intro : '', i === 0 ? t.thanks : '', tq?.label, tq?.help, tq?.options].map(cellOf));
    }
    return row;
  });
  return [header, ...rows];
}
