/** Its own page (test file), so that no nested widget is defined before the hub decides to. */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../packages/chapter-hub/src/chapter-hub.ts';

const source = new URL('../../demo/data/', import.meta.url).href;

describe('<chapter-hub> sections below the fold', () => {
  it('loads the sign-up form at once, and the map and the wall only when they are about to be seen', async function () {
    this.timeout(20000);
    const wrap = await fixture<HTMLDivElement>(html`<div style="margin-top: 400vh"><chapter-hub lang="fr" source=${source} chapter="lyon"></chapter-hub></div>`);
    const hub = wrap.querySelector('chapter-hub')!;
    await waitUntil(() => customElements.get('hub-signup'), 'the form was not defined', { timeout: 8000 });
    await new Promise((r) => setTimeout(r, 500));
    expect(customElements.get('action-map'), 'the map is far below: not loaded yet').to.equal(undefined);
    expect(customElements.get('hashtag-wall'), 'the wall is far below: not loaded yet').to.equal(undefined);
    hub.shadowRoot!.querySelector('[data-section="actions"]')!.scrollIntoView();
    await waitUntil(() => customElements.get('action-map'), 'the map was not loaded when its section came into view', { timeout: 8000 });
  });
});
