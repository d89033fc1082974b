/**
 * `archipel-server sync`: the calendars a browser cannot read itself (a host without CORS, a rate limit, a
 * key to keep out of pages), read by the server into its own actions, each recorded with the feed it came
 * from. A feed is any source a widget reads (an .ics, a Mobilizon page, a sheet, another Archipel API); only
 * its actions are taken. A sync that finds what the last one found writes nothing; an event that left its
 * feed leaves the server's actions. Portable SQL (Storage.query, Storage.atomically): the same on SQLite and
 * PostgreSQL.
 */
import { adapterKind, describeIssue, hashText, headerMap, parseCollection, readers, type Action } from '@archipel/core/server';
import type { Statement, Storage } from './storage.js';

export interface Feed {
  url: string;
  /** Words for "where it was published", when the feed's own name is not the one to show. */
  label: string | null;
  /** The chapter its actions belong to, when they do not say. */
  chapter: string | null;
  added: string;
  synced: string | null;
  error: string | null;
}

export interface SyncReport {
  feed: string;
  added: number;
  changed: number;
  removed: number;
  unchanged: number;
  skipped: { row: number; reason: string }[];
  error?: string;
}

export async function addFeed(store: Storage, url: string, { label, chapter }: { label?: string; chapter?: string } = {}): Promise<void> {
  // Checked now rather than at the first sync: a mistyped address is said while it is being typed.
  if (!URL.canParse(url)) throw new Error(`"${url}" is not a URL. Give the calendar's full address, e.g. https://mobilizon.fr/@group or https://…/calendar.ics.`);
  adapterKind(url);
  await store.query('INSERT INTO feeds (url, label, chapter, added) VALUES (?, ?, ?, ?) ON CONFLICT (url) DO UPDATE SET label = excluded.label, chapter = excluded.chapter', [
    url,
    label ?? null,
    chapter ?? null,
    new Date().toISOString(),
  ]);
}

export function listFeeds(store: Storage): Promise<Feed[]> {
  return store.query<Feed>('SELECT url, label, chapter, added, synced, error FROM feeds ORDER BY added, url');
}

const removeAction = (id: string): Statement => ({ sql: "DELETE FROM items WHERE collection = 'actions' AND id = ?", params: [id] });

/** Forgets a feed and the actions it brought. */
export async function removeFeed(store: Storage, url: string): Promise<boolean> {
  const ids = await syncedIds(store, url);
  const counts = await store.atomically([...ids.map(removeAction), { sql: 'DELETE FROM synced_actions WHERE feed = ?', params: [url] }, { sql: 'DELETE FROM feeds WHERE url = ?', params: [url] }], ids.length ? ['actions'] : []);
  return counts.at(-1)! > 0;
}

const syncedIds = async (store: Storage, feed: string) => (await store.query<{ id: string }>('SELECT id FROM synced_actions WHERE feed = ?', [feed])).map((r) => r.id);

/**
 * An action as the server keeps it: an id of its own (the feed's ids could collide with the campaign's), the
 * feed's chapter when it names none, and where it was published, the feed's label first when one was given.
 * The feed's own address is never published: it may be a calendar's secret address (Google's "private" iCal
 * link), given to the server precisely so that pages never see it. An event's own page is kept.
 */
function asStored(feed: Feed, a: Action): Action & { id: string } {
  const { origin: _merged, ...action } = a;
  const origins = (action.origins?.length ? action.origins : [{}]).map(({ url, label }) => ({
    label: feed.label ?? label ?? new URL(feed.url).hostname,
    ...(url && url !== feed.url ? { url } : {}),
  }));
  return {
    ...action,
    id: `feed-${hashText(feed.url)}.${a.id ?? hashText(JSON.stringify(a))}`.slice(0, 80),
    ...(feed.chapter && !action.chapter ? { chapter: feed.chapter } : {}),
    origins,
  };
}

/** Reads one feed and brings the server's actions from it in step with it. */
export async function syncFeed(store: Storage, feed: Feed): Promise<SyncReport> {
  const report: SyncReport = { feed: feed.url, added: 0, changed: 0, removed: 0, unchanged: 0, skipped: [] };
  try {
    const adapter = await adapterKind(feed.url).create(feed.url);
    const { rows, firstRow } = await adapter.list('actions');
    const parsed = parseCollection('actions', readers.actions, rows, { firstRow, aliases: headerMap });
    report.skipped = parsed.skipped.map((s) => ({ row: s.row, reason: describeIssue(s.issue) }));
    const actions = parsed.items.map((a) => asStored(feed, a));
    const kept = new Set(actions.map((a) => a.id));
    const fresh: typeof actions = [];
    for (const a of actions) {
      const old = (await store.get('actions', a.id))?.data;
      if (old === JSON.stringify(a)) {
        report.unchanged += 1;
        continue;
      }
      if (old) report.changed += 1;
      else report.added += 1;
      fresh.push(a);
    }
    const gone = (await syncedIds(store, feed.url)).filter((id) => !kept.has(id));
    report.removed = gone.length;
    // Which feed brought an action is noted before the action is stored, so that an action is never left
    // without its feed (and kept for ever) by a sync stopped half-way; the feed's next sync finishes the work.
    if (fresh.length) await store.atomically(fresh.map((a) => ({ sql: 'INSERT INTO synced_actions (feed, id) VALUES (?, ?) ON CONFLICT (feed, id) DO NOTHING', params: [feed.url, a.id] })));
    if (fresh.length) await store.upsert('actions', fresh);
    await store.atomically(
      [
        ...gone.flatMap((id) => [removeAction(id), { sql: 'DELETE FROM synced_actions WHERE feed = ? AND id = ?', params: [feed.url, id] }]),
        { sql: 'UPDATE feeds SET synced = ?, error = NULL WHERE url = ?', params: [new Date().toISOString(), feed.url] },
      ],
      gone.length ? ['actions'] : [],
    );
  } catch (e) {
    // A feed that cannot be read keeps what it gave last time: a calendar host down for an hour blanks nothing.
    report.error = (e as Error).message;
    await store.query('UPDATE feeds SET error = ? WHERE url = ?', [report.error, feed.url]);
  }
  return report;
}

/** Syncs every configured feed, one after the other (calendar hosts are not to be hurried). */
export async function syncFeeds(store: Storage): Promise<SyncReport[]> {
  const reports: SyncReport[] = [];
  for (const feed of await listFeeds(store)) reports.push(await syncFeed(store, feed));
  return reports;
}

/** A report as one line a person reads, and the skipped rows under it. */
export function describeSync(r: SyncReport): string {
  if (r.error) return `${r.feed}: could not be read (${r.error}); its actions from the last sync are kept.`;
  const skipped = r.skipped.length ? `, ${r.skipped.length} skipped${r.skipped.map((s) => `\n  row ${s.row}: ${s.reason}`).join('')}` : '';
  return `${r.feed}: ${r.added} added, ${r.changed} changed, ${r.removed} removed, ${r.unchanged} unchanged${skipped}`;
}
