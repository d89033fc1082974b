/**
 * The outbox: every write is stored on the device before it is sent, and
 * stays there until its source confirms it.
 *
 * A write that cannot be sent now is retried with jittered backoff, when the
 * browser comes back online, when the page becomes visible again and on the
 * next page load of any page with an Archipel widget. The outbox tells apart
 * why: the device is offline, the source did not answer (or answered a fault it
 * may get over: 5xx, 429, a proxy's 403, a 404 while a survey is renamed), or
 * the source answers but does not allow this site (CORS); all three keep the
 * write and try again. A write the source refuses (invalid data) is kept,
 * marked failed, with the reason, until the person retries or discards it.
 * Every attempt carries the same client id, and sources store an id once, so
 * nothing is stored twice. Tabs of one browser take turns (Web Locks).
 */
import { createStore, del, entries, set, get, type UseStore } from 'idb-keyval';
import { knownAdapter, provideAdapter, resolveAdapter, type Adapter, type SubmitMeta, type SubmitResult } from './adapter.js';
import type { WriteCollection } from './schema-types.js';
import { asAdapterError, refusalOf, type Refusal } from './errors.js';
import { WAITING_FLAG } from './outbox-flag.js';

export interface OutboxEntry {
  /** The record's client id: the idempotency key. */
  id: string;
  source: string;
  collection: WriteCollection;
  record: { id: string };
  meta?: SubmitMeta;
  created: number;
  attempts: number;
  /** Not before this time (ms since epoch) unless the network comes back. */
  nextAt: number;
  state: 'pending' | 'failed';
  /** Why the last attempt did not deliver it. */
  problem?: SendProblem;
  /** The source's own words for it, for the console and staff. */
  lastError?: string;
  /** Why the source refused it, for the person's words. */
  refusal?: Refusal;
}

/** Why a write is still on the device: offline, no answer (or a fault), a site the source does not allow, or refused. */
export type SendProblem = 'offline' | 'unreachable' | 'blocked' | 'refused';


export type SendStatus = 'sent' | 'queued' | 'failed';

export interface SendOutcome {
  status: SendStatus;
  entry: OutboxEntry;
  /** What the source answered (sent) or why it did not take it (queued, failed). */
  message?: string;
  problem?: SendProblem;
  /** Why it was refused (failed), in terms the person's words are chosen by. */
  refusal?: Refusal;
  result?: SubmitResult;
  /** False when this browser would not store it (storage blocked or full): sent at once or not at all. */
  kept?: false;
}

const BASE_DELAY = 2_000;
const MAX_DELAY = 5 * 60_000;
const MIN_WAIT = 3_000;

/** Exponential backoff with full jitter between half and all of the delay. */
export function backoff(attempts: number, random = Math.random): number {
  const ceiling = Math.min(MAX_DELAY, BASE_DELAY * 2 ** Math.max(0, attempts - 1));
  return Math.round(ceiling * (0.5 + random() * 0.5));
}

export class Outbox extends EventTarget {
  private store?: UseStore;
  private readonly sending = new Set<string>();
  private timer?: ReturnType<typeof setTimeout>;
  private watching = false;

  constructor(
    private readonly dbName = 'archipel-outbox',
    /** How long a first attempt may take before the write is reported as queued. */
    readonly firstTryTimeout = 8_000,
  ) {
    super();
  }

  private db(): UseStore {
    return (this.store ??= createStore(this.dbName, 'entries'));
  }

  /**
   * Stores the write, then tries to send it once. Resolves to what happened, never rejects on network trouble.
   * The id is the idempotency key: adding an id that is already waiting keeps the first record, as a server would;
   * an entry the source refused is replaced, since the person corrected it and sends again.
   */
  async add(adapter: Adapter, collection: WriteCollection, record: { id: string }, meta?: SubmitMeta): Promise<SendOutcome> {
    // Retries after a reload must find an adapter built in code (not from a source string) again.
    if (!knownAdapter(adapter.source)) provideAdapter(adapter);
    this.watch();
    const waiting = await get<OutboxEntry>(record.id, this.db());
    const existing = waiting?.state === 'failed' ? undefined : waiting;
    const entry: OutboxEntry = existing ?? {
      id: record.id,
      source: adapter.source,
      collection,
      record,
      meta,
      created: Date.now(),
      attempts: 0,
      nextAt: 0,
      state: 'pending',
    };
    await set(entry.id, entry, this.db());
    this.changed();
    return this.send(entry, adapter, this.firstTryTimeout);
  }

  /** Entries still on this device, oldest first; only those of one source when given. */
  async list(source?: string): Promise<OutboxEntry[]> {
    const all = (await entries<string, OutboxEntry>(this.db())).map(([, e]) => e);
    return all.filter((e) => !source || e.source === source).sort((a, b) => a.created - b.created);
  }

  /** Sends every pending entry, or only those that are due. */
  async flush({ dueOnly = false }: { dueOnly?: boolean } = {}): Promise<void> {
    // Offline, the `online` event will call again; trying now would only spin.
    if (typeof navigator !== 'undefined' && navigator.onLine === false) return;
    const now = Date.now();
    const due = (await this.list()).filter((e) => e.state === 'pending' && (!dueOnly || e.nextAt <= now));
    for (const e of due) {
      const adapter = this.adapterFor(e.source);
      if (adapter) await this.send(e, adapter);
    }
    this.schedule();
  }

  /** Forgets an entry: the person chose to discard a record the source refused. */
  async discard(id: string): Promise<void> {
    await del(id, this.db());
    this.changed();
  }

  /** Sends a failed entry again, e.g. after the campaign fixed what made the source refuse it. */
  async retry(id: string): Promise<SendOutcome | undefined> {
    const e = await get<OutboxEntry>(id, this.db());
    const adapter = e && this.adapterFor(e.source);
    if (!e || !adapter) return undefined;
    // Saved before trying, so that a retry that cannot start now is still sent later.
    Object.assign(e, { state: 'pending', nextAt: 0 });
    await set(e.id, e, this.db());
    return this.send(e, adapter);
  }

  /** Listens for the moments worth retrying: back online, page shown again, and now (page load). */
  watch(): void {
    if (this.watching || typeof window === 'undefined') return;
    this.watching = true;
    addEventListener('online', () => void this.flush());
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'visible') void this.flush();
    });
    void this.flush();
  }

  private adapterFor(source: string): Adapter | undefined {
    try {
      return knownAdapter(source) ?? resolveAdapter(source);
    } catch {
      // A developer's adapter that is not on this page yet: the entry waits for it.
      return undefined;
    }
  }

  private async send(entry: OutboxEntry, adapter: Adapter, timeout?: number): Promise<SendOutcome> {
    if (typeof navigator !== 'undefined' && navigator.onLine === false) {
      entry.problem = 'offline';
      return { status: 'queued', entry, problem: 'offline' };
    }
    if (this.sending.has(entry.id)) return { status: 'queued', entry, problem: entry.problem };
    this.sending.add(entry.id);
    try {
      const attempt = () => this.attempt(entry, adapter, timeout);
      const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
      return locks
        ? ((await locks.request(`archipel-outbox:${entry.id}`, { ifAvailable: true }, (lock) =>
            lock ? attempt() : { status: 'queued' as const, entry, problem: entry.problem },
          )) as SendOutcome)
        : await attempt();
    } finally {
      this.sending.delete(entry.id);
    }
  }

  private async attempt(entry: OutboxEntry, adapter: Adapter, timeout?: number): Promise<SendOutcome> {
    // Another tab may have sent it while this one waited.
    if (!(await get(entry.id, this.db()))) return { status: 'sent', entry };
    try {
      const submit = adapter.submit(entry.collection, entry.record, entry.meta);
      const result = await (timeout
        ? Promise.race([submit, new Promise<never>((_, no) => setTimeout(() => no(new Error('timed out')), timeout))])
        : submit);
      await del(entry.id, this.db());
      this.dispatchEvent(new CustomEvent<Delivered>('delivered', { detail: { entry, result } }));
      this.changed();
      return { status: 'sent', entry, result };
    } catch (e) {
      const error = asAdapterError(e);
      entry.attempts += 1;
      entry.lastError = error.message;
      entry.refusal = refusalOf(error);
      if (error.temporary) {
        entry.problem = globalThis.navigator?.onLine === false ? 'offline' : error.kind === 'blocked' ? 'blocked' : 'unreachable';
        entry.nextAt = Date.now() + Math.max(backoff(entry.attempts), (error.retryAfter ?? 0) * 1000);
      } else {
        entry.problem = 'refused';
        entry.state = 'failed';
      }
      await set(entry.id, entry, this.db());
      this.changed();
      this.schedule();
      return { status: error.temporary ? 'queued' : 'failed', entry, message: error.message, problem: entry.problem, refusal: entry.refusal };
    }
  }

  private schedule(): void {
    void this.list().then((all) => {
      clearTimeout(this.timer);
      const next = Math.min(...all.filter((e) => e.state === 'pending').map((e) => e.nextAt));
      // An entry that is due but was not sent (another tab has it, its adapter is not on this page)
      // is looked at again in a few seconds, not at once: at once would loop.
      if (Number.isFinite(next)) this.timer = setTimeout(() => void this.flush({ dueOnly: true }), Math.max(MIN_WAIT, next - Date.now()));
    });
  }

  private changed(): void {
    void this.list().then((all) => {
      try {
        if (all.length) localStorage.setItem(WAITING_FLAG, String(all.length));
        else localStorage.removeItem(WAITING_FLAG);
      } catch {
        // Storage blocked: pages with a form still send what waits; others cannot know about it.
      }
    });
    this.dispatchEvent(new Event('change'));
  }
}

/** `delivered`: an entry reached its source, with the source's receipt (which may carry the person's private link). */
export interface Delivered {
  entry: OutboxEntry;
  result?: SubmitResult;
}

let shared: Outbox | undefined;

/** The page's outbox, shared by every widget. */
export function outbox(): Outbox {
  return (shared ??= new Outbox());
}
