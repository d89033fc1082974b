/**
 * A survey's own rules, shared by the form, the reference server and the exports (Apps Script keeps a copy in
 * Code.gs): which questions are asked given the answers so far, when answers are taken, what a number or a date
 * answer must be, and the answers as one cell per question.
 */
import type { Question, Survey } from './schemas/surveys.js';
import type { AnswerValue } from './schemas/responses.js';

type Answers = Record<string, AnswerValue | undefined>;

const matches = (answer: AnswerValue | undefined, rule: NonNullable<Question['show_if']>): boolean => {
  if (answer === undefined) return false;
  if (rule.includes !== undefined) return Array.isArray(answer) ? answer.includes(rule.includes) : answer === rule.includes;
  if (rule.equals === undefined) return answer !== '' && !(Array.isArray(answer) && !answer.length);
  if (Array.isArray(answer)) return answer.includes(String(rule.equals));
  // A sheet may say "yes" or "true" where a yes/no answer is `true`.
  if (typeof answer === 'boolean') return answer === (rule.equals === true || /^(true|yes)$/i.test(String(rule.equals)));
  return String(answer) === String(rule.equals);
};

/** The questions asked, given `answers`: a question whose `show_if` is not met is hidden, and so are the ones that depend on it. */
export function askedQuestions(survey: Survey, answers: Answers): Question[] {
  const byId = new Map(survey.questions.map((q) => [q.id, q]));
  const seen = new Map<string, boolean>();
  const asked = (q: Question, depth = 0): boolean => {
    if (!q.show_if) return true;
    if (seen.has(q.id)) return seen.get(q.id)!;
    const on = byId.get(q.show_if.question);
    // A rule on an unknown question, or a loop of rules, hides the question rather than throwing.
    const shown = Boolean(on && depth < survey.questions.length && asked(on, depth + 1) && matches(answers[on.id], q.show_if));
    seen.set(q.id, shown);
    return shown;
  };
  return survey.questions.filter((q) => asked(q));
}

/** The answers of the questions asked; a hidden question's answer is dropped. */
export function keptAnswers<T extends Answers>(survey: Survey, answers: T): T {
  const asked = new Set(askedQuestions(survey, answers).map((q) => q.id));
  return Object.fromEntries(Object.entries(answers).filter(([id]) => asked.has(id) || !survey.questions.some((q) => q.id === id))) as T;
}

/** Whether the survey takes answers at `now`: `before` it opens, `open`, or `after` it closed. */
export function surveyWindow(survey: Pick<Survey, 'opens' | 'closes'>, now = Date.now()): 'before' | 'open' | 'after' {
  if (survey.opens && now < Date.parse(survey.opens)) return 'before';
  if (survey.closes && now >= Date.parse(survey.closes)) return 'after';
  return 'open';
}

/** What is wrong with a number or date answer, as a word's key and its values; undefined when nothing is. */
export type AnswerProblem = [key: 'notNumber' | 'tooSmall' | 'tooLarge' | 'notStep' | 'notDate' | 'tooEarly' | 'tooLate', vars: Record<string, unknown>];

const validDay = (v: string) => /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v);

export function answerProblem(q: Question, v: AnswerValue): AnswerProblem | undefined {
  if (q.type === 'number') {
    if (typeof v !== 'number' || !Number.isFinite(v)) return ['notNumber', {}];
    if (q.min !== undefined && v < q.min) return ['tooSmall', { min: q.min }];
    if (q.max !== undefined && v > q.max) return ['tooLarge', { max: q.max }];
    // Steps count from the minimum, as an <input type=number> does; a small tolerance absorbs 0.1 + 0.2.
    if (q.step !== undefined) {
      const n = (v - (q.min ?? 0)) / q.step;
      if (Math.abs(n - Math.round(n)) > 1e-9) return ['notStep', { step: q.step }];
    }
  }
  if (q.type === 'date') {
    if (typeof v !== 'string' || !validDay(v)) return ['notDate', {}];
    if (q.from && v < q.from) return ['tooEarly', { day: q.from }];
    if (q.until && v > q.until) return ['tooLate', { day: q.until }];
  }
  return undefined;
}

/** Fields of a response that are not answers: an answer column with one of these ids is headed `answer:<id>`. */
const RESPONSE_COLUMNS = new Set(['id', 'created', 'survey', 'chapter', 'region', 'postcode', 'locale', 'name', 'email', 'phone', 'consent', 'contact', 'answers', 'secret_hash']);

/** The column that holds a question's answers in sheets and CSV exports: its stable id, unless a response's own field has that name. */
export const answerColumn = (q: Pick<Question, 'id'>): string => (RESPONSE_COLUMNS.has(q.id) ? `answer:${q.id}` : q.id);

/** An answer as one CSV cell: a multiple choice joined with "; " (as every list in Archipel's CSV exports), yes/no as `yes`/`no`. */
export function answerCell(v: AnswerValue | undefined): string | number | undefined {
  if (v === undefined) return undefined;
  if (Array.isArray(v)) return v.join('; ');
  if (typeof v === 'boolean') return v ? 'yes' : 'no';
  return v;
}
