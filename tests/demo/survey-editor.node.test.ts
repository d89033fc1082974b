/** The survey editor page writes a sheet's rows with its own copy of core's surveyRows(): they must agree. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { surveyRows } from '../../packages/core/src/survey-rows.ts';
// @ts-expect-error the demo's plain JavaScript module has no types
import { surveyRows as editorRows, asTsv } from '../../demo/survey-editor-rows.js';
import type { Survey } from '../../packages/core/src/schemas/surveys.ts';

const surveys = JSON.parse(readFileSync('tests/fixtures/branched-survey/surveys.json', 'utf8')) as Survey[];

describe('the survey editor’s sheet rows', () => {
  it('are core’s, for a branched, translated survey and for plain ones', () => {
    for (const s of surveys) assert.deepEqual(editorRows(s), surveyRows(s), s.id);
    const [header, first, second] = surveyRows(surveys[0]!);
    assert.equal(header!.length, first!.length);
    assert.equal(first![header!.indexOf('title:es')], 'Acoger una acción el 12 de diciembre');
    assert.equal(second![header!.indexOf('show_if')], 'accueillir = yes');
    assert.equal(first![header!.indexOf('title')], 'Accueillir une action le 12 décembre');
    assert.equal(second![header!.indexOf('title')], '', 'the survey’s own fields on its first row only');
  });

  it('paste as one line a row, tab-separated, whatever the text holds', () => {
    const tsv = asTsv([['a', 'b\tc'], ['d\ne', 'f']]) as string;
    assert.deepEqual(tsv.split('\n').map((l) => l.split('\t')), [['a', 'b c'], ['d e', 'f']]);
  });
});

describe('a published sheet holding the editor’s rows', () => {
  it('reads back, as the widgets read a Google Sheet, as the survey they were written from', async () => {
    const { groupSurveyRows } = await import('../../packages/core/src/adapters/survey-rows.ts');
    const { parseCollection } = await import('../../packages/core/src/parse.ts');
    const { readers } = await import('../../packages/core/src/collections.ts');
    for (const survey of surveys) {
      const [header, ...rows] = surveyRows(survey);
      // A published sheet gives every cell as text.
      const records = rows.map((r) => Object.fromEntries(header!.map((h, i) => [String(h), String(r[i])])));
      const parsed = parseCollection('surveys', readers.surveys, groupSurveyRows(records));
      assert.equal(parsed.skipped.length, 0, JSON.stringify(parsed.skipped));
      const back = parsed.items[0]!;
      assert.deepEqual(back.questions, survey.questions, survey.id);
      assert.deepEqual(back.translations, survey.translations, survey.id);
      assert.deepEqual([back.thanks, back.opens && Date.parse(back.opens), back.closes && Date.parse(back.closes)], [survey.thanks, survey.opens && Date.parse(survey.opens), survey.closes && Date.parse(survey.closes)]);
    }
  });
});
