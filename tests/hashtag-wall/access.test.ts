/**
 * <hashtag-wall> for every reader: a right-to-left phone, text at 200 %, a screen reader, photos with
 * their descriptions.
 */
import { aTimeout, expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { executeServerCommand, sendKeys, setViewport } from '@web/test-runner-commands';
import { resolveAdapter } from '../../packages/core/src/adapter.ts';
import '../../packages/hashtag-wall/src/hashtag-wall.ts';
import type { HashtagWall } from '../../packages/hashtag-wall/src/hashtag-wall.component.ts';
import { $, $$, accessible, memory, query } from '../support/dom.ts';
import { clipped, inAccessibilityTree, overlapping, pageScrollWidth, restorePage, rtlPhone, startsRight, textSize } from '../support/page.ts';

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

describe('<hashtag-wall> for a screen reader', () => {
  afterEach(restorePage);

  it('puts every post of a wall in the accessibility tree, even on a phone', async () => {
    await setViewport({ width: 360, height: 640 });
    const el = await wall(Array.from({ length: 131 }, () => post()));
    await waitUntil(() => cards(el).length === 131, `only ${cards(el).length} of 131 posts are in the feed`, { timeout: 3000 });
    expect(cards(el).map((c) => c.getAttribute('aria-posinset'))).to.deep.equal(Array.from({ length: 131 }, (_, i) => String(i + 1)));
    expect(new Set(cards(el).map((c) => c.getAttribute('aria-setsize')))).to.deep.equal(new Set(['131']));
    expect(overlapping(cards(el))).to.deep.equal([]);
    const read = await inAccessibilityTree('article');
    expect(read.length).to.equal(131, 'a screen reader does not find every post');
  });

  it('goes past the wall from its skip link: the next Tab leaves the wall', async () => {
    const box = await fixture<HTMLElement>(html`<div><hashtag-wall hashtag="VagueClimat" .adapter=${memory({ posts: [post(), post()] }, { name: 'wall' })}></hashtag-wall><button id="after">After the wall</button></div>`);
    const el = box.querySelector<HashtagWall>('hashtag-wall')!;
    await waitUntil(() => cards(el).length === 2);
    $(el, '.skip').focus();
    await sendKeys({ press: 'Enter' });
    expect(el.shadowRoot!.activeElement?.className).to.equal('end');
    await sendKeys({ press: 'Tab' });
    expect(document.activeElement?.id).to.equal('after', `Tab went to ${el.shadowRoot!.activeElement?.className || document.activeElement?.localName}`);
  });

  it('after a story is sent, puts focus on the confirmation, not on the page', async () => {
    const el = await wall([post()]);
    $(el, '[part=share-button]').click();
    await waitUntil(() => $$(el, '[part=form] input').length > 0, 'the story form did not open');
    $<HTMLInputElement>(el, '[name=name]').value = 'Léa';
    $<HTMLTextAreaElement>(el, '[name=text]').value = 'Première fois en manif.';
    $<HTMLInputElement>(el, '[name=consent]').checked = true;
    $(el, '[type=submit]').focus();
    const submitted = oneEvent(el, 'archipel-submitted');
    await sendKeys({ press: 'Enter' });
    await submitted;
    await waitUntil(() => el.shadowRoot!.activeElement, 'focus fell to the page', { timeout: 2000 });
    const confirmation = el.shadowRoot!.activeElement!;
    expect(confirmation.textContent).to.contain('Léa');
    expect(confirmation.matches('[part=status]')).to.equal(true);
    await accessible(el);
  });
});

describe('<hashtag-wall> photos and their descriptions', function () {
  this.timeout(20_000);

  it('gives each photo its room, loads it lazily and reads its description as its alternative text', async () => {
    const el = await wall([post({ image: PHOTO, alt: 'Thirty people on the town hall steps with a green banner' }), post({ image: PHOTO })]);
    // Newest first: the photo without a description, then the described one.
    const [plain, described] = cards(el).map((c) => c.querySelector('img')!);
    for (const img of [described!, plain!]) {
      expect([img.getAttribute('width'), img.getAttribute('height'), img.getAttribute('loading')]).to.deep.equal(['400', '300', 'lazy']);
      expect(getComputedStyle(img.parentElement!).aspectRatio).to.equal('4 / 3');
    }
    expect(described!.alt).to.equal('Thirty people on the town hall steps with a green banner');
    expect(plain!.alt).to.match(/^Photo/);
    await accessible(el);
  });

  it('asks for a description of the photo, says which fields are required in words, and stores the description with the post', async () => {
    const { url, token } = await executeServerCommand<{ url: string; token: string }, { action: string }>('reference-server', { action: 'start' });
    const hashtag = `Alt${Date.now().toString(36)}`;
    const el = await fixture<HashtagWall>(html`<hashtag-wall lang="en" source=${url} hashtag=${hashtag}></hashtag-wall>`);
    await waitUntil(() => query(el, '[part=share-button]'), 'the wall did not render', { timeout: 5000 });
    $(el, '[part=share-button]').click();
    await waitUntil(() => query(el, '[name=alt]'), 'the story form has no photo description', { timeout: 5000 });
    expect($(el, 'label[for=alt]').textContent).to.contain('Description of the photo');
    expect($(el, '[name=alt]').getAttribute('aria-describedby')).to.contain('f-alt-hint');
    expect($(el, 'label[for=author]').textContent).to.contain('(required)');
    expect($(el, 'label.check').textContent).to.contain('(required)');
    await accessible(el);
    $<HTMLInputElement>(el, '[name=name]').value = 'Léa';
    $<HTMLInputElement>(el, '[name=link]').value = 'https://vagueclimat.example.org/photos/steps.jpg';
    $<HTMLTextAreaElement>(el, '[name=alt]').value = 'Thirty of us on the town hall steps with a green banner';
    $<HTMLInputElement>(el, '[name=consent]').checked = true;
    // The reference server refuses forms sent faster than a person fills them.
    await aTimeout(1600);
    const submitted = oneEvent(el, 'archipel-submitted');
    $(el, '[type=submit]').click();
    const { detail } = await submitted;
    expect(detail.record.alt).to.equal('Thirty of us on the town hall steps with a green banner');
    const queue = await resolveAdapter(url).moderationQueue!({ token }, ['pending']);
    const stored = (queue.rows as { id: string; image?: string; alt?: string }[]).find((r) => r.id === detail.record.id);
    expect([stored?.image, stored?.alt]).to.deep.equal(['https://vagueclimat.example.org/photos/steps.jpg', 'Thirty of us on the town hall steps with a green banner']);
  });
});
