/** A survey response. */
import * as z from 'zod/mini';
import { text, opt, slug, instant } from '../schema-kit.js';
import { ConsentSchema, clientId } from './consent.js';

export const AnswerValue = z.union([z.string().check(z.maxLength(4000)), z.number(), z.boolean(), z.array(z.string().check(z.maxLength(200)))]);

export const ResponseSchema = z.object({
  id: clientId,
  survey: slug,
  answers: z.record(z.string(), AnswerValue),
  postcode: opt(text(16)),
  chapter: opt(slug),
  region: opt(text(120)),
  contact: opt(
    z.object({
      name: opt(text(120)),
      email: opt(z.email({ error: 'is not an email address' })),
      phone: opt(text(40)),
      consent: ConsentSchema,
    }),
  ),
  locale: opt(text(16)),
  created: instant,
});


export type SurveyResponse = z.infer<typeof ResponseSchema>;
