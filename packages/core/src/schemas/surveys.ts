/** A readiness survey and its questions. */
import { text, required, opt, slug, list, num, bool, provenance, listOf, oneOf, record, type Output } from '../schema-kit.js';

export const QuestionSchema = record({
  id: slug,
  type: oneOf(['single', 'multi', 'scale', 'text', 'yesno'] as const, 'a question type'),
  label: required(500),
  options: opt(list(200)),
  min: opt(num),
  max: opt(num),
  required: opt(bool),
  /** Marks a yes/no question whose "yes" means "ready to host" or "ready to lead". */
  readiness: opt(text(40)),
});

export const SurveySchema = record({
  id: slug,
  title: required(300),
  intro: opt(text(4000)),
  public_results: opt(bool),
  questions: listOf(QuestionSchema, 1, 'is missing: a survey needs at least one question'),
  ...provenance,
});


export type Survey = Output<typeof SurveySchema>;
export type Question = Output<typeof QuestionSchema>;
