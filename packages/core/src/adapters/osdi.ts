/**
 * OSDI event feeds (Open Supporter Data Interface), as Action Network and other organising tools serve them:
 * `…/api/v2/events`, HAL JSON whose `_embedded["osdi:events"]` holds the events and `_links.next` the next page.
 * Only a feed that answers without a key can be read: Action Network's own API needs one (`OSDI-API-Token`), which
 * must never be in a page.
 */
import { request } from '../http.js';
import { EventSource, allPages, clip, eventId, placeFields, plainText, type OsdiPlace } from './calendar-rows.js';

interface OsdiEvent {
  identifiers?: string[];
  title?: string;
  name?: string;
  description?: string | null;
  browser_url?: string;
  featured_image_url?: string | null;
  start_date?: string;
  end_date?: string | null;
  status?: string;
  visibility?: string;
  origin_system?: string;
  location?: (OsdiPlace & { timezone?: string }) | null;
}

interface Page {
  _embedded?: { 'osdi:events'?: OsdiEvent[] };
  _links?: { next?: { href?: string } };
}

/** An OSDI event as an action row; `system` names where it was published when the event does not. */
export function osdiToAction(e: OsdiEvent, system: string): unknown {
  const origin = e.origin_system ?? system;
  return {
    id: eventId('osdi', e.identifiers?.[0] ?? e.browser_url ?? `${e.title}|${e.start_date}`),
    title: clip(e.title ?? e.name, 200) ?? '',
    description: clip(plainText(e.description ?? undefined), 4000),
    // OSDI dates are ISO 8601; one without an offset is read in the place's zone, when the feed gives it.
    start: e.start_date,
    end: e.end_date ?? undefined,
    ...(e.location?.timezone ? { timezone: e.location.timezone } : {}),
    ...placeFields(e.location),
    url: e.browser_url,
    image: e.featured_image_url ?? undefined,
    origins: [{ label: origin, url: e.browser_url }],
  };
}

export class OsdiAdapter extends EventSource {
  readonly kind = 'osdi';

  protected async events(): Promise<unknown[]> {
    const system = new URL(this.source).hostname.replace(/^www\./, '');
    const events = await allPages<OsdiEvent>(this.source, async (url) => {
      const page = (await (await request(url, { cache: 'no-store', headers: { accept: 'application/hal+json, application/json' } })).json()) as Page;
      return { items: page._embedded?.['osdi:events'] ?? [], next: page._links?.next?.href };
    });
    return events.filter((e) => (e.visibility ?? 'public') === 'public' && e.status !== 'cancelled').map((e) => osdiToAction(e, system));
  }
}
