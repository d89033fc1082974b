/**
 * Benchmark of <action-map> with 1,000, 10,000 and 100,000 actions (issue #5).
 *
 *   node scripts/build.mjs && node --import tsx tests/bench/action-map.bench.ts
 *   BENCH_SIZES=1000,10000 node --import tsx tests/bench/action-map.bench.ts
 *
 * The production build (dist/action-map.js, MapLibre's worker and the Natural
 * Earth basemap beside it) is served by the reference server's static handler
 * on a loopback port. The bench page itself is generated here and fulfilled
 * through Playwright's routing on the same origin, so the page's module import
 * of /dist/ is same-origin like a campaign's own site. The page generates N
 * synthetic actions (cities of Europe, Québec and West Africa with a local
 * scatter and a rural spread, eight types, priorities, starts over the next 90
 * days in local time with each city's zone, 4 % online) and hands them to
 * <action-map layers="actions chapters"> through an adapter object, so the
 * widget validates and saves them exactly as it would a source's rows.
 *
 * A fresh browser context (empty IndexedDB, cold cache) per size. Measured:
 * - navigation → `archipel-load` for actions, of which the rows in hand (the adapter
 *   asked) → `archipel-load` (validation, in a worker past 10,000 rows), with the
 *   longest main-thread task (the page cannot answer during it), and navigation →
 *   the first rows of the list on screen; the copy saved to IndexedDB waits for
 *   the page to be idle, after the first clustered frame;
 * - rows in hand → first clustered frame: the first map `render` with features
 *   of the 'clusters' layer drawn after the map's first `archipel-pins` (every
 *   pin handed, from a first look at the rows), with whether they went as bytes
 *   (made into features in MapLibre's worker) or as GeoJSON; then rows in hand →
 *   the read's pins on the map (the first look's amended once the actions are
 *   read: the first map `idle` with clusters after that, once the amended pins'
 *   tiles are in, or `archipel-pins` itself when none changed), and the longest
 *   main-thread task until then;
 * - frame times while panning: requestAnimationFrame intervals during 3 s of
 *   programmatic panning (four linear 750 ms legs of panBy, a rectangle), at the
 *   view the widget framed and again at zoom 7 over France and Belgium;
 * - the list: `li.row` in the shadow root at the top and scrolled to the middle,
 *   the cost of one update of the element (any state change re-renders), and
 *   frame times while the list is scrolled 176 px a frame for 2 s;
 * - the page's JS heap after a forced GC (main thread only: the worker's cluster
 *   index is not in it);
 * - side by side, raw MapLibre on the same data and basemap in its own fresh
 *   context (one GeoJSON source with `cluster: true`): data in hand → first
 *   clustered frame, the longest task in that span, the heap after GC.
 * The rows are handed as a fetched JSON body gives them (parsed from JSON text, outside the measure);
 * BENCH_GENERATED_ROWS=1 hands the generator's own objects, as every run before 2026-12-06 did.
 * MapLibre's code is in the page before the rows are in hand, on both pages: raw MapLibre's page imports it first,
 * and the widget's page imports the map's chunks first (a campaign's rows take longer to download than MapLibre).
 * BENCH_MAP_LOADED=0 lets the widget load them once it is on the page, after the rows, as every run before
 * 2026-12-07 did: its figure then holds the loading of MapLibre's code, which raw MapLibre's does not.
 * BENCH_NO_READER=1 refuses the reading worker, as a strict policy would: the rows are then read on the page's thread.
 * BENCH_PROFILE=dir also writes the widget page's CPU profile per size (see writeProfile), and traces of both pages.
 * BENCH_TRACE_ONLY=1 with it writes the traces alone: the CPU profiler slows the page by about half, and not evenly.
 * Until 2026-12-07 the first clustered frame was the first map `idle` with clusters drawn. That is one frame later
 *   on the widget's map than on raw MapLibre's: a frame that brings new symbols (the clusters' counts; raw MapLibre's
 *   map has none) leaves MapLibre's placement stale, and it draws once more, the same picture, before it is idle. The
 *   measure then held the widget's first clustered frame drawn to the screen, and one more, and raw MapLibre's
 *   first clustered frame up to its drawing only. One frame, because both maps set `fadeDuration: 0` (placement done
 *   whole in a frame, symbols not faded in). The pairs' line also gives the ratio by that `idle`.
 * BENCH_DEBUG=1 prints when the pins went to MapLibre, how, and when MapLibre's worker had grouped them.
 * ARCHIPEL_DIST=dir serves another build in place of dist/ (a copy of an earlier one, to measure before and after).
 * BENCH_PAIRS=k measures the widget and raw MapLibre k times per size, taking turns (the first of a pair alternates),
 * and reports the median of the k ratios with their range: one pair's ratio moves by a fifth from run to run here.
 * The tables are the first pair's; with BENCH_PROFILE, the profile and traces are the last pair's.
 * Timings are reported, never asserted; the run fails only when something does
 * not run (no clusters, no rows). WebGL is SwiftShader (software): compare ratios
 * between sizes, not absolute frame times.
 */
import os from 'node:os';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { startServer } from '../../packages/server/src/index.ts';

const PROFILE = process.env.BENCH_PROFILE;
const CPU_PROFILE = PROFILE && process.env.BENCH_TRACE_ONLY !== '1';
/** How many rows a source holds before the widget takes a first look at them for the map (core/src/read.ts PART). */
const PART_ROWS = 2000;
/**
 * BENCH_NARROW=1: a phone's viewport (390×800), where the widget shows its list alone until the map is asked for.
 * Measured: rows in hand → the list's first rows and → `archipel-load`, the longest task meanwhile; no map, no raw MapLibre.
 */
const NARROW = process.env.BENCH_NARROW === '1';
const VIEWPORT = NARROW ? { width: 390, height: 800 } : { width: 1280, height: 800 };
// The workers' JavaScript is sampled too (MapLibre's worker groups the pins): open the trace in DevTools' Performance panel.
const TRACE_CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'v8.execute', 'blink.user_timing', ...(CPU_PROFILE ? ['disabled-by-default-v8.cpu_profiler'] : [])];
const MAP_LOADED = process.env.BENCH_MAP_LOADED !== '0';
const PAIRS = Math.max(1, Number(process.env.BENCH_PAIRS ?? 1) || 1);
const SIZES = (process.env.BENCH_SIZES ?? '1000,10000,100000').split(',').map(Number).filter((n) => n > 0);

/**
 * The synthetic campaign, generated in the page by the demo's generator (demo/scripts/large-campaign.js, also
 * demo/action-map-large.html): \`actions\` and \`chapters\`, the same for the widget and for raw MapLibre.
 */
const GENERATE = `import { largeCampaign } from '/demo/scripts/large-campaign.js';
const t0 = performance.now();
let { actions, chapters } = largeCampaign(N);
// As a fetched JSON body gives them: strings built by concatenation here would each be joined up in the widget's
// first read of them (a cost no real source has), and their objects would share the generator's shapes.
if (${process.env.BENCH_GENERATED_ROWS !== '1'}) actions = JSON.parse(JSON.stringify(actions));
T.genMs = performance.now() - t0;
`;

/**
 * The built file of the map's view, which imports MapLibre's: the page loads it before the rows are generated, as
 * raw MapLibre's page loads MapLibre, so that both are measured from the same start (BENCH_MAP_LOADED).
 */
const mapViewChunk = () => {
  const { chunks } = JSON.parse(readFileSync(`${process.env.ARCHIPEL_DIST ?? 'dist'}/build-stats.json`, 'utf8')) as { chunks: Record<string, { modules: string[] }> };
  const file = Object.keys(chunks).find((f) => chunks[f]!.modules.some((m) => m.endsWith('action-map/src/map-view.ts')));
  if (!file) throw new Error('build-stats.json names no chunk of map-view.ts: BENCH_MAP_LOADED=0 measures without it');
  return file;
};

/** The page: everything in it is plain browser JavaScript (no transform touches it). */
const pageHtml = (n: number) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>action-map bench ${n}</title></head>
<body style="margin:0;padding:1rem;font-family:system-ui,sans-serif"><h1 style="margin:0 0 .5rem;font-size:1.2rem">${n} actions</h1><main></main>
<script type="module">
import '/dist/action-map.js';
${MAP_LOADED ? `await import('/dist/${mapViewChunk()}');` : ''}
const N = ${n};
const T = (window.T = { setData: [], longTasks: [] });
new PerformanceObserver((list) => { for (const e of list.getEntries()) T.longTasks.push({ start: e.startTime, duration: e.duration }); }).observe({ type: 'longtask', buffered: true });
// How often the widget gave the page a turn (core/src/slices.ts), when the browser has scheduler.yield.
T.yields = 0;
// The workers the page starts (MapLibre's, and the widget's reading worker past 10,000 rows), by name.
T.workers = [];
const RealWorker = Worker;
const NO_READER = ${process.env.BENCH_NO_READER === '1'};
window.Worker = class extends RealWorker { constructor(url, options) { const name = (options && options.name) || 'unnamed'; if (NO_READER && name.startsWith('archipel')) throw new DOMException('BENCH_NO_READER', 'SecurityError'); super(url, options); T.workers.push(name); } };
if (globalThis.scheduler && scheduler.yield) { const y = scheduler.yield.bind(scheduler); scheduler.yield = () => { T.yields++; return y(); }; }

${GENERATE}

const adapter = {
  source: 'memory:bench-' + N + '-' + Date.now(),
  kind: 'memory',
  writable: false,
  list: async (collection) => {
    if (collection !== 'actions') return { rows: collection === 'chapters' ? chapters : [] };
    T.listAt = performance.now(); performance.mark('rows in hand');
    // Handed over and forgotten, as a fetched JSON body would be: the heap figure is the widget's.
    const rows = actions;
    actions = [];
    return { rows };
  },
  submit: async () => { throw new Error('read-only'); },
};

const el = (window.el = document.createElement('action-map'));
el.setAttribute('lang', 'en');
el.setAttribute('layers', 'actions chapters');
el.adapter = adapter;
document.addEventListener('archipel-load', (e) => {
  if (e.detail.collection !== 'actions' || T.load) return;
  T.load = performance.now(); performance.mark('archipel-load');
  T.count = e.detail.count;
  T.skipped = e.detail.skipped.length;
});
T.attach = performance.now();
document.querySelector('main').append(el);
const firstRows = () => (el.shadowRoot && el.shadowRoot.querySelector('li.row') ? (T.rows = performance.now()) : requestAnimationFrame(firstRows));
firstRows();

const clustersShown = (map) => map.getLayer('clusters') && map.queryRenderedFeatures({ layers: ['clusters'] }).length > 0;
const watch = (map) => {
  T.mapCreated = performance.now();
  const instrument = () => {
    const source = map.getSource('actions');
    const setData = source.setData.bind(source);
    // When the pins were handed, how many (or "bytes": packed, made into features in MapLibre's worker), and when
    // MapLibre's worker had grouped them (BENCH_DEBUG).
    const handed = (entry, promise) => { T.setData.push(entry); promise.then(() => (entry.done = performance.now()), () => undefined); return promise; };
    source.setData = (data) => handed({ at: performance.now(), n: typeof data === 'string' ? 'bytes' : data.features.length }, setData(data));
    const updateData = source.updateData.bind(source);
    source.updateData = (diff) => handed({ at: performance.now(), n: diff.add ? diff.add.length : 0 }, updateData(diff));
  };
  // Hooked as the widget adds the source, whenever it does.
  if (map.getSource('actions')) instrument();
  else {
    const addSource = map.addSource.bind(map);
    map.addSource = (id, spec) => { const r = addSource(id, spec); if (id === 'actions') instrument(); return r; };
  }
  if (map.loaded()) T.mapLoad = performance.now(); else map.once('load', () => (T.mapLoad = performance.now()));
  // Every pin handed (from a first look at the rows, once it has looked at them all): the clustered frame that counts
  // is the first after that. Then the pins of the actions read (archipel-load), the first look's amended: drawn in the
  // first frame after that, or already on screen when none changed.
  // Past 2,000 rows (core/src/read.ts PART) the read's pins amend the first look's, and say how many they amended:
  // the read can end before the look's pins are handed, and their event is not the read's.
  const looked = N > ${PART_ROWS};
  map.on('archipel-pins', (e) => {
    if (!T.pinsAt && e.pins > 0) { T.pinsAt = performance.now(); performance.mark('pins handed'); T.packed = e.packed; }
    if (!T.readPinsAt && T.load && T.pinsAt && (!looked || e.amended !== undefined)) {
      T.readPinsAt = performance.now(); performance.mark('pins read'); T.amended = e.amended ?? e.pins;
      if (!T.amended && T.clusters) T.readClusters = T.readPinsAt;
    }
  });
  // Their counts too: a symbol layer, placed apart from the circles (raw MapLibre's map has no counts).
  const counted = () => map.queryRenderedFeatures({ layers: ['cluster-count'] }).length > 0;
  map.on('render', () => {
    const now = performance.now();
    if (T.pinsAt && !T.clusters && clustersShown(map) && counted()) {
      T.clusters = now; performance.mark('clustered frame');
      T.clusterCount = map.queryRenderedFeatures({ layers: ['clusters'] }).length;
      T.zoom = map.getZoom();
    }
  });
  map.on('idle', () => {
    if (T.clusters && !T.clustersIdle) T.clustersIdle = performance.now();
    if (T.readPinsAt && !T.readClusters && clustersShown(map)) T.readClusters = performance.now();
  });
};
const waitMap = () => (el.map ? watch(el.map) : requestAnimationFrame(waitMap));
waitMap();

const idle = (map) => new Promise((resolve) => { map.once('idle', resolve); map.triggerRepaint(); });
const framesDuring = async (work) => {
  const frames = [];
  let running = true;
  let last;
  const step = (t) => { if (last !== undefined) frames.push(t - last); last = t; if (running) requestAnimationFrame(step); };
  requestAnimationFrame(step);
  await new Promise((r) => requestAnimationFrame(() => r()));
  await work();
  running = false;
  return frames;
};

window.pan = async (view) => {
  const map = el.map;
  if (view) map.jumpTo(view);
  await idle(map);
  const before = T.setData.length;
  const frames = await framesDuring(async () => {
    for (const [x, y] of [[500, 0], [0, 250], [-500, 0], [0, -250]]) {
      const moved = new Promise((r) => map.once('moveend', r));
      map.panBy([x, y], { duration: 750, easing: (k) => k });
      await moved;
    }
  });
  return { frames, setData: T.setData.length - before, zoom: map.getZoom() };
};

const shadow = () => el.shadowRoot;
const rowCount = () => shadow().querySelectorAll('li.row').length;
window.listRows = async () => {
  const scroller = shadow().querySelector('.list-scroll');
  const top = rowCount();
  const setsize = shadow().querySelector('li.row').getAttribute('aria-setsize');
  // Past about 381,000 rows Chromium caps the list's height (see the README's limits): the middle of what scrolls.
  const mid = Math.min(Math.floor(Number(setsize) / 2), Math.floor((scroller.scrollHeight - scroller.clientHeight) / 2 / 88));
  scroller.scrollTop = mid * 88;
  const t = performance.now();
  while (![...shadow().querySelectorAll('li.row')].some((li) => li.getAttribute('aria-posinset') === String(mid + 1))) {
    if (performance.now() - t > 20_000) throw new Error('the middle of the list never rendered');
    await new Promise((r) => setTimeout(r, 20));
  }
  const middle = rowCount();
  scroller.scrollTop = 0;
  await new Promise((r) => setTimeout(r, 300));
  await el.updateComplete;
  return { top, middle, setsize, elements: shadow().querySelectorAll('*').length };
};

window.updateCost = async () => {
  const runs = [];
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    el.requestUpdate();
    await el.updateComplete;
    runs.push(performance.now() - t);
  }
  return runs.sort((a, b) => a - b)[2];
};

window.scrollList = async () => {
  const scroller = shadow().querySelector('.list-scroll');
  const before = T.setData.length;
  let most = 0;
  const frames = await framesDuring(async () => {
    const t = performance.now();
    while (performance.now() - t < 2000) {
      scroller.scrollTop += 176;
      most = Math.max(most, rowCount());
      await new Promise((r) => requestAnimationFrame(() => r()));
    }
  });
  return { frames, setData: T.setData.length - before, most };
};
</script></body></html>`;

/**
 * The baseline: raw MapLibre, as a developer would write it for the same data, on the same basemap: one GeoJSON
 * source with \`cluster: true\` and the same cluster settings, a circle layer for clusters and one for pins, the
 * features holding id and priority. The data is in hand when generated, in a task after that (\`T.load\`), so that
 * generating it is no task of the map's; the map starts then.
 */
const rawHtml = (n: number) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>raw MapLibre bench ${n}</title>
<script src="/bench/topojson-client.js"></script></head>
<body style="margin:0;padding:1rem"><div id="map" style="width:1240px;height:544px"></div>
<script type="module">
import { Map as MapLibre, setWorkerUrl } from '/bench/maplibre-gl.mjs';
const N = ${n};
const T = (window.T = { setData: [], longTasks: [] });
new PerformanceObserver((list) => { for (const e of list.getEntries()) T.longTasks.push({ start: e.startTime, duration: e.duration }); }).observe({ type: 'longtask', buffered: true });
${GENERATE}
await new Promise((r) => setTimeout(r, 0));
T.load = T.listAt = performance.now(); performance.mark('rows in hand');
setWorkerUrl('/dist/vendor/maplibre-gl-worker.mjs');
const topo = await (await fetch('/dist/basemap/countries-110m.json')).json();
const map = (window.map = new MapLibre({
  container: 'map', center: [2.5, 46.5], zoom: 4, fadeDuration: 0, attributionControl: false,
  style: { version: 8, sources: { land: { type: 'geojson', data: topojson.feature(topo, topo.objects.countries) } }, layers: [
    { id: 'water', type: 'background', paint: { 'background-color': '#cfe3ec' } },
    { id: 'land', type: 'fill', source: 'land', paint: { 'fill-color': '#eef1ea' } },
    { id: 'borders', type: 'line', source: 'land', paint: { 'line-color': '#b9c2b2', 'line-width': 0.6 } },
  ] },
}));
const collection = (features) => ({ type: 'FeatureCollection', features });
map.on('load', async () => {
  T.mapLoad = performance.now();
  const features = [];
  for (const a of actions) if (a.lat !== undefined) features.push({ type: 'Feature', geometry: { type: 'Point', coordinates: [a.lng, a.lat] }, properties: { id: a.id, priority: a.priority } });
  actions = [];
  map.addSource('actions', { type: 'geojson', data: collection(features), cluster: true, clusterRadius: 44, clusterMaxZoom: 12, promoteId: 'id' });
  const entry = { at: performance.now(), n: features.length };
  T.setData.push(entry);
  map.getSource('actions').once('data', () => (entry.done = performance.now()));
  map.addLayer({ id: 'clusters', type: 'circle', source: 'actions', filter: ['has', 'point_count'], paint: { 'circle-color': '#1a7f5a', 'circle-radius': 18 } });
  map.addLayer({ id: 'pins', type: 'circle', source: 'actions', filter: ['!', ['has', 'point_count']], paint: { 'circle-color': '#5b6770', 'circle-radius': 7 } });
  performance.mark('pins handed');
  map.on('render', () => {
    const now = performance.now();
    if (T.clusters || !map.queryRenderedFeatures({ layers: ['clusters'] }).length) return;
    T.clusters = now; performance.mark('clustered frame');
    T.clusterCount = map.queryRenderedFeatures({ layers: ['clusters'] }).length;
    T.zoom = map.getZoom();
  });
  map.on('idle', () => { if (T.clusters && !T.clustersIdle) T.clustersIdle = performance.now(); });
});
</script></body></html>`;

interface Timings {
  genMs: number;
  attach: number;
  listAt: number;
  load: number;
  rows: number;
  count: number;
  skipped: number;
  mapCreated?: number;
  mapLoad?: number;
  clusters: number;
  /** The first map \`idle\` after the first clustered frame: the figure of every run before 2026-12-07. */
  clustersIdle: number;
  clusterCount: number;
  zoom: number;
  setData: { at: number; n: number; done?: number }[];
  pinsAt?: number;
  readPinsAt?: number;
  readClusters?: number;
  amended?: number;
  packed?: boolean;
  workers?: string[];
  yields?: number;
  longTasks: { start: number; duration: number }[];
}
interface Frames {
  frames: number[];
  setData: number;
  zoom?: number;
  most?: number;
}

const quantile = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))] ?? NaN;
const ms = (x: number | undefined) => (x === undefined || Number.isNaN(x) ? '–' : x >= 10_000 ? `${(x / 1000).toFixed(1)} s` : `${Math.round(x)} ms`);
// rAF intervals come in 16.7 ms steps: 33.3 ms is exactly 30 fps, so "over 33 ms" counts from the next step up.
const frameStats = (f: number[]) => `${quantile(f, 0.5).toFixed(1)} / ${quantile(f, 0.95).toFixed(1)} / ${Math.max(...f).toFixed(0)} ms, ${((f.filter((x) => x > 34).length / f.length) * 100).toFixed(0)} % > 33 ms (${f.length} frames)`;

interface Result {
  n: number;
  t: Timings;
  framed: Frames;
  zoomed: Frames;
  list: { top: number; middle: number; setsize: string; elements: number };
  update: number;
  scroll: Frames;
  heap?: number;
  raw?: Raw;
  /** Widget / raw MapLibre, data in hand → first clustered frame: the table's pair, then BENCH_PAIRS' others. */
  ratios?: number[];
  /** The same pairs' ratios by the first \`idle\` after that frame (clustersIdle). */
  idleRatios?: number[];
}

async function measure(browser: Browser, base: string, n: number): Promise<Result> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('console', (m) => m.type() === 'error' && !m.text().startsWith('Failed to load resource') && problems.push(m.text()));
  let missing: (e: Error) => void = () => undefined;
  const gone = new Promise<never>((_, reject) => (missing = reject));
  gone.catch(() => undefined);
  page.on('response', (r) => {
    if (r.status() < 400) return;
    problems.push(`${r.status()} ${new URL(r.url()).pathname}`);
    if (r.status() === 404) missing(new Error('a file of the build is missing'));
  });
  const url = `${base}/bench/action-map.html`;
  await page.route(url, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: pageHtml(n) }));
  const timeout = 30_000 + n * 0.6;
  const profiler = PROFILE ? await context.newCDPSession(page) : undefined;
  if (profiler) {
    mkdirSync(PROFILE!, { recursive: true });
    if (CPU_PROFILE) {
      await profiler.send('Profiler.enable');
      await profiler.send('Profiler.setSamplingInterval', { interval: 500 });
      await profiler.send('Profiler.start');
    }
    await browser.startTracing(page, { path: `${PROFILE}/action-map-${n}.trace.json`, categories: TRACE_CATEGORIES });
  }
  try {
    await page.goto(url, { timeout });
    const done = NARROW ? 'window.T && window.T.rows && window.T.load' : 'window.T && window.T.clustersIdle && window.T.readClusters';
    await Promise.race([page.waitForFunction(done, undefined, { timeout, polling: 100 }), gone]);
    if (profiler) {
      if (CPU_PROFILE) writeProfile(n, ((await profiler.send('Profiler.stop')) as { profile: CpuProfile }).profile);
      await browser.stopTracing();
      longTasksOf(`${PROFILE}/action-map-${n}.trace.json`);
    }
  } catch (e) {
    const state = await page.evaluate('JSON.stringify({ ...window.T, longTasks: undefined, setData: window.T && window.T.setData.length })').catch(() => '?');
    await context.close();
    throw new Error(`${n} actions: no clustered frame (${(e as Error).message.split('\n')[0]}). Page state: ${state}. Errors: ${problems.join(' | ') || 'none'}`);
  }
  const t = (await page.evaluate('window.T')) as Timings;
  if (process.env.BENCH_DEBUG) console.log('pins (handed, how many, grouped)', JSON.stringify(t.setData.map((x) => [Math.round(x.at - t.listAt), x.n, Math.round((x.done ?? NaN) - t.listAt)])), 'pins', Math.round(t.pinsAt! - t.listAt), 'clusters', Math.round(t.clusters - t.listAt), 'idle', Math.round(t.clustersIdle - t.listAt), 'load', Math.round(t.load - t.listAt), 'mapLoad', Math.round(t.mapLoad! - t.listAt));
  if (t.count !== n) throw new Error(`${n} actions: the widget read ${t.count} (${t.skipped} skipped)`);
  if (NARROW) {
    const longest = longestBetween(t, t.listAt, Math.max(t.rows, t.load));
    console.log(`rows in hand → the list's first rows ${ms(t.rows - t.listAt)}, → archipel-load ${ms(t.load - t.listAt)}; longest task ${ms(longest)}; map ${t.mapCreated ? 'started' : 'not started'}`);
    await context.close();
    return { n, t } as Result;
  }
  const list = (await page.evaluate('window.listRows()')) as Result['list'];
  const update = (await page.evaluate('window.updateCost()')) as number;
  const framed = (await page.evaluate('window.pan()')) as Frames;
  const zoomed = (await page.evaluate('window.pan({ center: [3.2, 48.4], zoom: 7 })')) as Frames;
  const scroll = (await page.evaluate('window.scrollList()')) as Frames;
  const cdp = await context.newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = (await page.evaluate('performance.memory ? performance.memory.usedJSHeapSize : undefined')) as number | undefined;
  if (problems.length) console.warn(`  (${n}) page errors: ${problems.join(' | ')}`);
  await context.close();
  return { n, t, framed, zoomed, list, update, scroll, heap };
}

interface Raw {
  toClusters: number;
  toIdle: number;
  longest: number;
  heap?: number;
}

/** The same campaign on raw MapLibre: data in hand → first clustered frame, the longest task meanwhile, the heap. */
async function measureRaw(browser: Browser, base: string, n: number): Promise<Raw> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  const page = await context.newPage();
  const url = `${base}/bench/raw-maplibre.html`;
  await page.route(url, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: rawHtml(n) }));
  await page.route(`${base}/bench/maplibre-gl.mjs`, (route) => route.fulfill({ path: 'node_modules/maplibre-gl/dist/maplibre-gl.mjs', contentType: 'text/javascript' }));
  await page.route(`${base}/bench/topojson-client.js`, (route) => route.fulfill({ path: 'node_modules/topojson-client/dist/topojson-client.min.js', contentType: 'text/javascript' }));
  const timeout = 30_000 + n * 0.6;
  const trace = PROFILE && `${PROFILE}/raw-maplibre-${n}.trace.json`;
  if (trace) await browser.startTracing(page, { path: trace, categories: TRACE_CATEGORIES });
  try {
    // Generating a million actions in the page delays its load event by tens of seconds.
    await page.goto(url, { timeout });
    await page.waitForFunction('window.T && window.T.clustersIdle', undefined, { timeout, polling: 100 });
    if (trace) {
      await browser.stopTracing();
      console.log('\n  raw MapLibre:');
      longTasksOf(trace);
    }
    const t = (await page.evaluate('window.T')) as Timings;
    if (process.env.BENCH_DEBUG) console.log('  raw: pins (handed, how many, grouped)', JSON.stringify(t.setData.map((x) => [Math.round(x.at - t.load), x.n, Math.round((x.done ?? NaN) - t.load)])), 'clusters', Math.round(t.clusters - t.load), 'idle', Math.round(t.clustersIdle - t.load), 'mapLoad', Math.round(t.mapLoad! - t.load));
    const cdp = await context.newCDPSession(page);
    await cdp.send('HeapProfiler.collectGarbage');
    const heap = (await page.evaluate('performance.memory ? performance.memory.usedJSHeapSize : undefined')) as number | undefined;
    return { toClusters: t.clusters - t.load, toIdle: t.clustersIdle - t.load, longest: longestBetween(t, t.load, t.clusters), heap };
  } finally {
    await context.close();
  }
}

interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }[];
  samples: number[];
  timeDeltas: number[];
}

/**
 * BENCH_PROFILE=dir: the main thread's CPU profile from navigation to the first clustered frame, written as
 * dir/action-map-<n>.cpuprofile (Chromium's DevTools open it), and the functions that took most time of their own.
 */
function writeProfile(n: number, profile: CpuProfile): void {
  mkdirSync(PROFILE!, { recursive: true });
  const file = `${PROFILE}/action-map-${n}.cpuprofile`;
  writeFileSync(file, JSON.stringify(profile));
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const byName = new Map<string, number>();
  for (const node of profile.nodes) {
    const { functionName, url, lineNumber } = node.callFrame;
    const name = `${functionName || '(anonymous)'} ${url.replace(/^.*\//, '')}:${lineNumber + 1}`;
    byName.set(name, (byName.get(name) ?? 0) + (self.get(node.id) ?? 0) / 1000);
  }
  const top = [...byName].filter(([name]) => !name.startsWith('(idle)') && !name.startsWith('(program)')).sort((a, b) => b[1] - a[1]).slice(0, 20);
  console.log(`\n  CPU profile ${file}; most self time:\n${top.map(([name, t]) => `    ${ms(t).padStart(8)}  ${name}`).join('\n')}`);
}

interface TraceEvent {
  name: string;
  cat?: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { data?: { functionName?: string; url?: string; type?: string }; name?: string };
}

/** BENCH_PROFILE: the tasks of the page's main thread over 200 ms (BENCH_LONG_MS) in the trace, and what took their time. */
function longTasksOf(file: string): void {
  const { traceEvents } = JSON.parse(readFileSync(file, 'utf8')) as { traceEvents: TraceEvent[] };
  const main = traceEvents.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain' && traceEvents.some((t) => t.pid === e.pid && t.name === 'FunctionCall'));
  const ours = traceEvents.filter((e) => main && e.pid === main.pid && e.tid === main.tid && e.ph === 'X');
  // The main thread's time between the page's marks (rows in hand, archipel-load, pins handed, clustered frame), by kind.
  const marks = traceEvents.filter((e) => main && e.pid === main.pid && e.cat?.includes('blink.user_timing') && ['rows in hand', 'archipel-load', 'pins handed', 'clustered frame', 'pins read'].includes(e.name)).sort((a, b) => a.ts - b.ts);
  const kindOf = (task: TraceEvent) => {
    const inside = ours.filter((e) => e !== task && e.ts >= task.ts && e.ts + (e.dur ?? 0) <= task.ts + task.dur! && e.name !== 'RunTask');
    const top = inside.sort((a, b) => b.dur! - a.dur!)[0];
    if (!top) return 'other';
    const url = top.args?.data?.url?.replace(/^.*\//, '').replace(/-[\w-]{8}\.js$/, '');
    return url ? `${top.name} ${url}` : top.name;
  };
  for (let i = 0; i + 1 < marks.length; i++) {
    const [from, to] = [marks[i]!, marks[i + 1]!];
    const tasks = ours.filter((e) => e.name === 'RunTask' && e.ts >= from.ts && e.ts < to.ts);
    const byKind = new Map<string, { n: number; total: number; longest: number }>();
    for (const task of tasks.filter((t) => (t.dur ?? 0) > 5000)) {
      const k = byKind.get(kindOf(task)) ?? { n: 0, total: 0, longest: 0 };
      byKind.set(kindOf(task), { n: k.n + 1, total: k.total + task.dur! / 1000, longest: Math.max(k.longest, task.dur! / 1000) });
    }
    const top = [...byKind].sort((a, b) => b[1].total - a[1].total).slice(0, 6);
    console.log(`  ${from.name} → ${to.name} (${ms((to.ts - from.ts) / 1000)}): main thread busy ${ms(tasks.reduce((x, t) => x + t.dur!, 0) / 1000)} in tasks over 5 ms: ${top.map(([k, v]) => `${k} ${v.n}× ${ms(v.total)} (longest ${ms(v.longest)})`).join(' · ')}`);
  }
  const over = Number(process.env.BENCH_LONG_MS ?? 200);
  const tasks = ours.filter((e) => e.name === 'RunTask' && (e.dur ?? 0) > over * 1000);
  console.log(`  Tasks over ${over} ms on the page's main thread (${file}):`);
  for (const task of tasks) {
    const inside = ours.filter((e) => e !== task && e.ts >= task.ts && e.ts + (e.dur ?? 0) <= task.ts + task.dur! && (e.dur ?? 0) > 10_000);
    const what = inside
      .filter((e) => e.name !== 'RunTask')
      .sort((a, b) => b.dur! - a.dur!)
      .slice(0, 6)
      .map((e) => `${e.name}${e.args?.data?.functionName ? ` ${e.args.data.functionName}` : ''}${e.args?.data?.url ? ` ${e.args.data.url.replace(/^.*\//, '')}` : ''}${e.args?.data?.type ? ` ${e.args.data.type}` : ''} ${ms(e.dur! / 1000)}`);
    console.log(`    ${ms(task.dur! / 1000)}: ${what.join(' · ')}`);
  }
}

/** The longest main-thread task that overlaps [from, to]; 0 when none passed 50 ms. */
const longestBetween = (t: Timings, from: number, to: number) => Math.max(0, ...t.longTasks.filter((l) => l.start + l.duration > from && l.start < to).map((l) => l.duration));

const server = await startServer({ db: ':memory:', port: 0, host: '127.0.0.1', statics: { '/dist/': process.env.ARCHIPEL_DIST ?? 'dist', '/tests/': 'tests', '/demo/': 'demo' }, logLevel: 'warn' });
const browser = await chromium.launch({
  executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  // Precise memory info: otherwise performance.memory is rounded into coarse buckets.
  args: ['--no-sandbox', '--enable-unsafe-swiftshader', '--disable-dev-shm-usage', '--enable-precise-memory-info'],
});
const chromiumVersion = browser.version();
const results: Result[] = [];
const started = Date.now();
let failed = false;
try {
  for (const n of SIZES) {
    process.stdout.write(`  ${n.toLocaleString('en')} actions… `);
    // A build running meanwhile replaces dist/ (hashed chunk names): try again once it is done.
    let r: Result | undefined;
    for (let attempt = 1; !r; attempt++) {
      try {
        r = await measure(browser, server.url, n);
      } catch (e) {
        if (!/ 404 \//.test((e as Error).message) || attempt === 4) throw e;
        process.stdout.write(`dist/ changed under the page (a build running?), again in 10 s… `);
        await new Promise((done) => setTimeout(done, 10_000));
      }
    }
    if (NARROW) continue;
    r.raw = await measureRaw(browser, server.url, n);
    results.push(r);
    r.ratios = [(r.t.clusters - r.t.listAt) / r.raw.toClusters];
    r.idleRatios = [(r.t.clustersIdle - r.t.listAt) / r.raw.toIdle];
    for (let pair = 1; pair < PAIRS; pair++) {
      const rawFirst = pair % 2 === 1;
      const before = rawFirst ? await measureRaw(browser, server.url, n) : undefined;
      const { t } = await measure(browser, server.url, n);
      const raw = before ?? (await measureRaw(browser, server.url, n));
      r.ratios.push((t.clusters - t.listAt) / raw.toClusters);
      r.idleRatios.push((t.clustersIdle - t.listAt) / raw.toIdle);
    }
    console.log(
      `clusters after ${ms(r.t.clusters - r.t.listAt)} (raw MapLibre ${ms(r.raw.toClusters)}), the read's pins after ${ms(Math.max(r.t.readClusters ?? 0, r.t.load) - r.t.listAt)}; ${r.t.yields ?? 0} turns given to the page; ` +
        `longest task ${ms(longestBetween(r.t, r.t.listAt, Math.max(r.t.readClusters ?? 0, r.t.load)))}; workers started: ${r.t.workers?.join(', ') || 'none'}`,
    );
  }
} catch (e) {
  failed = true;
  console.error(`\n${(e as Error).message}`);
} finally {
  await browser.close();
  await server.close();
}
if (NARROW) process.exit(failed ? 1 : 0);

let cpu = os.cpus()[0]?.model ?? 'unknown CPU';
try {
  cpu = execFileSync('lscpu', { encoding: 'utf8' }).match(/Model name:\s*(.+)/)?.[1]?.trim() ?? cpu;
} catch {
  // lscpu is not everywhere; os.cpus() said enough.
}
console.log(
  `\nMachine: ${cpu}, ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB RAM, ${os.type()} ${os.release()}, Node ${process.version}, ` +
    `Chromium ${chromiumVersion} headless, viewport ${VIEWPORT.width}×${VIEWPORT.height}. WebGL runs in SwiftShader (software rendering, no GPU): ` +
    `frame times are pessimistic, compare sizes with each other rather than with a phone. Run took ${Math.round((Date.now() - started) / 1000)} s.\n`,
);

console.log('Loading (times from navigation start unless said):\n');
console.log('| actions | nav → `archipel-load` | of which: rows in hand → `archipel-load` (validation) | first rows in the list | map ready (style loaded) | rows in hand → first clustered frame | pins handed as | rows in hand → the read\'s pins on the map (pins amended) | longest task, rows in hand → the read\'s pins | clusters on screen (zoom) | JS heap after GC |');
console.log('|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
for (const { n, t, heap } of results) {
  const end = Math.max(t.readClusters ?? 0, t.load);
  const longest = longestBetween(t, t.listAt, end);
  console.log(
    `| ${n.toLocaleString('en')} | ${ms(t.load)} | ${ms(t.load - t.listAt)} | ${ms(t.rows)} | ${ms(t.mapLoad)} | **${ms(t.clusters - t.listAt)}** | ${t.packed ? 'bytes' : 'GeoJSON'} | ` +
      `${ms(end - t.listAt)} (${t.amended ?? '–'}) | ${longest ? ms(longest) : 'none > 50 ms'} | ${t.clusterCount} (${t.zoom.toFixed(1)}) | ${heap ? `${(heap / 2 ** 20).toFixed(0)} MiB` : '–'} |`,
  );
}
console.log('\nSide by side with raw MapLibre (one GeoJSON source, `cluster: true`, same basemap, same data), each in a fresh context:\n');
console.log('| actions | data in hand → first clustered frame: widget / raw (ratio) | longest main-thread task while loading: widget (until the read\'s pins) / raw | JS heap after GC: widget / raw |');
console.log('|---:|---|---|---|');
for (const { n, t, heap, raw } of results) {
  if (!raw) continue;
  const mine = t.clusters - t.listAt;
  const mib = (x?: number) => (x ? `${(x / 2 ** 20).toFixed(0)} MiB` : '–');
  console.log(
    `| ${n.toLocaleString('en')} | ${ms(mine)} / ${ms(raw.toClusters)} (×${(mine / raw.toClusters).toFixed(2)}) | ${ms(longestBetween(t, t.listAt, Math.max(t.readClusters ?? 0, t.load)))} / ${ms(raw.longest)} | ` +
      `${mib(heap)} / ${mib(raw.heap)} |`,
  );
}
const x = (r: number) => `×${r.toFixed(2)}`;
const median = (xs: number[]) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return (sorted[(sorted.length - 1) >> 1]! + sorted[sorted.length >> 1]!) / 2;
};
for (const { n, ratios, idleRatios } of results) {
  if (!ratios || !idleRatios || ratios.length < 2) continue;
  console.log(
    `\n${n.toLocaleString('en')} actions, ${ratios.length} pairs (BENCH_PAIRS): median ratio ${x(median(ratios))}, range ${x(Math.min(...ratios))}–${x(Math.max(...ratios))}; each ${ratios.map(x).join(' ')}. ` +
      `By the first \`idle\` after that frame: median ${x(median(idleRatios))}, range ${x(Math.min(...idleRatios))}–${x(Math.max(...idleRatios))}.`,
  );
}
console.log('\nInteraction (requestAnimationFrame intervals p50 / p95 / max, and the share over 33 ms, i.e. slower than 30 fps; intervals come in 16.7 ms steps):\n');
console.log('| actions | pan, framed view (3 s) | pan, zoom 7 over France (3 s) | `li.row` in DOM: top / middle (of) | one element update | list scroll 176 px/frame (2 s) | setData calls while scrolling |');
console.log('|---:|---|---|---:|---:|---|---:|');
for (const { n, framed, zoomed, list, update, scroll } of results) {
  console.log(
    `| ${n.toLocaleString('en')} | ${frameStats(framed.frames)} | ${frameStats(zoomed.frames)} | ${list.top} / ${list.middle} (${Number(list.setsize).toLocaleString('en')}) | ${ms(update)} | ${frameStats(scroll.frames)} | ${scroll.setData} |`,
  );
}
console.log(`\nSynthetic data generated in the page (not part of the widget's time): ${results.map((r) => `${r.n.toLocaleString('en')}: ${ms(r.t.genMs)}`).join(', ')}.`);
process.exit(failed ? 1 : 0);
