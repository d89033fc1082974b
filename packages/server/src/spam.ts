/**
 * Spam checks on public writes: the form's hidden honeypot field must be empty
 * and the person must have spent a human time on the form. `_meta` carries
 * both; it is removed from the record and never stored.
 *
 * The time is the server's own: the form fetches a token (`GET /form-token`)
 * when it is shown, an HMAC of that instant under the server's key, and sends
 * it back as `_meta.started`. A form shown while offline could not fetch one;
 * its record, queued on the device, is checked with the browser's `elapsed`
 * instead, so that nothing written at a stall without network is lost.
 */
import { timingSafeEqual } from 'node:crypto';
import { hmac, type KeyHolder } from './storage.js';
import { Problem } from './problems.js';

/** How long a form token is accepted: a record queued on a device may arrive days after its form was shown. */
export const FORM_TOKEN_LIFETIME_MS = 7 * 86_400_000;

const sign = (store: KeyHolder, at: string) => hmac(store.serverKey('form-tokens'), `form:${at}`);

/** A token for a form shown now. */
export function formToken(store: KeyHolder, now = Date.now()): string {
  const at = now.toString(36);
  return `${at}.${sign(store, at)}`;
}

/** When the form a token was made for was shown, if the token is the server's own and still valid. */
function shownAt(store: KeyHolder, token: string, now: number): number | undefined {
  const [at, mac] = token.split('.');
  if (!at || !mac) return undefined;
  const expected = Buffer.from(sign(store, at));
  const given = Buffer.from(mac);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
  const t = parseInt(at, 36);
  return Number.isFinite(t) && t <= now && now - t <= FORM_TOKEN_LIFETIME_MS ? t : undefined;
}

const TOO_FAST = () => new Problem(422, 'Sent too quickly', 'The form was sent faster than a person can fill it. Take a moment and send it again.', { problem: 'spam' });

export function checkSpam(store: KeyHolder, body: Record<string, unknown>, isStaff: boolean, minFillMs: number, now = Date.now()) {
  const meta = body._meta as { hp?: unknown; elapsed?: unknown; started?: unknown } | undefined;
  delete body._meta;
  if (isStaff && !meta) return;
  if (!meta || typeof meta !== 'object' || (typeof meta.elapsed !== 'number' && typeof meta.started !== 'string')) {
    throw new Problem(422, 'Missing form details', 'Send _meta: {"hp": <the hidden field, empty>, "started": <the token of GET /form-token>} with the record.');
  }
  // Anything but an empty string (or nothing) in the field hidden from people: spaces, a number, a list.
  if (meta.hp !== undefined && meta.hp !== '') {
    throw new Problem(422, 'Looks automated', 'A field hidden from people was filled in, so this looks automated. If you are a person, reload the page and send the form again.', { problem: 'spam' });
  }
  if (typeof meta.started === 'string') {
    const at = shownAt(store, meta.started, now);
    if (at === undefined) throw new Problem(422, 'Form expired', 'The form was shown too long ago, or its token is not this server’s. Reload the page and send it again.', { problem: 'spam' });
    if (now - at < minFillMs) throw TOO_FAST();
    return;
  }
  if ((meta.elapsed as number) < minFillMs) throw TOO_FAST();
}
