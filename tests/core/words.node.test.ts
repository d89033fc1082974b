/**
 * Every language Archipel ships is complete: each catalogue loads it, has exactly the English keys, keeps the
 * English placeholders, gives every plural form the language uses, and is not the English left as it was.
 * The type check catches a missing key; these catch the rest. The checks are scripts/check-words.mjs's, which
 * says the same to translators (`npm run check:words <lang>`).
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Catalogue } from '../../packages/core/src/i18n.ts';

type Kind = 'file' | 'importer' | 'locales' | 'missing' | 'extra' | 'shape' | 'placeholder' | 'plural' | 'count' | 'copy';
interface Problem {
  lang: string;
  catalogue: string;
  key?: string;
  kind: Kind;
  text: string;
}
interface Declaration {
  name: string;
  declaration: string;
  languages: Record<string, unknown>;
}
interface CheckWords {
  declarations(): Promise<Declaration[]>;
  locales(): Promise<string[]>;
  checkLanguage(lang: string, known?: { declarations?: Declaration[]; locales?: string[] }): Promise<Problem[]>;
  checkWords(lang: string, catalogue: string, english: Catalogue, translation: Catalogue): Problem[];
  SAME_AS_ENGLISH: { lang: string; catalogue: string; key: string; reason: string }[];
}

// A plain-Node script, so imported by its address: TypeScript sees it through the interface above.
const check = (await import(new URL('../../scripts/check-words.mjs', import.meta.url).href)) as CheckWords;
const declarations = await check.declarations();
const locales = await check.locales();
const problems = new Map<string, Problem[]>();
for (const lang of locales) problems.set(lang, await check.checkLanguage(lang, { declarations, locales }));

/** What is wrong, of these kinds, in every language: an empty list when all is well. */
const found = (...kinds: Kind[]) => [...problems.values()].flat().filter((p) => kinds.includes(p.kind)).map((p) => `${p.lang} ${p.catalogue}: ${p.text}`);

describe('the words of every language Archipel ships', () => {
  it('are the nine languages of issue #19', () => {
    assert.deepEqual([...locales].sort(), ['ar', 'de', 'en', 'es', 'fr', 'it', 'nl', 'pt', 'sw']);
  });

  it('are loaded by every catalogue: each declaration has an importer for each language of LOCALES', () => {
    assert.ok(declarations.length >= 13, `only ${declarations.length} catalogues found`);
    assert.deepEqual(found('file', 'importer', 'locales'), []);
    for (const d of declarations) assert.deepEqual(Object.keys(d.languages).sort(), [...locales].sort(), `${d.declaration} loads other languages than LOCALES`);
  });

  it('have exactly the English keys, none missing and none extra, each a sentence or a count as in English', () => {
    assert.deepEqual(found('missing', 'extra', 'shape'), []);
  });

  it('keep every {placeholder} of the English, and add none', () => {
    assert.deepEqual(found('placeholder'), []);
  });

  it('give a count every plural form its language uses (Arabic’s six), with # for the number', () => {
    assert.deepEqual(found('plural', 'count'), []);
  });

  it('are not the English left as it was, beyond three words, but for a short list with reasons', () => {
    assert.deepEqual(found('copy'), []);
    for (const a of check.SAME_AS_ENGLISH) assert.ok(a.reason.trim(), `${a.lang} ${a.catalogue} ${a.key} is allowed to stay English without a reason`);
  });
});

describe('the check itself', () => {
  const english: Catalogue = {
    heading: 'Actions near you',
    thanks: 'Thank you, {name}!',
    results: { one: '# action', other: '# actions' },
    near: { one: '# action within {radius} km', other: '# actions within {radius} km' },
  };
  const kinds = (lang: string, translation: Catalogue) => check.checkWords(lang, 'test', english, translation).map((p) => `${p.kind} ${p.key}`);

  it('finds a missing key, an extra one, and a count written as one sentence', () => {
    assert.deepEqual(kinds('de', { heading: 'Aktionen in deiner Nähe', thank: 'Danke, {name}!', results: '# Aktionen', near: { one: '# Aktion', other: '# Aktionen im Umkreis von {radius} km' } }).sort(), [
      'extra thank',
      'missing thanks',
      'placeholder near',
      'shape results',
    ]);
  });

  it('finds a placeholder lost, renamed or translated', () => {
    assert.deepEqual(kinds('fr', { heading: 'Les actions près de chez vous', thanks: 'Merci, {nom} !', results: { one: '# action', many: '# d’actions', other: '# actions' }, near: { one: '# action à moins de {radius} km', many: '# d’actions à moins de {radius} km', other: '# actions à moins de {radius} km' } }), [
      'placeholder thanks',
      'placeholder thanks',
    ]);
  });

  it('finds a plural form missing, one the language never uses, and a form without # where it stands for several numbers', () => {
    const ar = { heading: 'فعاليات قريبة منكم', thanks: 'شكرًا، {name}!', near: { zero: 'لا فعاليات في نطاق {radius} كم', one: 'فعالية واحدة في نطاق {radius} كم', two: 'فعاليتان في نطاق {radius} كم', few: '# فعاليات في نطاق {radius} كم', many: '# فعاليةً في نطاق {radius} كم', other: '# فعالية في نطاق {radius} كم' } };
    // Arabic's one and two are 1 and 2 only, so "فعالية واحدة" may say the number in words; its few (3 to 10) may not.
    assert.deepEqual(kinds('ar', { ...ar, results: { zero: 'لا فعاليات', one: 'فعالية واحدة', two: 'فعاليتان', few: 'فعاليات', other: '# فعالية' } }), [
      'plural results',
      'count results',
    ]);
    // Portuguese's one is 0 and 1: "uma ação" would be wrong for 0.
    assert.deepEqual(kinds('pt', { heading: 'Ações perto de você', thanks: 'Obrigado, {name}!', results: { one: 'uma ação', many: '# de ações', other: '# ações', few: '# ações' }, near: { one: '# ação em um raio de {radius} km', many: '# de ações em um raio de {radius} km', other: '# ações em um raio de {radius} km' } }), [
      'plural results',
      'count results',
    ]);
  });

  it('finds English left as it was, beyond three words only', () => {
    // "Actions near you" and "# actions" are three words or fewer: a language may well say them the same.
    assert.deepEqual(kinds('nl', { heading: 'Actions near you', thanks: 'Bedankt, {name}!', results: { one: '# action', other: '# actions' }, near: { one: '# actie binnen {radius} km', other: '# actions within {radius} km' } }), [
      'copy near',
    ]);
  });
});
