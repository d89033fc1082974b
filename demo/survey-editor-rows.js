// A survey as the rows of a sheet's surveys tab: the same rows as core's surveyRows()
// (packages/core/src/survey-rows.ts), which tests/demo/survey-editor.node.test.ts compares with these.
const SURVEY_FIELDS = ['title', 'intro', 'thanks', 'public_results', 'opens', 'closes', 'lang'];
const QUESTION_FIELDS = ['type', 'label', 'help', 'options', 'other', 'min', 'max', 'step', 'from', 'until', 'required', 'show_if', 'readiness'];

function cellOf(v) {
  if (v === undefined || v === null) return '';
  if (Array.isArray(v)) return v.join(' | ');
  if (typeof v === 'object') {
    if (v.includes !== undefined) return `${v.question} includes ${v.includes}`;
    return v.equals === undefined ? v.question : `${v.question} = ${v.equals === true ? 'yes' : v.equals === false ? 'no' : v.equals}`;
  }
  return v;
}

export function surveyRows(survey) {
  const langs = Object.keys(survey.translations ?? {});
  const header = ['survey', ...SURVEY_FIELDS, 'question', ...QUESTION_FIELDS];
  for (const l of langs) header.push(`title:${l}`, `intro:${l}`, `thanks:${l}`, `label:${l}`, `help:${l}`, `options:${l}`);
  const rows = survey.questions.map((q, i) => {
    const row = [survey.id, ...SURVEY_FIELDS.map((f) => (i === 0 ? cellOf(survey[f]) : '')), q.id, ...QUESTION_FIELDS.map((f) => cellOf(q[f]))];
    for (const l of langs) {
      const t = survey.translations[l];
      const tq = t.questions?.[q.id];
      row.push(...[i === 0 ? t.title : '', i === 0 ? t.intro : '', i === 0 ? t.thanks : '', tq?.label, tq?.help, tq?.options].map(cellOf));
    }
    return row;
  });
  return [header, ...rows];
}

/** Rows as tab-separated text, what a spreadsheet takes when pasted. */
export const asTsv = (rows) => rows.map((r) => r.map((c) => String(c).replace(/[\t\n\r]+/g, ' ')).join('\t')).join('\n');
