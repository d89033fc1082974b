/**
 * Records held in memory: for tests, prototypes and developers who already
 * have the data in the page. Writes are stored once per id, like a server.
 */
import type { Adapter, ListResponse, SubmitMeta, SubmitResult } from '../adapter.js';
import type { Collection, WriteCollection } from '../schema-types.js';
import { AdapterError } from '../errors.js';

export class MemoryAdapter implements Adapter {
  readonly kind = 'memory';
  readonly writable: boolean;
  /** What was written, by collection then id. */
  readonly written = new Map<WriteCollection, Map<string, object>>();
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
    return { id };
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
