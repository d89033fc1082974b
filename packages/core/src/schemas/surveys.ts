/** A readiness survey and its questions. */
import * as z from 'zod/mini';
import { text, required, slug, words, provenance, inLanguages } from './fields.js';
import { recordReader } from '../reader.js';

export const QuestionSchema = z.object({
  id: slug,
  type: z.enum(['single', 'multi', 'scale', 'text', 'yesno']),
  label: required(500),
  options: z.optional(words(200)),
  min: z.optional(z.number()),
  max: z.optional(z.number()),
  required: z.optional(z.boolean()),
  /** Marks a yes/no question whose "yes" means "ready to host" or "ready to lead". */
  readiness: z.optional(text(40)),
});

/** A question's words in another language: its label, and its options in the same order as the original's. */
export const QuestionTranslationSchema = z.strictObject({
  label: z.optional(text(500)),
  options: z.optional(words(200)),
});

/** A survey's words in another language; its questions' by their ids. Answers keep the original options. */
export const SurveyTranslationSchema = z.strictObject({
  title: z.optional(text(300)),
  intro: z.optional(text(4000)),
  questions: z.optional(z.record(slug, QuestionTranslationSchema)),
});

export const SurveySchema = z.object({
  id: slug,
  title: required(300),
  intro: z.optional(text(4000)),
  public_results: z.optional(z.boolean()),
  questions: z.array(QuestionSchema).check(z.minLength(1, { error: 'questionsMissing' })),
  ...inLanguages(SurveyTranslationSchema),
  ...provenance,
});

export type Survey = z.infer<typeof SurveySchema>;
export type Question = z.infer<typeof QuestionSchema>;

export const surveyReader = recordReader(SurveySchema);
