/**
 * A large campaign's map (#23): reading and listing many actions does each costly step once, not per action,
 * and stays right where a zone changes its offset at half past the hour.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { GeoJSONSource } from 'maplibre-gl';
import type { ActionMap } from '../../packages/action-map/src/action-map.component.ts';
import { MemoryAdapter } from '../../packages/core/src/adapters/memory.ts';
import { localToUtc } from '../../packages/core/src/zones.ts';
import { clustered, many, mapIdle, mapWorker, rows } from '../support/action-map.ts';

/**
 * Counts the calls of a real method while `run` runs; the method still does its work. A method behind a getter (Intl's
 * `format`, a bound function) is counted through the functions the getter gives.
 */
async function counting<T extends object>(proto: T, name: keyof T, run: () => Promise<void>): Promise<number> {
  const original = Object.getOwnPropertyDescriptor(proto, name)!;
  let calls = 0;
  const counted = (f: (...a: unknown[]) => unknown) =>
    function (this: unknown, ...args: unknown[]) {
      calls++;
      return f.apply(this, args);
    };
  Object.defineProperty(
    proto,
    name,
    original.get
      ? { ...original, get(this: T) { return counted(original.get!.call(this)); } }
      : { ...original, value: counted(original.value) },
  );
  try {
    await run();
  } finally {
    Object.defineProperty(proto, name, original);
  }
  return calls;
}

/** A Long Animation Frame entry (Chromium 123+), as far as the test reads it. */
interface LongFrame {
  startTime: number;
  duration: number;
  scripts: { startTime: number; duration: number; invoker: string; invokerType: string; sourceURL: string }[];
}

/** A source that hands its rows over once `arrived` resolves, as a fetched body would be: no copy of ours is in the measure. */
const handing = (actions: unknown[], arrived: Promise<void>) =>
  ({
    source: `handed:${Math.random()}`,
    kind: 'memory',
    writable: false,
    list: async (collection: string) => (collection === 'actions' ? (await arrived, { rows: actions.slice() }) : { rows: [] }),
    submit: async () => {
      throw new Error('read-only');
    },
  }) as unknown as MemoryAdapter;

async function mountMany(n: number): Promise<ActionMap> {
  const adapter = new MemoryAdapter({ actions: many(n), chapters: [] }, { source: `memory:many-${Math.random()}` });
  const wrap = await fixture<HTMLDivElement>(html`<div style="width:1000px"><action-map lang="en" .adapter=${adapter} worker-url=${mapWorker}></action-map></div>`);
  const el = wrap.querySelector('action-map')!;
  await waitUntil(() => rows(el).length > 0, 'no rows', { timeout: 20000 });
  return el;
}

describe('<action-map> with many actions (#23)', function () {
  this.timeout(60000);

  it('asks Intl for a zone’s offset once per zone and hour, not four times per action', async () => {
    let el: ActionMap | undefined;
    // A zone's offset is read from its name ("GMT+01:00"); the list's dates are formatted too, a few dozen.
    const calls = await counting(Intl.DateTimeFormat.prototype, 'format', async () => {
      el = await mountMany(6000);
    });
    expect(el!.shadowRoot!.querySelector('li.row')!.getAttribute('aria-setsize')).to.equal('6000');
    // many() gives each of its 30 days one zone: two questions a day.
    expect(calls, 'the offsets were asked of Intl, by day').to.be.at.least(30 * 2);
    // 3 zones × 30 days × 12 hours, two questions an hour at most.
    expect(calls).to.be.at.most(3 * 30 * 12 * 2);
  });

  it('sorts the list by time without comparing strings, and in time order', async () => {
    let el: ActionMap | undefined;
    const calls = await counting(String.prototype, 'localeCompare', async () => {
      el = await mountMany(3000);
    });
    expect(calls, 'localeCompare is for names, not for instants').to.be.below(100);
    const [first, second] = rows(el!);
    // The first instant, 1 March 08:00 in Paris, is held by actions 0, 60, 120…, in the order read.
    expect([first, second]).to.deep.equal(['Action 0', 'Action 60']);
  });

  it('lists every type of a large campaign in its menu, one held by the last row alone', async () => {
    const actions = many(60_000).map((a, i) => ({ ...a, type: i === 59_999 ? 'vigil' : ['march', 'meeting', 'canvass'][i % 3] }));
    const wrap = await fixture<HTMLDivElement>(html`<div style="width:1000px"><action-map lang="en" .adapter=${handing(actions, Promise.resolve())} worker-url=${mapWorker}></action-map></div>`);
    const el = wrap.querySelector('action-map')!;
    const types = () => [...el.shadowRoot!.querySelectorAll<HTMLOptionElement>('select[name=type] option')].map((o) => o.value);
    await waitUntil(() => types().includes('vigil'), `the menu never held the last row's type: ${types().join(', ')}`, { timeout: 30000, interval: 50 });
    expect(types()).to.deep.equal(['', 'canvass', 'march', 'meeting', 'vigil']);
  });

  it('takes no first look for the map where no map is about to be drawn: the list of a narrow widget (#23)', async () => {
    /** Each row counts how often its `lat` is read: once by the read, once more by a first look for the map's pins. */
    const counted = (n: number) => {
      const reads = { lat: 0 };
      const rows = many(n).map((row) => new Proxy(row, { get: (target, key) => (key === 'lat' && reads.lat++, target[key as keyof typeof target]) }));
      return { rows, reads };
    };
    const mount = async (width: number, n: number) => {
      const { rows: actions, reads } = counted(n);
      const wrap = await fixture<HTMLDivElement>(html`<div style="width:${width}px"><action-map lang="en" .adapter=${handing(actions, Promise.resolve())} worker-url=${mapWorker}></action-map></div>`);
      const el = wrap.querySelector('action-map')!;
      await waitUntil(() => el.shadowRoot?.querySelector('li.row')?.getAttribute('aria-setsize') === String(n), 'the list never held every row', { timeout: 30000, interval: 50 });
      return { el, reads };
    };
    // Wide, the map is beside the list: its pins come from a first look, then the read.
    const wide = await mount(1000, 3000);
    expect(wide.reads.lat, 'a first look, then the read').to.equal(6000);
    wide.el.parentElement!.remove();
    // Narrow, the list shows alone until the map is asked for: the read only.
    const narrow = await mount(400, 3000);
    expect(narrow.reads.lat, 'the read only').to.equal(3000);
    // Asked for, the map draws the read's pins.
    narrow.el.shadowRoot!.querySelector<HTMLButtonElement>('.toggle button:not([aria-pressed="true"])')!.click();
    await mapIdle(narrow.el);
    const drawn = () => narrow.el.map!.queryRenderedFeatures({ layers: ['clusters', 'pins'] }).length;
    await waitUntil(() => drawn(), `the map never drew the actions (${narrow.el.map!.getCanvas().width}×${narrow.el.map!.getCanvas().height})`, { timeout: 30000, interval: 100 });
  });

  it('keeps each instant right where a zone changes its offset at half past the hour', () => {
    // St John's (Newfoundland) springs forward at 02:00 local, 05:30 UTC; Lord Howe by half an hour at 02:00 local.
    expect(new Date(localToUtc({ y: 2031, mo: 3, d: 9, h: 1, mi: 59, s: 0 }, 'America/St_Johns')).toISOString()).to.equal('2031-03-09T05:29:00.000Z');
    expect(new Date(localToUtc({ y: 2031, mo: 3, d: 9, h: 3, mi: 0, s: 0 }, 'America/St_Johns')).toISOString()).to.equal('2031-03-09T05:30:00.000Z');
    expect(new Date(localToUtc({ y: 2031, mo: 3, d: 9, h: 4, mi: 15, s: 0 }, 'America/St_Johns')).toISOString()).to.equal('2031-03-09T06:45:00.000Z');
    expect(new Date(localToUtc({ y: 2031, mo: 10, d: 5, h: 1, mi: 45, s: 0 }, 'Australia/Lord_Howe')).toISOString()).to.equal('2031-10-04T15:15:00.000Z');
    expect(new Date(localToUtc({ y: 2031, mo: 10, d: 5, h: 3, mi: 0, s: 0 }, 'Australia/Lord_Howe')).toISOString()).to.equal('2031-10-04T16:00:00.000Z');
  });
});

describe('<action-map> many pins, held by MapLibre\'s worker alone (#23)', function () {
  this.timeout(60000);

  /** Whether the map draws a cluster or a pin within 60 px of `lng, lat`. */
  const drawnAt = (el: ActionMap, lng: number, lat: number) => {
    const { x, y } = el.map!.project([lng, lat]);
    return el.map!.queryRenderedFeatures([[x - 60, y - 60], [x + 60, y + 60]], { layers: ['clusters', 'pins'] }).length > 0;
  };

  it('takes out the pins of rows the read refuses, which the first look let through', async () => {
    // Ten rows of Aotearoa with no title: the first look (positions, dates, chapter) lets them through, the read not.
    const rows = [...many(6000), ...Array.from({ length: 10 }, (_, i) => ({ id: `nz${i}`, start: '2031-03-02T10:00', timezone: 'Pacific/Auckland', lat: -41.3 + i / 100, lng: 174.8 }))];
    const adapter = new MemoryAdapter({ actions: rows, chapters: [] }, { source: `memory:refused-${Math.random()}` });
    const wrap = await fixture<HTMLDivElement>(html`<div style="width:1000px"><action-map lang="en" .adapter=${adapter} worker-url=${mapWorker}></action-map></div>`);
    const el = wrap.querySelector('action-map')!;
    await waitUntil(() => el.map, 'the map was not created', { timeout: 15000 });
    const events: { pins: number; packed?: boolean; amended?: number }[] = [];
    el.map!.on('archipel-pins' as never, (e: { pins: number; packed?: boolean; amended?: number }) => events.push(e));
    await waitUntil(() => events.some((e) => e.amended !== undefined), 'the read never amended the pins', { timeout: 30000 });
    expect(events.find((e) => e.amended === undefined), 'the first look\'s pins, as bytes').to.include({ pins: 6010, packed: true });
    expect(events.find((e) => e.amended !== undefined)).to.include({ pins: 6000, amended: 10 });
    el.map!.jumpTo({ center: [174.8, -41.3], zoom: 7 });
    await mapIdle(el);
    expect(drawnAt(el, 174.8, -41.3), 'a refused row\'s pin').to.equal(false);
    el.map!.jumpTo({ center: [4.5, 45.5], zoom: 7 });
    await mapIdle(el);
    expect(drawnAt(el, 4.5, 45.5), 'the pins of the rows read').to.equal(true);
  });

  it('pins only its own chapter\'s actions from the first look, on a chapter\'s map over a source that does not filter', async () => {
    // Every other action is Lyon's; the source answers with all of them, as a JSON file does.
    const rows = many(2500).map((a, i) => ({ ...a, chapter: i % 2 ? 'lyon' : 'paris' }));
    const adapter = handing(rows, Promise.resolve());
    const wrap = await fixture<HTMLDivElement>(html`<div style="width:1000px"><action-map lang="en" chapter="lyon" .adapter=${adapter} worker-url=${mapWorker}></action-map></div>`);
    const el = wrap.querySelector('action-map')!;
    await waitUntil(() => el.map, 'the map was not created', { timeout: 15000 });
    const events: { pins: number; amended?: number }[] = [];
    el.map!.on('archipel-pins' as never, (e: { pins: number; amended?: number }) => events.push(e));
    await waitUntil(() => events.some((e) => e.amended !== undefined), 'the read never amended the pins', { timeout: 30000 });
    expect(events[0], 'the first look\'s pins').to.include({ pins: 1250 });
    expect(events.find((e) => e.amended !== undefined)).to.include({ pins: 1250, amended: 0 });
  });

  it('hands them again once a lost WebGL context is back', async () => {
    const el = await mountMany(6000);
    await waitUntil(() => el.map && clustered(el), 'no clusters', { timeout: 30000 });
    const lose = el.map!.getCanvas().getContext('webgl2')!.getExtension('WEBGL_lose_context')!;
    const lost = new Promise((resolve) => el.map!.once('webglcontextlost', resolve));
    lose.loseContext();
    await lost;
    // As a browser gives a context back: in a task of its own.
    await new Promise((resolve) => setTimeout(resolve, 50));
    let handed = false;
    el.map!.once('archipel-pins' as never, () => (handed = true));
    lose.restoreContext();
    await waitUntil(() => handed, 'the pins were not handed again', { timeout: 20000 });
    await waitUntil(() => clustered(el), 'the clusters did not come back', { timeout: 30000 });
  });
});

describe('<action-map> loading 100,000 actions (#23)', function () {
  this.timeout(120000);

  /**
   * The page's longest task is a timing, but what keeps it short is structure, asserted here: the rows are read in a
   * worker or a slice at a time, every copy between threads (rows out, records back, pins to MapLibre) is of a few
   * thousand objects, sized by how long the last took, and the page gets a turn between any two. The map's pins come
   * from a first look at the rows, amended by the read. Each long task is told apart with the Long Animation Frames
   * API: a script (ours, or MapLibre's taking the pins we hand it) or rendering alone (the browser drawing the page and
   * MapLibre's canvas, a cost of any map, which grows with the machine's load: 857 ms at a load average of 21 with
   * software GL). No script runs for 200 ms; the README's Performance section has the figures. The bound is held
   * where the device told of is one this machine can be: a device of more cores than it has lends the reading worker
   * the page's own core (on two cores, the worker's path held it 7 runs in 10, the page's path 10 in 10).
   */
  const machineCores = navigator.hardwareConcurrency;
  for (const cores of [8, 2]) {
    const where = cores > 2 ? 'in a worker' : 'on the page\'s thread, a slice at a time,';
    const bounded = cores <= machineCores;
    it(`reads them ${where} on ${cores} cores and hands the pins as bytes${bounded ? ', no script holding the page for 200 ms' : ''}`, () => loadMany(cores, bounded));
  }

  async function loadMany(coreCount: number, bounded: boolean): Promise<void> {
    const actions = many(100_000);
    let arrive!: () => void;
    const arrived = new Promise<void>((r) => (arrive = r));
    const wrap = await fixture<HTMLDivElement>(html`<div style="width:1000px"><action-map lang="en" .adapter=${handing(actions, arrived)} worker-url=${mapWorker}></action-map></div>`);
    const el = wrap.querySelector('action-map')!;
    // MapLibre's start (its code, WebGL, the basemap) does not depend on the data: the measure starts with the data.
    await mapIdle(el);
    // Every pin handed (from a first look at the rows), then the read's pins (the first look's amended).
    const pinEvents: { at: number; pins: number; packed: boolean; amended?: number }[] = [];
    el.map!.on('archipel-pins' as never, (e: { pins: number; packed: boolean; amended?: number }) => pinEvents.push({ at: performance.now(), pins: e.pins, packed: e.packed, amended: e.amended }));
    const handed = () => pinEvents.find((e) => e.pins > 0);
    const read = () => pinEvents.find((e) => e.amended !== undefined);
    // Real workers and a real scheduler, counted, on a device of `coreCount` cores.
    const cores = Object.getOwnPropertyDescriptor(Navigator.prototype, 'hardwareConcurrency')!;
    Object.defineProperty(Navigator.prototype, 'hardwareConcurrency', { configurable: true, get: () => coreCount });
    const readers: string[] = [];
    const RealWorker = globalThis.Worker;
    globalThis.Worker = class extends RealWorker {
      constructor(url: string | URL, options?: WorkerOptions) {
        super(url, options);
        readers.push(options?.name ?? '');
      }
    };
    // The page's turns: each `scheduler.yield()`, and each task posted (the first look at the rows, the read in the
    // background).
    const scheduler = (globalThis as unknown as { scheduler: { yield(): Promise<void>; postTask(work: () => unknown, options?: object): Promise<unknown> } }).scheduler;
    const [realYield, realPostTask] = [scheduler.yield, scheduler.postTask];
    let turns = 0;
    scheduler.yield = function () {
      turns++;
      return realYield.call(this);
    };
    scheduler.postTask = function (work, options) {
      turns++;
      return realPostTask.call(this, work, options);
    };
    const tasks: PerformanceEntry[] = [];
    const observer = new PerformanceObserver((list) => tasks.push(...list.getEntries()));
    observer.observe({ type: 'longtask' });
    // What ran in each long frame, to say what a long task was (Long Animation Frames: the scripts, by file).
    const frames: LongFrame[] = [];
    const frameObserver = new PerformanceObserver((list) => frames.push(...(list.getEntries() as unknown as LongFrame[])));
    frameObserver.observe({ type: 'long-animation-frame' });
    const started = performance.now();
    try {
      arrive();
      await waitUntil(() => handed(), 'the pins were never all handed to the map', { timeout: 90000, interval: 100 });
      await waitUntil(() => el.shadowRoot?.querySelector('li.row')?.getAttribute('aria-setsize') === '100000', 'the list never held 100,000 rows', { timeout: 90000, interval: 100 });
      await waitUntil(() => read(), 'the pins of the actions read never reached the map', { timeout: 90000, interval: 100 });
    } finally {
      observer.disconnect();
      frameObserver.disconnect();
      Object.defineProperty(Navigator.prototype, 'hardwareConcurrency', cores);
      globalThis.Worker = RealWorker;
      [scheduler.yield, scheduler.postTask] = [realYield, realPostTask];
    }
    await waitUntil(() => clustered(el), 'the map never drew clusters', { timeout: 60000, interval: 100 });
    const end = read()!.at;
    const ours = tasks.filter((t) => t.startTime + t.duration > started && t.startTime < end);
    const longest = Math.round(Math.max(0, ...ours.map((t) => t.duration)));
    const what = (t: PerformanceEntry) => {
      const frame = frames.find((f) => f.startTime <= t.startTime + 1 && f.startTime + f.duration >= t.startTime + t.duration - 1);
      const scripts = (frame?.scripts ?? []).filter((x) => x.startTime >= t.startTime - 1 && x.startTime < t.startTime + t.duration).sort((a, b) => b.duration - a.duration);
      const script = scripts.map((x) => `${x.invoker || x.invokerType} ${x.sourceURL.replace(/^.*\//, '').replace(/\?.*$/, '')} ${Math.round(x.duration)} ms`).slice(0, 2).join(', ');
      return `${Math.round(t.duration)} ms${script ? ` (${script})` : frame ? ` (rendering ${Math.round(frame.duration - frame.scripts.reduce((n, x) => n + x.duration, 0))} ms)` : ''}`;
    };
    const report = ours.map(what).join('; ');
    console.log(
      `100,000 actions on ${coreCount} cores: read in ${readers.length} worker(s), ${turns} turns given to the page, pins handed${handed()!.packed ? ' as bytes' : ''} after ${Math.round(handed()!.at - started)} ms, ` +
        `the read's after ${Math.round(end - started)} ms (${read()!.amended} amended); ${ours.length} long tasks meanwhile, the longest ${longest} ms: ${report}`,
    );
    // A worker only where a core can run it: on two, it took twice as long as the page's thread.
    expect(readers, 'where the rows are read').to.deep.equal(coreCount > 2 ? ['archipel actions'] : []);
    expect(handed()!.pins).to.equal(100_000);
    expect(handed()!.packed, 'MapLibre\'s worker is given the pins as bytes').to.equal(true);
    // The page keeps no copy of them: MapLibre's worker made them and holds them.
    const kept = JSON.stringify((el.map!.getStyle().sources.actions as { data: unknown }).data);
    expect(kept.length, `the page's copy of the pins: ${kept.slice(0, 80)}`).to.be.below(100);
    // The pins come from a first look at the rows, as they are read: all right, as these rows are.
    expect(read()!, 'the first look amended by the read').to.include({ pins: 100_000, amended: 0 });
    // 50 parts of rows to the worker, or the slices of reading here; the first look and the pins a slice at a time. The
    // slices are of time (12 ms), so a faster read gives fewer: 38 to 43 on two cores at a load of 1 to 2 since the pins
    // go as bytes, in one hand (70 to 82 in parts, 83 to 126 before records that surely pass were spared zod's run);
    // 70 to 75 through the worker. A read in one task would give a handful.
    expect(turns).to.be.at.least(30);
    const scripts = frames.flatMap((f) => f.scripts).filter((x) => x.startTime + x.duration > started && x.startTime < end);
    if (bounded) expect(Math.max(0, ...scripts.map((x) => x.duration)), `long tasks: ${report}`).to.be.below(200);
    expect(rows(el)).to.have.length.greaterThan(0);
  }

  it('reads them on the page\'s thread, a slice at a time, when no worker can be started', async () => {
    // As a policy refusing it would: the reading worker only, MapLibre's own start as usual.
    const RealWorker = globalThis.Worker;
    globalThis.Worker = class extends RealWorker {
      constructor(url: string | URL, options?: WorkerOptions) {
        if (options?.name?.startsWith('archipel')) throw new DOMException('refused by the page\'s policy', 'SecurityError');
        super(url, options);
      }
    };
    const cores = Object.getOwnPropertyDescriptor(Navigator.prototype, 'hardwareConcurrency')!;
    Object.defineProperty(Navigator.prototype, 'hardwareConcurrency', { configurable: true, get: () => 8 });
    const warn = console.warn;
    const warnings: string[] = [];
    console.warn = (...a: unknown[]) => warnings.push(a.join(' '));
    try {
      const el = await mountMany(12_000);
      await waitUntil(() => el.shadowRoot?.querySelector('li.row')?.getAttribute('aria-setsize') === '12000', 'the list never held 12,000 rows', { timeout: 60000, interval: 100 });
    } finally {
      Object.defineProperty(Navigator.prototype, 'hardwareConcurrency', cores);
      globalThis.Worker = RealWorker;
      console.warn = warn;
    }
    expect(warnings.join('\n')).to.match(/12000 actions were read on the page's thread.*worker-src 'self'/s);
  });
});

describe('<action-map> chapters read after the actions (#19, #23)', function () {
  this.timeout(60000);

  // Chapters are read once the actions are in (#19), and a large read's pins go from a first look before that: the map
  // is ready while the read goes on, as on a slow network.
  for (const n of [100, 2500, 6000]) {
    it(`draws the chapters' rings of a campaign of ${n} actions, read after the actions`, async () => {
      const chapters = ['lyon', 'paris', 'dakar'].map((id, i) => ({ id, name: `Chapter ${id}`, lat: 45 + i, lng: 4 + i }));
      let arrive!: () => void;
      const arrived = new Promise<void>((resolve) => (arrive = resolve));
      // Its actions come once the map is drawn; its chapters at once.
      const adapter = {
        ...handing([], arrived),
        list: async (collection: string) => (collection === 'actions' ? (await arrived, { rows: many(n) }) : { rows: chapters }),
      } as unknown as MemoryAdapter;
      const wrap = await fixture<HTMLDivElement>(html`<div style="width:1000px"><action-map lang="en" layers="actions chapters" .adapter=${adapter} worker-url=${mapWorker}></action-map></div>`);
      const el = wrap.querySelector('action-map')!;
      await mapIdle(el);
      arrive();
      const rings = async () => ((await (el.map!.getSource('chapters') as GeoJSONSource).getData()) as GeoJSON.FeatureCollection).features.map((f) => f.properties!.id as string);
      await waitUntil(() => rows(el).length > 0, 'no rows', { timeout: 30000 });
      await waitUntil(async () => (await rings()).length === 3, 'the chapters never reached the map', { timeout: 10000, interval: 200 });
      expect((await rings()).sort()).to.deep.equal(['dakar', 'lyon', 'paris']);
    });
  }
});
