/** What every write carries: the consent given, when, to which wording. */
import * as z from 'zod/mini';
import { text, required, instant } from './fields.js';

/** One ticked consent box: which purpose, which wording, when. */
export const ConsentSchema = z.object({
  purpose: required(60),
  version: required(40),
  text: z.optional(text(2000)),
  at: instant,
});

export type Consent = z.infer<typeof ConsentSchema>;
