/**
 * Wall times in a place's time zone. A sheet says "12/12/2026 14h00" and means
 * 14:00 where the action happens, so an action's date without a zone is read
 * in the record's own time zone, not the visitor's. No date library: Intl
 * already knows every zone's rules. Only actions need this, so it stays out of
 * the shared chunk.
 */
import type { WallTime } from './time.js';

const offsetFormats = new Map<string, Intl.DateTimeFormat>();
/** "GMT+05:30", "GMT-03:30", "GMT" (UTC), or old local mean time to the second ("GMT+00:09:21", Paris in 1900). */
const OFFSET = /([+-])(\d\d):(\d\d)(?::(\d\d))?$/;

/**
 * How far `zone` is ahead of UTC at the instant `t`, in milliseconds, asked of Intl: the zone's offset as text
 * ("GMT+01:00"), three times faster than reading the wall clock's parts with `formatToParts` and comparing.
 */
function offsetAt(t: number, zone: string): number {
  let f = offsetFormats.get(zone);
  if (!f) offsetFormats.set(zone, (f = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' })));
  const m = OFFSET.exec(f.format(t));
  return m ? (m[1] === '-' ? -1 : 1) * ((+m[2]! * 60 + +m[3]!) * 60 + +(m[4] ?? 0)) * 1000 : 0;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** Offsets by zone, then by day or hour since 1970: a source's actions share a few zones and days. */
const offsets = new Map<string, Map<number, number>>();

/**
 * How far `zone` is ahead of UTC at the instant `t`, in milliseconds. Asking Intl costs a `format`, and reading
 * 100,000 actions asked it 400,000 times (a third of the whole load), so an offset is kept once known: for
 * a whole UTC day when its first and last second agree (no zone changes its offset twice in a day), else for an
 * hour when its first and last second agree. An hour in which the offset changes (at half past in some zones) is
 * not kept, and each instant in it is asked.
 */
export function zoneOffset(t: number, zone: string): number {
  let known = offsets.get(zone);
  if (!known) offsets.set(zone, (known = new Map()));
  // Days are kept under their number, hours under theirs negated, minus one: the two never meet.
  const day = Math.floor(t / DAY);
  let offset = known.get(day);
  if (offset !== undefined) return offset;
  const hour = Math.floor(t / HOUR);
  offset = known.get(-hour - 1);
  if (offset !== undefined) return offset;
  offset = offsetAt(day * DAY, zone);
  if (offset === offsetAt((day + 1) * DAY - 1000, zone)) {
    known.set(day, offset);
    return offset;
  }
  offset = offsetAt(hour * HOUR, zone);
  if (offset !== offsetAt((hour + 1) * HOUR - 1000, zone)) return offsetAt(t, zone);
  known.set(-hour - 1, offset);
  return offset;
}

/** The instant at which the wall clock in `zone` shows `w`. In a spring-forward gap, the later side. */
export function localToUtc(w: Pick<WallTime, 'y' | 'mo' | 'd' | 'h' | 'mi' | 's'>, zone: string): number {
  const wall = Date.UTC(w.y, w.mo - 1, w.d, w.h, w.mi, w.s);
  const first = wall - zoneOffset(wall, zone);
  const second = wall - zoneOffset(first, zone);
  return second;
}

const zones = new Map<string, boolean>();

/**
 * Whether Intl knows a zone; asked once per name (building a formatter per row made parsing 100,000 rows take seconds).
 * Asked in the browser's own language, whose dates a page has most often written already: asked in English, a French
 * phone loaded English's date names as well, once a page (#19).
 */
export function isTimeZone(zone: string): boolean {
  let known = zones.get(zone);
  if (known === undefined) {
    try {
      new Intl.DateTimeFormat(undefined, { timeZone: zone });
      known = true;
    } catch {
      known = false;
    }
    zones.set(zone, known);
  }
  return known;
}

let visitorZone: string | undefined;

export function defaultTimeZone(): string {
  return (visitorZone ??= Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC');
}
