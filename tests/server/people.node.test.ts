/**
 * A person's rights: staff find, export, correct and erase one person by email or phone (API and command line);
 * a supporter sees and erases their own data through their private link; retention erases old data.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { importRecords, openStorage, startServer, type Row } from '../../packages/server/src/index.ts';
import { clientId, consent, freshDatabase, meta, post, seed, signup, startTestServer, testDatabase, testStorage, type TestServer } from './support.ts';

const LEA = { email: 'lea.person@example.org', phone: '+33 6 12 34 56 78', name: 'Léa Personne' };

/** Léa signed up twice, answered a survey with her contact, and leads a chapter. */
async function seedLea(s: TestServer) {
  const signups = [signup({ ...LEA, chapter: 'lyon', ref: 'sharecode1' }), signup({ email: 'LEA.PERSON@example.org', name: 'Léa P.' })];
  const secrets: string[] = [];
  for (const r of signups) {
    const res = await post(s.url, '/signups', { ...r, _meta: meta });
    secrets.push(((await res.json()) as { secret: string }).secret);
  }
  const response = { id: clientId('resp'), survey: 'pret', chapter: 'lyon', answers: { role: 'nouveau', more: 'Je peux aider le samedi' }, contact: { name: LEA.name, phone: '06.12.34.56.78', consent: consent()[0] }, created: new Date().toISOString(), _meta: meta };
  assert.equal((await post(s.url, '/surveys/pret/responses', response)).status, 201);
  await s.store.upsert('chapters', [{ ...seed.chapters[1]!, leaders: [{ name: LEA.name, role: 'coordinatrice', email: LEA.email }, { name: 'Marc', email: 'marc@example.org' }] }] as never);
  return { signups, response, secrets };
}

const staff = (s: TestServer, path: string, body: object, token = s.token) =>
  fetch(`${s.url}/api${path}`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });

describe(`staff and one person (${testDatabase()})`, () => {
  let s: TestServer;
  let lea: Awaited<ReturnType<typeof seedLea>>;
  before(async () => {
    s = await startTestServer();
    lea = await seedLea(s);
  });
  after(() => s.close());

  it('find her by email or by phone, however it was typed, across sign-ups, responses and leaders', async () => {
    const byEmail = (await (await staff(s, '/people/find', { email: 'Lea.Person@example.org' })).json()) as { signups: { id: string }[]; responses: unknown[]; leaders: { chapter: string }[] };
    assert.deepEqual(byEmail.signups.map((r) => r.id).sort(), lea.signups.map((r) => r.id).sort());
    assert.deepEqual(byEmail.leaders.map((l) => l.chapter), ['nantes']);
    const byPhone = (await (await staff(s, '/people/find', { phone: '0612345678' })).json()) as { signups: { id: string }[]; responses: { id: string }[] };
    assert.deepEqual(byPhone.signups.map((r) => r.id), [lea.signups[0]!.id]);
    assert.deepEqual(byPhone.responses.map((r) => r.id), [lea.response.id]);
  });

  it('export her data as JSON, correct it, and a chapter lead may not', async () => {
    const res = await staff(s, '/people/export', { email: LEA.email });
    assert.match(String(res.headers.get('content-disposition')), /attachment; filename="person\.json"/);
    assert.equal(((await res.json()) as { signups: unknown[] }).signups.length, 2);
    const fixed = (await (await staff(s, '/people/correct', { phone: LEA.phone, set: { name: 'Léa Personne-Martin' } })).json()) as { corrected: number };
    assert.equal(fixed.corrected, 2);
    assert.equal(JSON.parse((await s.store.get('signups', lea.signups[0]!.id))!.data).name, 'Léa Personne-Martin');
    const lead = await s.store.createToken('Amina', { chapter: 'lyon' });
    assert.equal((await staff(s, '/people/find', { email: LEA.email }, lead)).status, 403);
    assert.equal((await staff(s, '/people/find', {})).status, 422);
  });

  it('erase her: gone from every collection and every export, the erasure recorded without her data', async () => {
    const erased = (await (await staff(s, '/people/erase', { email: LEA.email })).json()) as { erased: number };
    assert.equal(erased.erased, 3); // two sign-ups, one chapter's leader
    assert.equal(((await (await staff(s, '/people/erase', { phone: LEA.phone })).json()) as { erased: number }).erased, 1); // the response
    const everything = JSON.stringify(
      await Promise.all(['items', 'access_log', 'erasures', 'tokens'].map((t) => s.store.query(`SELECT * FROM ${t}`))),
    );
    for (const trace of ['lea.person@example.org', 'LEA.PERSON', 'Léa Personne', '12 34 56 78', '12.34.56.78', 'Je peux aider le samedi']) assert.ok(!everything.includes(trace), trace);
    for (const path of ['/signups?format=csv', '/responses?format=csv', '/signups', '/responses']) {
      const text = await (await fetch(`${s.url}/api${path}`, { headers: { authorization: `Bearer ${s.token}` } })).text();
      assert.ok(!text.includes(lea.signups[0]!.id) && !text.includes(lea.response.id), path);
    }
    // The other leader stays; the erasure is on record, with no personal data.
    assert.deepEqual(JSON.parse((await s.store.get('chapters', 'nantes'))!.data).leaders, [{ name: 'Marc', email: 'marc@example.org' }]);
    const rows = await s.store.query('SELECT who, reason, collection, count FROM erasures ORDER BY id');
    assert.deepEqual(rows, [
      { who: 'test staff', reason: 'request of the person', collection: 'signups', count: 2 },
      { who: 'test staff', reason: 'request of the person', collection: 'chapters', count: 1 },
      { who: 'test staff', reason: 'request of the person', collection: 'responses', count: 1 },
    ]);
    const log = (await s.store.accessLog()).filter((e) => e.what.startsWith('one person')).map((e) => `${e.action} ${e.what} ${e.count}`);
    assert.deepEqual(log.slice(-3), ['correct one person, by phone 2', 'erase one person, by email 3', 'erase one person, by phone 1']);
    // A retry of an erased sign-up from an old outbox is answered, not stored again.
    assert.equal((await post(s.url, '/signups', { ...lea.signups[0], _meta: meta })).status, 201);
    assert.equal(JSON.parse((await s.store.get('signups', lea.signups[0]!.id))!.data).email, undefined);
  });

  it('works on the command line: people find, export, correct and erase', async () => {
    const fresh = testDatabase() === 'sqlite' ? { db: join(mkdtempSync(join(process.env.TMPDIR ?? '/tmp', 'archipel-people-')), 'campaign.db'), drop: async () => {} } : freshDatabase();
    const db = fresh.db;
    const store = openStorage(db);
    await store.ready();
    await importRecords(store, { chapters: seed.chapters });
    await store.close();
    const cli = (...args: string[]) => execFileSync(process.execPath, ['--import', 'tsx', 'packages/server/src/cli.ts', 'people', ...args, '--db', db], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    assert.match(cli('find', '--email', 'lea@example.org'), /^leader of a chapter\tlyon$/m);
    assert.equal((JSON.parse(cli('export', '--email', 'lea@example.org')) as { leaders: unknown[] }).leaders.length, 1);
    assert.match(cli('correct', '--email', 'lea@example.org', '--set-name', 'Léa Martin'), /^1 records corrected/);
    assert.equal((JSON.parse(cli('export', '--email', 'lea@example.org')) as { leaders: { leader: { name: string } }[] }).leaders[0]!.leader.name, 'Léa Martin');
    assert.match(cli('erase', '--email', 'lea@example.org'), /^1 records erased/);
    assert.equal(cli('find', '--email', 'lea@example.org'), '');
    const check = openStorage(db);
    await check.ready();
    const log = await check.accessLog();
    assert.deepEqual(log.map((e) => e.action), ['find', 'export', 'correct', 'export', 'erase', 'find']);
    assert.match(log[0]!.who, /^command line \(/);
    assert.deepEqual(await check.query('SELECT who, collection, count FROM erasures'), [{ who: log[4]!.who, collection: 'chapters', count: 1 }]);
    await check.close();
    await fresh.drop();
  });
});

describe(`a supporter’s private link (${testDatabase()})`, () => {
  let s: TestServer;
  let lea: Awaited<ReturnType<typeof seedLea>>;
  before(async () => {
    s = await startTestServer();
    lea = await seedLea(s);
  });
  after(() => s.close());

  const me = (secret: string, path = '/me', body: object = {}) => post(s.url, path, { secret, ...body });

  it('is an unguessable secret, never the public share code, stored only as a hash', async () => {
    const [secret] = lea.secrets;
    assert.match(secret!, /^me_[\w-]{43}$/);
    assert.notEqual(secret, (lea.signups[0] as { ref?: string }).ref);
    assert.ok(!secret!.includes('sharecode1'));
    assert.ok(!JSON.stringify(await s.store.query('SELECT * FROM items')).includes(secret!));
  });

  it('shows the record it was given with, in the body or a header, never read from the address', async () => {
    const body = (await (await me(lea.secrets[0]!)).json()) as { signups: { id: string }[] };
    assert.deepEqual(body.signups.map((r) => r.id), [lea.signups[0]!.id]);
    const header = await fetch(`${s.url}/api/me`, { headers: { 'x-archipel-secret': lea.secrets[0]! } });
    assert.equal(header.status, 200);
    assert.equal((await fetch(`${s.url}/api/me?secret=${lea.secrets[0]}`)).status, 401);
    assert.equal((await me('me_guessed-secret-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx')).status, 403);
  });

  it('withdraws one consent, then erases everything', async () => {
    const [secret] = lea.secrets;
    const two = [...consent(), { purpose: 'newsletter', version: '2026-11', text: 'News', at: new Date().toISOString() }];
    const record = signup({ consent: two });
    const mine = ((await (await post(s.url, '/signups', { ...record, _meta: meta })).json()) as { secret: string }).secret;
    assert.equal((await me(mine, '/me/forget', { purpose: 'newsletter' })).status, 204);
    assert.deepEqual(JSON.parse((await s.store.get('signups', record.id))!.data).consent.map((c: { purpose: string }) => c.purpose), ['contact']);
    const gone = await fetch(`${s.url}/api/me`, { method: 'DELETE', headers: { 'x-archipel-secret': secret! } });
    assert.equal(gone.status, 204);
    assert.ok(!(await s.store.get('signups', lea.signups[0]!.id))!.data.includes(LEA.email));
    assert.equal((await me(secret!)).status, 403);
    // The other sign-up, made with another link, is untouched.
    assert.equal((await me(lea.secrets[1]!)).status, 200);
  });
});

describe(`retention (--retain-months, ${testDatabase()})`, () => {
  it('erases sign-ups and responses’ contacts older than the months kept, when the server starts', async () => {
    const store = await testStorage();
    await importRecords(store, { chapters: seed.chapters, surveys: seed.surveys });
    const old = new Date(Date.now() - 400 * 86_400_000).toISOString();
    const recent = new Date().toISOString();
    await store.insertOnce('signups', { ...signup({ created: old, email: 'old@example.org' }), id: 'signup-old-1' }, {}, {});
    await store.insertOnce('signups', { ...signup({ created: recent, email: 'new@example.org' }), id: 'signup-new-1' }, {}, {});
    const answer = (id: string, created: string) => ({ id, survey: 'pret', answers: { role: 'nouveau' }, contact: { email: `${id}@example.org`, consent: consent()[0] }, created });
    await store.insertOnce('responses', answer('resp-old-1', old), {}, {});
    await store.insertOnce('responses', answer('resp-new-1', recent), {}, {});
    const server = await startServer({ db: store, port: 0, logLevel: 'silent', retainMonths: 12 });
    const get = async (collection: string, id: string) => (await store.get(collection, id)) as Row;
    try {
      assert.equal((await get('signups', 'signup-old-1')).status, 'erased');
      assert.ok(!(await get('signups', 'signup-old-1')).data.includes('old@example.org'));
      assert.match((await get('signups', 'signup-new-1')).data, /new@example\.org/);
      const oldAnswer = JSON.parse((await get('responses', 'resp-old-1')).data);
      assert.deepEqual([oldAnswer.contact, oldAnswer.answers], [undefined, { role: 'nouveau' }]);
      assert.ok(JSON.parse((await get('responses', 'resp-new-1')).data).contact);
      assert.deepEqual(await store.query('SELECT who, reason, collection, count FROM erasures ORDER BY id'), [
        { who: 'retention', reason: 'older than 12 months', collection: 'signups', count: 1 },
        { who: 'retention', reason: 'older than 12 months', collection: 'responses', count: 1 },
      ]);
    } finally {
      await server.close();
      await store.close();
    }
  });
});
