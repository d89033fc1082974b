/**
 * <chapter-hub> for every reader: a right-to-left phone, text at 200 %, a screen reader, the logo's room kept.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { ChapterHub } from '../../packages/chapter-hub/src/chapter-hub.ts';
import '../../packages/hub-signup/src/hub-signup.ts';
import '../../packages/hashtag-wall/src/hashtag-wall.ts';
import { DEMO, shown } from './helpers.ts';
import { $, $$, accessible } from '../support/dom.ts';
import { clipped, overlapping, pageScrollWidth, restorePage, rtlPhone, startsRight, textSize } from '../support/page.ts';

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
