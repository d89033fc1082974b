/**
 * Each widget's demo page on a slow phone (issue #19).
 *
 *   node scripts/build.mjs && node --import tsx tests/bench/slow-network.bench.ts [runs] [page…]
 *
 * `page…` keeps only the measures named (`list map wall signup survey hub`: `list hub` for the action list and the
 * chapter's name), or a page's file (`hashtag-wall.html`). ARCHIPEL_DIST=dir serves another build in place of dist/ (a copy of an earlier one, to measure
 * before and after back to back).
 *
 * The reference server, seeded with the demo campaign, serves the demo, dist/ and the API on a loopback port,
 * as `npm start` does. Each page opens on a fresh slow phone (tests/support/slow-phone.ts: 412×823, empty cache,
 * 400 kbit/s both ways, 400 ms round trip, CPU 4× slower).
 * Measures, from navigation start, the first useful content a supporter sees (found through shadow roots):
 * the action list's first row and the map's canvas, the wall's first card, a form, a chapter's name; and the
 * layout shift the page had by then plus two seconds. The median of `runs` (default 3) is reported. Timings are
 * reported, never asserted. Pages named after `runs` (`hashtag-wall.html`) are the only ones measured.
 */
import os from 'node:os';
import type { Browser } from 'playwright-core';
import { COUNT_LAYOUT_SHIFT, launchChromium, slowPhone, startDemoServer } from '../support/slow-phone.ts';

const RUNS = Number(process.argv[2] ?? 3);
const ONLY = process.argv.slice(3);
const ALL_PAGES: { name: string; page: string; what: string; selector: string; tap?: string; then?: string }[] = [
  { name: 'list', page: 'action-map.html', what: '<action-map> list row', selector: 'action-map li.row' },
  // On a phone the list shows first; the map (and MapLibre) only once "Map" is tapped: timed from the tap.
  { name: 'map', page: 'action-map.html', what: '<action-map> map canvas, after tapping “Carte”', selector: 'action-map li.row', tap: 'action-map .toggle button[aria-pressed=false]', then: 'action-map canvas.maplibregl-canvas' },
  { name: 'wall', page: 'hashtag-wall.html', what: '<hashtag-wall> first card', selector: 'hashtag-wall article' },
  { name: 'signup', page: 'hub-signup.html', what: '<hub-signup> form', selector: 'hub-signup form' },
  { name: 'survey', page: 'readiness-survey.html', what: '<readiness-survey> form', selector: 'readiness-survey form' },
  { name: 'hub', page: 'chapter-hub.html?chapter=lyon', what: '<chapter-hub> chapter name', selector: 'chapter-hub [part~=name]' },
];
const PAGES = ALL_PAGES.filter(({ name, page }) => !ONLY.length || ONLY.includes(name) || ONLY.includes(page.split('?')[0]!));

/**
 * Runs in the page before its own scripts: looks every 50 ms for `host selector` inside the host's shadow root
 * (and the shadow roots below it), visible, and keeps the first moment it was in `window[key]`.
 */
const probe = (selector: string) => `(() => {
  const find = (selector) => {
    const [host, ...rest] = selector.split(' ');
    const inner = rest.join(' ');
    for (const el of document.querySelectorAll(host)) {
      const scopes = [el.shadowRoot].filter(Boolean);
      while (scopes.length) {
        const scope = scopes.pop();
        const hit = [...scope.querySelectorAll(inner)].find((n) => n.getBoundingClientRect().height > 0);
        if (hit) return hit;
        for (const n of scope.querySelectorAll('*')) if (n.shadowRoot) scopes.push(n.shadowRoot);
      }
    }
  };
  window.__watch = (selector, key) => {
    const timer = setInterval(() => {
      if (!document.body || !find(selector)) return;
      window[key] = performance.now();
      clearInterval(timer);
    }, 50);
  };
  window.__watch(${JSON.stringify(selector)}, '__useful');
})()`;

const server = await startDemoServer(process.env.ARCHIPEL_DIST);

type Win = { __useful?: number; __then?: number; __cls: number; __watch(selector: string, key: string): void };

async function measure(browser: Browser, { page, selector, tap, then }: (typeof PAGES)[number]): Promise<{ useful: number; cls: number }> {
  const tab = await slowPhone(browser);
  try {
    await tab.addInitScript(COUNT_LAYOUT_SHIFT);
    await tab.addInitScript(probe(selector));
    await tab.goto(`http://127.0.0.1:${server.port}/demo/${page}`, { waitUntil: 'commit' });
    await tab.waitForFunction(() => (window as unknown as Win).__useful, undefined, { timeout: 120_000, polling: 200 });
    if (tap && then) {
      const tapped = await tab.evaluate((s) => ((window as unknown as Win).__watch(s, '__then'), performance.now()), then);
      await tab.locator(tap).click();
      await tab.waitForFunction(() => (window as unknown as Win).__then, undefined, { timeout: 120_000, polling: 200 });
      return { useful: (await tab.evaluate(() => (window as unknown as Win).__then!)) - tapped, cls: NaN };
    }
    await tab.waitForTimeout(2000);
    return await tab.evaluate(() => ({ useful: (window as unknown as Win).__useful!, cls: (window as unknown as Win).__cls }));
  } finally {
    await tab.context().close();
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const browser = await launchChromium();
try {
  console.log(`Chromium ${browser.version()}, Node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}; 412×823, 400 kbit/s, 400 ms RTT, CPU 4×; median of ${RUNS}; ${process.env.ARCHIPEL_DIST ?? 'dist'}; load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  console.log('\n| page | first useful content | s | layout shift |\n|---|---|---|---|');
  for (const entry of PAGES) {
    const runs = [];
    for (let i = 0; i < RUNS; i++) runs.push(await measure(browser, entry));
    const s = median(runs.map((r) => r.useful)) / 1000;
    const cls = median(runs.map((r) => r.cls));
    console.log(`| ${entry.page.split('?')[0]} | ${entry.what} | ${s.toFixed(1)} | ${Number.isNaN(cls) ? '' : cls.toFixed(3)} |`);
  }
} finally {
  await browser.close();
  await server.close();
}
