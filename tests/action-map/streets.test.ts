/**
 * Streets below regional zoom (#23): the campaign's own vector tiles, served beside the widgets, drawn over the
 * bundled basemap, with no request to any other host. MapLibre really draws them (SwiftShader).
 */
import { expect, waitUntil } from '@open-wc/testing';
import { mapIdle, mountMap } from '../support/action-map.ts';

const tiles = '/tests/fixtures/streets/tiles/{z}/{x}/{y}.pbf';

describe('<action-map> streets from the campaign’s own tiles (#23)', function () {
  this.timeout(40000);

  it('draws the streets of Lyon at street level, from tiles on the page’s own server', async () => {
    const el = await mountMap({ extra: `streets-url="${tiles}"` });
    await mapIdle(el);
    el.map!.jumpTo({ center: [4.834, 45.762], zoom: 15 });
    await mapIdle(el);
    await waitUntil(() => el.map!.queryRenderedFeatures({ layers: ['streets'] }).length > 0, 'no street drawn', { timeout: 10000 });
    const names = new Set(el.map!.queryRenderedFeatures({ layers: ['streets'] }).map((f) => f.properties.name as string));
    expect([...names]).to.include.members(['Rue de la République', 'Quai Jules Courmont']);
    // Pins stay above the streets.
    const order = el.map!.getStyle().layers.map((l) => l.id);
    expect(order.indexOf('streets')).to.be.below(order.indexOf('pins'));
    const hosts = new Set(performance.getEntriesByType('resource').map((e) => new URL(e.name).host));
    expect([...hosts]).to.deep.equal([location.host]);
    expect(performance.getEntriesByType('resource').some((e) => e.name.includes('/tests/fixtures/streets/tiles/15/'))).to.equal(false, 'tiles stop at zoom 14, overzoomed beyond');
  });

  it('draws no street at the zoom of a whole region', async () => {
    const el = await mountMap({ extra: `streets-url="${tiles}"` });
    await mapIdle(el);
    el.map!.jumpTo({ center: [4.834, 45.762], zoom: 7 });
    await mapIdle(el);
    expect(el.map!.getZoom()).to.be.below(10);
    expect(el.map!.queryRenderedFeatures({ layers: ['streets'] })).to.have.length(0);
  });
});
