/**
 * A survey's own rules on the reference server: answers taken only between its dates, a hidden question's answer
 * dropped, number and date bounds, "Other" text kept, and the staff CSV with one column per question.
 * server.postgres.node.test.ts runs it again on PostgreSQL.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { importRecords } from '../../packages/server/src/index.ts';
import { clientId, meta, post, startTestServer, type TestServer } from './support.ts';

const surveys = JSON.parse(readFileSync('tests/fixtures/branched-survey/surveys.json', 'utf8')) as object[];
let s: TestServer;
before(async () => {
  s = await startTestServer();
  await importRecords(s.store, {
    surveys,
    chapters: [
      { id: 'rennes', name: 'Vague Climat Rennes', region: 'Bretagne', lat: 48.1113, lng: -1.6800 },
      { id: 'marseille', name: 'Vague Climat Marseille', region: 'Provence-Alpes-Côte d’Azur', lat: 43.2965, lng: 5.3698 },
    ],
  } as never);
});
after(() => s.close());

const response = (answers: Record<string, unknown>, survey = 'accueil') => ({ id: clientId('acc'), survey, answers, postcode: '69007', created: new Date().toISOString(), _meta: meta });
const send = (r: ReturnType<typeof response>) => post(s.url, `/surveys/${r.survey}/responses`, r);
const staff = (path: string) => fetch(`${s.url}/api${path}`, { headers: { authorization: `Bearer ${s.token}` } });
const stored = async (id: string) => {
  const { items } = (await (await staff('/responses?survey=accueil&limit=500')).json()) as { items: { id: string; answers: Record<string, unknown> }[] };
  return items.find((i) => i.id === id)!;
};

describe('a branched survey on the server', () => {
  it('drops the answer of a question that was not asked, and does not require it', async () => {
    const r = response({ accueillir: false, date: '2026-12-12', personnes: 12, aide: ['Tracter'] });
    assert.equal((await send(r)).status, 201);
    assert.deepEqual((await stored(r.id)).answers, { accueillir: false, aide: ['Tracter'] });
  });

  it('requires a question once its condition is met', async () => {
    const res = await send(response({ accueillir: true, aide: ['Tracter'] }));
    assert.equal(res.status, 422);
    assert.match(((await res.json()) as { detail: string }).detail, /answers\.date: is required/);
  });

  it('keeps the text of "Other", in a choice and in a list', async () => {
    const r = response({ accueillir: true, date: '2026-12-12', lieu: 'Jardin partagé', aide: ['Cuisiner', 'Faire des affiches'], plats: 'Soupe' });
    assert.equal((await send(r)).status, 201);
    assert.deepEqual((await stored(r.id)).answers, r.answers);
  });

  it('refuses a number or a day out of bounds, and saying which', async () => {
    const res = await send(response({ accueillir: true, date: '2027-01-05', personnes: 500, aide: ['Tracter'] }));
    assert.equal(res.status, 422);
    const { detail } = (await res.json()) as { detail: string };
    assert.match(detail, /answers\.date: should be 2026-12-31 or earlier/);
    assert.match(detail, /answers\.personnes: should be at most 200/);
    const half = await send(response({ accueillir: true, date: '2026-12-12', personnes: 2.5, aide: ['Tracter'] }));
    assert.match(((await half.json()) as { detail: string }).detail, /answers\.personnes: should be a multiple of 1/);
  });

  it('refuses an option that is not one when the question offers no "Other"', async () => {
    const survey = { ...(surveys[0] as { questions: { id: string; other?: boolean }[] }) };
    survey.questions = survey.questions.map((q) => (q.id === 'aide' ? { ...q, other: false } : q));
    await importRecords(s.store, { surveys: [{ ...survey, id: 'sans-autre' }] } as never);
    const res = await send(response({ accueillir: false, aide: ['Faire des affiches'] }, 'sans-autre'));
    assert.equal(res.status, 422);
  });

  it('refuses answers to a closed survey and to one not open yet', async () => {
    const closed = await send(response({ note: 3 }, 'bilan'));
    assert.equal(closed.status, 403);
    assert.match(((await closed.json()) as { detail: string }).detail, /closed on 2026-11-01/);
    const early = await send(response({ note: 3 }, 'plus-tard'));
    assert.equal(early.status, 403);
    assert.match(((await early.json()) as { detail: string }).detail, /takes answers from 2099-01-01/);
  });

  it('exports one column per question, headed by its id, a list joined with "; "', async () => {
    const r = response({ accueillir: true, date: '2026-12-20', lieu: 'Dehors', personnes: 30, aide: ['Tracter', 'Transporter'] });
    assert.equal((await send(r)).status, 201);
    const csv = await (await staff('/responses?survey=accueil&format=csv')).text();
    const [header, ...rows] = csv.trim().split(/\r?\n/);
    assert.equal(header, 'id,created,survey,chapter,region,postcode,locale,accueillir,date,lieu,personnes,aide,plats,name,email,phone,consent');
    const row = rows.find((l) => l.startsWith(r.id))!;
    assert.match(row, /,accueil,,,69007,,yes,2026-12-20,Dehors,30,"Tracter; Transporter",,,,,$/);
    assert.ok(rows.some((l) => l.includes(',Jardin partagé,') && l.includes('"Cuisiner; Faire des affiches"') && l.includes(',Soupe,')));
  });
});

describe('where is the energy', () => {
  type Row = { key: string; respondents: number; readyAny: number };
  const results = async (query = '') => (await (await staff(`/surveys/accueil/results${query}`)).json()) as { byChapter: Row[]; byRegion: Row[]; total: number };

  it('counts an answer with a postcode but no chapter for the nearest chapter, through the place index', async () => {
    const before = await results();
    const rennes = (r: { byChapter: Row[] }) => r.byChapter.find((c) => c.key === 'rennes');
    // 35200 is a Rennes postcode, 200 km from no other chapter; 99999 is no postcode at all.
    for (const [postcode, host] of [['35200', true], ['35000', false], ['99999', true]] as const) {
      const r = { ...response({ accueillir: host, ...(host ? { date: '2026-12-12' } : {}), aide: ['Tracter'] }), postcode };
      assert.equal((await send(r)).status, 201);
    }
    const after = await results();
    assert.equal(rennes(before), undefined);
    assert.deepEqual([rennes(after)!.respondents, rennes(after)!.readyAny], [2, 1]);
    assert.equal(after.byRegion.find((r) => r.key === 'Bretagne')!.respondents, 2);
    // The unknown postcode counts in the total, for no chapter.
    assert.equal(after.total, before.total + 3);
    assert.equal(after.byChapter.reduce((n, c) => n + c.respondents, 0), before.byChapter.reduce((n, c) => n + c.respondents, 0) + 2);
    // A chapter's own results (what its lead reads whole) hold only those who chose it.
    assert.equal((await results('?chapter=rennes')).total, 0);
  });
});
