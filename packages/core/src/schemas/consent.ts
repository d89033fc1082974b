/** What every write carries: the consent given and the browser's client id. */
import { text, required, opt, instant, matching, record, type Output } from '../schema-kit.js';

/** One ticked consent box: which purpose, which wording, when. */
export const ConsentSchema = record({
  purpose: required(60),
  version: required(40),
  text: opt(text(2000)),
  at: instant,
});


/** The id a browser gives a record it writes: the idempotency key. */
export const clientId = matching(64, /^[A-Za-z0-9_-]{8,64}$/, 'should be 8 to 64 letters, digits, "-" or "_"');


export type Consent = Output<typeof ConsentSchema>;
