/**
 * Benchmark of <hashtag-wall> with 10,000 posts (issue #7).
 *
 *   node scripts/build.mjs && node --import tsx tests/bench/hashtag-wall.bench.ts
 *
 * Serves dist/ and a generated folder of JSON files (10,000 approved posts, a
 * third with a picture, one in twelve with a video link) with the reference
 * server's static handler on a loopback port, and opens a fresh page in
 * headless Chromium for each layout. Measures:
 * - time to first cards: navigation start → the first article in the feed
 *   (includes downloading the widget, reading and validating the 10,000 rows);
 * - DOM: articles and elements in the wall's shadow root, once settled;
 * - scrolling: the page is scrolled 120 px a frame for 300 frames; frame
 *   intervals (requestAnimationFrame) are reported as p50 / p95 / max and the
 *   share of frames longer than 25 ms (at least one frame dropped).
 * Then, on a phone (360×740, masonry), walls of 131 to 5,000 posts: how long until every card a screen reader
 * must find is in the feed, the articles once settled, and scrolling, to set EVERY_POST_UP_TO (wall-feed.ts),
 * the size up to which every post stays in the DOM.
 * Timings are reported, never asserted. Software rendering (no GPU) makes frame
 * times pessimistic.
 */
import os from 'node:os';
import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { chromium } from 'playwright-core';
import { startServer } from '../../packages/server/src/index.ts';

const POSTS = 10_000;
const dir = mkdtempSync(join(os.tmpdir(), 'wall-bench-'));
mkdirSync(join(dir, 'data'));
const words = 'On a tenu notre assemblée dans la laverie du quartier, faute de salle, et c’était parfait. Trois générations ont peint la même banderole.'.split(' ');
const posts = Array.from({ length: POSTS }, (_, i) => ({
  id: `bench-${i}`,
  author: `Sympathisant ${i}`,
  text: words.slice(0, 5 + ((i * 7) % words.length)).join(' ') + ' #VagueClimat',
  image: i % 3 === 0 ? `/bench/pic.svg?${i}` : undefined,
  video: i % 12 === 5 ? 'https://vimeo.com/76979871' : undefined,
  hashtags: ['VagueClimat'],
  chapter: ['paris', 'lyon', 'montreal', 'bruxelles'][i % 4],
  created: new Date(Date.UTC(2026, 10, 20) - i * 60_000).toISOString(),
  status: 'approved',
}));
writeFileSync(join(dir, 'data', 'posts.json'), JSON.stringify(posts));
writeFileSync(join(dir, 'pic.svg'), '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 4 3"><rect width="4" height="3" fill="#8fc9a9"/></svg>');
const SIZES = [131, 500, 1000, 2000, 5000];
const pages = [...['masonry', 'grid', 'carousel'].map((layout) => ({ name: layout, layout, data: 'data' })), ...SIZES.map((n) => ({ name: `phone-${n}`, layout: 'masonry', data: `data-${n}` }))];
for (const n of SIZES) {
  mkdirSync(join(dir, `data-${n}`));
  writeFileSync(join(dir, `data-${n}`, 'posts.json'), JSON.stringify(posts.slice(0, n)));
}
for (const { name, layout, data } of pages) {
  writeFileSync(
    join(dir, `${name}.html`),
    `<!doctype html><html lang="fr"><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<script type="module" src="/dist/hashtag-wall.js"></script>
<body style="margin:0;padding:1rem"><h1>Bench</h1><hashtag-wall source="/bench/${data}/" hashtag="VagueClimat" layout="${layout}"></hashtag-wall>
<script type="module">
  const wall = document.querySelector('hashtag-wall');
  const look = () => {
    const root = wall.shadowRoot;
    const cards = root ? root.querySelectorAll('article') : [];
    if (cards.length && !window.firstCards) window.firstCards = performance.now();
    if (cards.length && String(cards.length) === cards[0].getAttribute('aria-setsize')) window.everyCard = performance.now();
    else requestAnimationFrame(look);
  };
  look();
</script>`,
  );
}

const server = await startServer({ db: ':memory:', port: 0, host: '127.0.0.1', statics: { '/dist/': 'dist', '/bench/': dir }, logLevel: 'warn' });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--enable-unsafe-swiftshader'] });
const chromiumVersion = browser.version();

const quantile = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))]!;
/** Opens a bench page and measures it (see the header). */
async function measure(name: string, viewport: { width: number; height: number }) {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  await page.goto(`http://127.0.0.1:${server.port}/bench/${name}.html`);
  await page.waitForFunction(() => (window as { firstCards?: number }).firstCards, undefined, { timeout: 60_000 });
  await page.waitForTimeout(500);
  const { first, every } = await page.evaluate(() => ({ first: (window as unknown as { firstCards: number }).firstCards, every: (window as unknown as { everyCard?: number }).everyCard }));
  const dom = await page.evaluate(() => {
    const root = document.querySelector('hashtag-wall')!.shadowRoot!;
    return { articles: root.querySelectorAll('article').length, elements: root.querySelectorAll('*').length, setsize: root.querySelector('article')!.getAttribute('aria-setsize') };
  });
  // A string, not a function: tsx's transform would add helpers the page does not have.
  const frames = (await page.evaluate(`new Promise((done) => {
    const out = [];
    let last = performance.now();
    let n = 0;
    const step = (t) => {
      out.push(t - last);
      last = t;
      scrollBy(0, 120);
      if (++n < 300) requestAnimationFrame(step);
      else done(out.slice(1));
    };
    requestAnimationFrame(step);
  })`)) as number[];
  const after = await page.evaluate(() => document.querySelector('hashtag-wall')!.shadowRoot!.querySelectorAll('article').length);
  await context.close();
  const slow = frames.filter((f) => f > 25).length / frames.length;
  const scroll = `${quantile(frames, 0.5).toFixed(1)} / ${quantile(frames, 0.95).toFixed(1)} / ${Math.max(...frames).toFixed(1)} ms | ${(slow * 100).toFixed(0)} %`;
  return { first: Math.round(first), every: every === undefined ? '— (near the viewport only)' : `${Math.round(every)} ms`, dom, after, scroll };
}

const rows: string[] = [];
const phoneRows: string[] = [];
try {
  for (const layout of ['masonry', 'grid', 'carousel']) {
    const m = await measure(layout, { width: 1280, height: 800 });
    rows.push(`| ${layout} | ${POSTS.toLocaleString('en')} (set size ${m.dom.setsize}) | ${m.first} ms | ${m.dom.articles} articles, ${m.dom.elements} elements | ${m.after} | ${m.scroll} |`);
  }
  for (const n of SIZES) {
    const m = await measure(`phone-${n}`, { width: 360, height: 740 });
    phoneRows.push(`| ${n.toLocaleString('en')} | ${m.first} ms | ${m.every} | ${m.dom.articles} articles, ${m.dom.elements} elements | ${m.scroll} |`);
  }
} finally {
  await browser.close();
  await server.close();
  rmSync(dir, { recursive: true, force: true });
}

let cpu = os.cpus()[0]?.model ?? 'unknown CPU';
try {
  cpu = execFileSync('lscpu', { encoding: 'utf8' }).match(/Model name:\s*(.+)/)?.[1]?.trim() ?? cpu;
} catch {
  // lscpu is not everywhere; os.cpus() said enough.
}
console.log(`\nMachine: ${cpu}, ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB RAM, Node ${process.version}, Chromium ${chromiumVersion} headless (software rendering), viewport 1280×800.\n`);
console.log('| layout | posts | time to first cards | DOM once settled (shadow root) | articles while scrolling | frame p50 / p95 / max | frames > 25 ms (dropped) |');
console.log('|---|---:|---:|---|---:|---:|---:|');
for (const r of rows) console.log(r);
console.log('\nOn a phone (360×740, masonry): every card in the feed, for a screen reader, up to EVERY_POST_UP_TO posts.\n');
console.log('| posts | time to first cards | every card in the feed | DOM once settled (shadow root) | frame p50 / p95 / max | frames > 25 ms (dropped) |');
console.log('|---:|---:|---:|---|---:|---:|');
for (const r of phoneRows) console.log(r);
