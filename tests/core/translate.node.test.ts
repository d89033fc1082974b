import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { translated } from '../../packages/core/src/translate.ts';
import { survey } from '../support/translated-survey.ts';

describe('showing content in the visitor’s language', () => {
  const march = { id: 'a1', title: 'Marche', description: 'Départ à 14 h.', lang: 'fr', translations: { es: { title: 'Marcha' }, 'pt-BR': { title: 'Marcha (BR)' }, pt: { title: 'Marcha (PT)' } } };

  it('shows the translation into the widget’s language, with no lang of its own', () => {
    assert.deepEqual(translated(march, 'title', 'es'), { text: 'Marcha', lang: undefined });
  });

  it('shows a field the translation leaves out, and a record without a translation, in the original, marked with its language', () => {
    assert.deepEqual(translated(march, 'description', 'es'), { text: 'Départ à 14 h.', lang: 'fr' });
    assert.deepEqual(translated(march, 'title', 'de'), { text: 'Marche', lang: 'fr' });
    assert.deepEqual(translated(march, 'title', 'fr'), { text: 'Marche', lang: undefined });
  });

  it('prefers the same tag, then the bare language, then another region of it', () => {
    assert.deepEqual(translated(march, 'title', 'pt-br'), { text: 'Marcha (BR)', lang: undefined });
    assert.deepEqual(translated(march, 'title', 'pt-PT'), { text: 'Marcha (PT)', lang: 'pt' });
    assert.deepEqual(translated({ ...march, translations: { 'pt-BR': { title: 'Marcha (BR)' } } }, 'title', 'pt'), { text: 'Marcha (BR)', lang: 'pt-BR' });
    assert.deepEqual(translated({ ...march, translations: { 'es-419': { title: 'Marcha' } } }, 'title', 'es'), { text: 'Marcha', lang: 'es-419' });
  });

  it('keeps the original when it is already in the visitor’s language, whatever else there is', () => {
    assert.deepEqual(translated({ ...march, lang: 'es', translations: { es: { title: 'Otra' } } }, 'title', 'es'), { text: 'Marche', lang: undefined });
  });

  it('gives an empty text for a field neither has, and no language for a record whose language nobody gave', () => {
    assert.deepEqual(translated(march, 'slogan', 'es'), { text: '', lang: 'fr' });
    assert.deepEqual(translated({ title: 'Marche' }, 'title', 'es'), { text: 'Marche', lang: undefined });
  });

  it('shows a question’s label and options in the visitor’s language, in the original order', () => {
    const role = translated(survey, survey.questions[0]!, 'es');
    assert.deepEqual(role, { text: 'Tu implicación', lang: undefined, options: [{ text: 'nueva', lang: undefined }, { text: 'voluntaria', lang: undefined }, { text: 'organizadora', lang: undefined }] });
    const host = translated(survey, survey.questions[2]!, 'es');
    assert.deepEqual(host, { text: 'Accueillir ?', lang: 'fr', options: [] });
  });

  it('shows the original options, marked, when a translation has not as many, and says so in the console once', (t) => {
    const warn = t.mock.method(console, 'warn', () => undefined);
    const ready = translated(survey, survey.questions[1]!, 'es');
    translated(survey, survey.questions[1]!, 'es');
    assert.equal(ready.text, '¿Lista?');
    assert.deepEqual(ready.options, [{ text: 'Pas du tout', lang: 'fr' }, { text: 'Tout à fait', lang: 'fr' }]);
    assert.equal(warn.mock.callCount(), 1);
    assert.match(String(warn.mock.calls[0]!.arguments[0]), /Survey "pret", question "ready": its "es" translation should give one option for each of its 2, in the same order \(it gives 1\)/);
  });
});
