/**
 * A large campaign's map (#23): reading and listing many actions does each costly step once, not per action,
 * and stays right where a zone changes its offset at half past the hour.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { ActionMap } from '../../packages/action-map/src/action-map.component.ts';
import { MemoryAdapter } from '../../packages/core/src/adapters/memory.ts';
import { localToUtc } from '../../packages/core/src/zones.ts';
import { mapWorker, rows } from '../support/action-map.ts';

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
