/** A sign-up: only the fields the form asked for, with the consent given and who recruited them. */
import * as z from 'zod/mini';
import { text, slug, url, email, phone, clientId, instant, words } from './fields.js';
import { ConsentSchema } from './consent.js';
import { recordReader } from '../reader.js';

export const UtmSchema = z.object({
  source: z.optional(text(100)),
  medium: z.optional(text(100)),
  campaign: z.optional(text(100)),
  term: z.optional(text(100)),
  content: z.optional(text(100)),
});

export const SignupSchema = z
  .object({
    id: clientId,
    name: z.optional(text(120)),
    email: z.optional(email),
    phone: z.optional(phone),
    postcode: z.optional(text(16)),
    chapter: z.optional(slug),
    interests: z.optional(words(80)),
    message: z.optional(text(4000)),
    consent: z.array(ConsentSchema).check(z.minLength(1, { error: 'consentMissing' })),
    locale: z.optional(text(16)),
    /** The share code of whoever recruited this person. */
    referrer: z.optional(text(40)),
    /** This person's own share code. */
    ref: z.optional(text(40)),
    utm: z.optional(UtmSchema),
    page: z.optional(url),
    created: instant,
  })
  .check(z.refine((s) => Boolean(s.email || s.phone), { path: ['email'], error: 'contactNeeded' }));

export type Signup = z.infer<typeof SignupSchema>;
export type SignupInput = z.input<typeof SignupSchema>;

export const signupReader = recordReader(SignupSchema);
