/**
 * The campaign's actions in formats other maps and calendars read: iCalendar (RFC 5545), for anyone to
 * subscribe to in their calendar app, and the JSON that GoGoCarto maps (and Transiscope, which gathers them)
 * import. Public fields only, as the API serves them.
 */
import { foldLine, icsText, icsUtc as icsTime, placeOf, type Action } from '@archipel/core/server';

/** An action as the server stores it: with an id. */
export type Stored = Action & { id: string };

/**
 * Actions as an iCalendar feed. Times are written in UTC, which every calendar app turns into its reader's
 * zone; the action's own zone rides along for those that show it.
 */
export function toIcs(actions: Stored[], { name, host, updated }: { name: string; host: string; updated: (id: string) => string }): string {
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Archipel//Archipel server//EN', 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH', `X-WR-CALNAME:${icsText(name)}`];
  for (const a of actions) {
    lines.push('BEGIN:VEVENT', `UID:${a.id}@${host}`, `DTSTAMP:${icsTime(updated(a.id))}`, `DTSTART:${icsTime(a.start)}`);
    if (a.end) lines.push(`DTEND:${icsTime(a.end)}`);
    lines.push(`SUMMARY:${icsText(a.title)}`);
    if (a.description) lines.push(`DESCRIPTION:${icsText(a.description)}`);
    const place = a.virtual ? '' : placeOf(a);
    if (place) lines.push(`LOCATION:${icsText(place)}`);
    if (a.lat !== undefined && a.lng !== undefined) lines.push(`GEO:${a.lat};${a.lng}`);
    if (a.url && /^https?:/i.test(a.url)) lines.push(`URL:${a.url}`);
    if (a.type) lines.push(`CATEGORIES:${icsText(a.type)}`);
    lines.push(`X-ARCHIPEL-TIMEZONE:${a.timezone}`, 'STATUS:CONFIRMED', 'END:VEVENT');
  }
  lines.push('END:VCALENDAR');
  return `${lines.map(foldLine).join('\r\n')}\r\n`;
}

/** One action as a GoGoCarto element ("gogofull" ontology), with the dates and origins that maps of events need. */
export function toGogocarto(a: Stored, updated: string) {
  return {
    id: a.id,
    name: a.title,
    description: a.description ?? '',
    ...(a.lat !== undefined && a.lng !== undefined ? { geo: { latitude: a.lat, longitude: a.lng } } : {}),
    address: {
      streetAddress: [a.venue, a.address].filter(Boolean).join(', '),
      addressLocality: a.city ?? '',
      postalCode: a.postcode ?? '',
      addressCountry: a.country ?? '',
    },
    categories: a.type ? [a.type] : [],
    website: a.url ?? '',
    image: a.image ?? '',
    startDate: a.start,
    endDate: a.end ?? null,
    timezone: a.timezone,
    online: Boolean(a.virtual),
    chapter: a.chapter ?? null,
    sourceKey: a.origins?.[0]?.label ?? null,
    origins: a.origins ?? [],
    updatedAt: updated,
  };
}
