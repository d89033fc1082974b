/**
 * Hosting and joining actions on the real server: a supporter's proposed action waits, is approved by the chapter's
 * lead and appears in the public list; a lead's own is published at once; another chapter's lead cannot approve it;
 * refused input names the field; an RSVP sent twice counts once, a full action refuses the next person; the host
 * reads and exports who comes; one action's calendar file opens in ical.js in the action's own zone. Runs on SQLite
 * here and on PostgreSQL through hosting.postgres.node.test.ts.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import ICAL from 'ical.js';
import { clientId, consent, meta, post, startTestServer, type TestServer } from './support.ts';

let s: TestServer;
let lyon: string;
let nantes: string;

before(async () => {
  s = await startTestServer();
  lyon = await s.store.createToken('Amina (Lyon)', { chapter: 'lyon' });
  nantes = await s.store.createToken('Noé (Nantes)', { chapter: 'nantes' });
});
after(() => s.close());

const as = (token: string | null, path: string, init: RequestInit = {}) =>
  fetch(`${s.url}/api${path}`, { ...init, headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(init.headers as object) } });
const publicActions = async () => ((await (await fetch(`${s.url}/api/actions`)).json()) as { items: Record<string, unknown>[] }).items;

export const proposal = (extra: Record<string, unknown> = {}) => ({
  id: clientId('host'),
  title: 'Pique-nique pour le climat',
  type: 'rencontre',
  start: '2027-03-27T12:30',
  timezone: 'Europe/Paris',
  city: 'Lyon',
  lat: 45.7578,
  lng: 4.832,
  chapter: 'lyon',
  capacity: 30,
  proposer: { name: 'Samir Host', email: 'samir.host@example.org' },
  consent: consent(),
  created: new Date().toISOString(),
  ...extra,
});

const rsvp = (action: string, extra: Record<string, unknown> = {}) => ({ id: clientId('rsvp'), action, name: 'Inès Rsvp', email: 'ines.rsvp@example.org', consent: consent(), created: new Date().toISOString(), ...extra });

describe('a supporter proposing an action', () => {
  let id: string;
  it('is answered "pending", and the action is not public yet', async () => {
    const p = proposal();
    id = p.id;
    const res = await post(s.url, '/actions/proposals', { ...p, _meta: meta });
    assert.equal(res.status, 201);
    assert.deepEqual(await res.json(), { id, status: 'pending' });
    assert.ok(!(await publicActions()).some((a) => a.id === id));
  });

  it('waits in the queue of the chapter’s lead, with the proposer’s contact, and not in another chapter’s', async () => {
    const mine = ((await (await as(lyon, '/console/proposals')).json()) as { items: { id: string; proposer: { email: string } }[] }).items;
    assert.deepEqual(mine.map((p) => [p.id, p.proposer.email]), [[id, 'samir.host@example.org']]);
    const theirs = ((await (await as(nantes, '/console/proposals')).json()) as { items: unknown[] }).items;
    assert.deepEqual(theirs, []);
    assert.equal((await as(nantes, '/console/proposals?chapter=lyon')).status, 403);
    assert.equal((await as(null, '/console/proposals')).status, 401);
  });

  it('cannot be approved by another chapter’s lead', async () => {
    assert.equal((await as(nantes, `/console/proposals/${id}/approve`, { method: 'POST' })).status, 403);
    assert.ok(!(await publicActions()).some((a) => a.id === id));
  });

  it('once approved by the lead, is a public action at its time in its zone, without the proposer', async () => {
    assert.equal((await as(lyon, `/console/proposals/${id}/approve`, { method: 'POST' })).status, 200);
    const action = (await publicActions()).find((a) => a.id === id)!;
    assert.equal(action.title, 'Pique-nique pour le climat');
    assert.equal(action.start, '2027-03-27T11:30:00.000Z', '12:30 in Paris, winter time');
    assert.equal(action.capacity, 30);
    assert.equal(action.proposer, undefined);
    assert.ok(!JSON.stringify(await publicActions()).includes('samir.host@example.org'));
    assert.deepEqual(((await (await as(lyon, '/console/proposals')).json()) as { items: unknown[] }).items, [], 'no longer waiting');
  });

  it('a refused proposal never appears', async () => {
    const p = proposal({ title: 'Pas retenue' });
    assert.equal((await post(s.url, '/actions/proposals', { ...p, _meta: meta })).status, 201);
    assert.equal((await as(s.token, `/console/proposals/${p.id}/refuse`, { method: 'POST' })).status, 204);
    assert.ok(!(await publicActions()).some((a) => a.id === p.id));
    const refused = ((await (await as(lyon, '/console/proposals?status=refused')).json()) as { items: { id: string }[] }).items;
    assert.deepEqual(refused.map((r) => r.id), [p.id]);
  });
});

describe('a chapter lead proposing an action', () => {
  it('publishes it at once in their chapter', async () => {
    const p = proposal({ title: 'Vélorution', proposer: { name: 'Amina K.', phone: '+33 6 12 34 56 78' } });
    const res = await as(lyon, '/actions/proposals', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(p) });
    assert.equal(res.status, 201);
    assert.equal(((await res.json()) as { status: string }).status, 'approved');
    assert.ok((await publicActions()).some((a) => a.id === p.id && a.title === 'Vélorution'));
  });

  it('waits like anyone’s when it is for another chapter', async () => {
    const p = proposal({ chapter: 'nantes' });
    const res = await as(lyon, '/actions/proposals', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(p) });
    assert.equal(((await res.json()) as { status: string }).status, 'pending');
  });
});

describe('a proposal with mistakes', () => {
  it('is refused naming each field and why', async () => {
    const res = await post(s.url, '/actions/proposals', { ...proposal({ title: '', city: undefined, lat: undefined, lng: undefined, capacity: 0, proposer: { name: 'X' } }), _meta: meta });
    assert.equal(res.status, 422);
    const { errors } = (await res.json()) as { errors: { field: string; message: string }[] };
    assert.deepEqual(errors.map((e) => e.field).sort(), ['capacity', 'place', 'proposer.email', 'title']);
    assert.match(errors.find((e) => e.field === 'place')!.message, /online/);
  });

  it('is refused for a chapter that does not exist', async () => {
    const res = await post(s.url, '/actions/proposals', { ...proposal({ chapter: 'atlantis' }), _meta: meta });
    assert.equal(res.status, 422);
    assert.deepEqual(((await res.json()) as { errors: { field: string }[] }).errors.map((e) => e.field), ['chapter']);
  });
});

describe('joining an action', () => {
  let action: string;
  before(async () => {
    const p = proposal({ title: 'Petit atelier', capacity: 2 });
    action = p.id;
    await as(lyon, '/actions/proposals', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(p) });
  });
  const going = async () => (await publicActions()).find((a) => a.id === action)!.going;

  it('counts an RSVP sent twice once, and the same person under another id once', async () => {
    const r = rsvp(action);
    const first = await post(s.url, `/actions/${action}/rsvps`, { ...r, _meta: meta });
    assert.equal(first.status, 201);
    assert.deepEqual(await first.json(), { id: r.id, status: 'going', going: 1, capacity: 2 });
    const again = await post(s.url, `/actions/${action}/rsvps`, { ...r, _meta: meta });
    assert.equal(again.status, 200);
    const sameEmail = await post(s.url, `/actions/${action}/rsvps`, { ...rsvp(action, { email: 'INES.rsvp@example.org ' }), _meta: meta });
    assert.equal(((await sameEmail.json()) as { id: string }).id, r.id, 'the first one’s receipt');
    assert.equal(await going(), 1);
  });

  it('refuses the next person once the action is full, and the public list says how many, never who', async () => {
    assert.equal((await post(s.url, `/actions/${action}/rsvps`, { ...rsvp(action, { name: 'Jo', email: 'jo@example.org' }), _meta: meta })).status, 201);
    const full = await post(s.url, `/actions/${action}/rsvps`, { ...rsvp(action, { name: 'Kim', email: 'kim@example.org' }), _meta: meta });
    assert.equal(full.status, 409);
    const problem = (await full.json()) as { type: string; errors: { field: string; problem: string }[] };
    assert.match(problem.type, /\/full$/);
    assert.deepEqual(problem.errors.map((e) => [e.field, e.problem]), [['action', 'full']]);
    assert.equal(await going(), 2);
    assert.ok(!JSON.stringify(await publicActions()).includes('jo@example.org'));
  });

  it('lets two people racing for the last place take it once', async () => {
    const p = proposal({ title: 'Une place', capacity: 1 });
    await as(lyon, '/actions/proposals', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(p) });
    const answers = await Promise.all(['a', 'b', 'c', 'd'].map((n) => post(s.url, `/actions/${p.id}/rsvps`, { ...rsvp(p.id, { email: `${n}@example.org` }), _meta: meta })));
    assert.deepEqual(answers.map((a) => a.status).sort(), [201, 409, 409, 409]);
  });

  it('is refused without a contact or consent, naming the fields, and for an action that does not exist', async () => {
    const res = await post(s.url, `/actions/${action}/rsvps`, { ...rsvp(action, { email: undefined, consent: [] }), _meta: meta });
    assert.equal(res.status, 422);
    assert.deepEqual(((await res.json()) as { errors: { field: string }[] }).errors.map((e) => e.field).sort(), ['consent', 'email']);
    assert.equal((await post(s.url, '/actions/nowhere/rsvps', { ...rsvp('nowhere'), _meta: meta })).status, 404);
  });

  it('shows the host who comes, as a list and a CSV, and nobody else', async () => {
    const list = (await (await as(lyon, `/console/actions/${action}/rsvps`)).json()) as { items: { name: string; email: string }[]; going: number; capacity: number };
    assert.deepEqual(list.items.map((r) => r.email), ['ines.rsvp@example.org', 'jo@example.org']);
    assert.equal(list.going, 2);
    const csv = await (await as(s.token, `/console/actions/${action}/rsvps?format=csv`)).text();
    assert.match(csv, /^id,created,name,email,phone,locale\r?\n/);
    assert.match(csv, /jo@example\.org/);
    assert.equal((await as(nantes, `/console/actions/${action}/rsvps`)).status, 403);
    assert.equal((await as(null, `/console/actions/${action}/rsvps`)).status, 401);
  });
});

describe('a map reading only what changed (`?since=`)', () => {
  // `since` is read to the second: a second apart, what came before is surely not listed.
  const aSecond = () => new Promise((r) => setTimeout(r, 1100));
  const changedSince = async (since: string, id: string) =>
    ((await (await fetch(`${s.url}/api/actions?since=${encodeURIComponent(since)}`)).json()) as { items: { id: string; going?: number }[] }).items.find((a) => a.id === id);

  it('gets an action again once someone says they come, with the new count, and once they leave', async () => {
    const p = proposal({ title: 'Compté en direct', capacity: 10 });
    assert.equal((await as(lyon, '/actions/proposals', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(p) })).status, 201);
    await aSecond();
    const since = new Date().toISOString();
    assert.equal(await changedSince(since, p.id), undefined, 'nothing changed yet');
    assert.equal((await post(s.url, `/actions/${p.id}/rsvps`, { ...rsvp(p.id, { email: 'live.count@example.org' }), _meta: meta })).status, 201);
    assert.equal((await changedSince(since, p.id))?.going, 1);
    await aSecond();
    const later = new Date().toISOString();
    assert.equal(await changedSince(later, p.id), undefined, 'nothing changed since the RSVP');
    await as(s.token, '/people/erase', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'live.count@example.org' }) });
    const after = await changedSince(later, p.id);
    assert.ok(after, 'the action is listed again once the person left');
    assert.equal(after.going, undefined);
  });
});

describe('a person who asks to be erased', () => {
  it('leaves the actions they said they would come to, and the count goes down', async () => {
    const p = proposal({ title: 'Effacement', capacity: 5 });
    await as(lyon, '/actions/proposals', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(p) });
    assert.equal((await post(s.url, `/actions/${p.id}/rsvps`, { ...rsvp(p.id, { email: 'gone@example.org' }), _meta: meta })).status, 201);
    assert.equal((await publicActions()).find((a) => a.id === p.id)!.going, 1);
    const res = await as(s.token, '/people/erase', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'Gone@example.org' }) });
    assert.equal(((await res.json()) as { erased: number }).erased, 1);
    assert.equal((await publicActions()).find((a) => a.id === p.id)!.going, undefined);
    const list = (await (await as(lyon, `/console/actions/${p.id}/rsvps`)).json()) as { items: unknown[] };
    assert.deepEqual(list.items, []);
  });
});

describe('a person who asks for a correction', () => {
  const correct = (body: object) => as(s.token, '/people/correct', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const going = async (id: string) => ((await (await as(lyon, `/console/actions/${id}/rsvps`)).json()) as { items: { name: string; email: string }[]; going: number });

  it('is corrected on the host’s list of who comes, and coming again under the new address counts once', async () => {
    const p = proposal({ title: 'Rectification', capacity: 5 });
    await as(lyon, '/actions/proposals', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(p) });
    assert.equal((await post(s.url, `/actions/${p.id}/rsvps`, { ...rsvp(p.id, { email: 'old.address@example.org', name: 'Sam Ancien' }), _meta: meta })).status, 201);
    const fixed = (await (await correct({ email: 'Old.Address@example.org', set: { email: 'new.address@example.org', name: 'Sam Nouveau' } })).json()) as { corrected: number };
    assert.equal(fixed.corrected, 1);
    const list = await going(p.id);
    assert.deepEqual(list.items.map((r) => [r.name, r.email]), [['Sam Nouveau', 'new.address@example.org']]);
    assert.equal(JSON.stringify(await s.store.query('SELECT data, contact_key FROM rsvps')).includes('old.address'), false, 'the old address is nowhere');
    // The new address says it comes again (a new RSVP id): still one person coming.
    await post(s.url, `/actions/${p.id}/rsvps`, { ...rsvp(p.id, { email: 'new.address@example.org', name: 'Sam Nouveau' }), _meta: meta });
    assert.equal((await going(p.id)).going, 1);
  });

  it('keeps one row when the corrected address was already coming', async () => {
    const p = proposal({ title: 'Deux adresses', capacity: 5 });
    await as(lyon, '/actions/proposals', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(p) });
    for (const email of ['first.try@example.org', 'right.one@example.org']) assert.equal((await post(s.url, `/actions/${p.id}/rsvps`, { ...rsvp(p.id, { email }), _meta: meta })).status, 201);
    assert.equal((await going(p.id)).going, 2);
    await correct({ email: 'first.try@example.org', set: { email: 'right.one@example.org' } });
    const list = await going(p.id);
    assert.deepEqual([list.going, list.items.map((r) => r.email)], [1, ['right.one@example.org']]);
    assert.equal((await publicActions()).find((a) => a.id === p.id)!.going, 1);
  });
});

describe('an action’s calendar file', () => {
  it('opens in ical.js at its time in its own zone, with the zone’s rules', async () => {
    const res = await fetch(`${s.url}/api/actions/a1/calendar.ics`);
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type')!, /^text\/calendar/);
    const text = await res.text();
    assert.match(text, /DTSTART;TZID=Europe\/Paris:20261212T140000\r\n/);
    const calendar = new ICAL.Component(ICAL.parse(text) as never);
    const zone = calendar.getFirstSubcomponent('vtimezone')!;
    ICAL.TimezoneService.register(zone);
    try {
      const event = new ICAL.Event(calendar.getFirstSubcomponent('vevent')!);
      assert.equal(event.summary, 'Marche');
      assert.equal(event.startDate.zone.tzid, 'Europe/Paris');
      assert.equal(event.startDate.toJSDate().toISOString(), '2026-12-12T13:00:00.000Z');
      // Summer time in the same zone's rules: 14:00 in Paris is 12:00 UTC in July.
      const july = ICAL.Time.fromData({ year: 2027, month: 7, day: 1, hour: 14, minute: 0, second: 0 }, new ICAL.Timezone(zone));
      assert.equal(july.toJSDate().toISOString(), '2027-07-01T12:00:00.000Z');
    } finally {
      ICAL.TimezoneService.remove('Europe/Paris');
    }
    assert.equal((await fetch(`${s.url}/api/actions/nowhere/calendar.ics`)).status, 404);
  });
});
