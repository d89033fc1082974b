/**
 * Any reader (#19): rows readable at 200 % text, a campaign's whole list in the accessibility tree, and a
 * right-to-left page at 320 px that never scrolls sideways, the list and the card mirrored.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import type { ActionMap } from '../../packages/action-map/src/action-map.component.ts';
import { FIRST_ROWS, VIRTUALISE_PAST } from '../../packages/action-map/src/action-list.ts';
import { MemoryAdapter } from '../../packages/core/src/adapters/memory.ts';
import { $, $$ } from '../support/dom.ts';
import { mapWorker, rows } from '../support/action-map.ts';

const pad = (n: number) => String(n).padStart(2, '0');
const campaign = (n: number) =>
  Array.from({ length: n }, (_, i) => ({
    id: `r${i}`,
    title: i % 7 ? `Action ${i}` : `Grande marche pour le climat et la justice sociale, départ place Bellecour ${i}`,
    start: `2031-04-${pad(1 + (i % 28))}T${pad(9 + (i % 10))}:00`,
    timezone: 'Europe/Paris',
    city: 'Lyon',
    priority: 1 + (i % 3),
    lat: 45.7 + (i % 50) / 500,
    lng: 4.8 + (i % 40) / 400,
  }));

async function mount(n: number, attrs: { lang?: string; width?: number } = {}): Promise<ActionMap> {
  const adapter = new MemoryAdapter({ actions: campaign(n), chapters: [] }, { source: `memory:readers-${Math.random()}` });
  const wrap = await fixture<HTMLDivElement>(
    html`<div style="width:${attrs.width ?? 1000}px"><action-map lang=${attrs.lang ?? 'en'} .adapter=${adapter} worker-url=${mapWorker} view="list"></action-map></div>`,
  );
  const el = wrap.querySelector('action-map')!;
  await waitUntil(() => rows(el).length > 0, 'no rows', { timeout: 10000 });
  await el.updateComplete;
  return el;
}

describe('<action-map> for any reader (#19)', function () {
  this.timeout(40000);

  it('puts all 260 actions in the accessibility tree, each saying its place in the list', async () => {
    const el = await mount(260);
    const items = $$(el, 'li.row');
    expect(items).to.have.length(260);
    expect(items.map((li) => li.getAttribute('aria-posinset'))).to.deep.equal(Array.from({ length: 260 }, (_, i) => String(i + 1)));
    expect(new Set(items.map((li) => li.getAttribute('aria-setsize')))).to.deep.equal(new Set(['260']));
    await expect(el).to.be.accessible();
  });

  it(`shows the first ${FIRST_ROWS} rows of a long list in a frame of their own, then every row`, async () => {
    const adapter = new MemoryAdapter({ actions: campaign(260), chapters: [] }, { source: `memory:first-rows-${Math.random()}` });
    const wrap = await fixture<HTMLDivElement>(html`<div style="width:1000px"></div>`);
    const el = document.createElement('action-map');
    Object.assign(el, { adapter, view: 'list', lang: 'en', workerUrl: mapWorker });
    // The rows at the end of each task that changed them (a MutationObserver hears of a task's changes together), and
    // in each frame drawn until the list is whole.
    const byTask: number[] = [];
    const byFrame: number[] = [];
    const count = () => el.shadowRoot?.querySelectorAll('li.row').length ?? 0;
    const watcher = new MutationObserver(() => count() !== byTask.at(-1) && byTask.push(count()));
    const everyFrame = () => {
      byFrame.push(count());
      if (count() < 260) requestAnimationFrame(everyFrame);
    };
    wrap.append(el);
    watcher.observe(el.shadowRoot!, { childList: true, subtree: true });
    requestAnimationFrame(everyFrame);
    await waitUntil(() => count() > 0, 'no rows', { timeout: 10000 });
    await el.updateComplete;
    watcher.disconnect();
    expect(byTask.filter((n) => n > 0), 'the rows, task after task').to.deep.equal([FIRST_ROWS, 260]);
    expect(byFrame, 'a frame drawn with the first rows alone').to.include(FIRST_ROWS);
    expect($$(el, 'li.row').map((li) => li.getAttribute('aria-posinset'))).to.deep.equal(Array.from({ length: 260 }, (_, i) => String(i + 1)));
    expect(new Set($$(el, 'li.row').map((li) => li.getAttribute('aria-setsize')))).to.deep.equal(new Set(['260']));
  });

  it('draws the row the keyboard asks for at once, even before the rest of a long list', async () => {
    const adapter = new MemoryAdapter({ actions: campaign(260), chapters: [] }, { source: `memory:end-key-${Math.random()}` });
    const wrap = await fixture<HTMLDivElement>(html`<div style="width:1000px"></div>`);
    const el = document.createElement('action-map');
    Object.assign(el, { adapter, view: 'list', lang: 'en', workerUrl: mapWorker });
    let pressedWith = 0;
    // End, pressed as soon as the first rows are there.
    const watcher = new MutationObserver(() => {
      const drawn = $$(el, 'li.row').length;
      if (!drawn || pressedWith) return;
      pressedWith = drawn;
      $(el, '.row-button').focus();
      $(el, '.list-scroll').dispatchEvent(new KeyboardEvent('keydown', { key: 'End', bubbles: true, composed: true }));
    });
    wrap.append(el);
    watcher.observe(el.shadowRoot!, { childList: true, subtree: true });
    await waitUntil(() => el.shadowRoot!.activeElement?.getAttribute('data-index') === '259', 'the last row did not take focus', { timeout: 4000 });
    watcher.disconnect();
    expect(pressedWith, 'pressed while only the first rows were drawn').to.equal(FIRST_ROWS);
  });

  it(`virtualises only past ${VIRTUALISE_PAST} actions, and says how long the list is`, async () => {
    const full = await mount(VIRTUALISE_PAST);
    expect($$(full, 'li.row')).to.have.length(VIRTUALISE_PAST);
    const many = await mount(VIRTUALISE_PAST + 500);
    // Reported, not asserted: what one update of the element costs either way (the threshold's measure).
    for (const [name, el] of [['in full', full], ['virtualised', many]] as const) {
      const t = performance.now();
      el.requestUpdate();
      await el.updateComplete;
      await new Promise((r) => requestAnimationFrame(r));
      console.log(`[measured] one update and frame, ${$$(el, 'li.row').length} rows ${name}: ${Math.round(performance.now() - t)} ms`);
    }
    expect($$(many, 'li.row').length).to.be.below(60);
    expect($(many, 'li.row').getAttribute('aria-setsize')).to.equal(String(VIRTUALISE_PAST + 500));
  });

  it('sizes rows by their content at 200 % text, so none overlaps the next', async () => {
    document.documentElement.style.fontSize = '200%';
    try {
      const el = await mount(30);
      const buttons = $$(el, '.row-button');
      for (const b of buttons.slice(0, 10)) expect(b.scrollHeight, `“${b.textContent!.trim().slice(0, 30)}…” is cut`).to.be.at.most(b.clientHeight + 1);
      const boxes = $$(el, 'li.row').slice(0, 10).map((li) => li.getBoundingClientRect());
      for (let i = 1; i < boxes.length; i++) expect(boxes[i]!.top, `row ${i + 1} overlaps row ${i}`).to.be.at.least(boxes[i - 1]!.bottom - 0.5);
      const long = buttons.find((b) => b.textContent!.includes('Grande marche'))!;
      expect(long.getBoundingClientRect().height, 'a long title wraps onto more lines').to.be.above(buttons.find((b) => b.textContent!.includes('Action 1'))!.getBoundingClientRect().height);
    } finally {
      document.documentElement.style.fontSize = '';
    }
  });

  it('on a right-to-left page at 320 px, never scrolls sideways, and mirrors the list and the card', async () => {
    await setViewport({ width: 320, height: 640 });
    document.documentElement.dir = 'rtl';
    document.documentElement.lang = 'ar';
    try {
      const el = await mount(40, { lang: 'ar', width: 304 });
      expect(document.documentElement.scrollWidth, 'the page scrolls sideways').to.be.at.most(document.documentElement.clientWidth);
      const row = $(el, '.row-button');
      expect(getComputedStyle(row).direction).to.equal('rtl');
      row.click();
      await waitUntil(() => el.shadowRoot!.querySelector('.card'), 'no card');
      await el.updateComplete;
      expect(document.documentElement.scrollWidth, 'the open card scrolls the page sideways').to.be.at.most(document.documentElement.clientWidth);
      const card = $(el, '.card').getBoundingClientRect();
      const close = $(el, '.card .close').getBoundingClientRect();
      expect(close.left - card.left, 'the close button is at the end of a right-to-left line: the left').to.be.below(card.right - close.right);
      await expect(el).to.be.accessible();
    } finally {
      document.documentElement.dir = '';
      document.documentElement.lang = 'en';
      await setViewport({ width: 1280, height: 800 });
    }
  });
});
