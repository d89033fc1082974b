/**
 * Benchmarks of <readiness-survey>'s results.
 *
 *   node --import tsx tests/bench/readiness-survey.bench.ts
 *   BENCH_RUNS=15 node --import tsx tests/bench/readiness-survey.bench.ts
 *
 * 1. Counting, in Node: core's aggregate() (what the server runs for
 *    GET /surveys/{id}/results and what the results view runs for sources
 *    without server-side results) on 100,000 synthetic responses to the demo
 *    survey, without and with filters, and crossTab() on them.
 * 2. First results render, in Chromium: the staff demo page
 *    (demo/readiness-survey-results.html) from navigation to every chart
 *    drawn, cold cache, served with the widgets by the real reference server
 *    (`npm run build` first), on the demo campaign (600 responses) and on
 *    20,000 responses. Includes downloading the results view and Chart.js,
 *    the server counting, and drawing 6 charts with their tables.
 *
 * Timings are reported, never asserted (run `npm run build` first).
 */
import os from 'node:os';
import { readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { chromium } from 'playwright-core';
import { aggregate, crossTab } from '../../packages/core/src/results.ts';
import type { Survey } from '../../packages/core/src/schemas/surveys.ts';
import type { SurveyResponse } from '../../packages/core/src/schemas/responses.ts';
import { startServer, importRecords, readyStorage } from '../../packages/server/src/index.ts';

const RUNS = Number(process.env.BENCH_RUNS ?? 9) || 9;
const CHROMIUM = process.env.CHROME_PATH ?? '/usr/bin/chromium';
// Survey responses are personal: the demo keeps them in demo/seed/, out of its public folder.
const demo = (c: string) => JSON.parse(readFileSync(`demo/${c === 'responses' ? 'seed' : 'data'}/${c}.json`, 'utf8')) as Record<string, unknown>[];
const survey = demo('surveys')[0] as unknown as Survey;
const chapters = demo('chapters') as { id: string; region?: string }[];

/** A deterministic generator (mulberry32), so every run counts the same data. */
function random(seed: number) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function synthetic(count: number, seed = 1): SurveyResponse[] {
  const rnd = random(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
  const start = Date.parse('2026-10-01T00:00:00Z');
  return Array.from({ length: count }, (_, i) => {
    const answers: SurveyResponse['answers'] = {};
    for (const q of survey.questions) {
      if (!q.required && rnd() < 0.4) continue;
      if (q.type === 'single') answers[q.id] = pick(q.options!);
      else if (q.type === 'multi') answers[q.id] = q.options!.filter(() => rnd() < 0.35).concat(q.options![0]!).filter((o, j, a) => a.indexOf(o) === j);
      else if (q.type === 'scale') answers[q.id] = (q.min ?? 1) + Math.floor(rnd() * ((q.max ?? 5) - (q.min ?? 1) + 1));
      else if (q.type === 'yesno') answers[q.id] = rnd() < 0.3;
      else answers[q.id] = `Réponse libre ${i}`;
    }
    const chapter = pick(chapters);
    return { id: `bench-${seed}-${i.toString().padStart(7, '0')}`, survey: survey.id, answers, chapter: chapter.id, created: new Date(start + Math.floor(rnd() * 50 * 86_400_000)).toISOString() };
  });
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const ms = (n: number) => `${n.toFixed(n < 10 ? 1 : 0)} ms`;

function time(fn: () => unknown): { median: number; min: number; max: number } {
  fn(); // warm-up: the JIT, as on a running server
  const t: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const s = performance.now();
    fn();
    t.push(performance.now() - s);
  }
  return { median: median(t), min: Math.min(...t), max: Math.max(...t) };
}

async function firstRender(responses: number): Promise<{ median: number; min: number; max: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'archipel-bench-'));
  const file = join(dir, 'bench.db');
  const store = await readyStorage(file);
  await importRecords(store, { chapters, surveys: [survey], responses: responses <= 600 ? demo('responses') : [...demo('responses'), ...synthetic(responses - 600, 7)] });
  const token = await store.createToken('bench');
  await store.close();
  const server = await startServer({ db: file, port: 0, host: '127.0.0.1', statics: { '/dist/': 'dist', '/demo/': 'demo' }, logLevel: 'warn' });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--enable-unsafe-swiftshader'] });
  const times: number[] = [];
  try {
    for (let i = 0; i < Math.min(RUNS, 5); i++) {
      // A fresh context each time: cold HTTP cache, as a staff member's first visit.
      const context = await browser.newContext({ viewport: { width: 1200, height: 900 }, reducedMotion: 'reduce' });
      // Staff who signed in before: the token is given as the element is defined, as a staff page's own code would.
      await context.addInitScript((t) => void customElements.whenDefined('readiness-survey').then(() => ((document.querySelector('readiness-survey') as { token?: string }).token = t)), token);
      const page = await context.newPage();
      await page.goto(`http://127.0.0.1:${server.port}/demo/readiness-survey-results.html`);
      const at = await page.waitForFunction(
        () => {
          const root = document.querySelector('readiness-survey')?.shadowRoot;
          const canvases = root ? [...root.querySelectorAll('canvas')] : [];
          return canvases.length > 0 && canvases.every((c) => c.dataset.drawn) ? performance.now() : false;
        },
        undefined,
        { timeout: 60_000, polling: 'raf' },
      );
      times.push((await at.jsonValue()) as number);
      await context.close();
    }
  } finally {
    await browser.close();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
  return { median: median(times), min: Math.min(...times), max: Math.max(...times) };
}

const browserVersion = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] }).then(async (b) => {
  const v = b.version();
  await b.close();
  return v;
});
console.log(`Machine: ${os.cpus()[0]?.model} × ${os.cpus().length}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB RAM, Node ${process.version}, Chromium ${browserVersion}, ${os.type()} ${os.release()}`);
console.log(`Runs: ${RUNS} (median, min–max)\n`);

const N = 100_000;
const responses = synthetic(N);
const regions = new Map(chapters.map((c) => [c.id, c.region]));
const regionOf = (r: SurveyResponse) => r.region ?? (r.chapter ? regions.get(r.chapter) : undefined);
const rows: [string, { median: number; min: number; max: number }][] = [
  ['aggregate(), 100,000 responses, no filter (Node)', time(() => aggregate(survey, responses, {}, regionOf))],
  ['aggregate(), 100,000 responses, region + dates (Node)', time(() => aggregate(survey, responses, { region: 'Auvergne-Rhône-Alpes', from: '2026-10-10T00:00:00Z', to: '2026-11-01T00:00:00Z' }, regionOf))],
  ['crossTab(), 100,000 responses, one question by region (Node)', time(() => crossTab(survey, responses, 'actions', regionOf))],
];
const check = aggregate(survey, responses, {}, regionOf);
console.log(`(check: ${check.total} counted, ${check.byChapter.length} chapters, ${check.byRegion.length} regions)\n`);

for (const n of [600, 20_000]) rows.push([`first results render, ${n.toLocaleString('en')} responses, cold cache (Chromium)`, await firstRender(n)]);

console.log('| what | median | min – max |');
console.log('|---|---:|---:|');
for (const [what, t] of rows) console.log(`| ${what} | ${ms(t.median)} | ${ms(t.min)} – ${ms(t.max)} |`);
