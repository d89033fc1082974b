/** The form's model without a browser: placing a postcode, reading attributes and the address, share links. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { locate, nearest } from '../../packages/hub-signup/src/nearest.ts';
import { arrival, pairs } from '../../packages/hub-signup/src/fields.ts';
import { hashText } from '../../packages/core/src/parse.ts';
import { shareCode, shareLink, shareTargets } from '../../packages/hub-signup/src/share.ts';

const demo = (name: string) => JSON.parse(readFileSync(new URL(`../../demo/data/${name}.json`, import.meta.url), 'utf8')) as { id: string; postcode?: string; lat?: number; lng?: number }[];

describe('the nearest chapter to a postcode, from the demo campaign’s own data', () => {
  const chapters = demo('chapters');
  const places = [...chapters, ...demo('actions')];
  const chapterFor = (postcode: string) => {
    const at = locate(postcode, places);
    return at && nearest(at, chapters)?.id;
  };

  it('places postcodes the data knows, and their neighbours through a shared prefix', () => {
    assert.equal(chapterFor('75011'), 'paris');
    assert.equal(chapterFor('69100'), 'lyon', 'Villeurbanne is not in the data; the 69 département is');
    assert.equal(chapterFor('13008'), 'marseille');
    assert.equal(chapterFor('29200'), 'brest');
    assert.equal(chapterFor('1050'), 'bruxelles');
    assert.equal(chapterFor('1204'), 'geneve');
    assert.equal(chapterFor('h2x 1y4'), 'montreal', 'case and spaces do not matter');
    assert.equal(chapterFor('J1K2R1'), 'sherbrooke');
    assert.equal(chapterFor('SW1A 1AA'), 'london');
    assert.equal(chapterFor('08001'), 'barcelona');
  });

  it('does not guess from a single shared character or across postcode shapes', () => {
    assert.equal(locate('97400', places), undefined, 'La Réunion shares only "9" with the data');
    assert.equal(locate('7', places), undefined);
    assert.equal(locate('', places), undefined);
    const belgianOnly = [{ postcode: '1000', lat: 50.85, lng: 4.35 }];
    assert.equal(locate('10000', belgianOnly), undefined, 'a French 5-digit postcode is not matched with a Belgian 4-digit one');
  });

  it('averages the places that share the longest prefix', () => {
    const at = locate('69009', [
      { postcode: '69001', lat: 45, lng: 4 },
      { postcode: '69002', lat: 47, lng: 6 },
      { postcode: '38000', lat: 10, lng: 10 },
    ]);
    assert.deepEqual(at, [46, 5]);
  });
});

describe('attributes and the address', () => {
  it('reads "key:text|key:text" pairs, keys optional', () => {
    assert.deepEqual(pairs('contact:J’accepte d’être recontacté·e|news: La lettre', () => 'x'), [
      ['contact', 'J’accepte d’être recontacté·e'],
      ['news', 'La lettre'],
    ]);
    assert.deepEqual(pairs('J’accepte : oui', (i) => `c${i}`), [['c0', 'J’accepte : oui']]);
    assert.deepEqual(pairs(undefined, () => 'x'), []);
  });

  it('versions a wording by its text, so any change makes a new version', () => {
    assert.equal(hashText('I agree'), hashText('I agree'));
    assert.notEqual(hashText('I agree'), hashText('I agree.'));
    assert.match(hashText('I agree'), /^[0-9a-z]{1,7}$/);
  });

  it('reads prefill, the recruiter’s code and UTM tags from the address, and ?source= as the UTM source', () => {
    assert.deepEqual(arrival('?email=a%40b.org&postcode=75011&ref=k3x9&utm_source=ig&utm_medium=social&utm_campaign=dec&utm_term=t&utm_content=c&other=1'), {
      email: 'a@b.org',
      postcode: '75011',
      referrer: 'k3x9',
      utm: { source: 'ig', medium: 'social', campaign: 'dec', term: 't', content: 'c' },
    });
    assert.deepEqual(arrival('?source=stand'), { email: undefined, postcode: undefined, referrer: undefined, utm: { source: 'stand' } });
    assert.deepEqual(arrival(''), { email: undefined, postcode: undefined, referrer: undefined, utm: undefined });
    assert.equal(arrival(`?ref=${'x'.repeat(100)}`).referrer?.length, 40, 'no longer than the schema allows');
  });
});

describe('share links', () => {
  it('makes short unambiguous codes', () => {
    const codes = new Set(Array.from({ length: 2000 }, shareCode));
    assert.equal(codes.size, 2000);
    for (const c of codes) assert.match(c, /^[2-9a-hjkmnp-z]{8}$/);
  });

  it('links to the page with ?ref=, dropping what the visitor arrived with', () => {
    assert.equal(shareLink('abc', 'https://x.org/join?email=a%40b.org&utm_source=ig&lang=fr#form'), 'https://x.org/join?lang=fr&ref=abc');
  });

  it('shares through plain links, no script', () => {
    const [wa, tg, mail] = shareTargets('https://x.org/?ref=abc', 'Join me!', 'Join');
    assert.deepEqual(wa, ['WhatsApp', 'https://wa.me/?text=Join%20me!%20https%3A%2F%2Fx.org%2F%3Fref%3Dabc']);
    assert.deepEqual(tg, ['Telegram', 'https://t.me/share/url?url=https%3A%2F%2Fx.org%2F%3Fref%3Dabc&text=Join%20me!']);
    assert.deepEqual(mail, ['email', 'mailto:?subject=Join&body=Join%20me!%0A%0Ahttps%3A%2F%2Fx.org%2F%3Fref%3Dabc']);
  });
});
