/** A sign-up: only the fields the form asked for, with the consent given and who recruited them. */
import { text, opt, slug, list, url, instant, matching, listOf, email, problem, record, type Output, type Input } from '../schema-kit.js';
import { ConsentSchema, clientId } from './consent.js';

export const UtmSchema = record({
  source: opt(text(100)),
  medium: opt(text(100)),
  campaign: opt(text(100)),
  term: opt(text(100)),
  content: opt(text(100)),
});

export const SignupSchema = record(
  {
    id: clientId,
    name: opt(text(120)),
    email: opt(email),
    phone: opt(matching(40, /^\+?[\d\s().-]{6,}$/, 'is not a phone number')),
    postcode: opt(text(16)),
    chapter: opt(slug),
    interests: opt(list(80)),
    message: opt(text(4000)),
    consent: listOf(ConsentSchema, 1, 'is missing: the person must tick the consent box'),
    locale: opt(text(16)),
    /** The share code of whoever recruited this person. */
    referrer: opt(text(40)),
    /** This person's own share code. */
    ref: opt(text(40)),
    utm: opt(UtmSchema),
    page: opt(url),
    created: instant,
  },
  (s) => (s.email || s.phone ? s : problem('an email address or a phone number is needed', ['email'])),
);


export type Signup = Output<typeof SignupSchema>;
export type SignupInput = Input<typeof SignupSchema>;
