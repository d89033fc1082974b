/**
 * iCalendar feeds (`.ics`, `webcal:`): the calendars collectives already keep in Google Calendar, Nextcloud,
 * Framagenda or Outlook. Each event becomes an action; a recurring one becomes one action per occurrence
 * from a month ago to a year ahead, with its exceptions (EXDATE, a moved occurrence's RECURRENCE-ID) honoured.
 * Times are read in the zone their TZID names, `GEO` gives the pin, `LOCATION` the address. Read-only; the
 * file is parsed with ical.js, which this chunk alone carries.
 */
import ICAL from 'ical.js';
import { request } from '../http.js';
import { AdapterError } from '../errors.js';
import { defaultTimeZone, isTimeZone, localToUtc } from '../zones.js';
import { EventSource, clip, eventId, fetchable, numberOr, type Origin } from './calendar-rows.js';

type Time = InstanceType<typeof ICAL.Time>;
type Event = InstanceType<typeof ICAL.Event>;
type Component = InstanceType<typeof ICAL.Component>;

const DAY = 86_400_000;
/** Occurrences of a recurring event are listed from this long ago… */
const PAST = 30 * DAY;
/** …to this far ahead, and never more than this many of one event. */
const AHEAD = 366 * DAY;
const MAX_OCCURRENCES = 200;

/** The instant a calendar time stands for: UTC, in the zone of its TZID, or (floating, all-day) in `zone`. */
function instantOf(t: Time, tzid: string | undefined, zone: string): number {
  const wall = { y: t.year, mo: t.month, d: t.day, h: t.isDate ? 0 : t.hour, mi: t.isDate ? 0 : t.minute, s: t.isDate ? 0 : t.second };
  if (!t.isDate && t.zone?.tzid === 'UTC') return Date.UTC(wall.y, wall.mo - 1, wall.d, wall.h, wall.mi, wall.s);
  return localToUtc(wall, tzid && isTimeZone(tzid) ? tzid : zone);
}

const tzidOf = (c: Component, name: string) => {
  const v = c.getFirstProperty(name)?.getParameter('tzid');
  return typeof v === 'string' ? v : undefined;
};

/** Reads an iCalendar text into action rows; `now` sets the window occurrences are listed in. */
export function icsToActions(text: string, source: string, now = Date.now()): unknown[] {
  let calendar: Component;
  try {
    calendar = new ICAL.Component(ICAL.parse(text) as never);
  } catch (e) {
    throw new AdapterError('config', `${source} is not an iCalendar file (${(e as Error).message}). Use the calendar's "iCal" or "ICS" export address.`);
  }
  if (calendar.name !== 'vcalendar') throw new AdapterError('config', `${source} is not an iCalendar file: it holds no VCALENDAR.`);
  const calName = calendar.getFirstPropertyValue('x-wr-calname');
  const calZone = String(calendar.getFirstPropertyValue('x-wr-timezone') ?? '');
  const zone = isTimeZone(calZone) ? calZone : defaultTimeZone();
  const calendarOrigin: Origin = { label: typeof calName === 'string' ? clip(calName, 200) : new URL(fetchable(source)).hostname, url: fetchable(source) };

  const events = calendar.getAllSubcomponents('vevent').map((c) => new ICAL.Event(c));
  const masters = new Map<string, Event>();
  for (const e of events) if (!e.isRecurrenceException()) masters.set(e.uid, e);
  // A moved occurrence whose series is not in the file is shown as an event of its own.
  const orphans: Event[] = [];
  for (const e of events) {
    if (!e.isRecurrenceException()) continue;
    const master = masters.get(e.uid);
    if (master) master.relateException(e);
    else orphans.push(e);
  }

  const rows: unknown[] = [];
  const row = (e: Event, start: Time | null, end: Time | null | undefined, key: string) => {
    const c = e.component;
    const tz = tzidOf(c, 'dtstart');
    const timezone = tz && isTimeZone(tz) ? tz : zone;
    const geo = c.getFirstPropertyValue('geo') as unknown;
    const [lat, lng] = Array.isArray(geo) ? geo.map(numberOr) : [];
    const link = c.getFirstPropertyValue('url');
    const url = typeof link === 'string' && /^https?:/i.test(link) ? link : undefined;
    const status = c.getFirstPropertyValue('status');
    if (typeof status === 'string' && status.toUpperCase() === 'CANCELLED') return;
    // An event without a start is still a row, so that the source checker can say which one lacks it.
    const startAt = start ? instantOf(start, tz, timezone) : NaN;
    const endAt = end && start ? instantOf(end, tzidOf(c, 'dtend') ?? tz, timezone) : undefined;
    rows.push({
      id: eventId('ics', key),
      title: clip(e.summary, 200) ?? '',
      description: clip(e.description, 4000),
      start: Number.isNaN(startAt) ? undefined : new Date(startAt).toISOString(),
      end: endAt !== undefined && endAt > startAt ? new Date(endAt).toISOString() : undefined,
      timezone,
      address: clip(e.location, 300),
      lat,
      lng,
      url,
      origins: [{ ...calendarOrigin, ...(url ? { url } : {}) }],
    });
  };

  for (const e of orphans) row(e, e.startDate, e.startDate && e.endDate, `${e.uid}|${e.recurrenceId?.toString()}`);
  for (const e of masters.values()) {
    if (!e.isRecurring()) {
      row(e, e.startDate, e.startDate && e.endDate, e.uid);
      continue;
    }
    const from = now - PAST;
    const until = now + AHEAD;
    const it = e.iterator();
    for (let next = it.next(), n = 0; next && n < MAX_OCCURRENCES; next = it.next()) {
      const at = instantOf(next, tzidOf(e.component, 'dtstart'), zone);
      if (at > until) break;
      if (at < from) continue;
      n++;
      const o = e.getOccurrenceDetails(next);
      row(o.item, o.startDate, o.endDate, `${e.uid}|${next.toString()}`);
    }
  }
  return rows;
}

export class IcalAdapter extends EventSource {
  readonly kind = 'ical';

  protected async events(): Promise<unknown[]> {
    const res = await request(fetchable(this.source), { cache: 'no-cache', headers: { accept: 'text/calendar, */*;q=0.5' } });
    return icsToActions(await res.text(), this.source);
  }
}
