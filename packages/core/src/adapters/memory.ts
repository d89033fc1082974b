/**
 * Records held in memory: for tests, prototypes and developers who already
 * have the data in the page. Writes are stored once per id, like a server.
 */
import type { Adapter, ListResponse, PersonalData, SubmitMeta, SubmitResult } from '../adapter.js';
import type { Collection, WriteCollection } from '../schema-types.js';
import { AdapterError } from '../errors.js';
import { newId } from '../ids.js';

export class MemoryAdapter implements Adapter {
  readonly kind = 'memory';
  readonly writable: boolean;
  /** What was written, by collection then id. */
  readonly written = new Map<WriteCollection, Map<string, object>>();
  /** The private link's secret of each sign-up and response written, with the record it opens. */
  private readonly secrets = new Map<string, { collection: WriteCollection; id: string }>();
  private readonly listeners = new Map<Collection, Set<() => void>>();

  constructor(
    private readonly data: Partial<Record<Collection, unknown[]>> = {},
    { source = 'memory:', writable = true }: { source?: string; writable?: boolean } = {},
  ) {
    this.source = source;
    this.writable = writable;
  }

  readonly source: string;

  async list(collection: Collection): Promise<ListResponse> {
    return { rows: structuredClone(this.data[collection] ?? []) };
  }

  async submit(collection: WriteCollection, record: object, _meta?: SubmitMeta): Promise<SubmitResult> {
    if (!this.writable) throw new AdapterError('readonly', 'This source is read-only.');
    const id = (record as { id: string }).id;
    let store = this.written.get(collection);
    if (!store) this.written.set(collection, (store = new Map()));
    if (!store.has(id)) store.set(id, structuredClone(record));
    if (collection === 'posts') return { id, status: 'pending' };
    let secret = [...this.secrets].find(([, r]) => r.id === id && r.collection === collection)?.[0];
    if (!secret) this.secrets.set((secret = newId().replaceAll('-', '')), { collection, id });
    return { id, secret };
  }

  /** What a sign-up's or a response's private link opens: that record (a server would gather the person's others too). */
  async mine(secret: string): Promise<PersonalData> {
    const found = this.secrets.get(secret);
    const record = found && this.written.get(found.collection)?.get(found.id);
    if (!found || !record) throw new AdapterError('unauthorized', 'This private link is unknown or was used to erase everything.', 403);
    return { signups: found.collection === 'signups' ? [structuredClone(record)] : [], responses: found.collection === 'responses' ? [structuredClone(record)] : [], posts: [] };
  }

  /** Withdraws one consent, or erases the record the private link opens. */
  async forgetMe(secret: string, purpose?: string): Promise<void> {
    const found = this.secrets.get(secret);
    const store = found && this.written.get(found.collection);
    const record = found && (store?.get(found.id) as { consent?: { purpose: string }[] | { purpose: string } } | undefined);
    if (!found || !store || !record) throw new AdapterError('unauthorized', 'This private link is unknown or was used to erase everything.', 403);
    const consents = Array.isArray(record.consent) ? record.consent.filter((c) => c.purpose !== purpose) : [];
    if (purpose && consents.length) record.consent = consents;
    else {
      store.delete(found.id);
      this.secrets.delete(secret);
    }
  }

  /** Replaces a collection's rows and tells subscribers. */
  set(collection: Collection, rows: unknown[]): void {
    this.data[collection] = rows;
    this.listeners.get(collection)?.forEach((fn) => fn());
  }

  subscribe(collection: Collection, onChange: () => void): () => void {
    let set = this.listeners.get(collection);
    if (!set) this.listeners.set(collection, (set = new Set()));
    set.add(onChange);
    return () => set.delete(onChange);
  }
}
