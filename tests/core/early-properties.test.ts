/**
 * Its own page (test file), so that no widget's tag is defined before a test says so: React 19, Vue and a page's
 * own script set properties on an element whose tag the loader defines later. What they set must be kept.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { MemoryAdapter } from '../../packages/core/src/adapters/memory.ts';
import type { ArchipelElement } from '../../packages/core/src/element.ts';
import { text, warnings } from '../support/dom.ts';

/** Each widget, the module that defines its tag, a word it shows with an empty source, and what to say instead. */
const widgets = [
  { tag: 'hub-signup', define: () => import('../../packages/hub-signup/src/hub-signup.ts'), key: 'submit', attributes: {} },
  { tag: 'action-map', define: () => import('../../packages/action-map/src/action-map.ts'), key: 'heading', attributes: {} },
  { tag: 'hashtag-wall', define: () => import('../../packages/hashtag-wall/src/hashtag-wall.ts'), key: 'titleAll', attributes: { 'no-form': '' } },
  { tag: 'chapter-hub', define: () => import('../../packages/chapter-hub/src/chapter-hub.ts'), key: 'empty', attributes: {} },
  { tag: 'readiness-survey', define: () => import('../../packages/readiness-survey/src/readiness-survey.ts'), key: 'empty', attributes: {} },
];

describe('properties set before the tag is defined', () => {
  for (const { tag, define, key, attributes } of widgets) {
    it(`<${tag}> keeps its strings and adapter, and uses them once defined`, async function () {
      this.timeout(20000);
      expect(customElements.get(tag), `this page must define <${tag}> late`).to.equal(undefined);
      const wrapper = await fixture<HTMLDivElement>(html`<div lang="en"></div>`);
      const el = document.createElement(tag) as ArchipelElement<string>;
      for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
      const adapter = new MemoryAdapter({}, { source: `memory:early-${tag}-${Math.random()}` });
      const said = `Said early, on ${tag}`;
      el.adapter = adapter;
      el.strings = { [key]: said };
      wrapper.append(el);

      await define();
      await waitUntil(() => text(el).includes(said), `<${tag}> does not show the words set early`, { timeout: 10000 }).catch((e) => {
        throw new Error(`${(e as Error).message}: it shows "${text(el).slice(0, 300)}"`);
      });
      expect(el.adapter).to.equal(adapter);
      expect(el.dataAdapter).to.equal(adapter);
      expect(Object.prototype.hasOwnProperty.call(el, 'strings'), 'the value moved from the instance to the property').to.equal(false);

      // Set again after definition, the property still renders.
      el.strings = { [key]: `${said}, again` };
      await waitUntil(() => text(el).includes(`${said}, again`));
    });
  }
});

describe('an object written into the strings attribute', () => {
  it('tells the console how to set it so that it is kept', async () => {
    const said = await warnings(async () => {
      // What React 19 does with strings={{…}} on an element whose tag is not defined yet.
      await fixture(html`<hub-signup lang="en" strings="[object Object]"></hub-signup>`);
    });
    expect(said.join('\n')).to.contain('an object was set before the tag was defined. Import the widget first');
  });
});
