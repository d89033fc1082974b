/**
 * <hashtag-wall> for every reader: a right-to-left phone, text at 200 %, a screen reader, photos with
 * their descriptions.
 */
import { aTimeout, expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../packages/hashtag-wall/src/hashtag-wall.ts';
import type { HashtagWall } from '../../packages/hashtag-wall/src/hashtag-wall.component.ts';
import { $, $$, accessible, memory } from '../support/dom.ts';
import { clipped, overlapping, pageScrollWidth, restorePage, rtlPhone, startsRight, textSize } from '../support/page.ts';

let n = 0;
const post = (extra: Record<string, unknown> = {}) => {
  n++;
  return { id: `acc${n}`, author: `Author ${n}`, text: `Story number ${n}, told at some length so that it wraps over a few lines.`, hashtags: ['VagueClimat'], created: new Date(Date.UTC(2026, 9, 1, 0, n)).toISOString(), status: 'approved', ...extra };
};
const PHOTO = new URL('../../demo/data/images/post-01.svg', import.meta.url).href;
const cards = (el: HashtagWall) => $$(el, '[role=feed] > article');

async function wall(posts: unknown[], layout = 'masonry') {
  const el = await fixture<HashtagWall>(html`<hashtag-wall hashtag="VagueClimat" layout=${layout} .adapter=${memory({ posts }, { name: 'wall', writable: true })}></hashtag-wall>`);
  await waitUntil(() => cards(el).length > 0, 'the wall did not render', { timeout: 5000 });
  await el.updateComplete;
  return el;
}

describe('<hashtag-wall> on a right-to-left phone', () => {
  afterEach(restorePage);

  it('mirrors the wall and never makes the page scroll sideways at 320 px', async () => {
    await rtlPhone(320);
    const el = await wall(Array.from({ length: 6 }, () => post({ text: 'مرحبا بالجميع في المسيرة' })));
    await el.updateComplete;
    expect(pageScrollWidth()).to.be.at.most(320);
    expect(startsRight($(el, '#h'), $(el, 'header'))).to.equal(true, 'the title does not start on the right');
    for (const card of cards(el)) expect(startsRight(card, $(el, '.feed'))).to.equal(true, 'a card sits outside its one column');
    expect($(el, 'article .text').getAttribute('dir')).to.equal('auto');
    expect($(el, 'article .who').getAttribute('dir')).to.equal('auto');
    await accessible(el);
    $(el, '[part=share-button]').click();
    await waitUntil(() => $$(el, '[part=form] input').length > 0, 'the story form did not open');
    expect(pageScrollWidth()).to.be.at.most(320);
    expect(startsRight($(el, '[part=form] label'), $(el, '[part=form]'))).to.equal(true, 'the form is not mirrored');
    await accessible(el);
  });

  it('puts the first post in the right-hand column when there are several', async () => {
    await rtlPhone(900);
    const el = await wall(Array.from({ length: 6 }, () => post()));
    await waitUntil(() => cards(el).length === 6);
    const first = cards(el).find((c) => c.getAttribute('aria-posinset') === '1')!;
    const second = cards(el).find((c) => c.getAttribute('aria-posinset') === '2')!;
    expect(startsRight(first, $(el, '.feed'))).to.equal(true, 'post 1 is not in the right-hand column');
    expect(second.getBoundingClientRect().right).to.be.lessThan(first.getBoundingClientRect().left);
    expect(pageScrollWidth()).to.be.at.most(900);
  });
});

describe('<hashtag-wall> with text at 200 %', () => {
  afterEach(restorePage);

  for (const layout of ['masonry', 'grid', 'carousel']) {
    it(`keeps ${layout} cards apart and their text whole`, async () => {
      textSize(200);
      const el = await wall(Array.from({ length: 8 }, (_, i) => post({ author: `Author with a long name ${i}`, image: PHOTO, link: i % 2 ? 'https://vagueclimat.example.org/a-long-link' : undefined })), layout);
      await aTimeout(100);
      await el.updateComplete;
      expect(overlapping(cards(el))).to.deep.equal([]);
      expect(clipped(el.shadowRoot!).map((c) => c.className || c.localName)).to.deep.equal([]);
      for (const card of cards(el)) expect(card.scrollHeight, 'a card cuts off its text').to.be.at.most(card.clientHeight + 1);
      expect(overlapping($$(el, '[part=header] > :not(.skip)'))).to.deep.equal([]);
    });
  }

  it('keeps the story form’s fields apart', async () => {
    textSize(200);
    const el = await wall([post()]);
    $(el, '[part=share-button]').click();
    await waitUntil(() => $$(el, '[part=form] input').length > 0, 'the story form did not open');
    expect(overlapping($$(el, '[part=form] > *'))).to.deep.equal([]);
    expect(clipped(el.shadowRoot!)).to.deep.equal([]);
  });
});
