/**
 * Mobilizon instances, through their public GraphQL API (`<instance>/api`): a group's upcoming events
 * (`https://mobilizon.fr/@alternatiba_lyon`) or the events under a tag (`https://mobilizon.fr/tag/climat`).
 * Nothing needs an account: these are the queries Mobilizon's own pages make for a visitor.
 */
import { request } from '../http.js';
import { AdapterError } from '../errors.js';
import { isTimeZone } from '../zones.js';
import { EventSource, clip, eventId, numberOr, plainText } from './calendar-rows.js';

/** A group page (`/@name` or `/@name@other.instance`) or a tag page (`/tag/name`), after an optional path prefix. */
export const MOBILIZON_PATH = /^(.*?)\/(?:@([\w.-]+(?:@[\w.-]+)?)|tag\/([^/]+))\/?$/;

const EVENT_FIELDS = `id uuid url title description beginsOn endsOn status
  options { isOnline timezone } onlineAddress picture { url }
  physicalAddress { description street locality postalCode country geom timezone }`;

const GROUP_QUERY = `query GroupEvents($preferredUsername: String!, $afterDatetime: DateTime) {
  group(preferredUsername: $preferredUsername) { name preferredUsername url
    organizedEvents(afterDatetime: $afterDatetime, page: 1, limit: 100) { total elements { ${EVENT_FIELDS} } } } }`;

const TAG_QUERY = `query TagEvents($tags: String, $beginsOn: DateTime) {
  searchEvents(tags: $tags, beginsOn: $beginsOn, page: 1, limit: 100) { total elements { ${EVENT_FIELDS} organizerActor { name preferredUsername url } } } }`;

interface MobilizonActor {
  name?: string | null;
  preferredUsername?: string;
  url?: string;
}

interface MobilizonEvent {
  uuid: string;
  url?: string;
  title?: string;
  description?: string | null;
  beginsOn: string;
  endsOn?: string | null;
  status?: string;
  options?: { isOnline?: boolean; timezone?: string | null } | null;
  onlineAddress?: string | null;
  picture?: { url?: string } | null;
  physicalAddress?: { description?: string | null; street?: string | null; locality?: string | null; postalCode?: string | null; country?: string | null; geom?: string | null; timezone?: string | null } | null;
  organizerActor?: MobilizonActor | null;
}

interface Answer {
  data?: { group?: (MobilizonActor & { organizedEvents?: { elements?: MobilizonEvent[] } }) | null; searchEvents?: { elements?: MobilizonEvent[] } };
  errors?: { message: string }[];
}

/** An event as an action row; `by` is the group it was published by. */
export function mobilizonToAction(e: MobilizonEvent, by: MobilizonActor | undefined): unknown {
  const place = e.physicalAddress ?? undefined;
  // Mobilizon's Point is "longitude;latitude".
  const [lng, lat] = (place?.geom ?? '').split(';').map(numberOr);
  const zone = [e.options?.timezone, place?.timezone].find((z): z is string => typeof z === 'string' && isTimeZone(z));
  const group = by ?? e.organizerActor ?? undefined;
  const country = place?.country?.trim();
  return {
    id: eventId('mobilizon', e.url ?? e.uuid),
    title: clip(e.title, 200) ?? '',
    description: clip(plainText(e.description ?? undefined), 4000),
    start: e.beginsOn,
    end: e.endsOn ?? undefined,
    ...(zone ? { timezone: zone } : {}),
    venue: clip(place?.description ?? undefined, 200),
    address: clip(place?.street ?? undefined, 300),
    city: clip(place?.locality ?? undefined, 120),
    postcode: clip(place?.postalCode ?? undefined, 16),
    // Mobilizon gives a country's name ("France"), which is not a code.
    country: country && /^[A-Za-z]{2}$/.test(country) ? country.toUpperCase() : undefined,
    lat,
    lng,
    virtual: Boolean(e.options?.isOnline) && !place,
    url: e.url,
    image: e.picture?.url,
    host: clip(group?.name ?? group?.preferredUsername, 200),
    // "Alternatiba Lyon (Mobilizon)": the same group may also publish a calendar of its own.
    origins: [{ label: `${clip(group?.name ?? group?.preferredUsername ?? (e.url ? new URL(e.url).hostname : 'Mobilizon'), 180)} (Mobilizon)`, url: group?.url ?? e.url }],
  };
}

export class MobilizonAdapter extends EventSource {
  readonly kind = 'mobilizon';
  private readonly api: string;
  private readonly group?: string;
  private readonly tag?: string;

  constructor(source: string) {
    super(source);
    const url = new URL(source);
    const m = MOBILIZON_PATH.exec(url.pathname);
    if (!m) throw new AdapterError('config', `${source} is not a Mobilizon group (…/@group) or tag (…/tag/name) page.`);
    this.api = `${url.origin}${m[1]}/api`;
    this.group = m[2];
    this.tag = m[3] && decodeURIComponent(m[3]);
  }

  protected async events(): Promise<unknown[]> {
    // Events that ended are left out, as on the group's own page; a day of margin keeps today's.
    const since = new Date(Date.now() - 86_400_000).toISOString();
    const body = this.group
      ? { operationName: 'GroupEvents', query: GROUP_QUERY, variables: { preferredUsername: this.group, afterDatetime: since } }
      : { operationName: 'TagEvents', query: TAG_QUERY, variables: { tags: this.tag, beginsOn: since } };
    const res = await request(this.api, { method: 'POST', cache: 'no-store', headers: { 'content-type': 'application/json', accept: 'application/json' }, body: JSON.stringify(body) });
    const answer = (await res.json().catch(() => ({}))) as Answer;
    if (answer.errors?.length) throw new AdapterError('config', `${this.source}: Mobilizon says "${answer.errors.map((e) => e.message).join('; ')}". Check the group's name in the address.`);
    if (this.group && !answer.data?.group) throw new AdapterError('config', `${this.source}: no group "${this.group}" on this Mobilizon instance.`);
    const group = answer.data?.group ?? undefined;
    const events = group?.organizedEvents?.elements ?? answer.data?.searchEvents?.elements;
    if (!events) throw new AdapterError('config', `${this.api} did not answer as a Mobilizon API does. Is ${this.source} a Mobilizon page?`);
    return events.filter((e) => e.status !== 'CANCELLED').map((e) => mobilizonToAction(e, group));
  }
}
