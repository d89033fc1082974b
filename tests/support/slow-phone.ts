/**
 * The demo on a slow phone, for Node tests and benchmarks (issue #19): the reference server seeded with the demo
 * campaign, serving the demo, dist/ and the API on a loopback port as `npm start` does, and a Chromium page of
 * 412×823 CSS pixels with DevTools' throttling: 400 kbit/s both ways, 400 ms round trip, CPU 4× slower.
 */
import { readFileSync } from 'node:fs';
import { before, after } from 'node:test';
import { chromium, type Browser, type Page } from 'playwright-core';
import { importRecords, openDb, SqliteStorage, startServer, type RunningServer } from '../../packages/server/src/index.ts';

/** `dist` is the build the page loads (a benchmark may serve an earlier build kept elsewhere, to compare). */
export async function startDemoServer(dist = 'dist'): Promise<RunningServer> {
  const db = openDb(':memory:');
  // Responses are personal: the demo keeps them in demo/seed/, which no static mount serves.
  const file = (c: string) => (c === 'responses' ? 'demo/seed/responses.json' : `demo/data/${c}.json`);
  const data = Object.fromEntries(['actions', 'chapters', 'posts', 'surveys', 'responses'].map((c) => [c, JSON.parse(readFileSync(file(c), 'utf8')) as unknown[]]));
  await importRecords(new SqliteStorage(db), data, { baseUrl: '/demo/data/' });
  return startServer({ db, port: 0, host: '127.0.0.1', statics: { '/dist/': dist, '/demo/': 'demo' }, logLevel: 'warn' });
}

export const CHROMIUM_ARGS = ['--no-sandbox', '--enable-unsafe-swiftshader', '--disable-background-networking', '--disable-quic'];

export const launchChromium = () => chromium.launch({ executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });

/** For a node:test suite: the demo server and Chromium, started before its tests and stopped after them. */
export function demoSite(): { server: RunningServer; browser: Browser } {
  const site = {} as { server: RunningServer; browser: Browser };
  before(async () => {
    site.server = await startDemoServer();
    site.browser = await launchChromium();
  });
  after(async () => {
    await site.browser?.close();
    await site.server?.close();
  });
  return site;
}

/** A fresh phone (empty cache, empty IndexedDB) on the slow network; close its context when done. */
export async function slowPhone(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75, isMobile: true, hasTouch: true, locale: 'fr-FR' });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 400, downloadThroughput: (400 * 1000) / 8, uploadThroughput: (400 * 1000) / 8 });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  return page;
}

/** Sums the page's layout shifts not caused by input (Cumulative Layout Shift, without session windows) in `window.__cls`. */
export const COUNT_LAYOUT_SHIFT = `(() => {
  window.__cls = 0;
  new PerformanceObserver((list) => { for (const e of list.getEntries()) if (!e.hadRecentInput) window.__cls += e.value; }).observe({ type: 'layout-shift', buffered: true });
})()`;
