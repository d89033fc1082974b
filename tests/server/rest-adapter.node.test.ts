import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createApp, importRecords } from '../../packages/server/src/index.ts';
import { RestAdapter } from '../../packages/core/src/adapters/rest.ts';
import { AdapterError } from '../../packages/core/src/errors.ts';
import { parseCollection } from '../../packages/core/src/parse.ts';
import { readers } from '../../packages/core/src/collections.ts';
import { seed, signup, consent, clientId, freshDatabase } from './support.ts';

/** The real app, listening on loopback, recording every status it answers. */
const statuses: number[] = [];
let base = '';
let token = '';
let app: ReturnType<typeof createApp>;

before(async () => {
  const fresh = freshDatabase();
  app = createApp({ db: fresh.db, writesPerMinute: 0, logLevel: 'warn' });
  app.addHook('onClose', fresh.drop);
  app.addHook('onResponse', async (_request, reply) => {
    statuses.push(reply.statusCode);
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  await importRecords(app.store, seed);
  token = await app.store.createToken('adapter tests');
  base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}/api`;
});
after(() => app.close());

const adapter = () => new RestAdapter(base);
const meta = { hp: '', elapsed: 5000 };

describe('reading through the REST adapter', () => {
  it('reads each public collection, already filtered by the server', async () => {
    for (const c of ['actions', 'chapters', 'posts', 'surveys'] as const) {
      const res = await adapter().list(c);
      assert.equal(res.filtered, true);
      const parsed = parseCollection(c, readers[c] as never, res.rows);
      assert.equal(parsed.skipped.length, 0, c);
      assert.ok(parsed.items.length > 0, c);
    }
    const lyon = await adapter().list('actions', { chapter: 'lyon' });
    assert.deepEqual(lyon.rows.map((r) => (r as { id: string }).id), ['a1', 'a3']);
  });

  it('follows every page of a large collection', async () => {
    const many = Array.from({ length: 2500 }, (_, i) => ({ id: `bulk-${i}`, title: `Action ${i}`, start: '2027-01-01T10:00', timezone: 'UTC' }));
    await app.store.upsert('actions', parseCollection('actions', readers.actions, many).items as never);
    const res = await adapter().list('actions');
    const ids = res.rows.map((r) => (r as { id: string }).id);
    assert.equal(ids.length, 2503);
    assert.equal(new Set(ids).size, ids.length);
  });

  it('revalidates with ETag: the second read of the same list is a 304', async () => {
    const a = adapter();
    statuses.length = 0;
    const first = await a.list('chapters');
    const second = await a.list('chapters');
    assert.deepEqual(statuses, [200, 304]);
    assert.deepEqual(second.rows, first.rows);
  });

  it('gives up on an unreachable server after retries, as a network failure the outbox can retry', async () => {
    const started = Date.now();
    const e = await new RestAdapter('http://127.0.0.1:9/api').list('actions').catch((err: unknown) => err);
    assert.ok(e instanceof AdapterError);
    assert.equal(e.kind, 'network');
    assert.equal(e.retryable, true);
    assert.ok(Date.now() - started >= 1200, 'waited between three attempts');
  });

  it('says when the address is not an Archipel API', async () => {
    const e = await new RestAdapter(`${base}/openapi.yaml?`).list('actions').catch((err: unknown) => err);
    assert.ok(e instanceof AdapterError);
    assert.equal(e.kind, 'config');
    assert.match(e.message, /did not answer JSON/);
  });
});

describe('writing through the REST adapter', () => {
  it('submits sign-ups, posts and survey responses, answering alike when repeated', async () => {
    const a = adapter();
    const s = signup();
    const first = await a.submit('signups', s, meta);
    assert.deepEqual({ ...first, secret: undefined }, { id: s.id, status: 'stored', secret: undefined });
    // The private link's secret: unguessable, not the share code, the same for a repeat.
    assert.match(first.secret!, /^me_[\w-]{43}$/);
    assert.deepEqual(await a.submit('signups', s, meta), first);
    const p = { id: clientId('post'), author: 'Inès', text: 'Première action !', consent: consent()[0], created: new Date().toISOString() };
    assert.deepEqual(await a.submit('posts', p, meta), { id: p.id, status: 'pending' });
    const r = { id: clientId('resp'), survey: 'pret', answers: { role: 'nouveau' }, created: new Date().toISOString() };
    const answered = await a.submit('responses', r, meta);
    assert.equal(answered.id, r.id);
    assert.match(answered.secret!, /^me_/);
    assert.notEqual(answered.secret, first.secret);
  });

  it('turns refusals into errors that say what to fix and must not be retried', async () => {
    const e = await adapter().submit('signups', signup({ consent: [] }), meta).catch((err: unknown) => err);
    assert.ok(e instanceof AdapterError);
    assert.equal(e.kind, 'rejected');
    assert.equal(e.retryable, false);
    assert.match(e.message, /consent: is missing/);
    const spam = await adapter().submit('signups', signup(), { hp: 'bot', elapsed: 9000 }).catch((err: unknown) => err);
    assert.match((spam as Error).message, /looks automated|hidden from people/);
  });
});

describe('staff work through the REST adapter', () => {
  it('reads sign-ups with a token and refuses without one', async () => {
    const e = await adapter().list('signups').catch((err: unknown) => err);
    assert.equal((e as AdapterError).kind, 'unauthorized');
    const res = await adapter().list('signups', {}, { token });
    assert.ok(res.rows.length >= 1);
  });

  it('moderates the queue and exports CSV', async () => {
    const a = adapter();
    const queue = await a.moderationQueue({ token });
    assert.ok(queue.rows.some((p) => (p as { id: string }).id === 'p2'));
    const approved = (await a.moderate('p2', 'approve', { token })) as { status: string };
    assert.equal(approved.status, 'approved');
    const csv = await a.exportCsv('signups', { token });
    assert.match(csv, /^id,created,name,email/, "fetch drops the BOM when decoding");
  });

  it('reads survey results', async () => {
    const r = (await adapter().results('pret', { chapter: 'lyon', to: '2026-11-21T00:00:00Z' }, { token })) as { total: number };
    assert.equal(r.total, 2);
  });
});
