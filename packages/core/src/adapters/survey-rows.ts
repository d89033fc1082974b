/**
 * A survey in a spreadsheet is one row per question:
 *   survey | title | intro | public_results | question | type | label | options | min | max | required | readiness
 * This turns such rows (headers in any of our languages) into survey records.
 * Rows that already hold a `questions` list pass through unchanged.
 */
import { normaliseHeader } from '../parse.js';

const COLUMNS: Record<string, string> = {
  survey: 'survey', enquete: 'survey', sondage: 'survey', encuesta: 'survey', surveyid: 'survey',
  title: 'title', titre: 'title', titulo: 'title',
  intro: 'intro', introduction: 'intro', introduccion: 'intro',
  publicresults: 'public_results', resultatspublics: 'public_results', resultadospublicos: 'public_results',
  question: 'question', questionid: 'question', pregunta: 'question',
  type: 'type', tipo: 'type',
  label: 'label', libelle: 'label', intitule: 'label', texte: 'label', etiqueta: 'label', text: 'label',
  options: 'options', choix: 'options', opciones: 'options', choices: 'options',
  min: 'min', max: 'max',
  required: 'required', obligatoire: 'required', obligatorio: 'required',
  readiness: 'readiness', engagement: 'readiness', compromiso: 'readiness',
};

export function groupSurveyRows(rows: unknown[]): unknown[] {
  const surveys = new Map<string, Record<string, unknown> & { questions: Record<string, unknown>[] }>();
  const out: unknown[] = [];
  for (const raw of rows) {
    if (!raw || typeof raw !== 'object') continue;
    const row: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(raw)) {
      const key = COLUMNS[normaliseHeader(k)];
      if (key && v !== '' && v !== null && v !== undefined) row[key] = v;
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
    for (const k of ['title', 'intro', 'public_results'] as const) if (survey[k] === undefined && row[k] !== undefined) survey[k] = row[k];
    if (row.question !== undefined) {
      const q: Record<string, unknown> = { id: row.question, type: row.type, label: row.label };
      for (const k of ['min', 'max', 'required', 'readiness'] as const) if (row[k] !== undefined) q[k] = row[k];
      if (row.options !== undefined) q.options = String(row.options).split('|').map((s) => s.trim()).filter(Boolean);
      survey.questions.push(q);
    }
  }
  return out;
}
