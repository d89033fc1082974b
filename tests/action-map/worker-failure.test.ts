/**
 * <action-map> whose MapLibre worker cannot be loaded (served from another site without CORS, the case of a
 * campaign's server without `--static`): an error on screen and in the console, not "Loading the map…" for ever.
 */
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../packages/action-map/src/action-map.ts';
import type { ActionMap } from '../../packages/action-map/src/action-map.component.ts';
import { MemoryAdapter } from '../../packages/core/src/adapters/memory.ts';
import { text, warnings } from '../support/dom.ts';

describe('<action-map> with a worker it cannot load', () => {
  it('says the map could not be drawn, and the console says why and what to do', async function () {
    this.timeout(30_000);
    expect(location.hostname, 'the page must be on localhost for 127.0.0.1 to be another site').to.equal('localhost');
    // The test server sends no CORS header: from this page, 127.0.0.1 is another site.
    const worker = `http://127.0.0.1:${location.port}/node_modules/maplibre-gl/dist/maplibre-gl-worker.mjs`;
    const adapter = new MemoryAdapter({ actions: [] }, { source: `memory:worker-${Math.random()}` });
    let el!: ActionMap;
    const said = await warnings(async () => {
      const wrap = await fixture<HTMLDivElement>(html`<div style="width:1000px"><action-map lang="en" view="map" .adapter=${adapter} worker-url=${worker}></action-map></div>`);
      el = wrap.querySelector('action-map')!;
      const failed = oneEvent(el, 'archipel-error');
      await failed;
      await waitUntil(() => text(el).includes('The map could not be drawn. Every action is in the list.'), `the map says "${text(el).slice(0, 300)}"`, { timeout: 5000 });
    });
    expect(text(el)).not.to.contain('Loading the map');
    expect(said.join('\n')).to.contain(`MapLibre's worker ${worker} cannot be loaded by this page: its server sends no CORS header`);
    await expect(el).to.be.accessible();
  });
});
