/**
 * Streets at street level (#23): the demo's Lyon from one PMTiles file (demo/action-map-streets.html, read by byte
 * range) against the same streets as a folder of tiles (demo/action-map.html), on a slow network.
 *
 *   node scripts/build.mjs && node --import tsx tests/bench/streets.bench.ts [runs]
 *
 * The reference server serves the demo and dist/ on a loopback port, as `npm start` does; each run is a fresh
 * browser context (empty cache), 1200×900, with DevTools' throttling of tests/support/slow-phone.ts (400 kbit/s,
 * 400 ms round trip) but no CPU slow-down. Once the map is ready it jumps to Lyon at zoom 15 and times how long until
 * the street layer is drawn, and counts the requests and bytes of streets since the page opened (bodies as decoded). The median of `runs` (default 3)
 * is reported. Timings are reported, never asserted.
 */
import os from 'node:os';
import type { Browser } from 'playwright-core';
import { launchChromium, startDemoServer } from '../support/slow-phone.ts';

const RUNS = Number(process.argv[2] ?? 3);
const CASES = [
  { what: 'one PMTiles file (byte ranges)', page: 'action-map-streets.html', layer: 'streets-roads', files: /\/demo\/data\/streets\/lyon\.pmtiles$/ },
  { what: 'a folder of tiles', page: 'action-map.html', layer: 'streets', files: /\/demo\/data\/streets\/\d+\/\d+\/\d+\.pbf$/ },
];

async function run(browser: Browser, origin: string, c: (typeof CASES)[number]) {
  const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 400, downloadThroughput: (400 * 1000) / 8, uploadThroughput: (400 * 1000) / 8 });
    // From the page's start: a PMTiles file's header and directory are read as soon as the map starts.
    const reads: Promise<number>[] = [];
    page.on('requestfinished', (r) => c.files.test(r.url()) && reads.push(r.response().then(async (res) => (res ? (await res.body()).length : 0))));
    await page.goto(`${origin}/demo/${c.page}`, { waitUntil: 'load', timeout: 120_000 });
    await page.waitForFunction(() => (document.querySelector('action-map') as unknown as { map?: { loaded(): boolean } }).map?.loaded(), null, { timeout: 120_000, polling: 100 });
    const ms = await page.evaluate(async (layer) => {
      const map = (document.querySelector('action-map') as unknown as { map: import('maplibre-gl').Map }).map;
      const start = performance.now();
      map.jumpTo({ center: [4.834, 45.762], zoom: 15 });
      while (!map.queryRenderedFeatures({ layers: [layer] }).length) await new Promise((r) => setTimeout(r, 20));
      return performance.now() - start;
    }, c.layer);
    await page.waitForTimeout(500);
    const sizes = await Promise.all(reads);
    return { ms, reads: sizes.length, bytes: sizes.reduce((a, b) => a + b, 0) };
  } finally {
    await context.close();
  }
}

const server = await startDemoServer();
const browser = await launchChromium();
const origin = `http://127.0.0.1:${server.port}`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
try {
  console.log(`streets at zoom 15 over Lyon, 400 kbit/s and 400 ms round trip, median of ${RUNS} (${os.cpus().length} CPUs, load ${os.loadavg()[0]!.toFixed(1)})`);
  for (const c of CASES) {
    const runs = [];
    for (let i = 0; i < RUNS; i++) runs.push(await run(browser, origin, c));
    const m = median(runs.map((r) => r.ms));
    const at = runs.find((r) => r.ms === m)!;
    console.log(`  ${c.what.padEnd(32)} ${String(Math.round(m)).padStart(6)} ms to the streets  ${at.reads} requests, ${(at.bytes / 1024).toFixed(1)} KiB`);
  }
} finally {
  await browser.close();
  await server.close();
}
