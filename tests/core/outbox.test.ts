import { expect, waitUntil } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { Outbox, backoff, outbox, type OutboxEntry } from '../../packages/core/src/outbox.ts';
import { registerAdapter, resolveAdapter } from '../../packages/core/src/adapter.ts';
import { sinkKind, sinkSource } from '../support/sink-adapter.ts';

registerAdapter(sinkKind);

interface SinkState {
  down: boolean;
  posts: number;
  ids: string[];
}
const sink = (action?: 'down' | 'up' | 'reset') => executeServerCommand<SinkState, { action?: string }>('sink', { action });

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
