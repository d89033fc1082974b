import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { format, formatNumber } from '../../packages/core/src/i18n.ts';

describe('messages with a count', () => {
  it('use every plural category a language has: Arabic’s six', () => {
    const message = { zero: 'لا إجراء', one: 'إجراء واحد', two: 'إجراءان', few: '# إجراءات', many: '# إجراءً', other: '# إجراء' };
    const forms = [0, 1, 2, 3, 11, 100].map((count) => format(message, 'ar', { count }));
    assert.deepEqual(forms, ['لا إجراء', 'إجراء واحد', 'إجراءان', '3 إجراءات', '11 إجراءً', '100 إجراء']);
  });

  it('use Polish’s few and many, and French’s one for zero', () => {
    const pl = { one: '# akcja', few: '# akcje', many: '# akcji', other: '# akcji' };
    assert.deepEqual([1, 2, 5, 22].map((count) => format(pl, 'pl', { count })), ['1 akcja', '2 akcje', '5 akcji', '22 akcje']);
    assert.equal(format({ one: '# action', other: '# actions' }, 'fr', { count: 0 }), '0 action');
    assert.equal(format({ one: '# action', other: '# actions' }, 'en', { count: 0 }), '0 actions');
  });

  it('fall back to `other` when a form is missing, and fill placeholders and the count in the language’s digits', () => {
    assert.equal(format({ other: '# in {place}' }, 'en', { count: 1234, place: 'Lyon' }), '1,234 in Lyon');
    assert.equal(format({ other: '# à {place}' }, 'fr', { count: 1234, place: 'Lyon' }), '1\u202f234 à Lyon');
    assert.equal(format('Bonjour {name}, {missing}', 'fr', { name: 'Léa' }), 'Bonjour Léa, {missing}');
  });
});

describe('numbers', () => {
  it('are written as each language and each set of options asks, whichever was asked for first', () => {
    const asked: [number, string, Intl.NumberFormatOptions?][] = [
      [93, 'fr', { style: 'unit', unit: 'kilometer' }],
      [1234, 'fr'],
      [1234, 'en'],
      [0.125, 'fr', { style: 'percent', maximumFractionDigits: 1 }],
      [0.125, 'fr', { style: 'percent' }],
      [93, 'ar', { style: 'unit', unit: 'kilometer' }],
      [93, 'fr', { style: 'unit', unit: 'kilometer' }],
    ];
    const written = asked.map(([n, locale, options]) => formatNumber(n, locale, options));
    assert.deepEqual(written, asked.map(([n, locale, options]) => new Intl.NumberFormat(locale, options).format(n)));
    assert.equal(new Set(written).size, 6, 'six different writings');
  });
});
