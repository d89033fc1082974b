/**
 * Spam checks on public writes: the form's hidden honeypot field must be empty
 * and the person must have spent a human time on the form. `_meta` carries
 * both; it is removed from the record and never stored.
 */
import { Problem } from './problems.js';

export function checkSpam(body: Record<string, unknown>, isStaff: boolean, minFillMs: number) {
  const meta = body._meta as { hp?: unknown; elapsed?: unknown } | undefined;
  delete body._meta;
  if (isStaff && !meta) return;
  if (!meta || typeof meta !== 'object' || typeof meta.elapsed !== 'number') {
    throw new Problem(422, 'Missing form details', 'Send _meta: {"hp": <the hidden field, empty>, "elapsed": <ms the person spent on the form>} with the record.');
  }
  if (typeof meta.hp === 'string' && meta.hp.trim()) {
    throw new Problem(422, 'Looks automated', 'A field hidden from people was filled in, so this looks automated. If you are a person, reload the page and send the form again.', { problem: 'spam' });
  }
  if (meta.elapsed < minFillMs) {
    throw new Problem(422, 'Sent too quickly', 'The form was sent faster than a person can fill it. Take a moment and send it again.', { problem: 'spam' });
  }
}
