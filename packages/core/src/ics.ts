/**
 * One action as an iCalendar file (RFC 5545) to add to a calendar: its times said in the action's own zone
 * (DTSTART;TZID=…) with that zone's rules written out (VTIMEZONE), so that a calendar app shows 14:00 in Lyon
 * as 14:00 in Lyon, and as the right hour anywhere else. The rules come from Intl, like every zone here: the
 * offsets around the action, each change found to the minute. DOM-free: the server serves the same file.
 */
import type { Action } from './schemas/actions.js';
import { zoneOffset } from './zones.js';

/** Text as an iCalendar value: backslash, semicolon, comma and line breaks escaped. */
export const icsText = (s: string) => s.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');

/** A content line folded at 75 octets, never inside a character, as RFC 5545 asks. */
export function foldLine(line: string): string {
  const bytes = new TextEncoder();
  const out: string[] = [];
  let current = '';
  let size = 0;
  for (const ch of line) {
    const n = bytes.encode(ch).length;
    if (size + n > (out.length ? 74 : 75)) {
      out.push(current);
      current = '';
      size = 0;
    }
    current += ch;
    size += n;
  }
  out.push(current);
  return out.join('\r\n ');
}

/** An instant as iCalendar's UTC form, 20261212T130000Z. */
export const icsUtc = (iso: string) => `${iso.replace(/[-:]/g, '').replace(/\.\d+/, '').slice(0, 15)}Z`;

/** The wall time an instant shows in a zone, as iCalendar's local form, 20261212T140000. */
const icsLocal = (t: number, zone: string) => new Date(t + zoneOffset(t, zone)).toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, '');

/** An offset in milliseconds as iCalendar writes it, +0100. */
const icsOffset = (ms: number) => {
  const minutes = Math.round(Math.abs(ms) / 60_000);
  return `${ms < 0 ? '-' : '+'}${String(Math.floor(minutes / 60)).padStart(2, '0')}${String(minutes % 60).padStart(2, '0')}`;
};

const DAY = 86_400_000;

/** The zone's rules from a year before `t` to a year after: its offset then, and each change, found to the minute. */
export function vtimezone(zone: string, t: number): string[] {
  const from = Date.UTC(new Date(t).getUTCFullYear() - 1, 0, 1);
  const to = Date.UTC(new Date(t).getUTCFullYear() + 2, 0, 1);
  const changes: { at: number; before: number; after: number }[] = [];
  for (let day = from; day < to; day += DAY) {
    const before = zoneOffset(day, zone);
    const after = zoneOffset(day + DAY, zone);
    if (before === after) continue;
    let lo = day;
    let hi = day + DAY;
    while (hi - lo > 60_000) {
      const mid = lo + Math.floor((hi - lo) / 120_000) * 60_000;
      if (zoneOffset(mid, zone) === before) lo = mid;
      else hi = mid;
    }
    changes.push({ at: hi, before, after });
  }
  const lowest = Math.min(zoneOffset(from, zone), ...changes.map((c) => c.after));
  const part = (at: number, before: number, after: number) => {
    const kind = after > lowest ? 'DAYLIGHT' : 'STANDARD';
    // DTSTART is the wall time just before the change, in the offset in force then.
    return [`BEGIN:${kind}`, `DTSTART:${new Date(at + before).toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, '')}`, `TZOFFSETFROM:${icsOffset(before)}`, `TZOFFSETTO:${icsOffset(after)}`, `END:${kind}`];
  };
  const start = zoneOffset(from, zone);
  return ['BEGIN:VTIMEZONE', `TZID:${zone}`, ...part(from, start, start), ...changes.flatMap((c) => part(c.at, c.before, c.after)), 'END:VTIMEZONE'];
}

/** Where an action is, in one line: venue, address, postcode and town, each once. */
export const placeOf = (a: Action) => [a.venue, a.address, [a.postcode, a.city].filter(Boolean).join(' ')].filter((p, i, all) => p && all.indexOf(p) === i).join(', ');

/** One action as a calendar file; `host` names where its UID comes from, `stamp` is when it last changed. */
export function actionIcs(a: Action & { id: string }, { host, stamp = new Date().toISOString() }: { host: string; stamp?: string }): string {
  const start = Date.parse(a.start);
  const zone = a.timezone;
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Archipel//Archipel//EN', 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH', ...vtimezone(zone, start)];
  lines.push('BEGIN:VEVENT', `UID:${a.id}@${host}`, `DTSTAMP:${icsUtc(stamp)}`, `DTSTART;TZID=${zone}:${icsLocal(start, zone)}`);
  // Without an end, an hour: most calendar apps show a zero-length event as a line.
  lines.push(`DTEND;TZID=${zone}:${icsLocal(a.end ? Date.parse(a.end) : start + 3_600_000, zone)}`);
  lines.push(`SUMMARY:${icsText(a.title)}`);
  if (a.description) lines.push(`DESCRIPTION:${icsText(a.description)}`);
  const place = a.virtual ? (a.url ?? '') : placeOf(a);
  if (place) lines.push(`LOCATION:${icsText(place)}`);
  if (a.lat !== undefined && a.lng !== undefined) lines.push(`GEO:${a.lat};${a.lng}`);
  if (a.url && /^https?:/i.test(a.url)) lines.push(`URL:${a.url}`);
  lines.push('STATUS:CONFIRMED', 'END:VEVENT', 'END:VCALENDAR');
  return `${lines.map(foldLine).join('\r\n')}\r\n`;
}
