/** An adapter that POSTs to the test runner's /__sink/ endpoint: real HTTP, real failures. */
import type { Adapter, AdapterKind } from '../../packages/core/src/adapter.ts';
import { request } from '../../packages/core/src/http.ts';

export class SinkAdapter implements Adapter {
  readonly kind = 'sink';
  readonly writable = true;
  constructor(readonly source: string) {}

  async list() {
    return { rows: [] };
  }

  async submit(collection: string, record: object) {
    const res = await request(`${this.source}${collection}`, {
      method: 'POST',
      body: JSON.stringify(record),
      headers: { 'content-type': 'application/json' },
      timeout: 3000,
    });
    return (await res.json()) as { id: string };
  }
}

export const sinkKind: AdapterKind = {
  kind: 'sink',
  writable: true,
  test: (u) => u.pathname.startsWith('/__sink/'),
  create: (source) => new SinkAdapter(source),
};

export const sinkSource = () => `${location.origin}/__sink/`;
