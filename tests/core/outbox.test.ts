import { expect, waitUntil } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { Outbox, backoff, outbox, type OutboxEntry } from '../../packages/core/src/outbox.ts';
import { registerAdapter, resolveAdapter } from '../../packages/core/src/adapter.ts';
import { sinkKind, sinkSource } from '../support/sink-adapter.ts';
import { warnings } from '../support/dom.ts';

registerAdapter(sinkKind);

interface SinkState {
  down: boolean;
  posts: number;
  ids: string[];
}
const sink = (action?: 'down' | 'up' | 'reset' | 'answer', status?: number) => executeServerCommand<SinkState, { action?: string; status?: number }>('sink', { action, status });

let n = 0;
const signup = () => ({
  id: `signup${Date.now()}${n++}`,
  email: 'lea@example.org',
  consent: [{ purpose: 'contact', version: '2026-11', at: new Date().toISOString() }],
  created: new Date().toISOString(),
});

interface PageApi {
  box: Outbox;
  resolveAdapter: typeof resolveAdapter;
}

async function openPage(): Promise<{ frame: HTMLIFrameElement; api: PageApi }> {
  const frame = document.createElement('iframe');
  frame.src = new URL('./fixtures/outbox-page.html', import.meta.url).href;
  document.body.append(frame);
  await waitUntil(() => (frame.contentWindow as unknown as { archipelTest?: PageApi })?.archipelTest, 'page did not start', { timeout: 5000 });
  return { frame, api: (frame.contentWindow as unknown as { archipelTest: PageApi }).archipelTest };
}

describe('the outbox', () => {
  beforeEach(() => sink('reset'));

  it('sends at once when it can, and keeps nothing afterwards', async () => {
    const box = new Outbox(`outbox-now-${Math.random()}`);
    const outcome = await box.add(resolveAdapter(sinkSource()), 'signups', signup());
    expect(outcome.status).to.equal('sent');
    expect(await box.list()).to.deep.equal([]);
    expect((await sink()).posts).to.equal(1);
  });

  it('keeps a write the server could not take, and sends it once the network is back', async () => {
    const box = new Outbox(`outbox-online-${Math.random()}`);
    await sink('down');
    const record = signup();
    const outcome = await box.add(resolveAdapter(sinkSource()), 'signups', record);
    expect(outcome.status).to.equal('queued');
    expect((await box.list()).map((e) => e.id)).to.deep.equal([record.id]);
    await sink('up');
    window.dispatchEvent(new Event('online'));
    await box.flush();
    await waitUntil(async () => (await box.list()).length === 0, 'entry was not sent');
    expect((await sink()).ids).to.deep.equal([`signups/${record.id}`]);
  });

  it('survives a page reload and sends on the next page load, exactly once', async () => {
    await new Promise((done) => (indexedDB.deleteDatabase('archipel-outbox').onsuccess = done));
    await sink('down');
    const first = await openPage();
    const record = signup();
    const outcome = await first.api.box.add(first.api.resolveAdapter(sinkSource()), 'signups', record);
    expect(outcome.status).to.equal('queued');
    first.frame.remove();

    await sink('up');
    const second = await openPage();
    await waitUntil(async () => (await second.api.box.list()).length === 0, 'the reloaded page did not send the queued write', { timeout: 5000 });
    const state = await sink();
    expect(state.ids).to.deep.equal([`signups/${record.id}`]);
    expect(state.posts).to.equal(1);
    second.frame.remove();
  });

  it('never sends one entry twice at the same time, however many flushes race', async () => {
    const box = new Outbox(`outbox-race-${Math.random()}`);
    await sink('down');
    await box.add(resolveAdapter(sinkSource()), 'signups', signup());
    await sink('up');
    await Promise.all([box.flush(), box.flush(), box.flush(), box.flush()]);
    const state = await sink();
    expect(state.ids).to.have.length(1);
    expect(state.posts).to.equal(1);
  });

  it('keeps a write the server refuses, marked failed with the reason, and does not retry it by itself', async () => {
    const box = new Outbox(`outbox-refused-${Math.random()}`);
    const refused = { ...signup(), email: 'reject@example.org' };
    const outcome = await box.add(resolveAdapter(sinkSource()), 'signups', refused);
    expect(outcome.status).to.equal('failed');
    expect(outcome.message).to.contain('refused by the test sink');
    const [kept] = (await box.list()) as [OutboxEntry];
    expect(kept.state).to.equal('failed');
    await box.flush();
    expect((await sink()).posts).to.equal(1);
  });

  it('waits longer after each failure, with jitter, up to five minutes', () => {
    expect(backoff(1, () => 0)).to.equal(1000);
    expect(backoff(1, () => 1)).to.equal(2000);
    expect(backoff(3, () => 1)).to.equal(8000);
    expect(backoff(30, () => 1)).to.equal(300_000);
  });
});

describe('the outbox while offline', () => {
  it('waits for the network instead of trying again and again', async () => {
    const box = new Outbox(`outbox-quiet-${Math.random()}`);
    await sink('down');
    await box.add(resolveAdapter(sinkSource()), 'signups', signup());
    let reads = 0;
    const list = box.list.bind(box);
    box.list = (...args) => ((reads += 1), list(...args));
    const onLine = Object.getOwnPropertyDescriptor(Navigator.prototype, 'onLine')!;
    Object.defineProperty(Navigator.prototype, 'onLine', { configurable: true, get: () => false });
    try {
      await box.flush();
      await new Promise((r) => setTimeout(r, 500));
    } finally {
      Object.defineProperty(Navigator.prototype, 'onLine', onLine);
    }
    expect(reads).to.be.below(3);
    await sink('up');
  });
});

describe('the outbox after a refusal', () => {
  beforeEach(() => sink('reset'));

  it('sends the corrected record when a refused one is sent again under the same id', async () => {
    const box = new Outbox(`outbox-corrected-${Math.random()}`);
    const record = { ...signup(), email: 'reject@example.org' };
    expect((await box.add(resolveAdapter(sinkSource()), 'signups', record)).status).to.equal('failed');
    const corrected = { ...record, email: 'lea.corrected@example.org' };
    expect((await box.add(resolveAdapter(sinkSource()), 'signups', corrected)).status).to.equal('sent');
    expect(await box.list()).to.deep.equal([]);
    expect((await sink()).ids).to.deep.equal([`signups/${record.id}`]);
  });
});

describe('the outbox tells apart why a write waits', () => {
  beforeEach(() => sink('reset'));

  for (const status of [403, 404, 502]) {
    it(`keeps a write answered ${status} (a proxy, a renamed survey, a fault) and sends it once the source takes it`, async () => {
      const box = new Outbox(`outbox-${status}-${Math.random()}`);
      await sink('answer', status);
      const record = signup();
      const outcome = await box.add(resolveAdapter(sinkSource()), 'signups', record);
      expect([outcome.status, outcome.problem]).to.deep.equal(['queued', 'unreachable']);
      const [waiting] = await box.list();
      expect(waiting!.state, 'not given up').to.equal('pending');
      expect(waiting!.nextAt).to.be.above(Date.now());
      await sink('up');
      await box.retry(record.id);
      expect((await sink()).ids).to.deep.equal([`signups/${record.id}`]);
    });
  }

  it('says when the source answers but does not allow this site (CORS), tells the webmaster the fix, and keeps the write', async () => {
    const box = new Outbox(`outbox-cors-${Math.random()}`);
    const elsewhere = `http://127.0.0.1:${location.port}/__sink/`;
    expect(location.hostname, 'the test page must be on localhost for 127.0.0.1 to be another origin').to.equal('localhost');
    const said = await warnings(async () => {
      const outcome = await box.add(resolveAdapter(elsewhere), 'signups', signup());
      expect([outcome.status, outcome.problem]).to.deep.equal(['queued', 'blocked']);
    });
    expect(said.join('\n')).to.contain(`archipel-server --cors ${location.origin}`);
    const [waiting] = await box.list();
    expect([waiting!.state, waiting!.problem]).to.deep.equal(['pending', 'blocked']);
  });

  it('forgets a refused write when the person discards it', async () => {
    const box = new Outbox(`outbox-discard-${Math.random()}`);
    const record = { ...signup(), email: 'reject@example.org' };
    const outcome = await box.add(resolveAdapter(sinkSource()), 'signups', record);
    expect([outcome.status, outcome.problem]).to.deep.equal(['failed', 'refused']);
    await box.discard(record.id);
    expect(await box.list()).to.deep.equal([]);
  });
});

describe('writes kept on this device', () => {
  beforeEach(() => sink('reset'));

  // A survey answer or a story queued yesterday is sent today from a page with only a map or a wall on it.
  const kept = {
    'a sign-up': () => ['signups', signup()] as const,
    'a survey answer': () => ['responses', { id: `resp${Date.now()}${n++}`, survey: 'pret', answers: { role: 'nouveau' }, created: new Date().toISOString() }] as const,
    'a story for the wall': () => ['posts', { id: `post${Date.now()}${n++}`, author: 'Ana', text: 'Notre marche', consent: { purpose: 'publish', version: '2026-11', at: new Date().toISOString() }, created: new Date().toISOString() }] as const,
  };
  for (const [what, make] of Object.entries(kept)) {
    it(`are sent by any Archipel page, even one without a form: ${what}`, async () => {
      await new Promise((done) => (indexedDB.deleteDatabase('archipel-outbox').onsuccess = done));
      await sink('down');
      const writer = await openPage();
      const [collection, record] = make();
      expect((await writer.api.box.add(writer.api.resolveAdapter(sinkSource()), collection, record)).status).to.equal('queued');
      writer.frame.remove();
      expect(localStorage.getItem('archipel-outbox-waiting'), 'the page knows writes wait').to.equal('1');

      await sink('up');
      const reader = document.createElement('iframe');
      reader.src = new URL('./fixtures/reader-page.html', import.meta.url).href;
      document.body.append(reader);
      await waitUntil(async () => (await sink()).ids.includes(`${collection}/${record.id}`), 'a page with only a reading widget did not send the kept write', { timeout: 8000 });
      await waitUntil(() => localStorage.getItem('archipel-outbox-waiting') === null, 'the flag stayed once nothing waited');
      reader.remove();
    });
  }
});
