/**
 * <chapter-hub> for every reader: a right-to-left phone, text at 200 %, a screen reader, the logo's room kept.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { ChapterHub } from '../../packages/chapter-hub/src/chapter-hub.ts';
import '../../packages/hub-signup/src/hub-signup.ts';
import '../../packages/hashtag-wall/src/hashtag-wall.ts';
import { DEMO, shown } from './helpers.ts';
import { $, $$, accessible, memory } from '../support/dom.ts';
import { clipped, inAccessibilityTree, overlapping, pageScrollWidth, restorePage, rtlPhone, startsRight, textSize } from '../support/page.ts';

describe('<chapter-hub> on a right-to-left phone', () => {
  afterEach(restorePage);

  it('mirrors the hub and never makes the page scroll sideways at 320 px', async () => {
    await rtlPhone(320);
    const hub = await fixture<ChapterHub>(html`<chapter-hub source=${DEMO} chapter="lyon" sections="about leaders links signup"></chapter-hub>`);
    await shown(hub);
    expect(pageScrollWidth()).to.be.at.most(320);
    expect(startsRight($(hub, '#name'), $(hub, '[part~=header]'), 24)).to.equal(true, 'the name does not start on the right');
    expect($(hub, '#name').getAttribute('dir')).to.equal('auto');
    await accessible(hub);
  });

  it('mirrors the directory, its entries and the way back', async () => {
    await rtlPhone(320);
    const hub = await fixture<ChapterHub>(html`<chapter-hub source=${DEMO}></chapter-hub>`);
    await shown(hub);
    expect(pageScrollWidth()).to.be.at.most(320);
    const entry = $(hub, '.entries li');
    expect($(hub, '.entries li .name').getAttribute('dir')).to.equal('auto');
    expect($(hub, '.entries li .badge').getBoundingClientRect().left).to.be.greaterThan($(hub, '.entries li .name').getBoundingClientRect().left, 'the badge is not at the start (right)');
    expect(entry.getBoundingClientRect().right).to.be.at.most(320);
    $(hub, '.entries li .name').click();
    await shown(hub);
    const arrow = $(hub, '[part=back] .arrow');
    expect(getComputedStyle(arrow).transform).to.match(/^matrix\(-1/, 'the arrow back still points left');
    expect(pageScrollWidth()).to.be.at.most(320);
    await accessible(hub);
  });
});

describe('<chapter-hub> with text at 200 %', () => {
  afterEach(restorePage);

  it('keeps the header, sections and leaders apart and whole', async () => {
    textSize(200);
    const hub = await fixture<ChapterHub>(html`<chapter-hub lang="fr" source=${DEMO} chapter="lyon" sections="about leaders links signup"></chapter-hub>`);
    await shown(hub);
    const root = hub.shadowRoot!;
    expect(overlapping([...root.querySelectorAll('[part~=header] > *, .leaders li, .links li, .section')])).to.deep.equal([]);
    expect(clipped(root).map((c) => c.className || c.localName)).to.deep.equal([]);
    const logo = $(hub, '[part~=logo]').getBoundingClientRect();
    expect(logo.width, 'the logo’s tile does not grow with the text').to.be.at.least(4.5 * 32 - 1);
  });

  it('keeps the directory’s entries apart and whole', async () => {
    textSize(200);
    const hub = await fixture<ChapterHub>(html`<chapter-hub lang="fr" source=${DEMO}></chapter-hub>`);
    await shown(hub);
    expect(overlapping($$(hub, '.entries li'))).to.deep.equal([]);
    expect(overlapping($$(hub, '.entries li:first-child *'), (e) => e.className)).to.deep.equal([]);
    expect(clipped(hub.shadowRoot!).map((c) => c.className || c.localName)).to.deep.equal([]);
  });
});

describe('<chapter-hub> on a phone with text at 200 %', () => {
  afterEach(restorePage);

  it('fits 320 px: leaders, links and the directory wrap rather than push the page sideways', async () => {
    await rtlPhone(320);
    textSize(200);
    const hub = await fixture<ChapterHub>(html`<chapter-hub source=${DEMO} chapter="lyon" sections="about leaders links"></chapter-hub>`);
    await shown(hub);
    expect(pageScrollWidth()).to.be.at.most(320);
    const directory = await fixture<ChapterHub>(html`<chapter-hub source=${DEMO}></chapter-hub>`);
    await shown(directory);
    expect(pageScrollWidth()).to.be.at.most(320);
  });
});

describe('<chapter-hub> for a screen reader', () => {
  it('leaves the page its one banner: the hub’s header is not a second one', async () => {
    const page = await fixture<HTMLElement>(html`<div><header><p>Vague Climat</p></header><chapter-hub source=${DEMO} chapter="lyon" sections="about"></chapter-hub></div>`);
    const hub = page.querySelector<ChapterHub>('chapter-hub')!;
    await shown(hub);
    expect((await inAccessibilityTree('banner')).length).to.equal(1);
    await expect(page).to.be.accessible();
  });

  it('has no axe violation on a chapter page whose wall is empty', async () => {
    const adapter = memory({ chapters: [{ id: 'x', name: 'Vague X' }], posts: [] }, { name: 'hub' });
    const hub = await fixture<ChapterHub>(html`<chapter-hub .adapter=${adapter} chapter="x" sections="wall"></chapter-hub>`);
    await shown(hub);
    await waitUntil(() => hub.shadowRoot!.querySelector('hashtag-wall')?.shadowRoot?.querySelector('[part=status]'), 'the wall did not say it is empty', { timeout: 5000 });
    const feed = hub.shadowRoot!.querySelector('hashtag-wall')!.shadowRoot!.querySelector('[part=feed]')!;
    expect(feed.hasAttribute('role') || feed.hasAttribute('aria-labelledby')).to.equal(false, 'an empty feed, or a label on nothing');
    await expect(hub).to.be.accessible();
  });
});

describe('<chapter-hub> logos', () => {
  it('keeps each logo’s room before it loads, and loads it lazily', async () => {
    const hub = await fixture<ChapterHub>(html`<chapter-hub lang="en" source=${DEMO} chapter="lyon" sections="about"></chapter-hub>`);
    await shown(hub);
    const img = $<HTMLImageElement>(hub, '[part~=logo] img');
    expect([img.getAttribute('width'), img.getAttribute('height'), img.getAttribute('loading')]).to.deep.equal(['72', '72', 'lazy']);
    const directory = await fixture<ChapterHub>(html`<chapter-hub lang="en" source=${DEMO}></chapter-hub>`);
    await shown(directory);
    for (const badge of $$<HTMLImageElement>(directory, '.entries img').slice(0, 5)) expect([badge.getAttribute('width'), badge.getAttribute('height'), badge.getAttribute('loading')]).to.deep.equal(['40', '40', 'lazy']);
  });
});
