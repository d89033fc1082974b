/**
 * Benchmark of the reference server's sign-up writes (POST /api/signups).
 *
 *   node --import tsx tests/bench/server-writes.bench.ts
 *   BENCH_SECONDS=30 node --import tsx tests/bench/server-writes.bench.ts
 *
 * Starts the real server in this process on a fresh SQLite file (WAL, as
 * campaigns run it, synchronous=FULL: each commit is on disk before its
 * answer) with the rate limit off, since all the load comes from one
 * loopback address. For each concurrency, autocannon POSTs valid sign-ups for
 * BENCH_SECONDS (default 10), each with a unique client id, plus about 5%
 * repeats of an id that was already accepted (a browser retrying: idempotency).
 *
 * After each run the database is checked directly: no (collection, id) is
 * stored twice, every id that got a 201 is stored exactly once, and the rows of
 * the run are exactly the ids accepted. Requests still in flight when autocannon
 * stops may be stored without the client ever reading the answer; like the
 * widgets' outbox, the benchmark re-sends those ids once the run is over, so the
 * count can be exact. Exits with code 1 when a check fails.
 *
 * The server logs as `archipel-server` does by default, one JSON line a
 * request at the info level, into a sink that drops the lines once made
 * (BENCH_LOG_LEVEL=silent to measure without logging).
 *
 * The cost of FULL is measured by running the same loads again with
 * synchronous=NORMAL (safe against a crash of the process, not against a
 * power cut): BENCH_SYNCHRONOUS=FULL runs FULL alone.
 *
 * Note: autocannon and the server share this process's event loop, so the
 * figures are a lower bound for a server that has a core to itself.
 */
import os from 'node:os';
import { randomBytes } from 'node:crypto';
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { startServer, type LogLevel, type RunningServer, type SqliteStorage } from '../../packages/server/src/index.ts';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10) || 10;
const LOG_LEVEL = (process.env.BENCH_LOG_LEVEL ?? 'info') as LogLevel;
const CONCURRENCIES = [50, 200];
const REPEAT_SHARE = 0.05;
const SYNC_MODES = (process.env.BENCH_SYNCHRONOUS ?? 'FULL,NORMAL').split(',').map((m) => m.trim().toUpperCase());

// The little of autocannon's programmatic API used here.
interface RequestDef {
  method?: string;
  path?: string;
  headers?: Record<string, string>;
  body?: string;
  setupRequest?: (req: RequestDef, context: Context) => RequestDef;
  onResponse?: (status: number, body: string, context: Context, headers: Record<string, string>) => void;
}
interface Context {
  id?: string;
  repeat?: boolean;
}
interface Histogram {
  average: number;
  mean: number;
  p50: number;
  p97_5: number;
  p99: number;
  max: number;
  total: number;
}
interface Result {
  requests: Histogram;
  latency: Histogram;
  duration: number;
  errors: number;
  timeouts: number;
  mismatches: number;
  non2xx: number;
  resets: number;
  '1xx': number;
  '2xx': number;
  '3xx': number;
  '4xx': number;
  '5xx': number;
  statusCodeStats: Record<string, { count: number }>;
}
const cannon = autocannon as (opts: {
  url: string;
  connections: number;
  duration: number;
  pipelining?: number;
  timeout?: number;
  requests: RequestDef[];
}) => Promise<Result>;

interface RunStats {
  concurrency: number;
  synchronous: string;
  result: Result;
  sentNew: number;
  sentRepeats: number;
  acceptedNew: number;
  acceptedRepeats: number;
  statuses: Map<number, number>;
  /** Answers whose body named another id than the one sent. */
  idMismatches: number;
  /** A sample of non-2xx answers, to say why. */
  problems: Map<string, number>;
  inFlightAtStop: number;
  inFlightStored: number;
  resendFailures: number;
  acceptedDistinct: number;
  rows: number;
  duplicates: number;
  missing: number;
  unexpected: number;
  pass: boolean;
}

const created = new Date().toISOString();

/** The same id always gives the same body, so a repeat is a byte-identical retry. */
function signupBody(id: string): string {
  return JSON.stringify({
    id,
    name: 'Bench Person',
    email: `${id}@bench.example.org`,
    postcode: '69001',
    interests: ['canvassing', 'phone-banking'],
    consent: [{ purpose: 'newsletter', version: '2026-01', text: 'Send me news of the campaign.', at: created }],
    locale: 'fr',
    created,
    _meta: { hp: '', elapsed: 4000 },
  });
}

async function runOnce(server: RunningServer, concurrency: number, synchronous: string): Promise<RunStats> {
  const prefix = `bench-${synchronous}-c${concurrency}-`;
  let counter = 0;
  const sent = new Set<string>(); // every new id put on the wire
  const answered = new Set<string>(); // ids with any answer read
  const accepted = new Set<string>(); // ids answered 201 (new or repeat)
  const acceptedList: string[] = []; // to pick repeats from
  const statuses = new Map<number, number>();
  const problems = new Map<string, number>();
  let sentNew = 0;
  let sentRepeats = 0;
  let acceptedNew = 0;
  let acceptedRepeats = 0;
  let idMismatches = 0;

  const result = await cannon({
    url: server.url,
    connections: concurrency,
    duration: SECONDS,
    pipelining: 1, // one request in flight per connection: each answer belongs to that connection's last request
    timeout: 10,
    requests: [
      {
        method: 'POST',
        path: '/api/signups',
        headers: { 'content-type': 'application/json' },
        // The context is per connection and fresh for each request (a one-request
        // list restarts, and resets it, every time), so it carries the id sent.
        setupRequest(req, context) {
          let id: string;
          if (acceptedList.length && Math.random() < REPEAT_SHARE) {
            id = acceptedList[Math.floor(Math.random() * acceptedList.length)]!;
            context.repeat = true;
            sentRepeats++;
          } else {
            id = `${prefix}${++counter}-${randomBytes(4).toString('hex')}`;
            context.repeat = false;
            sent.add(id);
            sentNew++;
          }
          context.id = id;
          return { ...req, body: signupBody(id) };
        },
        onResponse(status, body, context) {
          const id = context.id!;
          statuses.set(status, (statuses.get(status) ?? 0) + 1);
          answered.add(id);
          if (status === 201) {
            let answeredId: unknown;
            try {
              answeredId = (JSON.parse(body) as { id?: unknown }).id;
            } catch {
              answeredId = undefined;
            }
            if (answeredId !== id) idMismatches++;
            if (context.repeat) acceptedRepeats++;
            else {
              acceptedNew++;
              acceptedList.push(id);
            }
            accepted.add(id);
          } else {
            let why = `${status}`;
            try {
              const p = JSON.parse(body) as { title?: string; detail?: string };
              why = `${status} ${p.title ?? ''}: ${p.detail ?? ''}`;
            } catch {
              why = `${status} ${body.slice(0, 120)}`;
            }
            problems.set(why, (problems.get(why) ?? 0) + 1);
          }
        },
      },
    ],
  });

  // Let the server finish what it had already received when autocannon stopped.
  await new Promise((r) => setTimeout(r, 300));

  const db = (server.store as SqliteStorage).db;
  const runIds = () =>
    db.prepare("SELECT id FROM items WHERE collection = 'signups' AND id GLOB ?").all(`${prefix}*`) as { id: string }[];

  // Ids sent without an answer read (in flight at the stop, or timed out): re-send them, as the outbox would.
  const unanswered = [...sent].filter((id) => !answered.has(id));
  const storedBefore = new Set(runIds().map((r) => r.id));
  const inFlightStored = unanswered.filter((id) => storedBefore.has(id)).length;
  let resendFailures = 0;
  for (let i = 0; i < unanswered.length; i += 20) {
    await Promise.all(
      unanswered.slice(i, i + 20).map(async (id) => {
        const res = await fetch(`${server.url}/api/signups`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: signupBody(id) });
        const answer = (await res.json()) as { id?: string };
        if (res.status === 201 && answer.id === id) accepted.add(id);
        else resendFailures++;
      }),
    );
  }

  // The count check, on the database itself.
  const duplicates = db
    .prepare('SELECT collection, id, COUNT(*) AS n FROM items GROUP BY collection, id HAVING COUNT(*) > 1')
    .all() as { collection: string; id: string; n: number }[];
  const rowCounts = new Map<string, number>();
  for (const { id } of runIds()) rowCounts.set(id, (rowCounts.get(id) ?? 0) + 1);
  const rows = [...rowCounts.values()].reduce((a, b) => a + b, 0);
  let missing = 0;
  for (const id of accepted) if (rowCounts.get(id) !== 1) missing++;
  let unexpected = 0;
  for (const id of rowCounts.keys()) if (!accepted.has(id)) unexpected++;
  const pass = duplicates.length === 0 && missing === 0 && unexpected === 0 && accepted.size === rows && idMismatches === 0 && resendFailures === 0;
  for (const d of duplicates.slice(0, 5)) console.log(`  duplicate: ${d.collection}/${d.id} stored ${d.n} times`);

  return {
    concurrency,
    synchronous,
    result,
    sentNew,
    sentRepeats,
    acceptedNew,
    acceptedRepeats,
    statuses,
    idMismatches,
    problems,
    inFlightAtStop: unanswered.length,
    inFlightStored,
    resendFailures,
    acceptedDistinct: accepted.size,
    rows,
    duplicates: duplicates.length,
    missing,
    unexpected,
    pass,
  };
}

const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

function report(s: RunStats) {
  const r = s.result;
  const codes = [...s.statuses].sort(([a], [b]) => a - b).map(([code, n]) => `${code}×${fmt(n)}`).join(', ');
  console.log(`\n## synchronous=${s.synchronous}, concurrency ${s.concurrency} (${r.duration.toFixed(1)} s)`);
  console.log(`  requests/s mean ${fmt(r.requests.average, 1)} (total ${fmt(r.requests.total)} answered)`);
  console.log(`  latency (2xx) p50 ${r.latency.p50} ms, p97.5 ${r.latency.p97_5} ms, p99 ${r.latency.p99} ms, max ${r.latency.max} ms`);
  console.log(`  2xx ${fmt(r['2xx'])}, non-2xx ${fmt(r.non2xx)}, errors ${r.errors}, timeouts ${r.timeouts}, resets ${r.resets}`);
  console.log(`  status codes: ${codes || 'none'}`);
  for (const [why, n] of s.problems) console.log(`  non-2xx ×${n}: ${why}`);
  console.log(`  sent: ${fmt(s.sentNew)} new ids + ${fmt(s.sentRepeats)} repeats; 201: ${fmt(s.acceptedNew)} new + ${fmt(s.acceptedRepeats)} repeats; answer id ≠ id sent: ${s.idMismatches}`);
  console.log(
    `  in flight when autocannon stopped: ${s.inFlightAtStop} (${s.inFlightStored} already stored by the server), re-sent after the run: ${s.inFlightAtStop - s.resendFailures} answered 201` +
      (s.resendFailures ? `, ${s.resendFailures} FAILED` : ''),
  );
  console.log(
    `  count check: duplicate (collection, id) ${s.duplicates}, accepted ids not stored exactly once ${s.missing}, stored ids never accepted ${s.unexpected}; ` +
      `distinct accepted ${fmt(s.acceptedDistinct)} vs rows ${fmt(s.rows)} → ${s.pass ? 'PASS' : 'FAIL'}`,
  );
}

async function main() {
  const file = join(os.tmpdir(), `archipel-bench-${process.pid}-${randomBytes(4).toString('hex')}.db`);
  const started = Date.now();
  const server = await startServer({
    db: file,
    port: 0,
    host: '127.0.0.1',
    writesPerMinute: 0 /* rate limit off: all load comes from one loopback address */,
    logLevel: LOG_LEVEL,
    logStream: { write: () => true },
  });
  const runs: RunStats[] = [];
  try {
    const mode = (server.store as SqliteStorage).db.pragma('journal_mode', { simple: true });
    console.log(`# Archipel server writes: POST /api/signups, ${SECONDS} s per concurrency, ~${REPEAT_SHARE * 100}% repeated ids`);
    console.log(`database: ${file} (journal_mode=${String(mode)}), server ${server.url}, request log level ${LOG_LEVEL}`);
    for (const mode of SYNC_MODES) {
      (server.store as SqliteStorage).db.pragma(`synchronous = ${mode}`);
      for (const c of CONCURRENCIES) {
        const stats = await runOnce(server, c, mode);
        report(stats);
        runs.push(stats);
      }
    }
  } finally {
    await Promise.race([server.close(), new Promise((r) => setTimeout(r, 2000))]);
    await server.store.close();
    for (const f of [file, `${file}-wal`, `${file}-shm`]) if (existsSync(f)) rmSync(f);
  }

  const cpus = os.cpus();
  console.log('\n## machine');
  console.log(`  CPU: ${cpus[0]?.model ?? 'unknown'} × ${cpus.length} cores`);
  console.log(`  memory: ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB`);
  console.log(`  Node ${process.version} on ${os.platform()} ${os.release()} (${os.arch()})`);
  console.log(`  date: ${new Date().toISOString()}`);
  console.log(`  load generator and server share one Node process (one event loop); database file in ${os.tmpdir()} (WAL)`);

  console.log('\n| synchronous | concurrency | sign-ups/s | p50 ms | p97.5 ms | p99 ms | 2xx | non-2xx | stored once |');
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|:---:|');
  for (const s of runs) {
    const r = s.result;
    console.log(
      `| ${s.synchronous} | ${s.concurrency} | ${fmt(r.requests.average)} | ${r.latency.p50} | ${r.latency.p97_5} | ${r.latency.p99} | ${fmt(r['2xx'])} | ${fmt(r.non2xx)} | ${s.pass ? 'PASS' : 'FAIL'} |`,
    );
  }
  const allPass = runs.length === CONCURRENCIES.length * SYNC_MODES.length && runs.every((s) => s.pass);
  console.log(`\n${allPass ? 'PASS' : 'FAIL'}: every id answered 201 is stored exactly once (${((Date.now() - started) / 1000).toFixed(1)} s in all)`);
  if (!allPass) process.exitCode = 1;
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
