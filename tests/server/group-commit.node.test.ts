/**
 * Group commit: writes asked for at the same moment are stored in one commit, yet each is answered for itself,
 * only once it is stored, and one that fails fails alone. On SQLite and, when one answers, on PostgreSQL.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { SqliteStorage, type Storage } from '../../packages/server/src/index.ts';
import { mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { postgresUnavailable, signup, testStorage, useDatabase, type TestDatabase } from './support.ts';

const unavailable = await postgresUnavailable();
const databases: TestDatabase[] = unavailable ? ['sqlite'] : ['sqlite', 'postgres'];
if (unavailable && process.env.ARCHIPEL_REQUIRE_POSTGRES === '1') it('on PostgreSQL (required by ARCHIPEL_REQUIRE_POSTGRES=1)', () => assert.fail(unavailable));
const receipt = (id: string) => ({ id, status: 'stored' });

/**
 * How many commits stored these records: on PostgreSQL, the distinct transactions that wrote their rows (xmin);
 * on SQLite, a lower bound from the pages the write-ahead log received (each commit appends the pages it changed,
 * so 30 commits of one row each write far more than 30).
 */
async function commitsOf(store: Storage, ids: string[], write: () => Promise<unknown>): Promise<number> {
  if (store.kind === 'postgres') {
    await write();
    const [row] = await store.query<{ n: number }>('SELECT count(DISTINCT xmin::text)::int AS n FROM items WHERE collection = ? AND id = ANY(?)', ['signups', ids]);
    return row!.n;
  }
  const db = (store as SqliteStorage).db;
  db.pragma('wal_checkpoint(TRUNCATE)');
  await write();
  const [{ log }] = db.pragma('wal_checkpoint(PASSIVE)') as [{ log: number }];
  // A commit of one sign-up changes at least the table's page and each of its indexes' (six): pages / 6 commits at least.
  return Math.ceil(log / 6);
}

for (const database of databases) {
  describe(`writes at the same moment, on ${database}`, () => {
    let store: Storage;
    before(async () => {
      useDatabase(database);
      // SQLite in a file, so that its commits go through the write-ahead log as a campaign's do.
      store = database === 'sqlite' ? new SqliteStorage(join(mkdtempSync(join(process.env.TMPDIR ?? '/tmp', 'archipel-group-')), 'campaign.db')) : await testStorage();
    });
    after(async () => {
      await store.close();
      useDatabase('sqlite');
    });

    it('each get their own answer: stored, repeated, or in conflict, as one at a time would', async () => {
      const first = signup();
      await store.insertOnce('signups', first, { bodyHash: 'h-first' }, receipt(first.id));
      const fresh = Array.from({ length: 30 }, () => signup());
      const twice = signup();
      const answers = await Promise.all([
        ...fresh.map((s) => store.insertOnce('signups', s, { bodyHash: `h-${s.id}` }, receipt(s.id))),
        // The same id twice at once, with the same body: stored once, both answered with its receipt.
        store.insertOnce('signups', twice, { bodyHash: 'h-twice' }, receipt(twice.id)),
        store.insertOnce('signups', twice, { bodyHash: 'h-twice' }, receipt(twice.id)),
        // A retry of a stored record, and another body under a stored id.
        store.insertOnce('signups', first, { bodyHash: 'h-first' }, receipt(first.id)),
        store.insertOnce('signups', signup({ id: first.id, email: 'other@example.org' }), { bodyHash: 'h-other' }, receipt(first.id)),
      ]);
      const [retry, conflict] = answers.slice(-2);
      const pair = answers.slice(-4, -2);
      assert.deepEqual(answers.slice(0, 30).map((a) => [a.created, a.conflict]), fresh.map(() => [true, false]));
      assert.deepEqual(pair.map((a) => a.created).sort(), [false, true]);
      assert.deepEqual(pair.map((a) => JSON.parse(a.receipt)), [receipt(twice.id), receipt(twice.id)]);
      assert.deepEqual([retry!.created, retry!.conflict, JSON.parse(retry!.receipt)], [false, false, receipt(first.id)]);
      assert.deepEqual([conflict!.created, conflict!.conflict], [false, true]);
      for (const s of [...fresh, twice]) assert.equal(JSON.parse((await store.get('signups', s.id))!.data).id, s.id);
      assert.equal(JSON.parse((await store.get('signups', first.id))!.data).email, first.email);
    });

    it('are stored in one commit, not one each', async () => {
      const fresh = Array.from({ length: 30 }, () => signup());
      const commits = await commitsOf(store, fresh.map((s) => s.id), () => Promise.all(fresh.map((s) => store.insertOnce('signups', s, {}, receipt(s.id)))));
      assert.ok(commits < 10, `${commits} commits for 30 writes asked for at once`);
    });

    it('one that fails fails alone: the others are stored and answered', async () => {
      const good = Array.from({ length: 5 }, () => signup());
      // A record that cannot be written (JSON.stringify refuses a BigInt), among others that can.
      const bad = { ...signup(), count: 1n } as unknown as ReturnType<typeof signup>;
      const settled = await Promise.allSettled([...good.map((s) => store.insertOnce('signups', s, {}, receipt(s.id))), store.insertOnce('signups', bad, {}, receipt(bad.id))]);
      assert.deepEqual(settled.map((s) => s.status), ['fulfilled', 'fulfilled', 'fulfilled', 'fulfilled', 'fulfilled', 'rejected']);
      for (const s of good) assert.ok(await store.get('signups', s.id));
      assert.equal(await store.get('signups', bad.id), undefined);
    });
  });
}
