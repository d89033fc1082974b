/**
 * <readiness-survey> for every reader: a right-to-left phone, text at 200 %, a screen reader.
 */
import { aTimeout, expect, fixture, html, waitUntil } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { Chart } from 'chart.js';
import '../../packages/readiness-survey/src/readiness-survey.ts';
import type { ReadinessSurvey } from '../../packages/readiness-survey/src/readiness-survey.component.ts';
import { SURVEY, CHAPTERS, RESPONSES } from './fixture.ts';
import { $, accessible, memory, query } from '../support/dom.ts';
import { clipped, overlapping, pageScrollWidth, restorePage, rtlPhone, startsRight, textSize } from '../support/page.ts';

async function survey(extra: Record<string, unknown> = {}, layout = 'page') {
  const el = await fixture<ReadinessSurvey>(html`<readiness-survey survey="fx" layout=${layout} .adapter=${memory({ surveys: [{ ...SURVEY, ...extra }], chapters: CHAPTERS }, { name: 'survey', writable: true })}></readiness-survey>`);
  await waitUntil(() => query(el, 'form'), 'the form did not appear');
  await el.updateComplete;
  return el;
}

describe('<readiness-survey> on a right-to-left phone', () => {
  afterEach(restorePage);

  it('mirrors the form, keeps its hidden anti-spam field inside the page and never scrolls sideways at 320 px', async () => {
    await rtlPhone(320);
    const el = await survey({ title: 'هل أنتم مستعدون لشهر ديسمبر؟' });
    expect(pageScrollWidth()).to.be.at.most(320);
    const trap = $(el, '[name=website]').getBoundingClientRect();
    expect(trap.left).to.be.at.least(0, 'the anti-spam field sits left of the page');
    expect(trap.right).to.be.at.most(320);
    const legend = $(el, 'fieldset[data-question=role] legend');
    expect(startsRight(legend, $(el, 'fieldset[data-question=role]'), 2)).to.equal(true, 'a question does not start on the right');
    const first = $(el, 'input[name=q-role]').getBoundingClientRect();
    expect(first.right).to.be.greaterThan(320 / 2, 'a choice’s box is not on its right');
    expect($(el, 'fieldset[data-question=role] legend > span').getAttribute('dir')).to.equal('auto');
    await waitUntil(() => query(el, '#chapter option[value=lyon]'), 'the chapters did not load');
    expect(query(el, '#chapter option[value=lyon]')!.getAttribute('dir')).to.equal('auto', 'a chapter’s name from the data has no dir="auto"');
    await accessible(el);
  });

  it('keeps a one-question-a-step survey within 320 px', async () => {
    await rtlPhone(320);
    const el = await survey({}, 'steps');
    expect(pageScrollWidth()).to.be.at.most(320);
    await accessible(el);
  });

  it('keeps the staff results within 320 px', async () => {
    await rtlPhone(320);
    const el = await fixture<ReadinessSurvey>(html`<readiness-survey survey="fx" view="results" .token=${'staff'} .adapter=${memory({ surveys: [SURVEY], chapters: CHAPTERS, responses: RESPONSES }, { name: 'results' })}></readiness-survey>`);
    await waitUntil(() => query(el, '[part=results] .summary'), 'the results view did not appear', { timeout: 5000 });
    await waitUntil(() => query(el, 'canvas[data-drawn]'), 'no chart was drawn', { timeout: 5000 });
    expect(pageScrollWidth()).to.be.at.most(320);
    expect(el.getBoundingClientRect().width).to.be.at.most(320);
    await accessible(el);
  });
});

describe('<readiness-survey> with text at 200 %', () => {
  afterEach(restorePage);

  for (const layout of ['page', 'steps']) {
    it(`keeps questions, choices and the scale apart and whole (${layout})`, async () => {
      await rtlPhone(800);
      textSize(200);
      const el = await survey({}, layout);
      const form = $(el, 'form');
      const parts = [...form.querySelectorAll('legend, label, button, .progress')].filter((e) => !e.closest('.visually-hidden, [hidden]'));
      expect(overlapping(parts)).to.deep.equal([]);
      expect(clipped(el.shadowRoot!).map((c) => c.className || c.localName)).to.deep.equal([]);
    });
  }

  it('keeps the results within a 320 px phone', async () => {
    await rtlPhone(320);
    textSize(200);
    const el = await fixture<ReadinessSurvey>(html`<readiness-survey survey="fx" view="results" .token=${'staff'} .adapter=${memory({ surveys: [SURVEY], chapters: CHAPTERS, responses: RESPONSES }, { name: 'results' })}></readiness-survey>`);
    await waitUntil(() => query(el, '[part=results] .summary'), 'the results view did not appear', { timeout: 5000 });
    expect(pageScrollWidth()).to.be.at.most(320);
  });

  it('keeps the results’ tables, rankings and filters apart and whole', async () => {
    textSize(200);
    const el = await fixture<ReadinessSurvey>(html`<readiness-survey survey="fx" view="results" .token=${'staff'} .adapter=${memory({ surveys: [SURVEY], chapters: CHAPTERS, responses: RESPONSES }, { name: 'results' })}></readiness-survey>`);
    await waitUntil(() => query(el, '[part=results] .summary'), 'the results view did not appear', { timeout: 5000 });
    const results = $(el, '[part=results]');
    expect(overlapping([...results.querySelectorAll('h2, h3, h4, table, ol, label, select, button, canvas')])).to.deep.equal([]);
    expect(clipped(el.shadowRoot!).map((c) => c.className || c.localName)).to.deep.equal([]);
  });
});

describe('<readiness-survey> results without colour alone', () => {
  afterEach(restorePage);

  it('writes each value of a scale on its segment, readable on its shade, and fits 320 px', async () => {
    await setViewport({ width: 320, height: 640 });
    const el = await fixture<ReadinessSurvey>(html`<readiness-survey lang="en" survey="fx" view="results" .token=${'staff'} .adapter=${memory({ surveys: [SURVEY], chapters: CHAPTERS, responses: RESPONSES }, { name: 'results' })}></readiness-survey>`);
    await waitUntil(() => query(el, 'canvas[data-q=ready][data-drawn]'), 'the scale was not drawn', { timeout: 5000 });
    const canvas = $<HTMLCanvasElement>(el, 'canvas[data-q=ready]');
    await aTimeout(400);
    // The darkest shade (5, two answers: the widest segment) carries its value in white.
    const chart = Chart.getChart(canvas)!;
    const five = chart.getDatasetMeta(4).data[0]!.getProps(['x', 'base', 'y'], true) as { x: number; base: number; y: number };
    const ratio = canvas.width / canvas.getBoundingClientRect().width;
    const box = canvas.getContext('2d')!.getImageData(Math.round(Math.min(five.x, five.base) * ratio), Math.round((five.y - 8) * ratio), Math.round(Math.abs(five.x - five.base) * ratio), Math.round(16 * ratio)).data;
    let written = 0;
    for (let i = 0; i < box.length; i += 4) if (box[i]! > 240 && box[i + 1]! > 240 && box[i + 2]! > 240 && box[i + 3] === 255) written++;
    expect(written, 'the value 5 is not written on its segment').to.be.greaterThan(5);
    expect(pageScrollWidth()).to.be.at.most(320);
    await accessible(el);
  });
});
