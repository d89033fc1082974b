/**
 * Running the server: its metrics, backups and restores of both databases, and moving a campaign from SQLite
 * to PostgreSQL with `archipel-server migrate`. PostgreSQL parts are skipped, saying why, when none answers
 * (a failure with ARCHIPEL_REQUIRE_POSTGRES=1).
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { ensureBuilt } from '../../packages/server/build.mjs';
import { importRecords, readyStorage } from '../../packages/server/src/index.ts';
import { freshDatabase, meta, post, postgresUnavailable, seed, signup, startTestServer, useDatabase, POSTGRES_URL, type TestServer } from './support.ts';

const unavailable = await postgresUnavailable();
const skipPostgres = process.env.ARCHIPEL_REQUIRE_POSTGRES !== '1' && unavailable;
const folder = () => mkdtempSync(join(tmpdir(), 'archipel-ops-'));
const psql = (args: string[]) => execFileSync(args[0]!, ['-h', '127.0.0.1', '-U', 'postgres', ...args.slice(1)], { encoding: 'utf8' });

/** What a campaign holds, read through the API: public lists, and what staff see. */
async function holdings(server: TestServer, token: string) {
  const read = async (path: string, auth = false) => (await fetch(`${server.url}/api${path}`, { headers: auth ? { authorization: `Bearer ${token}` } : {} })).json();
  return { actions: await read('/actions'), posts: await read('/posts'), signups: await read('/signups', true), moderation: await read('/moderation?status=pending,approved,hidden', true) };
}

/** A campaign in an SQLite file: the seed, a sign-up, a moderated post, a staff token. */
async function campaignFile() {
  const file = join(folder(), 'campaign.db');
  const store = await readyStorage(file);
  await importRecords(store, seed);
  await store.insertOnce('signups', { id: 'moved-signup' }, {}, { id: 'moved-signup', status: 'stored' });
  await store.moderate('p2', { status: 'approved', pinned: true });
  const token = await store.createToken('mover');
  await store.close();
  return { file, token };
}

describe('metrics', () => {
  it('counts requests, writes, refusals by reason and exports, without anything personal, only with --metrics', async () => {
    const s = await startTestServer({ metrics: true, writesPerMinute: 4 });
    const quiet = await startTestServer();
    try {
      const record = signup();
      await post(s.url, '/signups', { ...record, _meta: meta });
      await post(s.url, '/signups', { ...record, _meta: meta });
      await post(s.url, '/signups', { ...signup(), _meta: { hp: 'bot', elapsed: 9000 } });
      await post(s.url, '/signups', { ...signup({ consent: [] }), _meta: meta });
      await post(s.url, '/signups', { ...signup(), _meta: meta });
      await fetch(`${s.url}/api/signups?format=csv`, { headers: { authorization: `Bearer ${s.token}` } });
      const res = await fetch(`${s.url}/metrics`);
      assert.equal(res.status, 200);
      assert.match(res.headers.get('content-type')!, /^text\/plain; version=0\.0\.4/);
      const text = await res.text();
      for (const line of [
        'archipel_writes_total{collection="signups",stored="true"} 1',
        'archipel_writes_total{collection="signups",stored="false"} 1',
        'archipel_refusals_total{collection="signups",reason="spam"} 1',
        'archipel_refusals_total{collection="signups",reason="invalid"} 1',
        'archipel_refusals_total{collection="signups",reason="rate_limit"} 1',
        'archipel_exports_total{collection="signups"} 1',
        'archipel_requests_total{method="POST",route="/api/signups",status="201"} 2',
      ]) {
        assert.ok(text.includes(line), `missing: ${line}\n${text}`);
      }
      assert.doesNotMatch(text, /@|lea|Bearer|arch_/i, 'nothing personal, no token');
      assert.equal((await fetch(`${quiet.url}/metrics`)).status, 404);
    } finally {
      await s.close();
      await quiet.close();
    }
  });
});

describe('stopping', () => {
  it('answers the writes under way on SIGTERM, stores every one it acknowledged, and exits 0', async () => {
    const cli = await ensureBuilt();
    const file = join(folder(), 'campaign.db');
    const env = { ...process.env };
    delete env.NODE_OPTIONS;
    const child = spawn(process.execPath, [cli, '--db', file, '--port', '0', '--writes-per-minute', '0', '--log-level', 'warn'], { env, stdio: ['ignore', 'pipe', 'inherit'] });
    const url = await new Promise<string>((resolve) => child.stdout!.on('data', (d: Buffer) => /on (http:\S+)\/api/.exec(String(d)) && resolve(/on (http:\S+)\/api/.exec(String(d))![1]!)));
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    let first!: () => void;
    const firstAnswer = new Promise<void>((r) => (first = r));
    const records = Array.from({ length: 60 }, () => signup());
    const answers = records.map((r) =>
      post(url, '/signups', { ...r, _meta: meta }).then(
        (res) => (first(), res.status),
        (err: Error & { cause?: { code?: string } }) => err.cause?.code ?? err.message,
      ),
    );
    await firstAnswer;
    child.kill('SIGTERM');
    const statuses = await Promise.all(answers);
    assert.equal(await exited, 0);
    // A request the server had not started reading may be refused or reset (the outbox sends it again, with the same
    // id); none that it started gets an error.
    for (const s of statuses) assert.ok(s === 201 || s === 'ECONNREFUSED' || s === 'ECONNRESET', `answered ${String(s)}`);
    const store = await readyStorage(file);
    const stored = new Set((await store.list('signups', { limit: 1000 })).map((r) => r.id));
    await store.close();
    records.forEach((r, i) => statuses[i] === 201 && assert.ok(stored.has(r.id), `${r.id} acknowledged but not stored`));
    assert.ok(statuses.filter((s) => s === 201).length > 1);
  });
});

describe('backups', () => {
  it('restores an SQLite file copied with .backup while the server ran', async () => {
    const { file, token } = await campaignFile();
    const running = await startTestServer({ db: file });
    const backup = join(folder(), 'backup.db');
    execFileSync('sqlite3', [file, `.backup ${backup}`]);
    await post(running.url, '/signups', { ...signup({ id: 'after-the-backup' }), _meta: meta });
    const before = await holdings(running, token);
    await running.close();
    const restored = await startTestServer({ db: backup }, { staff: 'restored staff' });
    try {
      const after = await holdings(restored, token);
      assert.deepEqual(after.actions, before.actions);
      assert.deepEqual(after.posts, before.posts);
      const ids = (after.signups as { items: { id: string }[] }).items.map((s) => s.id);
      assert.ok(ids.includes('moved-signup'));
      assert.ok(!ids.includes('after-the-backup'), 'the backup is of its moment');
    } finally {
      await restored.close();
    }
  });

  it('restores a pg_dump of a campaign into a new database', { skip: skipPostgres }, async (t) => {
    if (unavailable) assert.fail(unavailable);
    useDatabase('postgres');
    const fresh = freshDatabase();
    useDatabase('sqlite');
    t.after(fresh.drop);
    const schema = new URL(fresh.db).searchParams.get('schema')!;
    const store = await readyStorage(fresh.db);
    await importRecords(store, seed);
    await store.moderate('p2', { status: 'approved' });
    const token = await store.createToken('restorer');
    await store.close();
    const original = await startTestServer({ db: fresh.db });
    const before = await holdings(original, token);
    await original.close();

    const dump = join(folder(), 'campaign.sql');
    psql(['pg_dump', '--no-owner', '-n', schema, '-f', dump, new URL(POSTGRES_URL).pathname.slice(1)]);
    const database = `archipel_restore_${schema.slice(-8)}`;
    psql(['createdb', database]);
    t.after(() => void psql(['dropdb', '--if-exists', database]));
    psql(['psql', '-q', '-v', 'ON_ERROR_STOP=1', '-d', database, '-f', dump]);
    const restoredUrl = new URL(POSTGRES_URL);
    restoredUrl.pathname = `/${database}`;
    restoredUrl.searchParams.set('schema', schema);
    const restored = await startTestServer({ db: restoredUrl.href }, { staff: 'restored staff' });
    try {
      assert.deepEqual(await holdings(restored, token), before);
    } finally {
      await restored.close();
    }
  });
});

describe('moving a campaign from SQLite to PostgreSQL', () => {
  it('moves records, receipts, moderation, order and tokens with archipel-server migrate', { skip: skipPostgres }, async (t) => {
    if (unavailable) assert.fail(unavailable);
    const { file, token } = await campaignFile();
    const sqlite = await startTestServer({ db: file });
    // A sign-up's receipt carries its private link, signed with the server's own key.
    const linked = { ...signup(), _meta: meta };
    const receipt = await (await post(sqlite.url, '/signups', linked)).json();
    // A moderation decision and an uploaded photo's record (#24) move too.
    await sqlite.store.logDecision({ name: 'Léa', chapter: null }, 'approve', { id: 'p2', chapter: null });
    const photo = { id: '0b7c9a52-4d1e-4f0a-9a44-3c2f1e6d8b10', post: 'p2', type: 'image/jpeg', width: 1600, height: 1067, bytes: 123456, created: '2026-11-20T10:00:00.000Z' };
    await sqlite.store.addPhoto(photo);
    // A chapter's logo is kept in the database (the files table): it moves with it.
    const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
    await sqlite.store.atomically([{ sql: 'INSERT INTO files (name, type, body, created) VALUES (?, ?, ?, ?)', params: ['logos/lyon-0123456789abcdef.png', 'image/png', png, '2026-11-20T10:00:00.000Z'] }]);
    const before = await holdings(sqlite, token);
    await sqlite.close();

    useDatabase('postgres');
    const fresh = freshDatabase();
    useDatabase('sqlite');
    t.after(fresh.drop);
    const out = execFileSync(process.execPath, ['--import', 'tsx', 'packages/server/src/cli.ts', 'migrate', '--from', `sqlite://${file}`, '--to', fresh.db], { encoding: 'utf8' });
    assert.match(out, /Moved 16 records, 2 staff tokens and 0 blocked authors/);

    const moved = await startTestServer({ db: fresh.db }, { staff: 'moved staff' });
    try {
      assert.deepEqual(await holdings(moved, token), before, 'the same answers, the old staff token included');
      assert.deepEqual(await moved.store.getPhoto(photo.id), photo);
      assert.deepEqual(Buffer.from(await (await fetch(`${moved.url}/uploads/logos/lyon-0123456789abcdef.png`)).arrayBuffer()), png);
      assert.deepEqual((await moved.store.moderationLog()).map((e) => [e.who, e.action, e.post]), [['Léa', 'approve', 'p2']]);
      // The same sign-up sent again gets the same receipt, private link included: the server's keys moved too.
      assert.deepEqual(await (await post(moved.url, '/signups', linked)).json(), receipt);
      // A sign-up sent again gets its first receipt; a new one is numbered after the records moved.
      assert.deepEqual(((await (await post(moved.url, '/signups', { ...signup({ id: 'moved-signup' }), _meta: meta })).json()) as { status: string }).status, 'stored');
      const fresh2 = signup();
      assert.equal((await post(moved.url, '/signups', { ...fresh2, _meta: meta })).status, 201);
      const rows = await moved.store.list('signups', { limit: 100 });
      assert.equal(rows.at(-1)!.id, fresh2.id);
      // Moving again into a database that holds records is refused, and changes nothing.
      assert.throws(() => execFileSync(process.execPath, ['--import', 'tsx', 'packages/server/src/cli.ts', 'migrate', '--from', `sqlite://${file}`, '--to', fresh.db], { stdio: 'pipe' }), /already holds records/);
    } finally {
      await moved.close();
    }
  });
});
