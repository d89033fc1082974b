/**
 * Plain JSON files: a folder of `<collection>.json` files, one `.json` file
 * whose keys are collections, or one collection's own file ("…/actions.json").
 * Read-only. Files may hold an array, or an object with the collection's name
 * or `items` as key.
 */
import type { Adapter, ListResponse } from '../adapter.js';
import type { Collection } from '../schema-types.js';
import { AdapterError } from '../errors.js';
import { request } from '../http.js';

const COLLECTIONS = ['actions', 'chapters', 'posts', 'surveys', 'responses', 'signups'];

export class JsonAdapter implements Adapter {
  readonly kind = 'json';
  readonly writable = false;
  private readonly single: boolean;
  private file?: Promise<unknown>;

  constructor(readonly source: string) {
    this.single = new URL(source).pathname.endsWith('.json');
  }

  private async fetchJson(url: string): Promise<unknown> {
    // no-cache revalidates with the server (ETag / Last-Modified) instead of trusting a stale copy.
    const res = await request(url, { cache: 'no-cache', headers: { accept: 'application/json' } });
    try {
      return await res.json();
    } catch {
      throw new AdapterError('config', `${url} is not valid JSON. Check it with a JSON validator.`);
    }
  }

  async list(collection: Collection): Promise<ListResponse> {
    const url = this.single ? this.source : new URL(`${collection}.json`, this.source).href;
    const data = this.single ? await (this.file ??= this.fetchJson(url).finally(() => (this.file = undefined))) : await this.fetchJson(url);
    const obj = data as Record<string, unknown> | null;
    if (this.single && Array.isArray(data)) {
      // One collection's own file given as the source, "…/actions.json": its name says which collection it holds.
      const named = /([^/]+)\.json$/i.exec(new URL(url).pathname)?.[1]?.toLowerCase();
      if (named === collection) return { rows: data };
      if (COLLECTIONS.includes(named ?? '')) return { rows: [] };
      throw new AdapterError('config', `${url} holds a list, but its name does not say of what. Give the folder's address (ending in /) so that each collection is read from its own file (actions.json, chapters.json…), or one file like {"${collection}": [...]}.`);
    }
    const rows = Array.isArray(data) && !this.single ? data : obj?.[collection] ?? (this.single ? undefined : obj?.items);
    if (rows === undefined && this.single) return { rows: [] };
    if (!Array.isArray(rows)) {
      throw new AdapterError('config', `${url} should hold a list of ${collection} (a JSON array, or {"${collection}": [...]}).`);
    }
    return { rows };
  }

  submit(): Promise<never> {
    return Promise.reject(
      new AdapterError('readonly', 'This source is a set of JSON files and cannot store anything. Use the Archipel server or an Apps Script address.'),
    );
  }
}
