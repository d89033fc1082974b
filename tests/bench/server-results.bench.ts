/**
 * Benchmark: do anonymous readers of public survey results slow sign-ups down?
 *
 *   node --import tsx tests/bench/server-results.bench.ts
 *   BENCH_SECONDS=10 node --import tsx tests/bench/server-results.bench.ts
 *
 * The real server on a fresh SQLite file holds a public poll with 50,000 responses across 40 chapters. autocannon
 * POSTs sign-ups (10 connections) for BENCH_SECONDS (default 8) alone, then again while 4 anonymous clients read the
 * poll's results in a loop, each time with other filters (a chapter, a region, a range of days, a cross-tab), and
 * a response is sent every 50 ms so that the results keep changing. Reported: sign-up p50/p99 in both phases, and
 * how many results the readers got. Timings are reported, never asserted.
 */
import os from 'node:os';
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { importRecords, startServer } from '../../packages/server/src/index.ts';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 8) || 8;
const RESPONSES = 50_000;
const chapters = Array.from({ length: 40 }, (_, i) => ({ id: `ch${i}`, name: `Chapter ${i}`, region: `Region ${i % 8}` }));
const survey = { id: 'poll', title: 'Poll', public_results: true, questions: [{ id: 'action', type: 'single', label: 'Action', options: ['a', 'b', 'c', 'd', 'e'], required: true }, { id: 'host', type: 'yesno', label: 'Host?', readiness: 'host' }] };
const day = (n: number) => new Date(Date.UTC(2026, 9, 1) + n * 86_400_000).toISOString();

type Result = { latency: { p50: number; p99: number }; requests: { average: number }; non2xx: number };
const cannon = autocannon as unknown as (o: object) => Promise<Result>;

async function main() {
  const file = join(os.tmpdir(), `archipel-results-bench-${randomBytes(4).toString('hex')}.db`);
  const server = await startServer({ db: file, port: 0, writesPerMinute: 0, logLevel: 'silent' });
  const responses = Array.from({ length: RESPONSES }, (_, i) => ({
    id: `resp-${String(i).padStart(6, '0')}`,
    survey: 'poll',
    chapter: `ch${(i * 7) % 40}`,
    answers: { action: 'abcde'[i % 5], host: i % 3 ? 'oui' : 'non' },
    created: day(i % 60),
  }));
  importRecords(server.store, { chapters, surveys: [survey], responses });
  let n = 0;
  const signup = () =>
    JSON.stringify({ id: `bench-${Date.now()}-${n++}-${randomBytes(3).toString('hex')}`, email: `b${n}@bench.example.org`, consent: [{ purpose: 'contact', version: '1', at: new Date().toISOString() }], created: new Date().toISOString(), _meta: { hp: '', elapsed: 5000 } });
  const run = () => cannon({ url: `${server.url}/api/signups`, connections: 10, duration: SECONDS, requests: [{ method: 'POST', headers: { 'content-type': 'application/json' }, setupRequest: (r: object) => ({ ...r, body: signup() }) }] });

  const alone = await run();
  let reading = true;
  let reads = 0;
  const filters = () => {
    const r = Math.random();
    if (r < 0.25) return `?chapter=ch${Math.floor(Math.random() * 40)}`;
    if (r < 0.5) return `?region=${encodeURIComponent(`Region ${Math.floor(Math.random() * 8)}`)}`;
    if (r < 0.75) return `?from=${day(Math.floor(Math.random() * 30)).slice(0, 10)}&to=${day(30 + Math.floor(Math.random() * 30)).slice(0, 10)}`;
    return '?question=action&by=region';
  };
  const readers = Array.from({ length: 4 }, async () => {
    while (reading) {
      const res = await fetch(`${server.url}/api/surveys/poll/results${filters()}`);
      await res.arrayBuffer();
      reads++;
    }
  });
  const voter = setInterval(() => {
    void fetch(`${server.url}/api/surveys/poll/responses`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ id: `vote-${Date.now()}-${n++}`, survey: 'poll', chapter: 'ch1', answers: { action: 'a' }, created: new Date().toISOString(), _meta: { hp: '', elapsed: 5000 } }) });
  }, 50);
  const busy = await run();
  reading = false;
  clearInterval(voter);
  await Promise.all(readers);
  await server.close();
  for (const f of [file, `${file}-wal`, `${file}-shm`]) rmSync(f, { force: true });

  console.log(`# sign-ups with and without 4 anonymous results readers (${RESPONSES.toLocaleString('en-US')} responses, ${SECONDS} s each)`);
  console.log('| phase | sign-ups/s | p50 ms | p99 ms | non-2xx |');
  console.log('|---|---:|---:|---:|---:|');
  for (const [name, r] of [['sign-ups alone', alone], ['with 4 readers changing filters', busy]] as const) console.log(`| ${name} | ${r.requests.average.toFixed(0)} | ${r.latency.p50} | ${r.latency.p99} | ${r.non2xx} |`);
  console.log(`results read by the 4 readers: ${reads} in ${SECONDS} s; ${os.cpus().length} cores, Node ${process.version}`);
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
