/**
 * Mobilize (mobilize.us): an organisation's public events, through its public API
 * (`https://api.mobilize.us/v1/organizations/<id>/events`), which needs no key. Each time slot of an event is an
 * action; events whose address the organiser keeps private come with their town only, as Mobilize shows them.
 */
import { request } from '../http.js';
import { isTimeZone } from '../zones.js';
import { EventSource, allPages, clip, placeFields, type OsdiPlace } from './calendar-rows.js';

interface MobilizeEvent {
  id: number;
  title?: string;
  description?: string | null;
  summary?: string | null;
  timezone?: string;
  event_type?: string;
  browser_url?: string;
  featured_image_url?: string | null;
  is_virtual?: boolean;
  visibility?: string;
  sponsor?: { name?: string; event_feed_url?: string } | null;
  location?: OsdiPlace | null;
  timeslots?: { id: number; start_date: number; end_date?: number | null }[];
}

interface Page {
  data?: MobilizeEvent[];
  next?: string | null;
}

const iso = (seconds: number) => new Date(seconds * 1000).toISOString();

/** An event's time slots as action rows. */
export function mobilizeToActions(e: MobilizeEvent): unknown[] {
  const host = e.sponsor?.name;
  const base = {
    title: clip(e.title, 200) ?? '',
    description: clip(e.description ?? e.summary ?? undefined, 4000),
    ...(e.timezone && isTimeZone(e.timezone) ? { timezone: e.timezone } : {}),
    type: clip(e.event_type?.toLowerCase().replace(/_/g, ' '), 40),
    ...(e.is_virtual ? { virtual: true } : placeFields(e.location)),
    url: e.browser_url,
    image: e.featured_image_url ?? undefined,
    host: clip(host, 200),
    origins: [{ label: `${clip(host ?? 'Mobilize', 180)} (Mobilize)`, url: e.sponsor?.event_feed_url ?? e.browser_url }],
  };
  return (e.timeslots ?? []).map((slot) => ({
    ...base,
    id: `mobilize-${e.id}-${slot.id}`,
    start: iso(slot.start_date),
    end: slot.end_date ? iso(slot.end_date) : undefined,
  }));
}

export class MobilizeAdapter extends EventSource {
  readonly kind = 'mobilize';

  protected async events(): Promise<unknown[]> {
    const first = new URL(this.source);
    // Upcoming time slots only, as the organisation's own event feed lists them.
    if (!first.searchParams.has('timeslot_start')) first.searchParams.set('timeslot_start', 'gte_now');
    const events = await allPages<MobilizeEvent>(first.href, async (url) => {
      const page = (await (await request(url, { cache: 'no-store', headers: { accept: 'application/json' } })).json()) as Page;
      return { items: page.data ?? [], next: page.next };
    });
    return events.filter((e) => (e.visibility ?? 'PUBLIC') === 'PUBLIC').flatMap(mobilizeToActions);
  }
}
