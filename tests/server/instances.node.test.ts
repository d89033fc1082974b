/**
 * Several server instances on one database: what one instance learns (a write, a moderation, a token, a
 * client's writes against the rate limit) the others know at once. On PostgreSQL, two instances in one
 * fresh schema; on SQLite, a server and an import made by another process on the same file.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importRecords, SqliteStorage } from '../../packages/server/src/index.ts';
import { consent, freshDatabase, meta, post, postgresUnavailable, signup, startTestServer, useDatabase, clientId, type TestServer } from './support.ts';

const unavailable = await postgresUnavailable();
const required = process.env.ARCHIPEL_REQUIRE_POSTGRES === '1';

type Page = { items: { id: string }[]; removed?: string[] };
const read = async (server: TestServer, path: string) => {
  const res = await fetch(`${server.url}/api${path}`);
  return { etag: res.headers.get('etag'), body: (await res.json()) as Page };
};

/** Polls until `check` passes: a notice between instances takes a few milliseconds. */
async function eventually(check: () => Promise<void>, ms = 3000) {
  const end = Date.now() + ms;
  for (;;) {
    try {
      return await check();
    } catch (err) {
      if (Date.now() > end) throw err;
      await new Promise((r) => setTimeout(r, 25));
    }
  }
}

describe('two instances on one PostgreSQL', { skip: !required && unavailable }, () => {
  let a: TestServer;
  let b: TestServer;
  let drop: () => Promise<void>;
  before(async () => {
    if (unavailable) assert.fail(unavailable);
    useDatabase('postgres');
    const fresh = freshDatabase();
    drop = fresh.drop;
    // Each test writes as a client address of its own (X-Forwarded-For, as from a load balancer).
    a = await startTestServer({ db: fresh.db, writesPerMinute: 3, trustProxy: true });
    // The same schema: its migrations are already there, and the seed is imported again unchanged.
    b = await startTestServer({ db: fresh.db, writesPerMinute: 3, trustProxy: true }, { staff: 'second instance staff' });
    useDatabase('sqlite');
  });
  after(async () => {
    await a?.close();
    await b?.close();
    await drop?.();
  });

  it('hold the rate limit together: 3 writes a minute through either, not 3 through each', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await post((i % 2 ? b : a).url, '/signups', { ...signup(), _meta: meta }, { 'x-forwarded-for': '10.0.0.1' })).status);
    assert.deepEqual(statuses, [201, 201, 201, 429, 429, 429]);
  });

  it('show on one instance’s wall a post approved through the other, even one it had prepared', async () => {
    const first = await read(b, '/posts');
    assert.deepEqual(first.body.items.map((p) => p.id), ['p1']);
    assert.equal((await read(b, '/posts')).etag, first.etag, 'the same answer, prepared once');
    // Just before the change, and over a second after the seed's import: `since` may compare whole seconds.
    await new Promise((r) => setTimeout(r, 1100));
    const since = new Date().toISOString();
    await new Promise((r) => setTimeout(r, 5));
    const approve = await fetch(`${a.url}/api/posts/p2`, { method: 'PATCH', headers: { authorization: `Bearer ${a.token}`, 'content-type': 'application/json' }, body: '{"action":"approve"}' });
    assert.equal(approve.status, 200);
    await eventually(async () => assert.deepEqual((await read(b, '/posts')).body.items.map((p) => p.id), ['p1', 'p2']));
    assert.deepEqual((await read(b, `/posts?since=${since}`)).body.items.map((p) => p.id), ['p2']);
    await fetch(`${b.url}/api/posts/p2`, { method: 'PATCH', headers: { authorization: `Bearer ${b.token}`, 'content-type': 'application/json' }, body: '{"action":"hide"}' });
    await eventually(async () => assert.deepEqual((await read(a, '/posts')).body.items.map((p) => p.id), ['p1']));
  });

  it('store a write repeated through the other instance once, with the first answer', async () => {
    const record = { id: clientId('post'), author: 'Ana', text: 'Twice', consent: consent()[0], created: new Date().toISOString(), _meta: meta };
    const client = { 'x-forwarded-for': '10.0.0.2' };
    const answers = await Promise.all([post(a.url, '/posts', record, client), post(b.url, '/posts', record, client)]);
    assert.deepEqual(answers.map((r) => r.status), [201, 201]);
    for (const r of answers) assert.deepEqual(await r.json(), { id: record.id, status: 'pending' });
    const rows = (await a.store.list('posts', { limit: 1000, status: ['pending'] })).filter((r) => r.id === record.id);
    assert.equal(rows.length, 1);
  });

  it('accept a staff token made through either, and refuse it on both once revoked', async () => {
    const token = await a.store.createToken('shared');
    const signups = (server: TestServer) => fetch(`${server.url}/api/signups`, { headers: { authorization: `Bearer ${token}` } }).then((r) => r.status);
    assert.deepEqual([await signups(a), await signups(b)], [200, 200]);
    await b.store.revokeToken('shared');
    assert.deepEqual([await signups(a), await signups(b)], [401, 401]);
  });
});

describe('an SQLite file changed by another process', () => {
  it('serves an import made while it runs, rather than the answer it had prepared', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'archipel-')), 'campaign.db');
    const server = await startTestServer({ db: file });
    const other = new SqliteStorage(file);
    try {
      const before = await read(server, '/actions');
      await importRecords(other, { actions: [{ id: 'late', title: 'Imported later', start: '2026-12-20T10:00', timezone: 'Europe/Paris' }] });
      const after = await read(server, '/actions');
      assert.notEqual(after.etag, before.etag);
      assert.deepEqual(after.body.items.map((a) => a.id), [...before.body.items.map((a) => a.id), 'late']);
    } finally {
      await other.close();
      await server.close();
    }
  });
});
