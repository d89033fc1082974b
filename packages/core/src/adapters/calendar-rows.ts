/**
 * What the calendar sources (iCalendar, Mobilizon, Mobilize, OSDI) share: events turned into action rows that
 * the strict schema accepts, each saying where it was published. Their formats are not ours, so text is cut to
 * the schema's lengths rather than the event being refused, and HTML descriptions become plain text.
 */
import type { Adapter, ListResponse } from '../adapter.js';
import type { Collection } from '../schema-types.js';
import { AdapterError } from '../errors.js';
import { hashText } from '../parse.js';

export interface Origin {
  label?: string;
  url?: string;
}

/** At most `max` characters, cut at a word with an ellipsis. */
export function clip(text: string | undefined, max: number): string | undefined {
  const s = text?.trim();
  if (!s) return undefined;
  if (s.length <= max) return s;
  const cut = s.slice(0, max - 1);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max / 2))}…`;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** An HTML description as the text a person reads: paragraphs and line breaks kept, tags dropped. */
export function plainText(html: string | undefined): string | undefined {
  if (!html) return undefined;
  const text = html
    .replace(/<(script|style)\b[\s\S]*?<\/\1>/gi, '')
    .replace(/<br\s*\/?>|<\/(p|div|li|h\d)>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&(#x?[0-9a-f]+|[a-z]+);/gi, (all, name: string) => {
      if (name[0] !== '#') return ENTITIES[name.toLowerCase()] ?? all;
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) ? String.fromCodePoint(code) : all;
    })
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n');
  return text.trim() || undefined;
}

/** An id the schema accepts (a slug) for an event whose own id may be anything ("abc@google.com"). */
export const eventId = (kind: string, key: string) => `${kind}-${hashText(key)}`;

/** A finite number, or undefined. */
export function numberOr(value: unknown): number | undefined {
  const n = typeof value === 'string' ? Number(value) : value;
  return typeof n === 'number' && Number.isFinite(n) ? n : undefined;
}

/** The `https:` address behind a `webcal:` one, which browsers cannot fetch. */
export const fetchable = (source: string) => source.replace(/^webcals?:/i, 'https:');

/**
 * A read-only adapter over a source of events: only `actions` come from it, every other collection is empty.
 */
export abstract class EventSource implements Adapter {
  abstract readonly kind: string;
  readonly writable = false;

  constructor(readonly source: string) {}

  /** The source's events as action rows. */
  protected abstract events(): Promise<unknown[]>;

  async list(collection: Collection): Promise<ListResponse> {
    if (collection !== 'actions') return { rows: [] };
    return { rows: await this.events(), firstRow: 1 };
  }

  submit(): Promise<never> {
    return Promise.reject(new AdapterError('readonly', `This source is a calendar (${this.kind}) and can only be read. Forms need the Archipel server or an Apps Script address.`));
  }
}

/** A place as OSDI writes it, and Mobilize after it: venue, address lines, locality, postcode, country, coordinates. */
export interface OsdiPlace {
  venue?: string | null;
  address_lines?: (string | null)[] | null;
  locality?: string | null;
  region?: string | null;
  postal_code?: string | null;
  country?: string | null;
  location?: { latitude?: number | string | null; longitude?: number | string | null } | null;
}

/** An OSDI place as an action's place fields. */
export function placeFields(place: OsdiPlace | null | undefined) {
  const country = place?.country?.trim();
  return {
    venue: clip(place?.venue ?? undefined, 200),
    address: clip((place?.address_lines ?? []).filter(Boolean).join(', '), 300),
    city: clip(place?.locality ?? undefined, 120),
    postcode: clip(place?.postal_code ?? undefined, 16),
    country: country && /^[A-Za-z]{2}$/.test(country) ? country.toUpperCase() : undefined,
    lat: numberOr(place?.location?.latitude),
    lng: numberOr(place?.location?.longitude),
  };
}

/** Follows a paged API's `next` links, at most `pages` of them: a source is read, not crawled. */
export async function allPages<T>(first: string, read: (url: string) => Promise<{ items: T[]; next?: string | null }>, pages = 10): Promise<T[]> {
  const items: T[] = [];
  let url: string | null | undefined = first;
  for (let i = 0; url && i < pages; i++) {
    const page: { items: T[]; next?: string | null } = await read(url);
    items.push(...page.items);
    url = page.next;
  }
  return items;
}
