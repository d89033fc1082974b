/**
 * A response's answers checked against its survey: the survey must be open, each answer must fit its question
 * (an option, or the "Other" text when the question offers it; a number or a day within bounds), and the
 * answers to questions the survey did not ask (their `show_if` unmet) are dropped. Each problem is named by its field.
 */
import { answerProblem, askedQuestions, keptAnswers, surveyWindow, type Survey } from '@archipel/core/server';
import { Problem } from './problems.js';

const PROBLEM_WORDS: Record<string, (v: Record<string, unknown>) => string> = {
  notNumber: () => 'should be a number',
  tooSmall: (v) => `should be at least ${String(v.min)}`,
  tooLarge: (v) => `should be at most ${String(v.max)}`,
  notStep: (v) => `should be a multiple of ${String(v.step)}`,
  notDate: () => 'should be a day, as 2026-12-31',
  tooEarly: (v) => `should be ${String(v.day)} or later`,
  tooLate: (v) => `should be ${String(v.day)} or earlier`,
};

/** Refuses answers outside the survey's dates: 403, with when it opens or closed. */
export function checkOpen(survey: Survey, now = Date.now()): void {
  const when = surveyWindow(survey, now);
  if (when === 'before') throw new Problem(403, 'Survey not open yet', `The survey "${survey.id}" takes answers from ${survey.opens}.`, { problem: 'survey-not-open' });
  if (when === 'after') throw new Problem(403, 'Survey closed', `The survey "${survey.id}" closed on ${survey.closes}; it takes no more answers.`, { problem: 'survey-closed' });
}

/** The answers to keep, once checked; throws a 422 naming every answer that does not fit. */
export function checkAnswers(survey: Survey, given: Record<string, unknown>): Record<string, unknown> {
  const errors: { field: string; message: string }[] = [];
  const known = new Map(survey.questions.map((q) => [q.id, q]));
  for (const id of Object.keys(given)) if (!known.has(id)) errors.push({ field: `answers.${id}`, message: `answers.${id}: this survey has no question "${id}"` });
  const answers = keptAnswers(survey, given as Parameters<typeof keptAnswers>[1]);
  for (const q of askedQuestions(survey, answers)) {
    const v = answers[q.id];
    const field = `answers.${q.id}`;
    if (v === undefined || v === '' || (Array.isArray(v) && !v.length)) {
      if (q.required) errors.push({ field, message: `${field}: is required` });
      continue;
    }
    // With "Other (say)", an answer outside the options is the text the person typed.
    const option = (o: unknown) => typeof o === 'string' && (q.other || !q.options || q.options.includes(o));
    if (q.type === 'multi' && (!Array.isArray(v) || !v.every(option))) errors.push({ field, message: `${field}: should be a list of the question's options` });
    if ((q.type === 'single' || q.type === 'dropdown') && !option(v)) errors.push({ field, message: `${field}: "${String(v)}" is not one of the options` });
    if (q.type === 'scale' && (typeof v !== 'number' || v < (q.min ?? 1) || v > (q.max ?? 5))) errors.push({ field, message: `${field}: should be a number from ${q.min ?? 1} to ${q.max ?? 5}` });
    if (q.type === 'yesno' && typeof v !== 'boolean' && typeof v !== 'string') errors.push({ field, message: `${field}: should be yes or no` });
    if (q.type === 'text' && typeof v !== 'string') errors.push({ field, message: `${field}: should be text` });
    const problem = answerProblem(q, v as never);
    if (problem) errors.push({ field, message: `${field}: ${PROBLEM_WORDS[problem[0]]!(problem[1])}` });
  }
  if (errors.length) throw new Problem(422, 'Invalid answers', errors.map((e) => e.message).join('; '), { errors });
  return answers;
}
