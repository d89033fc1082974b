/**
 * What the routes read from query strings and paths, as zod schemas: the
 * route table declares them and Fastify checks them before a handler runs.
 * An issue's message is the problem's detail; its title is "Bad <parameter>".
 */
import * as z from 'zod';
import { parseDateTime } from '@archipel/core/server';

export const MAX_PAGE = 5000;
const DEFAULT_PAGE = 1000;

/**
 * A query string as a record of its first values, the way `URLSearchParams.get` reads it: a repeated
 * parameter does not turn into a list that no schema expects.
 */
export function parseQuery(search: string): Record<string, string> {
  const first = new Map<string, string>();
  for (const [key, value] of new URLSearchParams(search)) if (!first.has(key)) first.set(key, value);
  return Object.fromEntries(first);
}

/** An instant from a query parameter; a date and time without an offset is read as UTC, not in the server's zone. */
function instantOf(v: string): string | undefined {
  const t = parseDateTime(v);
  return t ? new Date(t.utc).toISOString() : undefined;
}

/** An ISO 8601 instant, normalised to UTC. `since` treats an empty value as absent; `from` and `to` refuse it. */
const instant = (name: string, example: string, { emptyIsAbsent = false } = {}) =>
  z.string().transform((v, ctx) => {
    if (emptyIsAbsent && !v) return undefined;
    const at = instantOf(v);
    if (!at) ctx.issues.push({ code: 'custom', input: v, message: `${name} must be an ISO 8601 instant such as ${example}, not "${v}".` });
    return at;
  });

/** Page size: a fraction is rounded down, 0 or anything unreadable means the default, and it is kept within 1 to 5000. */
const limit = z
  .string()
  .optional()
  .transform((v) => Math.min(MAX_PAGE, Math.max(1, Math.floor(Number(v ?? DEFAULT_PAGE)) || DEFAULT_PAGE)));

const cursor = z
  .string()
  .regex(/^\d+$/, 'Use the `next` value of the previous page as cursor.')
  .transform(Number);

/** A page of a list: `limit`, `cursor` (the `next` of the previous page), `since` and `chapter`. */
export const listQuery = z.object({
  limit,
  since: instant('since', '2026-11-21T10:00:00Z', { emptyIsAbsent: true }).optional(),
  cursor: cursor.optional(),
  chapter: z.string().optional(),
});

export const postsQuery = listQuery.extend({ hashtag: z.string().optional() });

/** A box of the map, west, south, east, north in degrees; a west edge east of the east edge crosses the 180th meridian. */
export interface Bbox {
  w: number;
  s: number;
  e: number;
  n: number;
}

const bbox = z.string().transform((v, ctx): Bbox => {
  const parts = v.split(',').map((p) => (p.trim() === '' ? NaN : Number(p)));
  const [w, s, e, n] = parts as [number, number, number, number];
  const lng = (x: number) => Number.isFinite(x) && x >= -180 && x <= 180;
  const lat = (x: number) => Number.isFinite(x) && x >= -90 && x <= 90;
  if (parts.length !== 4 || !lng(w) || !lng(e) || !lat(s) || !lat(n) || s > n) {
    ctx.issues.push({ code: 'custom', input: v, message: `bbox is west,south,east,north in degrees, south below north, such as -5.2,41.3,9.6,51.1, not "${v}".` });
  }
  return { w, s, e, n };
});

/** Actions: a page of a list, and only those inside a box of the map (`bbox`). */
export const actionsQuery = listQuery.extend({ bbox: bbox.optional() });

/** Staff lists: a page, or with `format=csv` the whole collection; the moderation queue's statuses; responses to one survey. */
export const staffQuery = listQuery.extend({
  format: z.string().optional(),
  /** `semicolon` for a `;`-separated export, as Excel opens it in French, Spanish or German. */
  sep: z.enum(['comma', 'semicolon'], { error: 'sep is "comma" or "semicolon".' }).optional(),
  status: z.string().optional(),
  survey: z.string().optional(),
});

/** A date alone (2026-11-21) in `to` means that whole day: up to the next midnight (UTC), which `to` excludes. */
const wholeDay = (v: string) => (/^\d{4}-\d{2}-\d{2}$/.test(v.trim()) ? new Date(Date.parse(`${v.trim()}T00:00:00Z`) + 86_400_000).toISOString() : v);

/** Results by the day: `from=2026-11-10&to=2026-11-12` counts the 10th, the 11th and the 12th (UTC days). */
export const resultsQuery = z.object({
  chapter: z.string().optional(),
  region: z.string().optional(),
  from: instant('from', '2026-11-21').optional(),
  to: z.string().transform(wholeDay).pipe(instant('to', '2026-11-21')).optional(),
  question: z.string().optional(),
  by: z.string().optional(),
});

/** A record's id in the path (`/surveys/{id}`, `/posts/{id}`), already percent-decoded by the router. */
export const idParams = z.object({ id: z.string().min(1) });

/** The access log: a page (`cursor` is the `next` of the previous one), from `since` on. */
export const accessLogQuery = listQuery.pick({ limit: true, since: true, cursor: true });
