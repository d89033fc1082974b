/**
 * The demo's streets as a campaign would serve them (#23): the production build and demo/action-map-streets.html
 * from the reference server (`--static`), in Chromium. The PMTiles file is read by byte ranges (206) from that
 * server, the PMTiles reader's chunk comes from dist/ only now, and OpenFreeMap, the remote style, is asked for
 * nothing unless the button is pressed (it is not pressed here: the machines have no internet). Needs the production
 * build (dist/).
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { demoSite } from '../support/slow-phone.ts';

describe('streets on the demo, from the production build', () => {
  const site = demoSite();

  it('draws Lyon’s streets from data/streets/lyon.pmtiles, by byte range, and asks OpenFreeMap nothing', { timeout: 90_000 }, async () => {
    const context = await site.browser.newContext({ viewport: { width: 1200, height: 900 } });
    try {
      const page = await context.newPage();
      const requests: { url: string; range?: string; status?: number }[] = [];
      page.on('requestfinished', async (r) => requests.push({ url: r.url(), range: r.headers().range, status: (await r.response())?.status() }));
      page.on('requestfailed', (r) => requests.push({ url: r.url(), range: r.headers().range }));
      const origin = `http://127.0.0.1:${site.server.port}`;
      await page.goto(`${origin}/demo/action-map-streets.html`, { waitUntil: 'load', timeout: 60_000 });
      await page.waitForFunction(() => (document.querySelector('action-map') as unknown as { map?: { loaded(): boolean } }).map?.loaded(), null, { timeout: 60_000, polling: 250 });
      const drawn = await page.evaluate(async () => {
        const map = (document.querySelector('action-map') as unknown as { map: import('maplibre-gl').Map }).map;
        map.jumpTo({ center: [4.834, 45.762], zoom: 15 });
        for (let i = 0; i < 100 && !map.queryRenderedFeatures({ layers: ['streets-roads'] }).length; i++) await new Promise((r) => setTimeout(r, 200));
        return [...new Set(map.queryRenderedFeatures({ layers: ['streets-roads'] }).map((f) => f.properties.name as string))];
      });
      assert.ok(drawn.includes('Rue de la République'), `streets drawn: ${drawn.join(', ')}`);
      const archive = requests.filter((r) => r.url.endsWith('/demo/data/streets/lyon.pmtiles'));
      assert.ok(archive.length >= 2, 'the header, then tiles');
      for (const r of archive) {
        assert.match(r.range ?? '', /^bytes=\d+-\d+$/);
        assert.equal(r.status, 206);
      }
      assert.ok(requests.some((r) => /\/dist\/chunks\/pmtiles-basemap-[\w-]+\.js$/.test(r.url)), 'the PMTiles reader came from dist/');
      assert.deepEqual([...new Set(requests.map((r) => new URL(r.url).origin))], [origin], 'no request to any other host');
      assert.ok(await page.locator('action-map').getByRole('button', { name: /tiles\.openfreemap\.org/ }).isVisible(), 'the button names the remote host');
    } finally {
      await context.close();
    }
  });
});
