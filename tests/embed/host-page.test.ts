/**
 * Any host page: a widget draws its own readable surface on a dark page, and turns dark itself only when the
 * page asks for it (color-scheme on the page or the widget, or a <meta name="color-scheme">).
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../packages/action-map/src/action-map.ts';
import '../../packages/hashtag-wall/src/hashtag-wall.ts';
import '../../packages/hub-signup/src/hub-signup.ts';
import '../../packages/chapter-hub/src/chapter-hub.ts';
import '../../packages/readiness-survey/src/readiness-survey.ts';
import { MemoryAdapter } from '../../packages/core/src/adapters/memory.ts';
import { query, text } from '../support/dom.ts';

const DEMO = new URL('../../demo/data/', import.meta.url).href;
const worker = '/node_modules/maplibre-gl/dist/maplibre-gl-worker.mjs';

/** Each widget, and what shows it has its content. */
const WIDGETS: [string, () => ReturnType<typeof html>, (el: Element) => unknown][] = [
  ['action-map', () => html`<action-map lang="fr" source=${DEMO} view="list" worker-url=${worker}></action-map>`, (el) => query(el, '.row-title')],
  ['hashtag-wall', () => html`<hashtag-wall lang="fr" source=${DEMO} hashtag="VagueClimat"></hashtag-wall>`, (el) => query(el, 'article')],
  ['hub-signup', () => html`<hub-signup lang="fr" .adapter=${new MemoryAdapter({}, { source: `memory:host-${Math.random()}` })}></hub-signup>`, (el) => query(el, 'form')],
  ['chapter-hub', () => html`<chapter-hub lang="fr" source=${DEMO} chapter="lyon" sections="about leaders links"></chapter-hub>`, (el) => query(el, '#name')],
  ['readiness-survey', () => html`<readiness-survey lang="fr" source=${DEMO} survey="pret-a-agir" layout="page"></readiness-survey>`, (el) => query(el, 'fieldset')],
];

const rgb = (css: string) => css.match(/\d+(\.\d+)?/g)!.slice(0, 3).map(Number);
const isDark = (css: string) => rgb(css).every((v) => v < 80);
const isLight = (css: string) => rgb(css).every((v) => v > 200);

function surfaceOf(el: Element): CSSStyleDeclaration {
  return getComputedStyle(el.shadowRoot!.querySelector('[part~="base"]')!);
}

async function mount(make: () => ReturnType<typeof html>, ready: (el: Element) => unknown): Promise<Element> {
  const wrap = await fixture<HTMLDivElement>(html`<div style="background: #101418; color: #f0f2f4; padding: 1rem">${make()}</div>`);
  const el = wrap.firstElementChild!;
  await waitUntil(() => ready(el), `<${el.localName}> did not show its content`, { timeout: 10000 });
  await (el as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
  return el;
}

describe('a widget on a dark page', function () {
  this.timeout(30000);
  afterEach(() => {
    document.documentElement.style.colorScheme = '';
    document.querySelector('meta[name="color-scheme"]')?.remove();
  });

  for (const [tag, make, ready] of WIDGETS) {
    it(`<${tag}> draws its own light surface when the page says nothing, and axe finds no contrast failure`, async () => {
      const el = await mount(make, ready);
      expect(isLight(surfaceOf(el).backgroundColor), surfaceOf(el).backgroundColor).to.equal(true);
      expect(isDark(surfaceOf(el).color)).to.equal(true);
      expect(text(el).length).to.be.greaterThan(20);
      await expect(el).to.be.accessible();
    });

    it(`<${tag}> turns dark when the page says color-scheme: dark, and axe finds no contrast failure`, async () => {
      document.documentElement.style.colorScheme = 'dark';
      const el = await mount(make, ready);
      expect(isDark(surfaceOf(el).backgroundColor), surfaceOf(el).backgroundColor).to.equal(true);
      expect(isLight(surfaceOf(el).color)).to.equal(true);
      await expect(el).to.be.accessible();
    });
  }

  it('follows <meta name="color-scheme" content="dark">, and color-scheme set on the widget alone', async () => {
    const meta = Object.assign(document.createElement('meta'), { name: 'color-scheme', content: 'dark' });
    document.head.append(meta);
    const [, make, ready] = WIDGETS[2]!;
    const el = await mount(make, ready);
    expect(isDark(surfaceOf(el).backgroundColor)).to.equal(true);
    meta.remove();
    await waitUntil(() => isLight(surfaceOf(el).backgroundColor), 'the widget did not turn light again with the page');
    (el as HTMLElement).style.colorScheme = 'dark';
    expect(isDark(surfaceOf(el).backgroundColor)).to.equal(true);
  });
});
