/**
 * Dates as campaigns write them, turned into instants.
 *
 * A sheet says "12/12/2026 14h00" and means 14:00 where the action happens, so
 * a date without a zone is read in the record's own time zone, not the
 * visitor's. No date library: Intl already knows every zone's rules.
 */

export interface WallTime {
  y: number;
  mo: number;
  d: number;
  h: number;
  mi: number;
  s: number;
  /** True when the text carried its own offset; `utc` is then the instant. */
  zoned: boolean;
  utc: number;
}

const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2})[:h](\d{2})(?::(\d{2})(?:[.,]\d+)?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;
const DMY = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:[\sT,à]+(\d{1,2})[:h](\d{2})?(?::(\d{2}))?)?$/i;
const GVIZ = /^Date\((\d{4}),(\d{1,2}),(\d{1,2})(?:,(\d{1,2}),(\d{1,2}),(\d{1,2}))?\)$/;

/** Reads ISO 8601, day-first "05/12/2026 14:00" / "5.12.2026 14h30", and Google's `Date(2026,11,5,14,0,0)`. */
export function parseDateTime(input: string): WallTime | undefined {
  const v = input.trim();
  let m: RegExpMatchArray | null;
  let parts: number[];
  let zone: string | undefined;
  if ((m = v.match(ISO))) {
    parts = [m[1], m[2], m[3], m[4], m[5], m[6]].map((x) => Number(x ?? 0));
    zone = m[7];
  } else if ((m = v.match(DMY))) {
    parts = [m[3], m[2], m[1], m[4], m[5], m[6]].map((x) => Number(x ?? 0));
  } else if ((m = v.match(GVIZ))) {
    parts = [m[1], m[2], m[3], m[4], m[5], m[6]].map((x) => Number(x ?? 0));
    parts[1]! += 1;
  } else return undefined;
  const [y, mo, d, h, mi, s] = parts as [number, number, number, number, number, number];
  const utc = Date.UTC(y, mo - 1, d, h, mi, s);
  const back = new Date(utc);
  if (back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d || h > 23 || mi > 59 || s > 59) return undefined;
  let offset = 0;
  if (zone && zone.toUpperCase() !== 'Z') {
    const z = zone.replace(':', '');
    offset = (z[0] === '-' ? -1 : 1) * (Number(z.slice(1, 3)) * 60 + Number(z.slice(3, 5))) * 60_000;
  }
  return { y, mo, d, h, mi, s, zoned: zone !== undefined, utc: utc - offset };
}

const partsFormats = new Map<string, Intl.DateTimeFormat>();

function zoneParts(zone: string): Intl.DateTimeFormat {
  let f = partsFormats.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    partsFormats.set(zone, f);
  }
  return f;
}

/** How far `zone` is ahead of UTC at the instant `t`, in milliseconds. */
export function zoneOffset(t: number, zone: string): number {
  const p: Record<string, number> = {};
  for (const { type, value } of zoneParts(zone).formatToParts(new Date(t))) p[type] = Number(value);
  const wall = Date.UTC(p.year!, p.month! - 1, p.day!, p.hour! % 24, p.minute!, p.second!);
  return wall - Math.floor(t / 1000) * 1000;
}

/** The instant at which the wall clock in `zone` shows `w`. In a spring-forward gap, the later side. */
export function localToUtc(w: Pick<WallTime, 'y' | 'mo' | 'd' | 'h' | 'mi' | 's'>, zone: string): number {
  const wall = Date.UTC(w.y, w.mo - 1, w.d, w.h, w.mi, w.s);
  const first = wall - zoneOffset(wall, zone);
  const second = wall - zoneOffset(first, zone);
  return second;
}

const zones = new Map<string, boolean>();

/** Whether Intl knows a zone; asked once per name (building a formatter per row made parsing 100,000 rows take seconds). */
export function isTimeZone(zone: string): boolean {
  let known = zones.get(zone);
  if (known === undefined) {
    try {
      new Intl.DateTimeFormat('en', { timeZone: zone });
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
