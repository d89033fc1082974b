/** The demo campaign is what a webmaster sees first: it must read cleanly through the real schemas. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, existsSync } from 'node:fs';
import { parseCollection } from '../../packages/core/src/parse.ts';
import { readers } from '../../packages/core/src/collections.ts';
import { describeIssue } from '../../packages/core/src/server.ts';
import { contrast, parseColour, makeTheme } from '../../packages/core/src/theme.ts';

const load = (name: string) => JSON.parse(readFileSync(`demo/data/${name}.json`, 'utf8')) as unknown[];

describe('the demo campaign', () => {
  it('has 300+ actions in their own time zones, with exactly the two deliberately broken rows skipped', () => {
    const r = parseCollection('actions', readers.actions, load('actions'));
    assert.ok(r.items.length >= 300);
    assert.equal(r.skipped.length, 2);
    assert.match(describeIssue(r.skipped[0]!.issue), /^title: is missing/);
    assert.match(describeIssue(r.skipped[1]!.issue), /^start: "bientôt" is not a date/);
    assert.ok(new Set(r.items.map((a) => a.timezone)).size >= 8);
    assert.ok(r.items.some((a) => a.virtual));
    assert.ok(new Set(r.items.map((a) => a.country)).size >= 8);
  });

  it('has 40 chapters whose logos exist and whose brand colours get readable text', () => {
    const r = parseCollection('chapters', readers.chapters, load('chapters'));
    assert.equal(r.items.length, 40);
    assert.equal(r.skipped.length, 0);
    for (const c of r.items) {
      assert.ok(existsSync(`demo/data/${c.logo}`), c.logo);
      const t = makeTheme(c.color!);
      assert.ok(contrast(parseColour(t.brand)!, parseColour(t.brandContrast)!) >= 4.5, c.id);
    }
  });

  it('has 150 posts in three languages, some pending or hidden, a readiness survey and a public poll', () => {
    const posts = parseCollection('posts', readers.posts, load('posts'));
    assert.equal(posts.items.length, 150);
    assert.ok(posts.items.some((p) => p.status === 'pending') && posts.items.some((p) => p.status === 'hidden'));
    const surveys = parseCollection('surveys', readers.surveys, load('surveys'));
    assert.deepEqual(surveys.items.map((s) => [s.id, Boolean(s.public_results)]), [['pret-a-agir', false], ['choix-du-12', true]]);
    assert.deepEqual([...new Set(surveys.items[0]!.questions.map((q) => q.type))].sort(), ['multi', 'scale', 'single', 'text', 'yesno']);
    const responses = parseCollection('responses', readers.responses, JSON.parse(readFileSync('demo/seed/responses.json', 'utf8')) as unknown[]);
    assert.equal(responses.skipped.length, 0);
    assert.equal(responses.items.filter((r) => r.survey === 'pret-a-agir').length, 600);
    assert.equal(responses.items.filter((r) => r.survey === 'choix-du-12').length, 240);
  });

  it('says the language of every action, chapter, post and survey, and translates a few into French, English and Spanish', () => {
    const read = <C extends 'actions' | 'chapters' | 'posts' | 'surveys'>(c: C) => parseCollection(c, readers[c], load(c)).items;
    const all = [...read('actions'), ...read('chapters'), ...read('posts'), ...read('surveys')];
    assert.deepEqual(all.filter((r) => !r.lang).map((r) => r.id), []);
    assert.ok(new Set(all.map((r) => r.lang)).size >= 5, 'records in at least five languages');
    const translated = (c: 'actions' | 'chapters' | 'posts') => read(c).filter((r) => r.translations);
    assert.ok(translated('actions').length >= 20 && translated('chapters').length >= 4 && translated('posts').length >= 3);
    // The survey speaks every built-in language, each option translated one by one, so answers keep the French ones.
    const [survey, poll] = read('surveys');
    assert.deepEqual(Object.keys(survey!.translations!).sort(), ['en', 'es']);
    for (const words of Object.values(survey!.translations!)) {
      for (const q of survey!.questions) {
        assert.ok(words.questions?.[q.id]?.label, `${q.id} has a label`);
        assert.equal(words.questions[q.id]!.options?.length, q.options?.length, `${q.id}: as many options`);
      }
    }
    // The poll is not translated: visitors read it in French, marked as French.
    assert.equal(poll!.translations, undefined);
  });
});
