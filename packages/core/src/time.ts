/**
 * Dates as campaigns write them: ISO 8601, day-first and Google's `Date()`.
 * Reading a wall time in a place's time zone is zones.ts's work, which only
 * actions need.
 */

export interface WallTime {
  y: number;
  mo: number;
  d: number;
  h: number;
  mi: number;
  s: number;
  /** True when the text carried its own offset. */
  zoned: boolean;
  /** The instant, with the text's offset applied; without one, the wall time read as UTC. */
  utc: number;
}

const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2})[:h](\d{2})(?::(\d{2})(?:[.,]\d+)?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;
const DMY = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:[\sT,à]+(\d{1,2})[:h](\d{2})?(?::(\d{2}))?)?$/i;
const GVIZ = /^Date\((\d{4}),(\d{1,2}),(\d{1,2})(?:,(\d{1,2}),(\d{1,2}),(\d{1,2}))?\)$/;

/** An instant as `toISOString()` writes it, in whole seconds, from the year 1000 on: "2026-12-12T13:00:00.000Z". */
const WRITTEN = /^[1-9]\d{3}(-\d\d){2}T\d\d(:\d\d){2}\.000Z$/;

/**
 * Whether `text` is an instant as `toISOString()` writes it: reading it and writing it again gives the same text (an
 * impossible date is left as it is either way), so readers keep it without reading it. A REST source sends its dates
 * so, and each of its actions' dates was read twice before the schema checked it (#19).
 */
export const isWrittenInstant = (text: string): boolean => text.length === 24 && WRITTEN.test(text);

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
