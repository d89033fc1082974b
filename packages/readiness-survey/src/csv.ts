/**
 * The responses of one survey as a spreadsheet: one column per question
 * (headed by its label; several options joined with "; ", an "Other" answer as typed), the place, then the contact details and when consent
 * was given. Formula strings are neutralised by toCsv (= + - @ tab CR).
 */
import { toCsv, isYes, answerCell, type Survey, type SurveyResponse } from '@archipel/core';

export function responsesCsv(survey: Survey, responses: readonly SurveyResponse[], regionOf: (r: SurveyResponse) => string | undefined): string {
  const labels = survey.questions.map((q) => q.label);
  const columns = ['id', 'created', 'chapter', 'region', 'postcode', 'locale', ...labels, 'name', 'email', 'phone', 'consent'];
  const rows = responses.map((r) => {
    const row: Record<string, unknown> = {
      id: r.id,
      created: r.created,
      chapter: r.chapter,
      region: regionOf(r),
      postcode: r.postcode,
      locale: r.locale,
      name: r.contact?.name,
      email: r.contact?.email,
      phone: r.contact?.phone,
      consent: r.contact?.consent.at,
    };
    survey.questions.forEach((q, i) => {
      const v = r.answers[q.id];
      row[labels[i]!] = q.type === 'yesno' && v !== undefined && v !== '' ? (isYes(v) ? 'yes' : 'no') : answerCell(v);
    });
    return row;
  });
  return toCsv(columns, rows);
}

/** Offers `text` as a file download, without a server round trip. */
export function download(where: ParentNode & Node, name: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.hidden = true;
  where.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}
