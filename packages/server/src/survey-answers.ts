/** A response's answers checked against its survey's questions, each problem named by its field. */
import type { Survey } from '@archipel/core/server';
import { Problem } from './problems.js';

export function checkAnswers(survey: Survey, answers: Record<string, unknown>) {
  const errors: { field: string; message: string }[] = [];
  const known = new Map(survey.questions.map((q) => [q.id, q]));
  for (const id of Object.keys(answers)) if (!known.has(id)) errors.push({ field: `answers.${id}`, message: `answers.${id}: this survey has no question "${id}"` });
  for (const q of survey.questions) {
    const v = answers[q.id];
    const field = `answers.${q.id}`;
    if (v === undefined || v === '' || (Array.isArray(v) && !v.length)) {
      if (q.required) errors.push({ field, message: `${field}: is required` });
      continue;
    }
    if (q.type === 'multi' && (!Array.isArray(v) || v.some((o) => !q.options?.includes(o)))) errors.push({ field, message: `${field}: should be a list of the question's options` });
    if (q.type === 'single' && (typeof v !== 'string' || (q.options && !q.options.includes(v)))) errors.push({ field, message: `${field}: "${String(v)}" is not one of the options` });
    if (q.type === 'scale' && (typeof v !== 'number' || v < (q.min ?? 1) || v > (q.max ?? 5))) errors.push({ field, message: `${field}: should be a number from ${q.min ?? 1} to ${q.max ?? 5}` });
    if (q.type === 'yesno' && typeof v !== 'boolean' && typeof v !== 'string') errors.push({ field, message: `${field}: should be yes or no` });
    if (q.type === 'text' && typeof v !== 'string') errors.push({ field, message: `${field}: should be text` });
  }
  if (errors.length) throw new Problem(422, 'Invalid answers', errors.map((e) => e.message).join('; '), { errors });
}
