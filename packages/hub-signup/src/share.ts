/**
 * Relational organising: every supporter gets a short code of their own, and
 * a link carrying it; whoever signs up through that link records the code as
 * their referrer. Share links are plain URLs: no third-party script loads.
 */

/** Letters and digits that cannot be misread for one another (no 0/o, 1/l/i). */
const ALPHABET = '23456789abcdefghjkmnpqrstuvwxyz';

/** A short random share code: 8 of 31 characters, about 8.5 × 10¹¹ possibilities. */
export const shareCode = (): string => Array.from(crypto.getRandomValues(new Uint8Array(8)), (b) => ALPHABET[b % 31]).join('');

/** Query parameters the form reads on arrival: not passed on to whoever receives the link. */
export const ARRIVAL = /^(email|postcode|ref|source|utm_\w+)$/;

/** `base` (the page by default) with the arrival parameters removed and `?ref=<code>` added. */
export function shareLink(code: string, base: string): string {
  const url = new URL(base);
  for (const k of [...url.searchParams.keys()]) if (ARRIVAL.test(k)) url.searchParams.delete(k);
  url.searchParams.set('ref', code);
  url.hash = '';
  return url.href;
}

/** Links that open a messaging app or the mail client with the text and the link filled in. */
export function shareTargets(link: string, text: string, subject: string): [string, string][] {
  const e = encodeURIComponent;
  return [
    ['WhatsApp', `https://wa.me/?text=${e(`${text} ${link}`)}`],
    ['Telegram', `https://t.me/share/url?url=${e(link)}&text=${e(text)}`],
    ['email', `mailto:?subject=${e(subject)}&body=${e(`${text}\n\n${link}`)}`],
  ];
}
