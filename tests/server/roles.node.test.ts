/**
 * Who may read what: campaign staff read everything; a chapter's lead reads and moderates their chapter only.
 * Tokens are one a person, stored hashed, expire, can be revoked, and are never read from a URL.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { openDb, Store } from '../../packages/server/src/index.ts';
import { clientId, consent, meta, post, signup, startTestServer, type TestServer, sqliteOf } from './support.ts';

let s: TestServer;
let lyon: string;
const ids = { lyonSignup: '', nantesSignup: '', lyonPost: '', nantesPost: '' };

before(async () => {
  s = await startTestServer();
  lyon = sqliteOf(s).createToken('Amina (Lyon)', { chapter: 'lyon' });
  for (const chapter of ['lyon', 'nantes']) {
    const record = signup({ chapter, email: `${chapter}.person@example.org` });
    assert.equal((await post(s.url, '/signups', { ...record, _meta: meta })).status, 201);
    ids[`${chapter}Signup` as 'lyonSignup'] = record.id;
    const story = { id: clientId('post'), author: `Author ${chapter}`, text: 'Story', chapter, created: new Date().toISOString(), consent: consent()[0], _meta: meta };
    assert.equal((await post(s.url, '/posts', story)).status, 201);
    ids[`${chapter}Post` as 'lyonPost'] = story.id;
  }
});
after(() => s.close());

const as = (token: string, path: string, init: RequestInit = {}) => fetch(`${s.url}/api${path}`, { ...init, headers: { authorization: `Bearer ${token}`, ...(init.headers as object) } });
const items = async (res: Response) => ((await res.json()) as { items: { id: string; chapter?: string }[] }).items;

describe('a chapter lead', () => {
  it('reads their chapter’s sign-ups and nothing of another chapter, in JSON and in exports', async () => {
    const mine = await items(await as(lyon, '/signups'));
    assert.deepEqual(mine.map((i) => i.id), [ids.lyonSignup]);
    const other = await as(lyon, '/signups?chapter=nantes');
    assert.equal(other.status, 403);
    assert.match(((await other.json()) as { detail: string }).detail, /for the chapter "lyon"/);
    const csv = await (await as(lyon, '/signups?format=csv')).text();
    assert.match(csv, /lyon\.person@example\.org/);
    assert.doesNotMatch(csv, /nantes\.person@example\.org/);
  });

  it('reads their chapter’s survey responses and results only', async () => {
    const responses = await items(await as(lyon, '/responses?survey=pret'));
    assert.deepEqual([...new Set(responses.map((r) => r.chapter))], ['lyon']);
    assert.equal(responses.length, 2);
    const results = (await (await as(lyon, '/surveys/pret/results')).json()) as { total: number };
    assert.equal(results.total, 2);
    assert.equal((await as(lyon, '/surveys/pret/results?chapter=nantes')).status, 403);
  });

  it('moderates their chapter’s posts only, and cannot block an author', async () => {
    assert.deepEqual((await items(await as(lyon, '/moderation'))).map((p) => p.id), [ids.lyonPost]);
    const patch = (id: string, action: string) => as(lyon, `/posts/${id}`, { method: 'PATCH', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ action }) });
    assert.equal((await patch(ids.lyonPost, 'approve')).status, 200);
    assert.equal((await patch(ids.nantesPost, 'approve')).status, 403);
    assert.equal(JSON.parse(sqliteOf(s).get('posts', ids.nantesPost)!.data).status, 'pending');
    assert.equal((await patch(ids.lyonPost, 'block-author')).status, 403);
  });
});

describe('campaign staff', () => {
  it('read every chapter', async () => {
    const all = (await items(await as(s.token, '/signups'))).map((i) => i.id);
    assert.ok(all.includes(ids.lyonSignup) && all.includes(ids.nantesSignup));
    assert.equal((await as(s.token, '/signups?chapter=nantes')).status, 200);
  });
});

describe('tokens', () => {
  it('are stored hashed, one a person', () => {
    const rows = sqliteOf(s).db.prepare('SELECT * FROM tokens').all() as Record<string, unknown>[];
    assert.ok(!JSON.stringify(rows).includes(lyon.slice(5)));
    assert.throws(() => sqliteOf(s).createToken('Amina (Lyon)'), /exists already/);
  });

  it('stop working once expired or revoked', async () => {
    const short = sqliteOf(s).createToken('Short-lived', { days: 1 });
    assert.equal((await as(short, '/signups')).status, 200);
    sqliteOf(s).db.prepare("UPDATE tokens SET expires = '2000-01-01T00:00:00.000Z' WHERE name = 'Short-lived'").run();
    const expired = await as(short, '/signups');
    assert.equal(expired.status, 401);
    assert.match(((await expired.json()) as { detail: string }).detail, /expired or revoked/);
    const revocable = sqliteOf(s).createToken('Revocable');
    assert.ok(sqliteOf(s).revokeToken('Revocable'));
    assert.equal((await as(revocable, '/signups')).status, 401);
  });

  it('are never read from the address', async () => {
    for (const q of ['token', 'access_token', 'auth', 'key']) {
      const res = await fetch(`${s.url}/api/signups?${q}=${encodeURIComponent(s.token)}`);
      assert.equal(res.status, 401, q);
    }
  });

  it('are made, listed and revoked on the command line, with a chapter and a lifetime', () => {
    const db = join(mkdtempSync(join(process.env.TMPDIR ?? '/tmp', 'archipel-tokens-')), 'campaign.db');
    const cli = (...args: string[]) => execFileSync(process.execPath, ['--import', 'tsx', 'packages/server/src/cli.ts', ...args, '--db', db], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    const token = cli('token', 'create', '--name', 'Amina', '--chapter', 'lyon', '--expires', '30d').trim();
    assert.match(token, /^arch_[\w-]{43}$/);
    const store = new Store(openDb(db));
    const member = store.checkToken(token);
    assert.deepEqual({ ...member }, { name: 'Amina', chapter: 'lyon' });
    const listed = cli('token', 'list');
    assert.match(listed, /^Amina\tchapter lyon\tcreated \S+\texpires \S+$/m);
    const expires = Date.parse(/expires (\S+)/.exec(listed)![1]!);
    assert.ok(Math.abs(expires - Date.now() - 30 * 86_400_000) < 60_000);
    assert.throws(() => cli('token', 'create', '--name', 'Bob', '--expires', '1000d'), /1 to 400/);
    assert.match(cli('token', 'revoke', '--name', 'Amina'), /revoked/);
    assert.equal(store.checkToken(token), undefined);
    store.db.close();
  });
});
