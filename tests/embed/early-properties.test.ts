/**
 * The production build (dist/), on a page whose code sets properties before archipel.js defines the tags, as
 * React 19 and Vue do: what they set must be kept (tests/core/early-properties.test.ts checks the sources).
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { MemoryAdapter } from '../../packages/core/src/adapters/memory.ts';
import { text } from '../support/dom.ts';

/** Each widget with a word it shows with an empty source. */
const widgets = { 'hub-signup': 'submit', 'action-map': 'heading', 'hashtag-wall': 'titleAll', 'chapter-hub': 'empty', 'readiness-survey': 'empty' };

describe('the built widgets, given properties before archipel.js defines them', () => {
  it('keep every strings and adapter property set early, and use them', async function () {
    this.timeout(30000);
    const wrapper = await fixture<HTMLDivElement>(html`<div lang="en"></div>`);
    const elements = Object.entries(widgets).map(([tag, key]) => {
      expect(customElements.get(tag), `this page must define <${tag}> late`).to.equal(undefined);
      const el = document.createElement(tag) as HTMLElement & { adapter?: unknown; strings?: Record<string, string> };
      if (tag === 'hashtag-wall') el.setAttribute('no-form', '');
      el.adapter = new MemoryAdapter({}, { source: `memory:early-built-${tag}-${Math.random()}` });
      el.strings = { [key]: `Said early, on ${tag}` };
      wrapper.append(el);
      return { tag, el, adapter: el.adapter };
    });
    // @ts-expect-error the built loader has no types of its own here
    await import('/dist/archipel.js');
    for (const { tag, el, adapter } of elements) {
      await waitUntil(() => text(el).includes(`Said early, on ${tag}`), `<${tag}> lost the words set early`, { timeout: 15000 }).catch((e) => {
        throw new Error(`${(e as Error).message}: it shows "${text(el).slice(0, 300)}"`);
      });
      expect(el.adapter, `<${tag}> lost its adapter`).to.equal(adapter);
    }
  });
});
