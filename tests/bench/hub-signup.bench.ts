/**
 * Benchmark of <hub-signup> as a supporter meets it: a page holding only the
 * form, served with the production build by the real reference server.
 *
 *   node scripts/build.mjs && node --import tsx tests/bench/hub-signup.bench.ts
 *   BENCH_RUNS=9 node --import tsx tests/bench/hub-signup.bench.ts
 *
 * For each network profile (loopback; a slow mobile link: 400 ms round trip,
 * 400 kbit/s down, 150 kbit/s up), with a cold cache every run:
 * - the form on screen: navigation start → the form rendered in the shadow root;
 * - the JavaScript the page downloaded (files, and bytes as this server sends them: uncompressed;
 *   a CDN's gzip makes them about a third, see the budget test);
 * - sent: click on "Sign up" → the thank-you step says it is sent;
 * - offline: click with the browser offline → "saved on this device" shown;
 * - back online: network restored → the sign-up is in the database.
 * Medians of BENCH_RUNS runs (default 5). Timings are reported, never asserted.
 */
import os from 'node:os';
import { readFileSync } from 'node:fs';
import { chromium, type Page } from 'playwright-core';
import { startServer, importRecords } from '../../packages/server/src/index.ts';

const RUNS = Number(process.env.BENCH_RUNS ?? 5) || 5;
const PROFILES = [
  { name: 'loopback', latency: 0, down: -1, up: -1 },
  { name: 'slow mobile (400 ms RTT, 400/150 kbit/s)', latency: 400, down: (400 * 1024) / 8, up: (150 * 1024) / 8 },
];

const server = await startServer({ db: ':memory:', port: 0, cors: ['*'], writesPerMinute: 0, minFillMs: 0, statics: { '/dist/': 'dist' }, logLevel: 'warn' });
await importRecords(server.store, Object.fromEntries(['actions', 'chapters'].map((c) => [c, JSON.parse(readFileSync(`demo/data/${c}.json`, 'utf8')) as unknown[]])));
const PAGE = `${server.url}/bench/hub-signup.html`;
const HTML = `<!doctype html><html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<script type="module" src="/dist/archipel.js"></script></head>
<body><hub-signup source="/api" consent="contact:J’accepte d’être recontacté·e par Vague Climat"></hub-signup></body></html>`;

const browser = await chromium.launch({ executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--enable-unsafe-swiftshader'] });
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const shadowText = (page: Page) => page.evaluate(() => document.querySelector('hub-signup')?.shadowRoot?.textContent ?? '');

async function fillForm(page: Page, email: string) {
  const form = page.locator('hub-signup');
  await form.locator('#name').fill('Bench');
  await form.locator('#email').fill(email);
  await form.locator('input[value=contact]').check();
}

async function run(profile: (typeof PROFILES)[number], n: number) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  const emulate = (offline: boolean) =>
    cdp.send('Network.emulateNetworkConditions', { offline, latency: profile.latency, downloadThroughput: profile.down, uploadThroughput: profile.up });
  await emulate(false);
  await page.route(PAGE, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: HTML }));
  const bodies: Promise<number>[] = [];
  const files = new Set<string>();
  page.on('response', (r) => {
    if (r.url().endsWith('.js')) {
      files.add(r.url());
      bodies.push(r.body().then((b) => b.length, () => 0));
    }
  });

  const t0 = Date.now();
  await page.goto(PAGE);
  await page.waitForFunction(() => document.querySelector('hub-signup')?.shadowRoot?.querySelector('form'));
  const shown = Date.now() - t0;
  await page.waitForLoadState('networkidle');
  // Every body read before counting: on loopback the page is ready before the last one is.
  const js = (await Promise.all(bodies)).reduce((a, b) => a + b, 0);
  const firstLoad = { js, files: files.size };

  const sentEmail = `bench-${profile.latency}-${n}-${Date.now()}@example.org`;
  await fillForm(page, sentEmail);
  const t1 = Date.now();
  await page.locator('hub-signup button[type=submit]').click();
  await page.waitForFunction(() => /inscrit·e/.test(document.querySelector('hub-signup')?.shadowRoot?.textContent ?? ''));
  const sent = Date.now() - t1;

  await page.reload();
  await page.waitForFunction(() => document.querySelector('hub-signup')?.shadowRoot?.querySelector('form'));
  const queuedEmail = `bench-offline-${profile.latency}-${n}-${Date.now()}@example.org`;
  await fillForm(page, queuedEmail);
  // A person takes longer to fill the form than the page takes to finish loading its code.
  await page.waitForLoadState('networkidle');
  await emulate(true);
  await context.setOffline(true);
  const t2 = Date.now();
  await page.locator('hub-signup button[type=submit]').click();
  await page.waitForFunction(() => /Enregistré sur cet appareil/.test(document.querySelector('hub-signup')?.shadowRoot?.textContent ?? ''));
  const queued = Date.now() - t2;
  if (!(await shadowText(page)).includes('Enregistré')) throw new Error('not queued');

  await emulate(false);
  const t3 = Date.now();
  await context.setOffline(false);
  const stored = async () => (await server.store.list('signups', { limit: 1_000_000 })).filter((r) => (JSON.parse(r.data) as { email?: string }).email === queuedEmail).length;
  while ((await stored()) === 0) {
    if (Date.now() - t3 > 60_000) throw new Error('the queued sign-up never arrived');
    await new Promise((r) => setTimeout(r, 20));
  }
  const backOnline = Date.now() - t3;
  await new Promise((r) => setTimeout(r, 300));
  const once = (await stored()) === 1;
  await context.close();
  return { shown, ...firstLoad, sent, queued, backOnline, once };
}

const rows: string[] = [];
for (const profile of PROFILES) {
  const results: Awaited<ReturnType<typeof run>>[] = [];
  for (let n = 0; n < RUNS; n++) results.push(await run(profile, n));
  const m = (k: 'shown' | 'sent' | 'queued' | 'backOnline') => `${median(results.map((r) => r[k]))} ms`;
  rows.push(
    `| ${profile.name} | ${m('shown')} | ${results[0]!.files} files, ${(results[0]!.js / 1024).toFixed(1)} KiB | ${m('sent')} | ${m('queued')} | ${m('backOnline')} | ${results.every((r) => r.once) ? 'yes' : 'NO'} |`,
  );
}
const version = browser.version();
await browser.close();
await server.close();

const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
console.log(`\nMachine: ${cpu}, ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB RAM, Node ${process.version}, Chromium ${version}, ${os.type()} ${os.release()}`);
console.log(`Page with only <hub-signup source="/api">, production build, cold cache, median of ${RUNS} runs.\n`);
console.log('| network | form on screen | JavaScript loaded (uncompressed) | sent → thank-you | offline → "saved on this device" | back online → stored | stored exactly once |');
console.log('|---|---:|---:|---:|---:|---:|:---:|');
for (const r of rows) console.log(r);
