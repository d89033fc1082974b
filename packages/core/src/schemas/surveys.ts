/** A readiness survey and its questions. */
import * as z from 'zod/mini';
import { text, required, slug, words, provenance, inLanguages, instant } from './fields.js';
import { recordReader } from '../reader.js';

/** A day, as ISO 8601 `YYYY-MM-DD`: a date question's answer and bounds. */
export const day = z.stringFormat('day', /^\d{4}-\d{2}-\d{2}$/);

/**
 * When a question is asked: only when another question's answer `equals` a value (an option, a number, yes
 * as `true`) or, for a multiple choice, `includes` an option. A hidden question is not required and its answer
 * is dropped.
 */
export const ShowIfSchema = z.object({
  question: slug,
  equals: z.optional(z.union([text(200), z.number(), z.boolean()])),
  includes: z.optional(text(200)),
});

export const QuestionSchema = z.object({
  id: slug,
  type: z.enum(['single', 'multi', 'scale', 'text', 'yesno', 'dropdown', 'number', 'date']),
  label: required(500),
  /** A line under the label that says more. */
  help: z.optional(text(1000)),
  options: z.optional(words(200)),
  /** A single or multiple choice (or a dropdown) also offers "Other (say)" with a text box; the answer is the text typed. */
  other: z.optional(z.boolean()),
  /** The bounds of a scale or a number. */
  min: z.optional(z.number()),
  max: z.optional(z.number()),
  /** A number question's step (1 asks for whole numbers). */
  step: z.optional(z.number().check(z.positive())),
  /** A date question's earliest and latest days. */
  from: z.optional(day),
  until: z.optional(day),
  required: z.optional(z.boolean()),
  show_if: z.optional(ShowIfSchema),
  /** Marks a yes/no question whose "yes" means "ready to host" or "ready to lead". */
  readiness: z.optional(text(40)),
});

/** A question's words in another language: its label, help, and its options in the same order as the original's. */
export const QuestionTranslationSchema = z.strictObject({
  label: z.optional(text(500)),
  help: z.optional(text(1000)),
  options: z.optional(words(200)),
});

/** A survey's words in another language; its questions' by their ids. Answers keep the original options. */
export const SurveyTranslationSchema = z.strictObject({
  title: z.optional(text(300)),
  intro: z.optional(text(4000)),
  thanks: z.optional(text(2000)),
  questions: z.optional(z.record(slug, QuestionTranslationSchema)),
});

export const SurveySchema = z.object({
  id: slug,
  title: required(300),
  intro: z.optional(text(4000)),
  /** The thank-you text shown once the answers are in (else the widget's own). */
  thanks: z.optional(text(2000)),
  public_results: z.optional(z.boolean()),
  /** Answers are taken from `opens` (included) until `closes` (excluded); before, the survey says when it opens, after, that it closed. */
  opens: z.optional(instant),
  closes: z.optional(instant),
  questions: z.array(QuestionSchema).check(z.minLength(1, { error: 'questionsMissing' })),
  ...inLanguages(SurveyTranslationSchema),
  ...provenance,
});

export type Survey = z.infer<typeof SurveySchema>;
export type Question = z.infer<typeof QuestionSchema>;

export const surveyReader = recordReader(SurveySchema);
