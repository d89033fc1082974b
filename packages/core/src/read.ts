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
import { parseCollection, usesFieldNames, type ParseReport, type SkippedRow } from './parse.js';
import type { OnPart, OnPreview } from './large-read.js';
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
  /** Every record of this read was given to the read's `onPart` as it was read, in this order (a large source, #23). */
  streamed?: boolean;
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
  const parts = Math.ceil(items.length / PART);
  for (let i = 0; i < parts; i++) {
    // Whenever the page has nothing else to do: the copy for next time is no hurry, and the page is still showing
    // this read (the list, the map's pins, whose worker answers while the page waits) (#23).
    await new Promise((idle) => (globalThis.requestIdleCallback ?? setTimeout)(idle));
    await set(partKey(key, saved.at, i), items.slice(i * PART, (i + 1) * PART), cache());
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

const inflight = new Map<string, Promise<Fresh>>();

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

/**
 * `items` sorted a slice at a time (large-read.ts `sortInSlices`), for a list of thousands: loaded with the reading of a
 * large source, which a list that long most often came from. Where that file cannot be loaded (offline, a saved copy
 * on screen, the file never fetched), in one task, as before: a list late, never none.
 */
export const sortInSlices = <T>(items: readonly T[], compare: (a: T, b: T) => number): Promise<T[]> =>
  import('./large-read.js').then(
    (m) => m.sortInSlices(items, compare),
    () => items.slice().sort(compare),
  );

/**
 * Applies a query to records a source could not filter itself. A query that asks nothing of them gives the records
 * themselves: copying a million actions through a test that passes each took a fifth of a second in one task (#23).
 */
export function applyQuery<T>(items: T[], query: Query): T[] {
  const { chapter, since, hashtag } = query;
  const tag = hashtag?.replace(/^#/, '').toLowerCase();
  if (!chapter && !since && !tag) return items;
  return items.filter((raw) => {
    const r = raw as { chapter?: string; created?: string; hashtags?: string[] };
    if (chapter && r.chapter !== chapter) return false;
    if (since && r.created && r.created <= since) return false;
    if (tag && !r.hashtags?.some((h) => h.toLowerCase() === tag)) return false;
    return true;
  });
}

export interface ReadOptions<T = unknown> {
  /** Ask the source even if the saved copy is still fresh. */
  force?: boolean;
  /**
   * A large source's records as they are read, a part at a time, before the read ends (#23): what needs them (the
   * map's pins) starts on the first part. Whether the read's records were exactly these parts, in this order, the
   * fresh answer says (`streamed`): calendars merged, or a read already under way for another element, are not.
   */
  onPart?: OnPart<T>;
  /**
   * A first look at a large source's records, before they are read (#23): `fields` of each, a part at a time, the
   * last with `done` (large-read.ts `previewInSlices`). The map draws its pins from them while the records are read.
   * `fields` must hold those the query filters on (`applyQuery`: an action's `chapter`); none, no first look.
   */
  preview?: { fields: readonly string[] | undefined; onPart: OnPreview<T> };
}


type Fresh = Saved & Pick<ReadResult<unknown>, 'failures'> & { whole?: boolean };

async function fetchFresh<C extends Collection>(
  adapter: Adapter,
  collection: C,
  reader: ReaderOf<C>,
  query: Query,
  key: string,
  onPart?: OnPart<RecordOf<C>>,
  preview?: ReadOptions<RecordOf<C>>['preview'],
): Promise<Fresh & Pick<ReadResult<unknown>, 'streamed'>> {
  let p = inflight.get(key);
  // Only the read that asks the source sees its parts.
  const seesParts = !p && onPart !== undefined;
  if (!p) {
    p = (async () => {
      const res = await adapter.list(collection, query);
      // A source that cannot filter says so (`filtered` unset): each part is what the whole will be, filtered here.
      const filter = <T>(part: T[]) => (res.filtered ? part : applyQuery(part, query));
      let report: ParseReport<RecordOf<C>>;
      let told = false;
      if (res.rows.length > PART) {
        // A large source (#23): large-read.ts, loaded only then.
        const look = preview?.fields && { fields: preview.fields, onPart: (part: Partial<RecordOf<C>>[], done: boolean) => preview.onPart(filter(part), done) };
        ({ report, told } = await (await import('./large-read.js')).readLarge(collection, reader, res, { onPart: onPart && ((part) => onPart(filter(part))), preview: look }));
      } else {
        // Sheets say "Titre" and "Fecha": the multilingual header table loads only for them. At once, in the task
        // that received the rows.
        const headers = usesFieldNames(reader, res.rows) ? undefined : await import('./headers.js');
        report = parseCollection(collection, reader, res.rows, { firstRow: res.firstRow, aliases: headers?.headerMap });
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
      return { ...saved, whole: told && !calendars };
    })().finally(() => inflight.delete(key));
    inflight.set(key, p);
  }
  const { whole, ...fresh } = await p;
  return seesParts && whole ? { ...fresh, streamed: true } : fresh;
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
  { force = false, onPart, preview }: ReadOptions<RecordOf<C>> = {},
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
  // The parts, as the answer will be: filtered here by the query when the source cannot.
  const parts = onPart && (adapter.filters ? onPart : (part: RecordOf<C>[]) => onPart(applyQuery(part, query)));
  const previews = preview && (adapter.filters ? preview : { fields: preview.fields, onPart: (part: Partial<RecordOf<C>>[], done: boolean) => preview.onPart(applyQuery(part, query), done) });
  const asking = fetchFresh(adapter, collection, reader, asked, key, parts, previews);
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
