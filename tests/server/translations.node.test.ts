/** Translated content through the reference server: imported, stored and served as the widgets read it. */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startTestServer, meta, post, clientId, type TestServer } from './support.ts';
import { importRecords } from '../../packages/server/src/index.ts';
import { readers } from '../../packages/core/src/collections.ts';

const survey = {
  id: 'tr',
  title: 'Prêt·e ?',
  lang: 'fr',
  questions: [{ id: 'role', type: 'single', label: 'Votre implication', options: ['nouveau', 'bénévole'], required: true }],
  translations: { es: { title: '¿Lista?', questions: { role: { label: 'Tu implicación', options: ['nueva', 'voluntaria'] } } } },
};

let s: TestServer;
let report: Awaited<ReturnType<typeof importRecords>>;
before(async () => {
  s = await startTestServer();
  report = await importRecords(s.store, {
    actions: [
      { id: 'tr1', title: 'Marche', start: '2026-12-12T14:00', timezone: 'Europe/Paris', lang: 'fr', translations: { es: { title: 'Marcha' }, en: { title: 'March' } } },
      // As a sheet exported to JSON gives it: one column a language.
      { id: 'tr2', Titre: 'Formation', 'Date de début': '2026-12-13 10:00', 'Fuseau horaire': 'Europe/Paris', 'Titre:es': 'Formación' },
      { id: 'tr3', title: 'Bad', start: '2026-12-13T10:00', timezone: 'Europe/Paris', translations: { spanish: { title: 'Malo' } } },
    ],
    chapters: [{ id: 'tr', name: 'Vague Climat Lyon', slogan: 'On s’y met', lang: 'fr', translations: { en: { slogan: 'Let’s go' } }, leaders: [{ name: 'Léa', email: 'lea@example.org' }] }],
    surveys: [survey],
  });
});
after(() => s.close());

const items = async (path: string) => ((await (await fetch(`${s.url}/api${path}`)).json()) as { items: Record<string, unknown>[] }).items;

describe('translated content on the reference server', () => {
  it('imports translations in the JSON form and from language columns, and says why it skips a bad one', () => {
    assert.deepEqual(report.actions, { stored: 2, skipped: [{ row: 3, reason: 'translations.spanish: "spanish" is not a language code such as es or pt-BR' }] });
  });

  it('serves each record’s language and translations as the widgets read them', async () => {
    const actions = (await items('/actions')).filter((a) => String(a.id).startsWith('tr'));
    assert.deepEqual(actions.map((a) => [a.id, a.lang, a.translations]), [
      ['tr1', 'fr', { es: { title: 'Marcha' }, en: { title: 'March' } }],
      ['tr2', undefined, { es: { title: 'Formación' } }],
    ]);
    for (const a of actions) assert.equal(readers.actions.read(a).success, true);
    const chapter = (await items('/chapters')).find((c) => c.id === 'tr')!;
    assert.deepEqual(chapter.translations, { en: { slogan: 'Let’s go' } });
    const served = await (await fetch(`${s.url}/api/surveys/tr`)).json();
    assert.deepEqual(readers.surveys.read(served).data, survey);
  });

  it('takes answers in the original options only, so results count a question alike in every language', async () => {
    const answer = (role: string) => post(s.url, '/surveys/tr/responses', { id: clientId('resp'), survey: 'tr', answers: { role }, created: new Date().toISOString(), _meta: meta });
    assert.equal((await answer('voluntaria')).status, 422);
    assert.equal((await answer('bénévole')).status, 201);
    const results = (await (await fetch(`${s.url}/api/surveys/tr/results`, { headers: { authorization: `Bearer ${s.token}` } })).json()) as { questions: { counts: Record<string, number> }[] };
    assert.deepEqual(results.questions[0]!.counts, { nouveau: 0, bénévole: 1 });
  });
});
