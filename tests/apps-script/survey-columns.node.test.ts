/**
 * A branched, translated survey written as a sheet's rows (core's surveyRows(), what the survey editor offers)
 * and answered through Code.gs: read back whole, answers one column per question in the private spreadsheet,
 * a hidden question's answer dropped, closed surveys refused.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { surveyRows } from '../../packages/core/src/survey-rows.ts';
import { readers } from '../../packages/core/src/collections.ts';
import { parseCollection } from '../../packages/core/src/parse.ts';
import { askedQuestions, keptAnswers } from '../../packages/core/src/survey-rules.ts';
import type { Survey } from '../../packages/core/src/schemas/surveys.ts';
import { campaign, meta, staffRead } from './campaign.ts';

const [accueil, bilan, later] = JSON.parse(readFileSync('tests/fixtures/branched-survey/surveys.json', 'utf8')) as Survey[];
const app = campaign();
const tab = app.gas.book.tab('surveys');
// The editor's rows, pasted in place of the tab's content.
tab.cells.splice(0, tab.cells.length, ...[accueil!, bilan!, later!].flatMap((s, i) => surveyRows(s).slice(i ? 1 : 0)));
const answer = (id: string, answers: Record<string, unknown>, survey = 'accueil') => ({ collection: 'responses', record: { id, survey, answers, postcode: '69007', created: '2026-12-01T10:00:00.000Z' }, meta });
const rows = () => app.private.tab('responses').records();

describe('a survey written as sheet rows', () => {
  it('reads back as the survey it was written from, conditions and translations included', () => {
    const read = app.get({ collection: 'surveys' });
    const parsed = parseCollection('surveys', readers.surveys, read.items!);
    assert.equal(parsed.skipped.length, 0, JSON.stringify(parsed.skipped));
    const back = parsed.items.find((s) => s.id === 'accueil')!;
    assert.deepEqual(back.questions, accueil!.questions);
    assert.deepEqual(back.translations, accueil!.translations);
    assert.equal(back.thanks, accueil!.thanks);
    assert.equal(Date.parse(back.closes!), Date.parse(accueil!.closes!));
  });
});

describe('answers in the private spreadsheet', () => {
  it('go one column per question, headed by its id, a list joined with " | ", a hidden answer dropped', () => {
    const given = { accueillir: false, date: '2026-12-12', aide: ['Tracter', 'Faire des affiches'] };
    assert.equal(app.post(answer('resp-acc-0001', given)).ok, true);
    const headers = app.private.tab('responses').cells[0]!;
    assert.deepEqual(headers.slice(-6), ['accueillir', 'date', 'lieu', 'personnes', 'aide', 'plats']);
    const [row] = rows();
    assert.equal(row!.accueillir, 'no');
    assert.equal(row!.date, '', 'the day of a host who cannot host is dropped');
    assert.equal(row!.aide, 'Tracter | Faire des affiches');
    assert.equal(row!.answers, undefined, 'no JSON cell of answers');
  });

  it('come back to staff as answers, the same as the widget would send them', () => {
    const given = { accueillir: true, date: '2026-12-20', lieu: 'Jardin partagé', personnes: 30, aide: ['Cuisiner'], plats: 'Soupe' };
    assert.equal(app.post(answer('resp-acc-0002', given)).ok, true);
    const items = staffRead(app, 'responses', app.staff).items as { id: string; answers: Record<string, unknown> }[];
    const kept = (id: string) => Object.fromEntries(Object.entries(items.find((i) => i.id === id)!.answers).filter(([, v]) => v !== ''));
    assert.deepEqual(kept('resp-acc-0002'), given);
    assert.deepEqual(kept('resp-acc-0001'), { accueillir: false, aide: ['Tracter', 'Faire des affiches'] });
    // The same rule as the widget's and the server's.
    assert.deepEqual(keptAnswers(accueil!, { accueillir: false, date: '2026-12-12' }), { accueillir: false });
    assert.deepEqual(askedQuestions(accueil!, given).map((q) => q.id), ['accueillir', 'date', 'lieu', 'personnes', 'aide', 'plats']);
  });

  it('are refused for a closed survey and one not open yet, saying when', () => {
    const closed = app.post(answer('resp-bil-0001', { note: 3 }, 'bilan'));
    assert.equal(closed.status, 403);
    assert.match(closed.error!, /closed on 2026-11-01/);
    const early = app.post(answer('resp-tard-0001', { note: 3 }, 'plus-tard'));
    assert.equal(early.status, 403);
    assert.match(early.error!, /takes answers from 2099-01-01/);
    assert.equal(rows().length, 2);
  });
});
