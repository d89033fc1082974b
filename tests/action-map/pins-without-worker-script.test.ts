/**
 * A large campaign's map on a site that did not copy `archipel-map-pins.mjs` beside the widgets (#23): MapLibre's
 * worker cannot make pins from bytes, so the map takes them as GeoJSON, and the webmaster reads why in the console.
 * A file of its own: a page asks MapLibre's workers once whether they loaded the script.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { MemoryAdapter } from '../../packages/core/src/adapters/memory.ts';
import { clustered, many, mapWorker } from '../support/action-map.ts';

describe('<action-map> whose pins script cannot be loaded in MapLibre\'s worker (#23)', function () {
  this.timeout(60000);

  it('still draws every pin, and warns once with what to serve', async () => {
    // MapLibre asks its workers to load the script by a message of its own ("IS", importScript): sent here to a file
    // that is not there, as on a site that copied the other files only.
    const post = Worker.prototype.postMessage;
    Worker.prototype.postMessage = function (this: Worker, message: unknown, ...rest: unknown[]) {
      const m = message as { type?: string; data?: unknown };
      const sent = m?.type === 'IS' && typeof m.data === 'string' ? { ...m, data: m.data.replace('pins-worker', 'pins-worker-not-copied') } : message;
      return (post as (this: Worker, message: unknown, ...r: unknown[]) => void).call(this, sent, ...rest);
    } as typeof Worker.prototype.postMessage;
    const warn = console.warn;
    const warnings: string[] = [];
    console.warn = (...a: unknown[]) => warnings.push(a.join(' '));
    try {
      const adapter = new MemoryAdapter({ actions: many(6000), chapters: [] }, { source: `memory:no-pins-script-${Math.random()}` });
      const wrap = await fixture<HTMLDivElement>(html`<div style="width:1000px"><action-map lang="en" .adapter=${adapter} worker-url=${mapWorker}></action-map></div>`);
      const el = wrap.querySelector('action-map')!;
      await waitUntil(() => el.map, 'the map was not created', { timeout: 15000 });
      // Handed, not amended after the read (an event that says `amended`).
      const handed: { pins: number; packed?: boolean; amended?: number }[] = [];
      el.map!.on('archipel-pins' as never, (e: { pins: number; packed?: boolean; amended?: number }) => handed.push(e));
      const whole = () => handed.find((e) => e.pins === 6000 && e.amended === undefined);
      await waitUntil(whole, 'the pins never reached the map', { timeout: 30000 });
      await waitUntil(() => clustered(el), 'the map never drew clusters', { timeout: 30000 });
      expect(whole()!.packed, 'handed as GeoJSON').to.equal(false);
      await expect(el).to.be.accessible();
    } finally {
      Worker.prototype.postMessage = post;
      console.warn = warn;
    }
    const said = warnings.filter((w) => w.includes('archipel-map-pins.mjs'));
    expect(said, warnings.join('\n')).to.have.length(1);
    expect(said[0]).to.match(/6000 pins were copied on the page's thread.*Serve archipel-map-pins\.mjs beside archipel\.js/);
  });
});
