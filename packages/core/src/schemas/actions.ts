/** An action: a march, a training, a phone bank… with its place and its time in its own zone. */
import * as z from 'zod/mini';
import { text, required, slug, url, country, between, wholeBetween, instant, timeZone, provenance, inLanguages } from './fields.js';
import { recordReader } from '../reader.js';
import { isWrittenInstant, parseDateTime, type WallTime } from '../time.js';
import { localToUtc, defaultTimeZone, isTimeZone } from '../zones.js';
import { upperCase } from './cells.js';

/** An action's words in another language. */
export const ActionTranslationSchema = z.strictObject({
  title: z.optional(text(200)),
  description: z.optional(text(4000)),
});

/** What an action says of itself, whether read from a source or proposed by a supporter (proposals.ts). */
export const actionContent = {
  title: required(200),
  type: z.optional(text(40)),
  description: z.optional(text(4000)),
  start: instant,
  end: z.optional(instant),
  /** The zone the action's times are said in; a sheet's "14:00" means 14:00 there. */
  timezone: timeZone,
  venue: z.optional(text(200)),
  address: z.optional(text(300)),
  city: z.optional(text(120)),
  postcode: z.optional(text(16)),
  country: z.optional(country),
  lat: z.optional(between(-90, 90)),
  lng: z.optional(between(-180, 180)),
  virtual: z.optional(z.boolean()),
  url: z.optional(url),
  chapter: z.optional(slug),
};

export const ActionSchema = z
  .object({
    id: z.optional(slug),
    ...actionContent,
    priority: z.optional(wholeBetween(1, 3)),
    image: z.optional(url),
    host: z.optional(text(200)),
    /** How many people the host can welcome; once that many said they come, the action is full. */
    capacity: z.optional(wholeBetween(1, 100_000)),
    /** How many people said they come (a count, never who). */
    going: z.optional(wholeBetween(0, 1_000_000_000)),
    ...inLanguages(ActionTranslationSchema),
    ...provenance,
  })
  .check(z.refine((a) => !a.end || a.end >= a.start, { path: ['end'], error: 'endBeforeStart' }));

export type Action = z.infer<typeof ActionSchema>;

/**
 * Dates already read, by zone then cell, as ISO instants (null for no date; the zone itself null for a name that is
 * no zone); and each cell's wall time, as read, for its first reading in another zone. A campaign's actions share a
 * few zones and times ("12/12/2026 14:00"); reading one costs a match, a zone's offset and an ISO text. All forgotten
 * past a size, as a large source of all-different times or zone names would otherwise keep them all.
 */
const inZones = new Map<string, Map<string, string | null> | null>();
const walls = new Map<string, WallTime | null>();
const READ_KEPT = 50_000;
let readCount = 0;

/**
 * A sheet's "12/12/2026 14:00" means 14:00 where the action happens: wall times are read in the record's zone (the
 * visitor's when it names none). Returns the fields so read (the zone, and each date it could read), which replace
 * the record's own: a copy of every row cost 100,000 actions a fifth of their reading (#23).
 */
export function inItsZone(raw: Record<string, unknown>): Record<string, unknown> {
  const named = typeof raw.timezone === 'string' ? raw.timezone.trim() : '';
  const zone = named || defaultTimeZone();
  const out: Record<string, unknown> = { timezone: zone };
  // One lookup a row for its zone, which costs the hash of a text fresh from the source and a comparison of letters.
  let dates = inZones.get(zone);
  if (dates === undefined) inZones.set(zone, (dates = isTimeZone(zone) ? new Map() : null));
  if (!dates) return out;
  const start = wallTime(raw.start, zone, dates);
  if (start !== undefined) out.start = start;
  const end = wallTime(raw.end, zone, dates);
  if (end !== undefined) out.end = end;
  return out;
}

/** A date cell read in `zone` unless it says its own offset, as an ISO instant; undefined when it is no date. */
function wallTime(cell: unknown, zone: string, dates: Map<string, string | null>): string | undefined {
  if (typeof cell !== 'string') return undefined;
  // As a REST source sends it: reading it again gives the same text.
  if (isWrittenInstant(cell)) return cell;
  let iso = dates.get(cell);
  if (iso === undefined) {
    let t = walls.get(cell);
    if (t === undefined) walls.set(cell, (t = parseDateTime(cell) ?? null));
    dates.set(cell, (iso = t && new Date(t.zoned ? t.utc : localToUtc(t, zone)).toISOString()));
    if (++readCount > READ_KEPT) {
      // A row's zone map, held by inItsZone, still reads its other date right; the next row's is a new one.
      walls.clear();
      inZones.clear();
      readCount = 0;
    }
  }
  return iso ?? undefined;
}

export const actionReader = recordReader(ActionSchema, { prepare: inItsZone, fields: { country: upperCase } });
