/**
 * Benchmarks of calendar sources, in Node:
 *
 *   node --import tsx tests/bench/calendars.bench.ts
 *   BENCH_RUNS=15 node --import tsx tests/bench/calendars.bench.ts
 *
 * 1. Reading an iCalendar feed: icsToActions() (ical.js parsing, recurrences expanded, zones converted) on a
 *    synthetic Google-style calendar of 500 events, 50 of them weekly for a year, then every row through the
 *    strict action schema, as a page does.
 * 2. Merging: mergeSameActions() on 10,000 actions from three sources of which a third are listed twice.
 * 3. A sync that finds nothing new: syncFeed() on that calendar, served on loopback, a second time (fetch,
 *    parse, compare with the database, write nothing).
 *
 * Timings are reported (median, min–max), never asserted.
 */
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { createServer } from 'node:http';
import { icsToActions } from '../../packages/core/src/adapters/ical.ts';
import { mergeSameActions } from '../../packages/core/src/same-action.ts';
import { actionReader, type Action } from '../../packages/core/src/schemas/actions.ts';
import { SqliteStorage } from '../../packages/server/src/index.ts';
import { addFeed, listFeeds, syncFeed } from '../../packages/server/src/sync.ts';

const RUNS = Number(process.env.BENCH_RUNS ?? 9) || 9;
const NOW = Date.UTC(2026, 11, 6);

function calendar(events: number, weekly: number): string {
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Archipel bench//EN', 'X-WR-CALNAME:Bench', 'X-WR-TIMEZONE:Europe/Paris'];
  for (let i = 0; i < events; i++) {
    const day = new Date(NOW + (i % 300) * 86_400_000).toISOString().slice(0, 10).replace(/-/g, '');
    lines.push('BEGIN:VEVENT', `UID:bench-${i}@example.org`, 'DTSTAMP:20261201T000000Z', `DTSTART;TZID=Europe/Paris:${day}T18000${i % 10}`, `DTEND;TZID=Europe/Paris:${day}T200000`);
    if (i < weekly) lines.push('RRULE:FREQ=WEEKLY;COUNT=52');
    lines.push(`SUMMARY:Action ${i}`, `LOCATION:${i} rue de la République\\, Lyon`, `GEO:${45.7 + (i % 100) / 1000};${4.8 + (i % 50) / 1000}`, 'END:VEVENT');
  }
  lines.push('END:VCALENDAR');
  return `${lines.join('\r\n')}\r\n`;
}

function time(fn: () => unknown): { median: number; min: number; max: number } {
  const t: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    fn();
    t.push(performance.now() - start);
  }
  t.sort((a, b) => a - b);
  return { median: t[Math.floor(t.length / 2)]!, min: t[0]!, max: t.at(-1)! };
}

async function timeAsync(fn: () => Promise<unknown>) {
  const t: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    await fn();
    t.push(performance.now() - start);
  }
  t.sort((a, b) => a - b);
  return { median: t[Math.floor(t.length / 2)]!, min: t[0]!, max: t.at(-1)! };
}

const ms = (r: { median: number; min: number; max: number }) => `${r.median.toFixed(1)} ms (min ${r.min.toFixed(1)}, max ${r.max.toFixed(1)})`;

console.log(`Node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model}, load ${os.loadavg()[0]!.toFixed(1)}, ${RUNS} runs`);

const text = calendar(500, 50);
let rows: unknown[] = [];
const parse = time(() => (rows = icsToActions(text, 'https://bench.example.org/calendar.ics', NOW)));
const valid = time(() => rows.filter((r) => actionReader.read(r).success));
console.log(`iCalendar, 500 events (50 weekly) → ${rows.length} actions: parsed in ${ms(parse)}, checked in ${ms(valid)}`);

const base = Array.from({ length: 6667 }, (_, i) => ({ id: `a${i}`, title: `Action ${i}`, start: new Date(NOW + i * 3_600_000).toISOString(), timezone: 'UTC', lat: 45 + (i % 100) / 100, lng: 4 + (i % 50) / 50 }) as Action);
const merged = [...base, ...base.slice(0, 3333).map((a) => ({ ...a, id: `b${a.id}`, origins: [{ label: 'other' }] }))];
let out: Action[] = [];
const merge = time(() => (out = mergeSameActions(merged)));
console.log(`merging ${merged.length} actions (${merged.length - base.length} listed twice) → ${out.length}: ${ms(merge)}`);

const server = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/calendar' }).end(text));
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const feedUrl = `http://127.0.0.1:${(server.address() as { port: number }).port}/calendar.ics`;
const store = new SqliteStorage(':memory:');
await addFeed(store, feedUrl);
const feed = (await listFeeds(store))[0]!;
const first = await syncFeed(store, feed);
const again = await timeAsync(() => syncFeed(store, feed));
const last = await syncFeed(store, feed);
console.log(`sync of that calendar: ${first.added} added the first time; then ${last.unchanged} unchanged, nothing written, in ${ms(again)}`);
server.close();
