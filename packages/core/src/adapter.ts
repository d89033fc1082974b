/**
 * The adapter contract and `resolveAdapter(source)`.
 *
 * A webmaster types one `source`; its kind is recognised from the URL and its
 * code is imported only when first used, so a page that reads JSON files never
 * downloads the Google Sheets reader. One instance serves every widget that
 * names the same source, which is what lets requests be shared.
 */
import type { Collection, WriteCollection } from './schema-types.js';
import { AdapterError } from './errors.js';
import { BUILTIN_KINDS } from './adapters/kinds.js';

export interface Query {
  chapter?: string;
  /** Only records changed since this instant (ISO 8601): incremental refresh. */
  since?: string;
  limit?: number;
  cursor?: string;
  hashtag?: string;
  /** Responses to one survey (staff reads and exports). */
  survey?: string;
  /** Only records with a place inside this box of the map, `west,south,east,north` in degrees (a REST source). */
  bbox?: string;
  /**
   * Past this many records, only the first page is read and the answer says `partial`: a map then asks for
   * the records of its view (`bbox`) rather than download a whole campaign (a REST source, which says its `total`).
   */
  largeOver?: number;
}

export interface ListResponse {
  /** Raw rows: validation happens once, in `read()`, whatever the adapter. */
  rows: unknown[];
  /** The number of the first row as the source counts it (a sheet's is 2). */
  firstRow?: number;
  /** Whether the rows already honour `query` (a server filters; a JSON file does not). */
  filtered?: boolean;
  /** With `query.since`: ids of records that left the list since then (a hidden post, say). */
  removed?: string[];
  /** Sources of a merged read that failed while others answered. */
  failures?: { source: string; message: string }[];
  /** How many records the query matches in all, when the source says so. */
  total?: number;
  /** Only the first page was read: the source holds more than `query.largeOver`. */
  partial?: boolean;
}

/** Spam checks that travel with a write but are not stored. */
export interface SubmitMeta {
  /** The honeypot field's value: empty for people, filled by bots. */
  hp?: string;
  /** Milliseconds between the form's first render and its submission, by the browser's clock. */
  elapsed?: number;
  /** The source's own token for the moment the form was shown (`formToken()`): the fill time by the source's clock. */
  started?: string;
  /** A random id this browser keeps for one public poll, so that a poll counts one vote a device. */
  device?: string;
}

export interface SubmitResult {
  id: string;
  /** What the source says about the record, e.g. "pending" for a post. */
  status?: string;
  /**
   * The secret of the person's private link (sign-ups, responses): with it, and only with it, they can see,
   * export and erase what is held about them. Unguessable, never the public share code, stored hashed.
   */
  secret?: string;
}

/** A staff member's credentials, passed per call: adapters are shared, tokens are not. */
export interface StaffAccess {
  token: string;
}

/** One person, as staff look them up: by email or by phone. */
export interface PersonQuery {
  email?: string;
  phone?: string;
}

/** Everything a source holds about one person, by collection. */
export interface PersonalData {
  signups: object[];
  responses: object[];
  posts: object[];
  /** How many people joined through this person's share links, when the source counts them (the relational loop). */
  recruits?: number;
}

export type ModerationAction = 'approve' | 'hide' | 'pin' | 'unpin' | 'block-author' | 'unblock-author';

export interface Adapter {
  /** The source string this adapter was made from: the key for caches and the outbox. */
  readonly source: string;
  /** "json", "rest", "sheets", "apps-script", "memory", "merged" or a registered kind. */
  readonly kind: string;
  /** Whether `submit` can store anything. */
  readonly writable: boolean;
  /** Seconds a read stays fresh: no request is made before (quota-bound sources). */
  readonly freshFor?: number;
  /**
   * Whether the source applies `query` itself (an API does; a sheet or a JSON file cannot). A source
   * that cannot is asked once per collection, whatever the query, and the rows are filtered here.
   */
  readonly filters?: boolean;
  /** Reads a collection; staff-only ones (sign-ups, responses, the moderation queue) need `access`. */
  list(collection: Collection, query?: Query, access?: StaffAccess): Promise<ListResponse>;
  /** Stores a record. Throws AdapterError; must store a repeated id once and answer alike. */
  submit(collection: WriteCollection, record: object, meta?: SubmitMeta): Promise<SubmitResult>;
  /** A token the source signs for the moment a form is shown, sent back with the record (`SubmitMeta.started`). */
  formToken?(): Promise<string>;
  /** Loads the adapter's own code now, e.g. so a form can send later even if the network is gone by then. */
  preload?(): Promise<void>;
  /** Calls back when a collection may have changed; returns the unsubscribe function. */
  subscribe?(collection: Collection, onChange: () => void): () => void;
  /** Staff: posts waiting for review (or of the given statuses). */
  moderationQueue?(access: StaffAccess, statuses?: string[]): Promise<ListResponse>;
  /** Staff: approves, hides, pins or unpins a post, or blocks or unblocks its author. */
  moderate?(id: string, action: ModerationAction, access: StaffAccess): Promise<unknown>;
  /** Staff: approves or hides many posts at once (all or none); answers how many still wait. */
  moderateMany?(ids: string[], action: 'approve' | 'hide', access: StaffAccess): Promise<{ waiting: number }>;
  /** Staff: how many posts wait for a moderator (a lead's: their chapter's). */
  waiting?(access: StaffAccess): Promise<number>;
  /** Survey results, computed by the source (public surveys need no access). */
  results?(survey: string, filters: Record<string, string | undefined>, access?: StaffAccess): Promise<unknown>;
  /** Staff: a collection as CSV, formula strings neutralised. */
  exportCsv?(collection: 'signups' | 'responses', access: StaffAccess, query?: Query): Promise<string>;
  /** A supporter, through the secret of their private link: what is held about them. */
  mine?(secret: string): Promise<PersonalData>;
  /** A supporter withdraws one consent (the record keeps the others), or, without `purpose`, has everything erased. */
  forgetMe?(secret: string, purpose?: string): Promise<void>;
  /** Staff: what is held about one person, across collections (logged). */
  findPerson?(who: PersonQuery, access: StaffAccess): Promise<PersonalData>;
  /** Staff: erases one person from every collection; a record that the erasure happened is kept, without the data. */
  erasePerson?(who: PersonQuery, access: StaffAccess): Promise<{ erased: number }>;
}

/** Methods a kind of source may or may not offer: the lazy adapter loads the source's code when one is called. */
const OPTIONAL_METHODS = ['moderationQueue', 'moderate', 'moderateMany', 'waiting', 'results', 'exportCsv', 'mine', 'forgetMe', 'findPerson', 'erasePerson', 'formToken'] as const;

export interface AdapterKind {
  kind: string;
  /** Whether this kind reads the given absolute URL. */
  test(url: URL): boolean;
  writable: boolean;
  /** Seconds reads from this source stay fresh, known from the URL before the adapter's code loads. */
  freshFor?(url: URL): number | undefined;
  /** Whether sources of this kind apply queries themselves (see Adapter.filters). */
  filters?: boolean;
  /** The collections a source of this kind can hold, when not all of them (a calendar holds actions only). */
  collections?: readonly Collection[];
  create(source: string): Adapter | Promise<Adapter>;
}

const custom: AdapterKind[] = [];
const instances = new Map<string, Adapter>();

/** Lets a developer plug in a source kind of their own; it is tried before the built-in ones. */
export function registerAdapter(kind: AdapterKind): void {
  custom.unshift(kind);
}

function absolute(source: string): URL {
  return new URL(source, globalThis.document?.baseURI ?? 'http://localhost/');
}

export function adapterKind(source: string): AdapterKind {
  let url: URL;
  try {
    url = absolute(source);
  } catch {
    throw new AdapterError('config', `"${source}" is not a URL. Write the address of a Google Sheet, a folder of JSON files or an API.`);
  }
  const kind = [...custom, ...BUILTIN_KINDS].find((k) => k.test(url));
  if (!kind) throw new AdapterError('config', `No adapter reads "${source}".`);
  return kind;
}

/**
 * An adapter whose code loads on first use; the kind and whether it can be
 * written to are known at once, from the URL alone.
 */
function lazy(source: string, kind: AdapterKind): Adapter {
  let real: Promise<Adapter> | undefined;
  // A failed import (offline at the wrong moment) is forgotten, so the next call tries again.
  const load = () =>
    (real ??= Promise.resolve()
      .then(() => kind.create(source))
      .catch((e: unknown) => {
        real = undefined;
        throw e;
      }));
  const optional = Object.fromEntries(
    OPTIONAL_METHODS.map((name) => [
      name,
      async (...args: unknown[]) => {
        const real = (await load()) as unknown as Record<string, (...a: unknown[]) => Promise<unknown>>;
        if (!real[name]) throw new AdapterError('unsupported', `This source (${kind.kind}) cannot do "${name}"; use the Archipel server or the Apps Script.`);
        return real[name]!(...args);
      },
    ]),
  );
  return {
    ...optional,
    source,
    kind: kind.kind,
    writable: kind.writable,
    freshFor: kind.freshFor?.(absolute(source)),
    filters: kind.filters,
    preload: () => load().then(() => undefined),
    list: async (c, q, a) => (await load()).list(c, q, a),
    submit: async (c, r, m) => (await load()).submit(c, r, m),
    subscribe(c, onChange) {
      let off: (() => void) | undefined;
      let gone = false;
      void load().then((a) => {
        if (!gone) off = a.subscribe?.(c, onChange);
      });
      return () => {
        gone = true;
        off?.();
      };
    },
  };
}

/**
 * The adapter for a `source` attribute: one instance per distinct source on
 * the page. Space-separated sources are merged.
 */
export function resolveAdapter(source: string): Adapter {
  const key = source.trim().split(/\s+/).map((s) => absolute(s).href).join(' ');
  let adapter = instances.get(key);
  if (!adapter) {
    const parts = key.split(' ');
    adapter =
      parts.length > 1
        ? lazy(key, {
            kind: 'merged',
            writable: parts.some((p) => adapterKind(p).writable),
            filters: parts.every((p) => adapterKind(p).filters),
            // A quota-bound part (a sheet) sets the pace for the whole merged read.
            freshFor: () => Math.max(0, ...parts.map((p) => adapterKind(p).freshFor?.(absolute(p)) ?? 0)) || undefined,
            test: () => false,
            create: (s) => import('./merged.js').then((m) => new m.MergedAdapter(s, parts.map(resolveAdapter))),
          })
        : lazy(key, adapterKind(key));
    instances.set(key, adapter);
  }
  return adapter;
}

/** Makes an adapter built in code findable by its source, e.g. for the outbox after a reload. */
export function provideAdapter(adapter: Adapter): void {
  instances.set(adapter.source, adapter);
}

export function knownAdapter(source: string): Adapter | undefined {
  return instances.get(source);
}
