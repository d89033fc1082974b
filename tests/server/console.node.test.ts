/**
 * The console's routes on the real server: a chapter's lead finds, marks, exports and erases their chapter's
 * sign-ups and sees who is ready to host; campaign staff see every chapter with its counts; a stranger and
 * another chapter's lead get 401 and 403 and read nothing.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { meta, post, signup, startTestServer, type TestServer } from './support.ts';

let s: TestServer;
let lyon: string;
let nantes: string;
const ids: Record<string, string> = {};

before(async () => {
  s = await startTestServer();
  lyon = await s.store.createToken('Amina (Lyon)', { chapter: 'lyon' });
  nantes = await s.store.createToken('Noé (Nantes)', { chapter: 'nantes' });
  const people = [
    { key: 'zoe', chapter: 'lyon', name: 'Zoé Durand', email: 'zoe@example.org', interests: ['marche'], created: '2026-11-02T09:00:00.000Z' },
    { key: 'yann', chapter: 'lyon', name: 'Yann Petit', email: 'yann@example.org', interests: ['formation', 'marche'], created: '2026-11-20T09:00:00.000Z' },
    { key: 'xav', chapter: 'nantes', name: 'Xavier Roux', email: 'xav@example.org', interests: ['marche'], created: '2026-11-21T09:00:00.000Z' },
  ];
  for (const { key, ...p } of people) {
    const record = signup(p);
    assert.equal((await post(s.url, '/signups', { ...record, _meta: meta })).status, 201);
    ids[key] = record.id;
  }
});
after(() => s.close());

const as = (token: string | null, path: string, init: RequestInit = {}) =>
  fetch(`${s.url}/api${path}`, { ...init, headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(init.headers as object) } });
const mark = (token: string | null, id: string, contacted: unknown) =>
  as(token, `/console/signups/${id}/contacted`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ contacted }) });
const items = async <T = { id: string; name?: string; contacted?: { by: string } }>(res: Response) => {
  assert.equal(res.status, 200);
  return ((await res.json()) as { items: T[] }).items;
};

describe('who the token is', () => {
  it('tells a lead their chapter and staff that they have none', async () => {
    assert.deepEqual(await (await as(lyon, '/console/me')).json(), { name: 'Amina (Lyon)', chapter: 'lyon' });
    assert.deepEqual(await (await as(s.token, '/console/me')).json(), { name: 'test staff', chapter: null });
  });
});

describe('counts per chapter', () => {
  it('gives staff every chapter with its sign-ups, responses and posts waiting', async () => {
    const rows = await items<{ id: string; signups: number; responses: number; pending: number }>(await as(s.token, '/console/chapters'));
    assert.deepEqual(
      rows.map((r) => [r.id, r.signups, r.responses]),
      [
        ['lyon', 2, 2],
        ['nantes', 1, 2],
      ],
    );
  });
  it('gives a lead their own chapter only, and refuses another', async () => {
    assert.deepEqual((await items<{ id: string }>(await as(lyon, '/console/chapters'))).map((r) => r.id), ['lyon']);
    assert.equal((await as(lyon, '/console/chapters?chapter=nantes')).status, 403);
  });
});

describe('a lead’s sign-ups', () => {
  it('lists their chapter’s, newest first, and none of another chapter', async () => {
    assert.deepEqual((await items(await as(lyon, '/console/signups'))).map((i) => i.id), [ids.yann, ids.zoe]);
    assert.equal((await as(lyon, '/console/signups?chapter=nantes')).status, 403);
  });
  it('finds by words, interest and dates', async () => {
    assert.deepEqual((await items(await as(lyon, '/console/signups?q=zoe'))).map((i) => i.id), [ids.zoe]);
    assert.deepEqual((await items(await as(lyon, '/console/signups?interest=formation'))).map((i) => i.id), [ids.yann]);
    assert.deepEqual((await items(await as(lyon, '/console/signups?from=2026-11-10&to=2026-11-20'))).map((i) => i.id), [ids.yann]);
    assert.deepEqual((await items(await as(lyon, '/console/signups?to=2026-11-19'))).map((i) => i.id), [ids.zoe]);
    assert.equal((await as(lyon, '/console/signups?from=20-11-2026')).status, 400);
  });
  it('marks one as contacted, and clears the mark', async () => {
    assert.equal((await mark(lyon, ids.zoe!, true)).status, 204);
    const zoe = (await items(await as(lyon, '/console/signups?q=zoe')))[0]!;
    assert.equal(zoe.contacted?.by, 'Amina (Lyon)');
    assert.equal((await mark(lyon, ids.zoe!, 'yes')).status, 422);
    assert.equal((await mark(lyon, ids.zoe!, false)).status, 204);
    assert.equal((await items(await as(lyon, '/console/signups?q=zoe')))[0]!.contacted, undefined);
  });
  it('exports them as CSV, formula-safe, with the filters applied', async () => {
    const res = await as(lyon, '/console/signups?format=csv&interest=marche');
    assert.equal(res.headers.get('content-type'), 'text/csv; charset=utf-8');
    const lines = (await res.text()).trim().split(/\r?\n/);
    assert.equal(lines[0], 'id,created,name,email,phone,postcode,chapter,interests,message,locale,referrer,contacted');
    assert.equal(lines.length, 3);
    assert.ok(!lines.some((l) => l.includes('xav@example.org')));
  });
  it('erases one on the person’s request, and not another chapter’s', async () => {
    assert.equal((await as(nantes, `/console/signups/${ids.zoe}/erase`, { method: 'POST' })).status, 403);
    assert.equal((await mark(nantes, ids.zoe!, true)).status, 403);
    assert.equal((await as(lyon, `/console/signups/${ids.zoe}/erase`, { method: 'POST' })).status, 204);
    assert.deepEqual((await items(await as(s.token, '/console/signups?chapter=lyon'))).map((i) => i.id), [ids.yann]);
    assert.equal((await as(lyon, `/console/signups/${ids.zoe}/erase`, { method: 'POST' })).status, 404);
    const log = (await (await as(s.token, '/access-log')).json()) as { items: { who: string; action: string }[] };
    assert.ok(log.items.some((e) => e.who === 'Amina (Lyon)' && e.action === 'erase'));
  });
});

describe('who is ready to host what', () => {
  it('lists a chapter’s responses that said yes to hosting or leading, with what they are ready for', async () => {
    const rows = await items<{ response: string; ready: string[] }>(await as(lyon, '/console/ready'));
    assert.deepEqual(
      rows.map((r) => [r.response, r.ready]),
      [
        ['resp-0002', ['host', 'lead']],
        ['resp-0001', ['host']],
      ],
    );
    assert.deepEqual((await items<{ response: string }>(await as(nantes, '/console/ready'))).map((r) => r.response), ['resp-0004']);
  });
});

describe('a stranger', () => {
  for (const path of ['/console/me', '/console/chapters', '/console/signups', '/console/signups?format=csv', '/console/ready']) {
    it(`gets 401 and no personal data from ${path}`, async () => {
      const res = await as(null, path);
      assert.equal(res.status, 401);
      const body = await res.text();
      assert.ok(!/@example\.org/.test(body));
      assert.equal((await as('arch_not-a-token', path)).status, 401);
    });
  }
  it('cannot mark or erase a sign-up', async () => {
    assert.equal((await mark(null, ids.yann!, true)).status, 401);
    assert.equal((await as(null, `/console/signups/${ids.yann}/erase`, { method: 'POST' })).status, 401);
  });
});
