/**
 * Reading a collection: stale-while-revalidate over IndexedDB.
 *
 * What was last read is shown at once (even offline), then replaced by what
 * the source says now. Identical reads in flight are shared, and a source that
 * declares `freshFor` (quota-bound sheets) is not asked again before then.
 * Validation happens here, once, for every adapter, built-in or not.
 */
import { createStore, delMany, get, keys, set, type UseStore } from 'idb-keyval';
import type { Adapter, Query } from './adapter.js';
import type { Collection, ReaderOf, RecordOf } from './schema-types.js';
import { parseCollection, parseCollectionInSlices, usesFieldNames, usesFieldNamesInSlices, type SkippedRow } from './parse.js';
import { OFF_THREAD_OVER } from './off-thread-protocol.js';
import { yieldToPage } from './slices.js';
import { AdapterError, asAdapterError } from './errors.js';
import { SCHEMA_VERSION } from './version.js';
import type { Action } from './schemas/actions.js';

export interface ReadResult<T> {
  items: T[];
  skipped: SkippedRow[];
  unknownColumns: string[];
  /** When the source last answered (ms since epoch). */
  at: number;
  /** True while this is the saved copy and the source has not answered yet. */
  stale: boolean;
  /** True when the source could not be reached and this is the saved copy. */
  offline: boolean;
  /** Why the source could not be read, when it could not. */
  error?: AdapterError;
  /** Merged sources that failed while others answered. */
  failures?: { source: string; message: string }[];
  /** How many records the query matches in all, when the source says so (a REST source's first page). */
  total?: number;
  /** Only a first page was read: the source holds more than the query's `largeOver`. */
  partial?: boolean;
}

type Saved = Pick<ReadResult<unknown>, 'items' | 'skipped' | 'unknownColumns' | 'at' | 'total' | 'partial'>;

/**
 * A large read is saved in parts of PART records, one write at a time between the page's tasks, and read back
 * the same way: cloning 100,000 actions into IndexedDB, or out of it, in one call held the page for a third of
 * a second (#23). The entry under the read's key lists the parts (`parts`), written last; each part's key holds
 * the read's time, so a read never mixes parts of two saves.
 */
const PART = 2000;
type SavedEntry = Saved & { parts?: number };
const partKey = (key: string, at: number, i: number) => `${key}\n#${at}\n${i}`;

async function save(key: string, saved: Saved): Promise<void> {
  const { items, ...rest } = saved;
  if (items.length <= PART) return set(key, saved, cache());
  // Once the page has shown this read (the list, the map's pins): the copy for next time is no hurry (#23).
  await new Promise((idle) => (globalThis.requestIdleCallback ?? setTimeout)(idle));
  const parts = Math.ceil(items.length / PART);
  for (let i = 0; i < parts; i++) {
    await set(partKey(key, saved.at, i), items.slice(i * PART, (i + 1) * PART), cache());
    await yieldToPage();
  }
  const old = (await get<SavedEntry>(key, cache()))?.at;
  await set(key, { ...rest, items: [], parts } satisfies SavedEntry, cache());
  // The parts of the save this one replaces.
  if (old !== undefined && old !== saved.at) await delMany((await keys<string>(cache())).filter((k) => typeof k === 'string' && k.startsWith(`${key}\n#${old}\n`)), cache());
}

async function load(key: string): Promise<Saved | undefined> {
  const entry = await get<SavedEntry>(key, cache());
  if (!entry?.parts) return entry;
  const items: unknown[] = [];
  for (let i = 0; i < entry.parts; i++) {
    const part = await get<unknown[]>(partKey(key, entry.at, i), cache());
    if (!part) return undefined;
    for (const item of part) items.push(item);
  }
  const { parts: _parts, ...saved } = entry;
  return { ...saved, items };
}

let store: UseStore | undefined;
/** Our own database: idb-keyval's default one may belong to the host page. */
const cache = () => (store ??= createStore('archipel-cache', 'reads'));

const inflight = new Map<string, Promise<Saved>>();

/**
 * A saved read's key: the source, the collection, the query and the schemas' version, so a release whose
 * records have another shape never shows records saved by the one before.
 */
export function cacheKey(adapter: Adapter, collection: Collection, query: Query = {}): string {
  const q = Object.entries(query)
    .filter(([, v]) => v !== undefined && v !== '')
    .sort(([a], [b]) => a.localeCompare(b));
  return `${SCHEMA_VERSION}\n${adapter.source}\n${collection}\n${new URLSearchParams(q.map(([k, v]) => [k, String(v)]))}`;
}

/** Applies a query to records a source could not filter itself. */
export function applyQuery<T>(items: T[], query: Query): T[] {
  const { chapter, since, hashtag } = query;
  const tag = hashtag?.replace(/^#/, '').toLowerCase();
  return items.filter((raw) => {
    const r = raw as { chapter?: string; created?: string; hashtags?: string[] };
    if (chapter && r.chapter !== chapter) return false;
    if (since && r.created && r.created <= since) return false;
    if (tag && !r.hashtags?.some((h) => h.toLowerCase() === tag)) return false;
    return true;
  });
}

export interface ReadOptions {
  /** Ask the source even if the saved copy is still fresh. */
  force?: boolean;
}

async function fetchFresh<C extends Collection>(adapter: Adapter, collection: C, reader: ReaderOf<C>, query: Query, key: string): Promise<Saved & Pick<ReadResult<unknown>, 'failures'>> {
  let p = inflight.get(key);
  if (!p) {
    p = (async () => {
      const res = await adapter.list(collection, query);
      const large = res.rows.length > PART;
      // Past 10,000 actions, in a worker if the device has a core for it, there are not too many for the copies and
      // the page lets one run (off-thread.ts, loaded only then, says); else here.
      let report = res.rows.length > OFF_THREAD_OVER && collection == 'actions' ? await (await import('./off-thread.js')).parseOffThread<RecordOf<C>>(collection, res.rows, res.firstRow) : undefined;
      if (!report) {
        // Sheets say "Titre" and "Fecha": the multilingual header table loads only for them.
        // A large source is read a slice at a time (#23); a small one at once, in the task that received it.
        const named = large ? await usesFieldNamesInSlices(reader, res.rows) : usesFieldNames(reader, res.rows);
        const headers = named ? undefined : await import('./headers.js');
        const options = { firstRow: res.firstRow, aliases: headers?.headerMap };
        report = large ? await parseCollectionInSlices(collection, reader, res.rows, options) : parseCollection(collection, reader, res.rows, options);
        headers?.explainUnreadable(collection, res.rows.length, report);
      }
      // Calendars often list the same action, whether merged here or synced by a server: it is shown once, with every
      // place it was published. Sources that say nothing of where their actions were published never load this.
      const calendars = collection === 'actions' && (adapter.kind === 'merged' || (report.items as Action[]).some((a) => a.origins));
      const items = calendars ? ((await import('./same-action.js')).mergeSameActions(report.items as Action[]) as typeof report.items) : report.items;
      const saved = {
        items: res.filtered ? items : applyQuery(items, query),
        skipped: report.skipped,
        unknownColumns: report.unknownColumns,
        at: Date.now(),
        failures: res.failures,
        ...(res.total !== undefined ? { total: res.total } : {}),
        ...(res.partial ? { partial: true } : {}),
      };
      // Saved for next time without making this time wait for the disk.
      void save(key, saved).catch(() => undefined);
      return saved;
    })().finally(() => inflight.delete(key));
    inflight.set(key, p);
  }
  return p;
}

/**
 * Reads a collection, calling `emit` with the saved copy first (if any) and
 * then with the fresh one, or with the saved copy marked offline, or with an
 * error when there is nothing to show.
 */
export async function read<C extends Collection>(
  adapter: Adapter,
  collection: C,
  reader: ReaderOf<C>,
  query: Query,
  emit: (r: ReadResult<RecordOf<C>>) => void,
  { force = false }: ReadOptions = {},
): Promise<void> {
  // A source that cannot filter is asked (and its answer kept) once per collection: a map and a hub
  // on one page then share one request to a quota-bound sheet, and the query is applied here.
  const asked = adapter.filters ? query : {};
  const key = cacheKey(adapter, collection, asked);
  const answer = <T extends { items: unknown[] }>(r: T): T => (adapter.filters ? r : { ...r, items: applyQuery(r.items, query) });
  const savedRead = load(key).catch(() => undefined);
  let answered = false;
  // The saved copy shows until the source answers, never after it.
  const showSaved = async () => {
    const saved = await savedRead;
    const fresh = Boolean(saved && adapter.freshFor && Date.now() - saved.at < adapter.freshFor * 1000);
    if (saved && !answered) emit({ ...(answer(saved) as Saved & { items: RecordOf<C>[] }), stale: !fresh || force, offline: false });
    return { saved, fresh };
  };
  // A source that says how long its answers stay fresh (a quota-bound sheet) is asked only once the saved copy is
  // known to be too old. Any other is asked at once, not once the device's store has answered: opening that store
  // the first time took a slow phone 200 to 600 ms, often longer than the source's answer took to arrive.
  const shown = adapter.freshFor ? await showSaved() : undefined;
  if (shown?.fresh && !force) return;
  const asking = fetchFresh(adapter, collection, reader, asked, key);
  const saving = shown ?? showSaved();
  try {
    const r = answer(await asking);
    answered = true;
    emit({ ...(r as typeof r & { items: RecordOf<C>[] }), stale: false, offline: false });
  } catch (e) {
    answered = true;
    const { saved } = await saving;
    const error = asAdapterError(e);
    // "Offline" only when the browser says so: a 5xx or a 429 is the source's trouble, not the visitor's.
    const offline = error.kind === 'network' && globalThis.navigator?.onLine === false;
    if (saved) emit({ ...(answer(saved) as Saved & { items: RecordOf<C>[] }), stale: false, offline, error });
    else emit({ items: [], skipped: [], unknownColumns: [], at: 0, stale: false, offline, error });
  }
}
