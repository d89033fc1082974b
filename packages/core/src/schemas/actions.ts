/** An action: a march, a training, a phone bank… with its place and time in its own zone. */
import { text, required, opt, slug, url, country, between, bool, provenance, problem, record, rule, type Output } from '../schema-kit.js';
import { parseDateTime } from '../time.js';
import { localToUtc, defaultTimeZone, isTimeZone } from '../zones.js';

const timeZone = rule(text(64), (s) => (isTimeZone(s) ? s : problem('is not a time zone name such as Europe/Paris')));

/** Turns local start/end times into UTC instants in the record's own zone. */
function zoned<T extends { start: string; end?: string; timezone?: string }>(r: T) {
  const zone = r.timezone ?? defaultTimeZone();
  const out = { ...r, timezone: zone };
  for (const key of ['start', 'end'] as const) {
    const raw = r[key];
    if (raw === undefined) continue;
    const t = parseDateTime(raw);
    if (!t) return problem(`"${raw}" is not a date (write 2026-12-12 14:00)`, [key]);
    out[key] = new Date(t.zoned ? t.utc : localToUtc(t, zone)).toISOString();
  }
  if (out.end && out.end < out.start) return problem('comes before start', ['end']);
  return out as T & { timezone: string };
}

export const ActionSchema = record(
  {
    id: opt(slug),
    title: required(200),
    type: opt(text(40)),
    description: opt(text(4000)),
    start: required(40),
    end: opt(text(40)),
    timezone: opt(timeZone),
    venue: opt(text(200)),
    address: opt(text(300)),
    city: opt(text(120)),
    postcode: opt(text(16)),
    country: opt(country),
    lat: opt(between(-90, 90)),
    lng: opt(between(-180, 180)),
    virtual: opt(bool),
    url: opt(url),
    chapter: opt(slug),
    priority: opt(between(1, 3, true)),
    image: opt(url),
    host: opt(text(200)),
    ...provenance,
  },
  zoned,
);


export type Action = Output<typeof ActionSchema>;
