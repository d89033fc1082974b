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
    await importRecords(store, { chapters: seed.chapters, actions: seed.actions });
    // She also offered an action and said she comes to one.
    await store.insertOnce('proposals', { id: 'prop-cli-1', title: 'Atelier', start: '2027-01-10T10:00', timezone: 'Europe/Paris', chapter: 'lyon', virtual: true, url: 'https://example.org/visio', proposer: { name: 'Léa', email: 'lea@example.org' }, created: new Date().toISOString() } as never, { status: 'pending' }, {});
    await store.addRsvp('a1', 'lea@example.org', { id: 'rsvp-cli-1', action: 'a1', name: 'Léa', email: 'lea@example.org', created: new Date().toISOString() } as never, undefined, { id: 'rsvp-cli-1' });
    await store.close();
    const cli = (...args: string[]) => execFileSync(process.execPath, ['--import', 'tsx', 'packages/server/src/cli.ts', 'people', ...args, '--db', db], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    const listed = cli('find', '--email', 'lea@example.org');
    assert.match(listed, /^leader of a chapter\tlyon$/m);
    assert.match(listed, /^proposed action\tprop-cli-1\t.+\tlyon$/m);
    assert.match(listed, /^coming to an action\ta1\t2026-12-12T13:00:00\.000Z\tMarche$/m);
    const all = JSON.parse(cli('export', '--email', 'lea@example.org')) as { leaders: unknown[]; proposals: { id: string }[]; rsvps: { id: string; title: string }[] };
    assert.deepEqual([all.leaders.length, all.proposals.map((p) => p.id), all.rsvps.map((r) => [r.id, r.title])], [1, ['prop-cli-1'], [['rsvp-cli-1', 'Marche']]]);
    assert.match(cli('correct', '--email', 'lea@example.org', '--set-name', 'Léa Martin'), /^3 records corrected/); // her leader's entry, her proposal and her RSVP
    const corrected = JSON.parse(cli('export', '--email', 'lea@example.org')) as { leaders: { leader: { name: string } }[]; rsvps: { name: string }[] };
    assert.deepEqual([corrected.leaders[0]!.leader.name, corrected.rsvps[0]!.name], ['Léa Martin', 'Léa Martin']);
    assert.match(cli('erase', '--email', 'lea@example.org'), /^3 records erased/);
    assert.equal(cli('find', '--email', 'lea@example.org'), '');
    const check = openStorage(db);
    await check.ready();
    const log = await check.accessLog();
    assert.deepEqual(log.map((e) => e.action), ['find', 'export', 'correct', 'export', 'erase', 'find']);
    assert.match(log[0]!.who, /^command line \(/);
    assert.deepEqual(await check.query('SELECT who, collection, count FROM erasures ORDER BY id'), [
      { who: log[4]!.who, collection: 'chapters', count: 1 },
      { who: log[4]!.who, collection: 'proposals', count: 1 },
      { who: log[4]!.who, collection: 'rsvps', count: 1 },
    ]);
    await check.close();
    await fresh.drop();
  });
});

describe(`hosting and joining: one person’s actions (${testDatabase()})`, () => {
  let s: TestServer;
  before(async () => {
    s = await startTestServer();
  });
  after(() => s.close());

  const RUTH = { name: 'Ruth Hôte', email: 'ruth.host@example.org', phone: '+33 7 11 22 33 44' };
  const action = (extra: Record<string, unknown>) => ({ id: clientId('host'), title: 'Atelier banderoles', type: 'atelier', start: '2027-06-05T14:00', timezone: 'Europe/Paris', city: 'Lyon', lat: 45.76, lng: 4.83, chapter: 'lyon', consent: consent(), created: new Date().toISOString(), ...extra });

  it('finds and exports the actions she offered and is coming to, then erases her from them', async () => {
    // She offers an action (it waits), and says she comes to one the lead published, with her phone typed otherwise.
    const offered = action({ title: 'Ciné-débat', proposer: { name: RUTH.name, email: RUTH.email, phone: RUTH.phone } });
    assert.equal((await post(s.url, '/actions/proposals', { ...offered, _meta: meta })).status, 201);
    const published = action({ proposer: { name: 'Amina Lead', email: 'amina.lead@example.org' } });
    assert.equal((await post(s.url, '/actions/proposals', published, { authorization: `Bearer ${s.token}` })).status, 201);
    const rsvp = { id: clientId('rsvp'), action: published.id, name: RUTH.name, phone: '07.11.22.33.44', email: RUTH.email, consent: consent(), created: new Date().toISOString(), _meta: meta };
    assert.equal((await post(s.url, `/actions/${published.id}/rsvps`, rsvp)).status, 201);

    type Found = { proposals: { id: string; proposer: { email: string }; status: string }[]; rsvps: { id: string; action: string; title: string; start: string; timezone: string; phone: string }[] };
    const byEmail = (await (await staff(s, '/people/find', { email: 'Ruth.Host@example.org' })).json()) as Found;
    assert.deepEqual(byEmail.proposals.map((p) => [p.id, p.proposer.email, p.status]), [[offered.id, RUTH.email, 'pending']]);
    assert.deepEqual(byEmail.rsvps.map((r) => [r.id, r.action, r.title, r.start, r.timezone]), [[rsvp.id, published.id, 'Atelier banderoles', '2027-06-05T12:00:00.000Z', 'Europe/Paris']]);
    const byPhone = (await (await staff(s, '/people/find', { phone: '0711223344' })).json()) as Found;
    assert.deepEqual([byPhone.proposals.length, byPhone.rsvps.map((r) => r.phone)], [1, ['07.11.22.33.44']]);
    const exported = await (await staff(s, '/people/export', { email: RUTH.email })).text();
    assert.ok(exported.includes(offered.id) && exported.includes(rsvp.id) && exported.includes('Atelier banderoles'), exported);
    // The lead who published is found as that action's proposer.
    assert.deepEqual(((await (await staff(s, '/people/find', { email: 'amina.lead@example.org' })).json()) as Found).proposals.map((p) => p.status), ['approved']);

    const erased = (await (await staff(s, '/people/erase', { phone: RUTH.phone })).json()) as { erased: number };
    assert.equal(erased.erased, 2); // the proposal, the RSVP
    const everything = JSON.stringify(await Promise.all(['items', 'rsvps', 'erasures'].map((t) => s.store.query(`SELECT * FROM ${t}`))));
    for (const trace of ['ruth.host', 'Ruth Hôte', '11 22 33 44', '11.22.33.44']) assert.ok(!everything.includes(trace), trace);
    assert.equal(((await (await fetch(`${s.url}/api/actions`)).json()) as { items: { id: string; going?: number }[] }).items.find((a) => a.id === published.id)!.going, undefined);
    const found = (await (await staff(s, '/people/find', { email: RUTH.email })).json()) as Found;
    assert.deepEqual([found.proposals, found.rsvps], [[], []]);
    const rows = await s.store.query<{ collection: string; count: number }>("SELECT collection, count FROM erasures WHERE collection IN ('proposals', 'rsvps') ORDER BY id");
    assert.deepEqual(rows, [{ collection: 'proposals', count: 1 }, { collection: 'rsvps', count: 1 }]);
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
  it('erases sign-ups, proposed actions, and responses’ and RSVPs’ contacts older than the months kept, when the server starts', async () => {
    const store = await testStorage();
    await importRecords(store, { chapters: seed.chapters, surveys: seed.surveys });
    const old = new Date(Date.now() - 400 * 86_400_000).toISOString();
    const recent = new Date().toISOString();
    await store.insertOnce('signups', { ...signup({ created: old, email: 'old@example.org' }), id: 'signup-old-1' }, {}, {});
    await store.insertOnce('signups', { ...signup({ created: recent, email: 'new@example.org' }), id: 'signup-new-1' }, {}, {});
    const answer = (id: string, created: string) => ({ id, survey: 'pret', answers: { role: 'nouveau' }, contact: { email: `${id}@example.org`, consent: consent()[0] }, created });
    await store.insertOnce('responses', answer('resp-old-1', old), {}, {});
    await store.insertOnce('responses', answer('resp-new-1', recent), {}, {});
    const offer = (id: string, created: string) => ({ id, title: 'Atelier', start: '2026-01-10T10:00', timezone: 'Europe/Paris', virtual: true, url: 'https://example.org/visio', proposer: { name: 'Yann', email: `${id}@example.org` }, created });
    await store.insertOnce('proposals', offer('prop-old-1', old), { status: 'pending' }, {});
    await store.insertOnce('proposals', offer('prop-new-1', recent), { status: 'pending' }, {});
    const coming = (id: string, created: string) => ({ id, action: 'a1', name: 'Zoé', email: `${id}@example.org`, created });
    await store.addRsvp('a1', 'rsvp-old-1@example.org', coming('rsvp-old-1', old), undefined, { id: 'rsvp-old-1' });
    await store.addRsvp('a1', 'rsvp-new-1@example.org', coming('rsvp-new-1', recent), undefined, { id: 'rsvp-new-1' });
    const server = await startServer({ db: store, port: 0, logLevel: 'silent', retainMonths: 12 });
    const get = async (collection: string, id: string) => (await store.get(collection, id)) as Row;
    try {
      assert.equal((await get('signups', 'signup-old-1')).status, 'erased');
      assert.ok(!(await get('signups', 'signup-old-1')).data.includes('old@example.org'));
      assert.match((await get('signups', 'signup-new-1')).data, /new@example\.org/);
      const oldAnswer = JSON.parse((await get('responses', 'resp-old-1')).data);
      assert.deepEqual([oldAnswer.contact, oldAnswer.answers], [undefined, { role: 'nouveau' }]);
      assert.ok(JSON.parse((await get('responses', 'resp-new-1')).data).contact);
      assert.equal((await get('proposals', 'prop-old-1')).status, 'erased');
      assert.ok(!(await get('proposals', 'prop-old-1')).data.includes('prop-old-1@example.org'));
      assert.match((await get('proposals', 'prop-new-1')).data, /prop-new-1@example\.org/);
      const rsvps = JSON.stringify(await store.query('SELECT * FROM rsvps ORDER BY seq'));
      assert.ok(!rsvps.includes('rsvp-old-1@example.org') && !rsvps.includes('Zoé","email":"rsvp-old'), rsvps);
      assert.ok(rsvps.includes('rsvp-new-1@example.org'));
      assert.equal((await store.rsvpCounts(['a1'])).get('a1'), 2, 'who came is forgotten, not how many');
      assert.deepEqual(await store.query('SELECT who, reason, collection, count FROM erasures ORDER BY id'), [
        { who: 'retention', reason: 'older than 12 months', collection: 'signups', count: 1 },
        { who: 'retention', reason: 'older than 12 months', collection: 'responses', count: 1 },
        { who: 'retention', reason: 'older than 12 months', collection: 'proposals', count: 1 },
        { who: 'retention', reason: 'older than 12 months', collection: 'rsvps', count: 1 },
      ]);
    } finally {
      await server.close();
      await store.close();
    }
  });
});
