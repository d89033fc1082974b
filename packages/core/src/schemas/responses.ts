/** A survey response. */
import { text, opt, slug, instant, email, field, problem, record, type Output } from '../schema-kit.js';
import { ConsentSchema, clientId } from './consent.js';

export type AnswerValue = string | number | boolean | string[];

const fits = (v: unknown): v is AnswerValue =>
  (typeof v === 'string' && v.length <= 4000) ||
  (typeof v === 'number' && Number.isFinite(v)) ||
  typeof v === 'boolean' ||
  (Array.isArray(v) && v.length <= 100 && v.every((o) => typeof o === 'string' && o.length <= 200));

/** Answers by question id: text, a number, yes/no, or a list of chosen options. */
export const Answers = field<Record<string, AnswerValue>, Record<string, AnswerValue>>((v) => {
  if (!v || typeof v !== 'object' || Array.isArray(v)) return problem('should be an object of answers by question id');
  for (const [k, a] of Object.entries(v)) if (k.length > 64 || !fits(a)) return problem(`answer to "${k.slice(0, 64)}" is not text, a number, yes/no or a list of options`);
  return v as Record<string, AnswerValue>;
});

export const ResponseSchema = record({
  id: clientId,
  survey: slug,
  answers: Answers,
  postcode: opt(text(16)),
  chapter: opt(slug),
  region: opt(text(120)),
  contact: opt(
    record({
      name: opt(text(120)),
      email: opt(email),
      phone: opt(text(40)),
      consent: ConsentSchema,
    }),
  ),
  locale: opt(text(16)),
  created: instant,
});


export type SurveyResponse = Output<typeof ResponseSchema>;
