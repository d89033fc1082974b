import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseCollection } from '../../packages/core/src/parse.ts';
import { headerMap } from '../../packages/core/src/headers.ts';
import { readers } from '../../packages/core/src/collections.ts';
import { groupSurveyRows } from '../../packages/core/src/adapters/survey-rows.ts';
import { PublicChapterSchema } from '../../packages/core/src/schemas/chapters.ts';
import { survey } from '../support/translated-survey.ts';
import { reasons } from '../support/issues.ts';

const action = { title: 'Marche pour le climat', start: '2026-12-12T14:00', timezone: 'Europe/Paris' };
const actions = (rows: unknown[]) => parseCollection('actions', readers.actions, rows, { aliases: headerMap });

describe('reading translated content: the JSON form', () => {
  it('keeps a record’s language and its translations, trimmed, empty texts left out', () => {
    const { items, skipped } = actions([{ ...action, lang: 'fr', translations: { es: { title: ' Marcha por el clima ', description: '' }, 'pt-BR': { title: 'Marcha pelo clima' } } }]);
    assert.deepEqual(skipped, []);
    assert.equal(items[0]!.lang, 'fr');
    assert.deepEqual(items[0]!.translations, { es: { title: 'Marcha por el clima' }, 'pt-BR': { title: 'Marcha pelo clima' } });
  });

  it('reads a survey’s questions and options by question id, and chapters’ and posts’ texts', () => {
    assert.deepEqual(readers.surveys.read(survey).data!.translations, survey.translations);
    const chapter = readers.chapters.read({ id: 'lyon', name: 'Vague Climat Lyon', slogan: 'On s’y met', lang: 'fr', translations: { en: { slogan: 'Let’s go', description: 'A group.' } } });
    assert.deepEqual(chapter.data!.translations, { en: { slogan: 'Let’s go', description: 'A group.' } });
    const post = readers.posts.read({ id: 'p1', author: 'Ana', text: 'Hola', created: '2026-11-01T10:00:00Z', lang: 'es', translations: { fr: { text: 'Salut' } } });
    assert.deepEqual(post.data!.translations, { fr: { text: 'Salut' } });
  });

  it('refuses language keys that are not language tags, fields that cannot be translated and texts too long, in words', () => {
    const { items, skipped } = actions([
      { ...action, translations: { spanish: { title: 'Marcha' } } },
      { ...action, translations: { es_ES: { title: 'Marcha' } } },
      { ...action, translations: { jp: { title: 'マーチ' } } },
      { ...action, lang: 'français' },
      { ...action, translations: { es: { venue: 'Plaza' } } },
      { ...action, translations: { es: { title: 'x'.repeat(201) } } },
      { ...action, translations: { es: 'Marcha' } },
      { ...action, lang: 'zh-Hant-TW', translations: { 'es-419': { title: 'Marcha' }, 'ca-valencia': { title: 'Marxa' } } },
    ]);
    assert.deepEqual(reasons(skipped), [
      'translations.spanish: "spanish" is not a language code such as es or pt-BR',
      'translations.es_ES: "es_ES" is not a language code such as es or pt-BR',
      'translations.jp: "jp" is not a language code such as es or pt-BR',
      'lang: "français" is not a language code such as es or pt-BR',
      'translations.es: has no field named venue',
      'translations.es.title: is longer than 200 characters',
      'translations.es: should be a record',
    ]);
    assert.equal(items.length, 1);
  });

  it('refuses a question’s translation that is not a label and options', () => {
    const r = readers.surveys.read({ ...survey, translations: { es: { questions: { role: { label: 'Rol', type: 'multi' } } } } });
    assert.deepEqual(reasons([{ row: 1, issue: r.error!.issues[0]! }]), ['translations.es.questions.role: has no field named type']);
  });

  it('gives anyone a chapter’s translations, which hold public texts only', () => {
    const chapter = readers.chapters.read({ id: 'lyon', name: 'Lyon', translations: { en: { slogan: 'Let’s go' } }, leaders: [{ name: 'Léa', email: 'lea@example.org' }] }).data!;
    const shown = PublicChapterSchema.parse(chapter);
    assert.deepEqual(shown.translations, { en: { slogan: 'Let’s go' } });
    assert.equal(PublicChapterSchema.safeParse({ ...chapter, translations: { en: { email: 'x@example.org' } } }).success, false);
  });
});

describe('reading translated content: a sheet’s columns', () => {
  it('reads "<field>:<language>" columns, with the field’s header in any of our languages, into translations', () => {
    const { items, skipped, unknownColumns } = actions([
      { Titre: 'Marche', 'Date de début': '2026-12-12 14:00', Langue: 'fr', 'Titre:es': 'Marcha', 'title : en': 'March', 'Description:pt_BR': 'Uma marcha', 'Título:es': 'Otra' },
    ]);
    assert.deepEqual(skipped, []);
    assert.deepEqual(unknownColumns, []);
    assert.equal(items[0]!.lang, 'fr');
    assert.deepEqual(items[0]!.translations, { es: { title: 'Marcha' }, en: { title: 'March' }, 'pt-BR': { description: 'Uma marcha' } });
  });

  it('names a language column of a field that cannot be translated as a column it does not know', () => {
    const { items, unknownColumns } = actions([{ ...action, 'venue:es': 'Plaza', 'Titre:espagnol': 'Marcha' }]);
    assert.equal(items[0]!.translations, undefined);
    assert.deepEqual(unknownColumns, ['venue:es', 'Titre:espagnol']);
  });

  it('reads a survey written one row per question, with title, intro, label and options columns in other languages', () => {
    const rows = groupSurveyRows([
      { survey: 'pret', titre: 'Prêt·e ?', 'titre:es': '¿Lista?', intro: 'Deux minutes.', 'intro:es': 'Dos minutos.', langue: 'fr', question: 'role', type: 'single', label: 'Rôle', 'libellé:es': 'Papel', options: 'nouveau | bénévole', 'options:es': 'nueva | voluntaria' },
      { survey: 'pret', question: 'note', type: 'text', label: 'Autre ?', 'label:en': 'Anything else?' },
    ]);
    const { items, skipped } = parseCollection('surveys', readers.surveys, rows, { aliases: headerMap });
    assert.deepEqual(skipped, []);
    assert.equal(items[0]!.lang, 'fr');
    assert.deepEqual(items[0]!.translations, {
      es: { title: '¿Lista?', intro: 'Dos minutos.', questions: { role: { label: 'Papel', options: ['nueva', 'voluntaria'] } } },
      en: { questions: { note: { label: 'Anything else?' } } },
    });
    assert.deepEqual(items[0]!.questions[0]!.options, ['nouveau', 'bénévole']);
  });
});
