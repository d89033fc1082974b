/**
 * Streets below regional zoom (#23): the campaign's own vector tiles, served beside the widgets, drawn over the
 * bundled basemap, with no request to any other host. MapLibre really draws them (SwiftShader).
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import type { MapGeoJSONFeature } from 'maplibre-gl';
import type { ActionMap } from '../../packages/action-map/src/action-map.component.ts';
import { MemoryAdapter } from '../../packages/core/src/adapters/memory.ts';
import { clustered, many, mapIdle, mapWorker, mountMap } from '../support/action-map.ts';

const tiles = '/tests/fixtures/streets/tiles/{z}/{x}/{y}.pbf';

// Every request of the file is listed: the browser's default buffer of 250 entries is full before the first map.
before(() => performance.setResourceTimingBufferSize(100_000));

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

/** The text MapLibre draws for a rendered label: its own evaluation of the layer's `text-field` for that feature. */
function labelText(map: NonNullable<ActionMap['map']>, f: MapGeoJSONFeature): string {
  const layer = (map as unknown as { style: { getLayer(id: string): { layout: { get(name: string): { evaluate(f: unknown, state: unknown): { toString(): string } } } } } }).style.getLayer(f.layer.id);
  return layer.layout.get('text-field').evaluate(f, {}).toString();
}

type TileLog = { log: { host: string; path: string; range: string }[] };
const tileLog = async () => (await executeServerCommand<TileLog, { action?: string }>('tiles', {})).log;

describe('<action-map> streets from one PMTiles file beside the widgets (#23)', function () {
  this.timeout(40000);
  const archive = '/tests/fixtures/streets/lyon.pmtiles';
  beforeEach(() => executeServerCommand('tiles', { action: 'reset' }));

  it('reads the archive with range requests to the page’s own server only', async () => {
    const el = await mountMap({ lang: 'fr', extra: `streets-url="${archive}"` });
    await mapIdle(el);
    el.map!.jumpTo({ center: [4.834, 45.762], zoom: 14 });
    await mapIdle(el);
    await waitUntil(() => el.map!.queryRenderedFeatures({ layers: ['streets-roads'] }).length > 0, 'no street drawn', { timeout: 10000 });
    const log = await tileLog();
    expect(log[0]?.range).to.equal('bytes=0-16383', 'the header and root directory first, in one read');
    expect(log.length).to.be.above(1, 'then tiles');
    for (const r of log) {
      expect(r.host).to.equal(location.host);
      expect(r.path).to.equal(archive);
      expect(r.range).to.match(/^bytes=\d+-\d+$/, 'each read is a byte range, never the whole file');
    }
    const hosts = new Set(performance.getEntriesByType('resource').map((e) => new URL(e.name).host));
    expect([...hosts]).to.deep.equal([location.host]);
    expect(el.shadowRoot!.textContent).to.include('© OpenStreetMap');
  });

  for (const [lang, shown, fallback] of [
    ['ar', 'شارع الجمهورية', 'Rue Grenette'],
    ['en', 'Republic Street', 'Rue Grenette'],
    ['fr', 'Rue de la République', 'Rue Grenette'],
  ] as const) {
    it(`draws streets, water and buildings at street level, named in the page’s language (${lang})`, async () => {
      const el = await mountMap({ lang, extra: `streets-url="${archive}"` });
      await mapIdle(el);
      el.map!.jumpTo({ center: [4.834, 45.762], zoom: 15 });
      await mapIdle(el);
      await waitUntil(() => el.map!.queryRenderedFeatures({ layers: ['streets-road-labels'] }).length > 0, 'no street named', { timeout: 10000 });
      const map = el.map!;
      const roads = new Set(map.queryRenderedFeatures({ layers: ['streets-roads'] }).map((f) => f.properties.name as string));
      expect([...roads]).to.include.members(['Rue de la République', 'Quai Jules Courmont', 'Rue Grenette']);
      expect(map.queryRenderedFeatures({ layers: ['streets-water'] }).map((f) => f.properties.name)).to.include.members(['Rhône', 'Saône']);
      expect(map.queryRenderedFeatures({ layers: ['streets-buildings'] })).to.not.have.length(0);
      const labels = new Set(map.queryRenderedFeatures({ layers: ['streets-road-labels'] }).map((f) => labelText(map, f)));
      // The page's language where the tiles have it, the local name where they do not.
      expect([...labels]).to.include.members([shown, fallback]);
      if (lang !== 'fr') expect([...labels]).to.not.include('Rue de la République');
      // Pins and clusters stay above the streets and their names.
      const order = map.getStyle().layers.map((l) => l.id);
      expect(order.indexOf('streets-road-labels')).to.be.below(order.indexOf('clusters'));
      expect(order.indexOf('streets-earth')).to.be.above(order.indexOf('land'), 'the world map lies under the extract');
    });
  }

  it('keeps the bundled world map as the default: no archive asked for, no PMTiles reader loaded', async () => {
    const before = performance.getEntriesByType('resource').length;
    const el = await mountMap();
    await mapIdle(el);
    expect(Object.keys(el.map!.getStyle().sources)).to.not.include('streets');
    expect(await tileLog()).to.deep.equal([]);
    const loaded = performance.getEntriesByType('resource').slice(before).map((e) => e.name);
    expect(loaded.some((u) => u.includes('countries-110m.json'))).to.equal(true, 'the world map is drawn');
    expect(loaded.filter((u) => /pmtiles/.test(u))).to.deep.equal([]);
  });
});

describe('<action-map> a remote street style, only once the visitor asks (#23)', function () {
  this.timeout(40000);
  // Another origin than the page's, on loopback: it stands in for OpenFreeMap or a campaign's tile server.
  const remoteHost = `127.0.0.1:${location.port}`;
  const style = `http://${remoteHost}/__remote-tiles/style.json`;
  const fromRemote = async () => (await tileLog()).filter((r) => r.host === remoteHost);
  const styleReads = () => performance.getEntriesByType('resource').filter((e) => e.name === style).length;
  const askButton = (el: ActionMap) => el.shadowRoot!.querySelector<HTMLButtonElement>('.streets-ask');
  beforeEach(async () => {
    sessionStorage.clear();
    await executeServerCommand('tiles', { action: 'reset' });
  });

  it('asks nothing of the remote host before the click, draws its streets after, and keeps the pins', async () => {
    const el = await mountMap({ extra: `streets-style="${style}"` });
    await mapIdle(el);
    el.map!.jumpTo({ center: [4.834, 45.762], zoom: 14 });
    await mapIdle(el);
    expect(await fromRemote()).to.deep.equal([]);
    expect(performance.getEntriesByType('resource').filter((e) => e.name.includes(remoteHost))).to.deep.equal([]);
    const button = askButton(el)!;
    expect(button.textContent!.replace(/[\u2068\u2069]/g, '').trim()).to.equal(`Show streets — loads map tiles from ${remoteHost}`);
    await expect(el).to.be.accessible();

    button.click();
    await waitUntil(() => el.map!.getLayer('remote-streets') && el.map!.queryRenderedFeatures({ layers: ['remote-streets'] }).length > 0, 'the remote streets were not drawn', { timeout: 10000 });
    const asked = (await fromRemote()).map((r) => r.path);
    expect(asked[0]).to.equal('/__remote-tiles/style.json');
    expect(asked.some((p) => /^\/__remote-tiles\/14\/\d+\/\d+\.pbf$/.test(p))).to.equal(true, 'tiles come from the remote host');
    await el.updateComplete;
    expect(askButton(el)).to.equal(null);
    expect(el.shadowRoot!.querySelector('.attribution')!.textContent).to.include('Remote test tiles');
    // The actions are drawn again over the new style.
    el.map!.jumpTo({ center: [2.5, 46.5], zoom: 4 });
    await mapIdle(el);
    await waitUntil(() => el.map!.queryRenderedFeatures({ layers: ['clusters', 'pins'] }).length > 0, 'no pin over the remote style', { timeout: 10000 });
  });

  it('remembers the answer for the session: the next map shows the streets without asking', async () => {
    const first = await mountMap({ extra: `streets-style="${style}"` });
    await mapIdle(first);
    askButton(first)!.click();
    await waitUntil(() => first.map!.getLayer('remote-streets'), 'the remote style did not load', { timeout: 10000 });
    first.parentElement!.remove();
    const before = styleReads();
    const next = await mountMap({ extra: `streets-style="${style}"` });
    await mapIdle(next);
    expect(next.map!.getLayer('remote-streets')).to.not.equal(undefined);
    expect(askButton(next)).to.equal(null);
    expect(styleReads() - before).to.equal(1, 'the remote style is loaded at once');
  });

  it('says so in the page’s language when the remote host does not answer, and keeps the bundled map', async () => {
    const el = await mountMap({ lang: 'fr', extra: `streets-style="http://${remoteHost}/__remote-tiles/missing.json"` });
    await mapIdle(el);
    expect(askButton(el)!.textContent).to.include('Afficher les rues');
    askButton(el)!.click();
    await waitUntil(() => el.shadowRoot!.querySelector('.map-pane [role=status]'), 'nothing said', { timeout: 10000 });
    expect(el.shadowRoot!.querySelector('.map-pane [role=status]')!.textContent!.replace(/[\u2068\u2069]/g, '')).to.include(`Les rues n’ont pas pu être chargées depuis ${remoteHost}`);
    expect(el.map!.getLayer('land')).to.not.equal(undefined, 'the bundled map is back');
    await mapIdle(el);
    await waitUntil(() => el.map!.getLayer('pins'), 'the pins are gone');
    expect(sessionStorage.length).to.equal(0, 'a failure is not remembered');
    await expect(el).to.be.accessible();
  });

  it('keeps a large campaign\'s pins, held by MapLibre\'s worker alone, when the remote host does not answer', async () => {
    const adapter = new MemoryAdapter({ actions: many(6000), chapters: [] }, { source: `memory:streets-${Math.random()}` });
    const wrap = await fixture<HTMLDivElement>(
      html`<div style="width:1000px"><action-map lang="en" .adapter=${adapter} worker-url=${mapWorker} streets-style="http://${remoteHost}/__remote-tiles/missing.json"></action-map></div>`,
    );
    const el = wrap.querySelector('action-map')!;
    await waitUntil(() => el.map && clustered(el), 'the pins were never drawn', { timeout: 30000 });
    askButton(el)!.click();
    await waitUntil(() => el.shadowRoot!.querySelector('.map-pane [role=status]'), 'nothing said', { timeout: 10000 });
    // Past the remote style's own failure, the bundled map comes back whole, and the pins with it.
    const errors: string[] = [];
    el.map!.on('error', (e) => errors.push(String(e.error?.message ?? e.error)));
    await waitUntil(() => clustered(el), 'the pins did not come back over the bundled map', { timeout: 30000 });
    await mapIdle(el);
    expect(errors).to.deep.equal([]);
  });
});
