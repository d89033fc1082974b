/** A survey response: answers by question id, where the person is, and contact details only with consent. */
import * as z from 'zod/mini';
import { text, slug, email, phone, clientId, instant } from './fields.js';
import { ConsentSchema } from './consent.js';
import { recordReader } from '../reader.js';

/** One answer: text, a number, yes/no, or the options chosen. */
export const AnswerSchema = z.union([text(4000), z.number(), z.boolean(), z.array(text(200)).check(z.maxLength(100))], { error: 'answer' });
export type AnswerValue = z.infer<typeof AnswerSchema>;

/** Contact details a person chose to leave with their answers, with their consent. */
export const ContactSchema = z.object({
  name: z.optional(text(120)),
  email: z.optional(email),
  phone: z.optional(phone),
  consent: ConsentSchema,
});

export const ResponseSchema = z.object({
  id: clientId,
  survey: slug,
  answers: z.record(text(64), AnswerSchema),
  postcode: z.optional(text(16)),
  chapter: z.optional(slug),
  region: z.optional(text(120)),
  contact: z.optional(ContactSchema),
  locale: z.optional(text(16)),
  created: instant,
});

export type SurveyResponse = z.infer<typeof ResponseSchema>;

export const responseReader = recordReader(ResponseSchema);
