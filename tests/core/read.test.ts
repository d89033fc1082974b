import { expect, waitUntil } from '@open-wc/testing';
import { createStore, entries, set } from 'idb-keyval';
import { cacheKey, read, type ReadResult } from '../../packages/core/src/read.ts';
import { SCHEMA_VERSION } from '../../packages/core/src/version.ts';
import { resolveAdapter, type Adapter } from '../../packages/core/src/adapter.ts';
import { AdapterError } from '../../packages/core/src/errors.ts';
import { MemoryAdapter } from '../../packages/core/src/adapters/memory.ts';
import { actionReader } from '../../packages/core/src/schemas/actions.ts';
import { inWords } from '../support/issues.ts';

const here = new URL('../fixtures/', import.meta.url).href;

async function collect<T>(adapter: Adapter, query = {}, force = false) {
  const seen: ReadResult<T>[] = [];
  await read(adapter, 'actions', actionReader, query, (r) => seen.push(r as ReadResult<T>), { force });
  return seen;
}

/** A memory adapter whose network can be cut or held (it answers once `answer()` is called), and that counts requests. */
class Flaky extends MemoryAdapter {
  down = false;
  calls = 0;
  private held?: Promise<void>;
  answer = () => {};
  hold(): void {
    this.held = new Promise((resolve) => (this.answer = resolve));
  }
  override async list(...args: Parameters<MemoryAdapter['list']>) {
    this.calls += 1;
    await this.held;
    if (this.down) throw new AdapterError('network', 'offline');
    return super.list(...args);
  }
}


/** The browser says it is offline, until the returned function is called. */
function offline(): () => void {
  const onLine = Object.getOwnPropertyDescriptor(Navigator.prototype, 'onLine')!;
  Object.defineProperty(Navigator.prototype, 'onLine', { configurable: true, get: () => false });
  return () => Object.defineProperty(Navigator.prototype, 'onLine', onLine);
}

describe('reading a collection', () => {
  it('validates rows from a real file: valid ones typed, bad ones skipped with their row', async () => {
    const [r] = await collect(resolveAdapter(`${here}json-folder/`));
    expect(r!.items.map((a) => (a as { id: string }).id)).to.deep.equal(['a1', 'a2', 'a5']);
    expect(inWords(r!.skipped)).to.deep.equal([
      { row: 3, reason: 'title: is missing' },
      { row: 4, reason: 'start: "bientôt" is not a date (write 2026-12-12 14:00)' },
    ]);
    expect((r!.items[1] as { lat: number }).lat).to.equal(50.6326);
  });

  it('shows the saved copy while the source has not answered, then what the source says now', async () => {
    const src = new Flaky({ actions: [{ id: 'one', title: 'One', start: '2026-12-12' }] }, { source: `memory:swr-${Math.random()}` });
    await collect(src);
    src.set('actions', [{ id: 'two', title: 'Two', start: '2026-12-12' }]);
    src.hold();
    const seen: ReadResult<{ id: string }>[] = [];
    const reading = read(src, 'actions', actionReader, {}, (r) => seen.push(r as ReadResult<{ id: string }>));
    await waitUntil(() => seen.length === 1, 'the saved copy was not shown');
    src.answer();
    await reading;
    expect(seen.map((r) => [r.stale, r.items.map((i) => i.id)])).to.deep.equal([
      [true, ['one']],
      [false, ['two']],
    ]);
  });

  it('asks the source at once, not once the saved copy is found, and never shows the saved copy after its answer', async () => {
    const src = new Flaky({ actions: [{ id: 'one', title: 'One', start: '2026-12-12' }] }, { source: `memory:at-once-${Math.random()}` });
    await collect(src);
    src.set('actions', [{ id: 'two', title: 'Two', start: '2026-12-12' }]);
    const seen: ReadResult<{ id: string }>[] = [];
    const reading = read(src, 'actions', actionReader, {}, (r) => seen.push(r as ReadResult<{ id: string }>));
    expect(src.calls, 'asked before the device’s store could answer').to.equal(2);
    await reading;
    // The device's store answers after this source (which answers at once): its copy is not shown after the fresh one.
    await new Promise((r) => setTimeout(r, 200));
    expect(seen.map((r) => [r.stale, r.items.map((i) => i.id)])).to.deep.equal([[false, ['two']]]);
  });

  it('serves the saved copy from IndexedDB when the network is gone, and says it is offline', async () => {
    const restore = offline();
    try {
      const source = `memory:offline-${Math.random()}`;
      const src = new Flaky({ actions: [{ id: 'kept', title: 'Kept', start: '2026-12-12' }] }, { source });
      await collect(src);
      const again = new Flaky({}, { source });
      again.down = true;
      const seen = await collect<{ id: string }>(again);
      const last = seen.at(-1)!;
      expect(last.offline).to.equal(true);
      expect(last.items.map((i) => i.id)).to.deep.equal(['kept']);
      expect(last.error!.kind).to.equal('network');
    } finally {
      restore();
    }
  });

  it('reports an error with nothing to show when the source fails the first time', async () => {
    const src = new Flaky({}, { source: `memory:never-${Math.random()}` });
    src.down = true;
    const [r] = await collect(src);
    expect(r!.items).to.deep.equal([]);
    expect(r!.error!.message).to.equal('offline');
  });

  it('shares one request between identical reads in flight', async () => {
    const src = new Flaky({ actions: [] }, { source: `memory:coalesce-${Math.random()}` });
    // A source that takes a moment to answer, as a network does: the three reads overlap.
    const list = src.list.bind(src);
    src.list = (...args) => new Promise((r) => setTimeout(r, 100)).then(() => list(...args));
    await Promise.all([collect(src), collect(src), collect(src)]);
    expect(src.calls).to.equal(1);
  });

  it('does not ask a source again within its freshness window unless forced', async () => {
    const src = Object.assign(new Flaky({ actions: [] }, { source: `memory:fresh-${Math.random()}` }), { freshFor: 60 });
    await collect(src);
    await collect(src);
    expect(src.calls).to.equal(1);
    await collect(src, {}, true);
    expect(src.calls).to.equal(2);
  });

  it('filters by chapter when the source could not', async () => {
    const src = new MemoryAdapter(
      { actions: [{ id: 'l', title: 'L', start: '2026-12-12', chapter: 'lyon' }, { id: 'n', title: 'N', start: '2026-12-12', chapter: 'nantes' }] },
      { source: `memory:filter-${Math.random()}` },
    );
    const seen = await collect<{ id: string }>(src, { chapter: 'lyon' });
    expect(seen.at(-1)!.items.map((i) => i.id)).to.deep.equal(['l']);
  });

  it('asks a source that cannot filter once per collection, whatever each widget’s query', async () => {
    const src = Object.assign(
      new Flaky({ actions: [{ id: 'l', title: 'L', start: '2026-12-12', chapter: 'lyon' }, { id: 'n', title: 'N', start: '2026-12-12', chapter: 'nantes' }] }, { source: `memory:shared-${Math.random()}` }),
      { freshFor: 60 },
    );
    const ids = async (query: object) => (await collect<{ id: string }>(src, query)).at(-1)!.items.map((i) => i.id);
    expect(await ids({})).to.deep.equal(['l', 'n']);
    expect(await ids({ chapter: 'lyon' })).to.deep.equal(['l']);
    expect(await ids({ chapter: 'nantes' })).to.deep.equal(['n']);
    expect(src.calls).to.equal(1);
  });

  it('never shows a copy saved with schemas of another version', async () => {
    const source = `memory:version-${Math.random()}`;
    const src = new Flaky({}, { source });
    const key = cacheKey(src, 'actions');
    expect(key.startsWith(`${SCHEMA_VERSION}\n`), 'the key names the schemas’ version').to.equal(true);
    const saved = { items: [{ id: 'old-shape', title: 'Old', start: '2026-12-12' }], skipped: [], unknownColumns: [], at: Date.now() };
    await set(key.replace(SCHEMA_VERSION, 'an-older-release'), saved, createStore('archipel-cache', 'reads'));
    src.down = true;
    const seen = await collect<{ id: string }>(src);
    expect(seen.map((r) => r.items.length)).to.deep.equal([0]);
    await set(key, saved, createStore('archipel-cache', 'reads'));
    const again = await collect<{ id: string }>(src);
    expect(again[0]!.items.map((i) => i.id)).to.deep.equal(['old-shape']);
  });

  it('saves a large read in parts, a write at a time, and shows it whole when the source is down (#23)', async () => {
    const source = `memory:parts-${Math.random()}`;
    const rows = Array.from({ length: 4500 }, (_, i) => ({ id: `p${i}`, title: `Action ${i}`, start: '2026-12-12T10:00' }));
    const src = new Flaky({ actions: rows }, { source });
    await collect(src);
    const key = cacheKey(src, 'actions');
    const store = createStore('archipel-cache', 'reads');
    // Saving goes on after the read has answered, between the page's tasks.
    let mine: [IDBValidKey, unknown][] = [];
    // A part is an array of records; the entry holds the first of them beside what the read said.
    const sizeOf = (v: unknown) => (Array.isArray(v) ? v.length : (v as { items: unknown[] }).items.length);
    for (let i = 0; i < 100 && !mine.some(([k]) => k === key); i++) {
      await new Promise((r) => setTimeout(r, 20));
      mine = (await entries(store)).filter(([k]) => String(k).startsWith(key));
    }
    const sizes = mine.map(([, v]) => sizeOf(v));
    expect(Math.max(...sizes), 'no value holds the whole read').to.be.at.most(2000);
    expect(sizes.reduce((a, b) => a + b, 0)).to.equal(4500);
    src.down = true;
    const [saved] = await collect<{ id: string }>(src);
    expect(saved!.items.map((a) => a.id)).to.deep.equal(rows.map((r) => r.id));
    // A second save replaces the first, parts and all.
    src.down = false;
    src.set('actions', rows.slice(0, 4100));
    await collect(src);
    // The first save had four entries too (three parts of 4,500): wait for the records of the second.
    const held = () => mine.reduce((n, [, v]) => n + sizeOf(v), 0);
    for (let i = 0; i < 100; i++) {
      await new Promise((r) => setTimeout(r, 20));
      mine = (await entries(store)).filter(([k]) => String(k).startsWith(key));
      if (held() === 4100) break;
    }
    expect(held(), 'the second save, whole').to.equal(4100);
    expect(mine.length, 'the entry and three parts of 4,100 records').to.equal(4);
    src.down = true;
    const [again] = await collect<{ id: string }>(src);
    expect(again!.items).to.have.length(4100);
  });

  it('keeps its cache in its own database, never idb-keyval’s default one', async () => {
    const dbs = await indexedDB.databases();
    const names = dbs.map((d) => d.name);
    expect(names).to.include('archipel-cache');
    expect(names).not.to.include('keyval-store');
  });
});

describe('parsing on a page with a strict Content-Security-Policy', () => {
  it('validates records and reads a Google Sheet without eval, so the host page reports no violation', async () => {
    const frame = document.createElement('iframe');
    frame.src = new URL('./fixtures/csp-page.html', import.meta.url).href;
    document.body.append(frame);
    const win = () => frame.contentWindow as unknown as { cspResult?: { parsed: number; sheet: number; error?: string; violations: string[] } };
    await new Promise<void>((done) => {
      const tick = () => (win()?.cspResult ? done() : setTimeout(tick, 20));
      tick();
    });
    expect(win().cspResult).to.deep.equal({ parsed: 50, sheet: 3, error: undefined, violations: [] });
    frame.remove();
  });
});
