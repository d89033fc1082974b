/**
 * Public survey results: no group smaller than five, date filters by the day, computed at most every 30 s for
 * anonymous readers, and one vote a device in a public poll.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { clientId, meta, post, startTestServer, type TestServer } from './support.ts';

let s: TestServer;
const answer = (chapter: string, role: string, created: string, host = 'oui') => ({ id: clientId('resp'), survey: 'public', chapter, answers: { role, host, ready: 4 }, created });

before(async () => {
  s = await startTestServer();
  const rows = [
    ...Array.from({ length: 6 }, (_, i) => answer('lyon', 'nouveau', `2026-11-10T0${i}:00:00Z`)),
    answer('nantes', 'organisateur', '2026-11-11T23:30:00Z', 'non'),
    answer('nantes', 'bénévole', '2026-11-12T08:00:00Z', 'non'),
  ];
  for (const r of rows) assert.equal((await post(s.url, '/surveys/public/responses', { ...r, _meta: meta })).status, 201);
});
after(() => s.close());

type Results = {
  fewerThan?: number;
  total: number | null;
  questions: { id: string; answered: number | null; counts: Record<string, number | null>; mean?: number | null }[];
  byChapter: { key: string; respondents: number | null; readyAny: number | null }[];
  crossTab?: { counts: Record<string, Record<string, number | null>> };
};
const results = async (query = '', token?: string) =>
  (await (await fetch(`${s.url}/api/surveys/public/results${query}`, { headers: token ? { authorization: `Bearer ${token}` } : {} })).json()) as Results;

describe('public survey results', () => {
  it('show a group of fewer than five as such, and zero as zero', async () => {
    const r = await results();
    assert.equal(r.fewerThan, 5);
    assert.equal(r.total, 8);
    const role = r.questions.find((q) => q.id === 'role')!;
    assert.deepEqual(role.counts, { nouveau: 6, bénévole: null, organisateur: null });
    assert.deepEqual(r.byChapter.map((c) => [c.key, c.respondents, c.readyAny]), [['lyon', 6, 6], ['nantes', null, 0]]);
    const cross = await results('?question=role&by=chapter');
    assert.deepEqual(cross.crossTab!.counts.nantes, { organisateur: null, bénévole: null });
    // A chapter of two: nothing of it is told but that it has fewer than five.
    const nantes = await results('?chapter=nantes');
    assert.equal(nantes.total, null);
    assert.equal(nantes.questions.find((q) => q.id === 'ready')!.mean, null);
  });

  it('show staff every count', async () => {
    const r = await results('', s.token);
    assert.equal(r.fewerThan, undefined);
    assert.deepEqual(r.questions.find((q) => q.id === 'role')!.counts, { nouveau: 6, bénévole: 1, organisateur: 1 });
  });

  it('filter by the day: "to" names the last day counted', async () => {
    assert.equal((await results('?from=2026-11-10&to=2026-11-11', s.token)).total, 7);
    assert.equal((await results('?from=2026-11-11&to=2026-11-11', s.token)).total, 1);
    assert.equal((await results('?from=2026-11-12', s.token)).total, 1);
  });

  it('are computed again for anonymous readers at most once a second, and only after a new response', async () => {
    const region = '?region=Auvergne-Rh%C3%B4ne-Alpes';
    const before = await results(region);
    assert.equal(before.total, 6);
    assert.equal((await post(s.url, '/surveys/public/responses', { ...answer('lyon', 'nouveau', new Date().toISOString()), _meta: meta })).status, 201);
    // Within the second: the answer kept; staff always get fresh counts.
    assert.deepEqual(await results(region), before);
    assert.equal((await results(region, s.token)).total, 7);
    await new Promise((r) => setTimeout(r, 1100));
    assert.equal((await results(region)).total, 7);
  });
});

describe('a public poll', () => {
  it('counts one vote a device', async () => {
    const vote = (device?: string) => ({ ...answer('lyon', 'nouveau', new Date().toISOString()), _meta: { ...meta, ...(device ? { device } : {}) } });
    const first = vote('device-a');
    assert.equal((await post(s.url, '/surveys/public/responses', first)).status, 201);
    assert.equal((await post(s.url, '/surveys/public/responses', first)).status, 201, 'a retry of the same vote');
    const again = await post(s.url, '/surveys/public/responses', vote('device-a'));
    assert.equal(again.status, 409);
    assert.match(((await again.json()) as { detail: string }).detail, /already voted/);
    assert.equal((await post(s.url, '/surveys/public/responses', vote('device-b'))).status, 201);
    // A survey that is not a public poll takes every response.
    const pret = { ...vote('device-a'), survey: 'pret' };
    assert.equal((await post(s.url, '/surveys/pret/responses', pret)).status, 201);
  });
});
