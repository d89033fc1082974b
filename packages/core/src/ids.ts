/**
 * Ids for what a visitor writes here (a sign-up, an answer, an RSVP). `crypto.randomUUID()` exists only on secure
 * pages (https, localhost): on a campaign site still served over plain http, every form threw before it was sent or
 * queued. There, 128 random bits from `crypto.getRandomValues()`, which every page has, written in hex.
 */
export const newId = (): string => crypto.randomUUID?.() ?? Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => (b | 256).toString(16).slice(1)).join('');
