/** A readiness survey and its questions. */
import * as z from 'zod/mini';
import { text, required, slug, words, provenance } from './fields.js';
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

export const SurveySchema = z.object({
  id: slug,
  title: required(300),
  intro: z.optional(text(4000)),
  public_results: z.optional(z.boolean()),
  questions: z.array(QuestionSchema).check(z.minLength(1, { error: 'questionsMissing' })),
  ...provenance,
});

export type Survey = z.infer<typeof SurveySchema>;
export type Question = z.infer<typeof QuestionSchema>;

export const surveyReader = recordReader(SurveySchema);
