import { expect } from '@open-wc/testing';
import { adapterKind, registerAdapter, resolveAdapter, type Adapter } from '../../packages/core/src/adapter.ts';
import { MergedAdapter } from '../../packages/core/src/merged.ts';
import { AdapterError } from '../../packages/core/src/errors.ts';
import { MemoryAdapter } from '../../packages/core/src/adapters/memory.ts';

const here = new URL('../fixtures/', import.meta.url).href;

describe('recognising a source from its URL', () => {
  it('reads a folder ending in / and a .json file as JSON', () => {
    expect(adapterKind('https://campaign.example.org/data/').kind).to.equal('json');
    expect(adapterKind('https://campaign.example.org/data/campaign.json').kind).to.equal('json');
    expect(adapterKind('/demo/data/').kind).to.equal('json');
  });

  it('says what to write when the source is not a URL at all', () => {
    expect(() => adapterKind('http://')).to.throw(AdapterError, /is not a URL/);
  });

  it('shares one instance per source string across the page', () => {
    const a = resolveAdapter(`${here}json-folder/`);
    const b = resolveAdapter(` ${here}json-folder/ `);
    expect(a).to.equal(b);
    expect(a.kind).to.equal('json');
    expect(a.writable).to.equal(false);
  });

  it('merges space-separated sources, keeping each row’s origin', async () => {
    const merged = resolveAdapter(`${here}json-folder/ ${here}bundle.json`);
    expect(merged.kind).to.equal('merged');
    expect(merged.writable).to.equal(false);
    const { rows } = await merged.list('actions');
    expect(rows).to.have.length(6);
    expect((rows.at(-1) as { origin: string }).origin).to.equal(`${here}bundle.json`);
  });

  it('tries a developer-registered kind before the built-in ones', async () => {
    const mine = new MemoryAdapter({ actions: [{ title: 'from my CRM', start: '2026-12-12' }] }, { source: 'crm://campaign' });
    registerAdapter({ kind: 'crm', writable: true, test: (u) => u.protocol === 'crm:', create: () => mine });
    const a = resolveAdapter('crm://campaign');
    expect(a.kind).to.equal('crm');
    expect((await a.list('actions')).rows).to.have.length(1);
  });
});

describe('the JSON files adapter', () => {
  it('reads <folder>/<collection>.json, as an array or under the collection name', async () => {
    const a = resolveAdapter(`${here}json-folder/`);
    expect((await a.list('actions')).rows).to.have.length(5);
    expect((await a.list('chapters')).rows).to.have.length(2);
  });

  it('reads collections from one .json file, and an absent collection as empty', async () => {
    const a = resolveAdapter(`${here}bundle.json`);
    expect((await a.list('actions')).rows).to.have.length(1);
    expect((await a.list('posts')).rows).to.deep.equal([]);
  });

  it('reads one collection’s own file given as the source, and says what to do with a list it cannot name', async () => {
    const a = resolveAdapter(`${here}json-folder/actions.json`);
    expect((await a.list('actions')).rows).to.have.length(5);
    expect((await a.list('chapters')).rows).to.deep.equal([]);
    const e = await resolveAdapter(`${here}list-of-things.json`).list('actions').catch((err: AdapterError) => err);
    expect((e as AdapterError).kind).to.equal('config');
    expect((e as AdapterError).message).to.contain('holds a list, but its name does not say of what').and.contain('folder');
  });

  it('names the file that is missing or broken', async () => {
    const missing = resolveAdapter(`${here}json-folder/`);
    const e1 = await missing.list('surveys').catch((e: AdapterError) => e);
    expect(e1).to.be.instanceOf(AdapterError);
    expect((e1 as AdapterError).message).to.contain('surveys.json').and.contain('404');
    const e2 = await resolveAdapter(`${here}broken.json`).list('actions').catch((e: AdapterError) => e);
    expect((e2 as AdapterError).message).to.match(/broken\.json is not valid JSON/);
  });

  it('refuses writes and says why', async () => {
    const e = await resolveAdapter(`${here}json-folder/`).submit('signups', { id: 'x' }).catch((err: AdapterError) => err);
    expect((e as AdapterError).kind).to.equal('readonly');
  });
});

describe('merged sources', () => {
  it('keeps each row’s origin and survives one source failing', async () => {
    const ok: Adapter = new MemoryAdapter({ actions: [{ title: 'a', start: '2026-12-12' }] }, { source: 'memory:one' });
    const down: Adapter = { ...ok, source: 'memory:down', list: () => Promise.reject(new AdapterError('network', 'down')) };
    const res = await new MergedAdapter('memory:one memory:down', [ok, down]).list('actions');
    expect(res.rows).to.deep.equal([{ title: 'a', start: '2026-12-12', origin: 'memory:one' }]);
    expect(res.failures).to.deep.equal([{ source: 'memory:down', message: 'down' }]);
  });

  it('writes to the first writable source', async () => {
    const ro = new MemoryAdapter({}, { source: 'memory:ro', writable: false });
    const rw = new MemoryAdapter({}, { source: 'memory:rw' });
    await new MergedAdapter('x', [ro, rw]).submit('signups', { id: 'abcdefgh' });
    expect(rw.written.get('signups')!.has('abcdefgh')).to.equal(true);
  });
});
