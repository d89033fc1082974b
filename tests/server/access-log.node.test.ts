/** Every staff read of personal data and every export is logged (who, when, what, how many); campaign staff read the log. */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { readyStorage } from '../../packages/server/src/index.ts';
import { freshDatabase, startTestServer, testDatabase, type TestServer } from './support.ts';

interface Entry {
  at: string;
  who: string;
  chapter: string | null;
  action: string;
  what: string;
  count: number;
}

describe(`the access log (${testDatabase()})`, () => {
  let s: TestServer;
  let lyon: string;
  before(async () => {
    s = await startTestServer();
    lyon = await s.store.createToken('Amina (Lyon)', { chapter: 'lyon' });
  });
  after(() => s.close());

  const as = (token: string, path: string) => fetch(`${s.url}/api${path}`, { headers: { authorization: `Bearer ${token}` } });
  const log = async () => ((await (await as(s.token, '/access-log')).json()) as { items: Entry[] }).items;

  it('says who read or exported what, when, and how many records', async () => {
    const started = new Date().toISOString();
    assert.equal((await as(s.token, '/responses?survey=pret')).status, 200);
    assert.equal((await as(s.token, '/responses?format=csv')).status, 200);
    assert.equal((await as(lyon, '/responses')).status, 200);
    assert.equal((await as(lyon, '/surveys/pret/results')).status, 200);
    const entries = await log();
    assert.deepEqual(
      entries.map(({ who, chapter, action, what, count }) => ({ who, chapter, action, what, count })),
      [
        { who: 'test staff', chapter: null, action: 'read', what: 'responses (survey pret)', count: 4 },
        { who: 'test staff', chapter: null, action: 'export', what: 'responses', count: 4 },
        { who: 'Amina (Lyon)', chapter: 'lyon', action: 'read', what: 'responses (chapter lyon)', count: 2 },
        { who: 'Amina (Lyon)', chapter: 'lyon', action: 'read', what: 'results of survey pret (chapter lyon)', count: 2 },
      ],
    );
    for (const e of entries) assert.ok(e.at >= started && e.at <= new Date().toISOString(), e.at);
  });

  it('is not logged for public reads, and holds no token', async () => {
    const before = (await log()).length;
    await fetch(`${s.url}/api/actions`);
    await fetch(`${s.url}/api/surveys/public/results`);
    assert.equal((await log()).length, before);
    const text = JSON.stringify(await s.store.query('SELECT * FROM access_log'));
    assert.ok(!text.includes(s.token) && !text.includes(lyon));
  });

  it('is for campaign staff: a chapter lead and a stranger are refused', async () => {
    assert.equal((await as(lyon, '/access-log')).status, 403);
    assert.equal((await fetch(`${s.url}/api/access-log`)).status, 401);
  });

  it('is printed by archipel-server access-log', async () => {
    const fresh = testDatabase() === 'sqlite' ? { db: join(mkdtempSync(join(process.env.TMPDIR ?? '/tmp', 'archipel-log-')), 'campaign.db'), drop: async () => {} } : freshDatabase();
    const store = await readyStorage(fresh.db);
    await store.logAccess({ name: 'Léa', chapter: null }, 'export', 'signups', 12);
    await store.close();
    const out = execFileSync(process.execPath, ['--import', 'tsx', 'packages/server/src/cli.ts', 'access-log', '--db', fresh.db], { encoding: 'utf8' });
    await fresh.drop();
    assert.match(out, /^\d{4}-\d\d-\d\dT\S+\tLéa\texport\tsignups\t12 records$/m);
  });
});
