/**
 * How close the reference server comes to the limit of one machine, and what several instances add.
 *
 *   npm run bench server-scale                  (BENCH_ROUNDS=3 runs of BENCH_SECONDS=3 each, side by side)
 *   BENCH_ONLY=sqlite,postgres,haproxy,reads    some of the runs only (each word names a part; all when unset)
 *
 * Each server runs as its own process (the compiled `archipel-server`, rate limit off, log level warn), the
 * load from autocannon in this one. Sign-ups: POST /api/signups, each with a unique id, at 10, 50 and 200
 * connections, on SQLite (a WAL file), PostgreSQL with one instance, and PostgreSQL with three instances behind
 * HAProxy; each beside a bare node:http server doing the same insert with the same driver
 * (support/bare-server.mjs). Public reads: GET /api/actions (the demo's 362 actions) at 50 connections, with
 * and without If-None-Match, beside the bare server reading the same rows. PostgreSQL runs need one at
 * 127.0.0.1:5432 (ARCHIPEL_TEST_POSTGRES), HAProxy runs need haproxy; either is skipped, saying so, when absent.
 */
import os from 'node:os';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { ensureBuilt } from '../../packages/server/build.mjs';
import { consent, freshDatabase, postgresUnavailable, useDatabase } from '../server/support.ts';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 3);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const CONCURRENCIES = [10, 50, 200];
const HAPROXY = ['/usr/sbin/haproxy', '/usr/bin/haproxy'].find((p) => existsSync(p));
const ONLY = process.env.BENCH_ONLY?.split(',');
const part = (name: 'sqlite' | 'postgres' | 'haproxy' | 'reads') => !ONLY || ONLY.includes(name);
const dir = mkdtempSync(join(os.tmpdir(), 'archipel-scale-'));
const cli = await ensureBuilt();
const children: ChildProcess[] = [];
process.on('exit', () => children.forEach((c) => c.kill('SIGKILL')));

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });

async function until(url: string) {
  for (let i = 0; i < 300; i++) {
    if (await fetch(url).then((r) => r.status < 500, () => false)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url} never answered`);
}

function run(args: string[]) {
  const child = spawn(process.execPath, args, { stdio: 'ignore' });
  children.push(child);
  return child;
}

/** A database with the demo's actions and the migrations, and servers on it. */
async function prepare(db: string) {
  execFileSync(process.execPath, [cli, 'import', 'demo/data', '--db', db], { stdio: 'ignore' });
}

interface Server {
  url: string;
  /** The server's processes (not the load balancer's): their CPU time is what a request costs them. */
  pids: number[];
  stop(): void;
}

/** CPU time (user + system) the processes have used so far, in ms: unlike requests a second, the load of a shared machine barely moves it. */
const TICK_MS = 1000 / Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim() || 100);
const cpuMs = (pids: number[]) =>
  pids.reduce((sum, pid) => {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /, '').split(' ');
    return sum + (Number(fields[11]) + Number(fields[12])) * TICK_MS;
  }, 0);

async function archipel(db: string, instances: number): Promise<Server> {
  const ports = await Promise.all(Array.from({ length: instances }, freePort));
  const procs = ports.map((p) => run([cli, '--db', db, '--port', String(p), '--writes-per-minute', '0', '--log-level', 'warn']));
  await Promise.all(ports.map((p) => until(`http://127.0.0.1:${p}/health`)));
  const pids = procs.map((c) => c.pid!);
  if (instances === 1) return { url: `http://127.0.0.1:${ports[0]}`, pids, stop: () => procs.forEach((c) => c.kill()) };
  const front = await freePort();
  const config = join(dir, `haproxy-${front}.cfg`);
  writeFileSync(
    config,
    `global\n  maxconn 4000\ndefaults\n  mode http\n  timeout connect 1s\n  timeout client 30s\n  timeout server 30s\n  option http-keep-alive\nfrontend api\n  bind 127.0.0.1:${front}\n  default_backend instances\nbackend instances\n  balance roundrobin\n${ports.map((p, i) => `  server i${i} 127.0.0.1:${p}`).join('\n')}\n`,
  );
  const lb = spawn(HAPROXY!, ['-f', config, '-db'], { stdio: 'ignore' });
  children.push(lb);
  await until(`http://127.0.0.1:${front}/health`);
  return { url: `http://127.0.0.1:${front}`, pids, stop: () => [...procs, lb].forEach((c) => c.kill()) };
}

async function bare(kind: 'sqlite' | 'postgres', target: string): Promise<Server> {
  const port = await freePort();
  const child = run(['tests/bench/support/bare-server.mjs', String(port), kind, target]);
  await until(`http://127.0.0.1:${port}/api/actions`);
  return { url: `http://127.0.0.1:${port}`, pids: [child.pid!], stop: () => child.kill() };
}

interface Figures {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  /** The server's CPU time per request, in ms. */
  cpu?: number;
}

let sequence = 0;
async function writes(url: string, connections: number): Promise<Figures> {
  const run = `${process.pid.toString(36)}${(sequence++).toString(36)}`;
  let n = 0;
  const result = await autocannon({
    url: `${url}/api/signups`,
    connections,
    duration: SECONDS,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    requests: [
      {
        setupRequest: (req) => {
          const id = `bench-${run}-${n++}`;
          return { ...req, body: JSON.stringify({ id, name: 'Léa Martin', email: `${id}@example.org`, consent: consent(), created: '2026-12-01T10:00:00Z', _meta: { hp: '', elapsed: 5000 } }) };
        },
      },
    ],
  });
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, errors: result.errors + result.timeouts + result.non2xx };
}

async function reads(url: string, connections: number, headers: Record<string, string> = {}): Promise<Figures & { status: number }> {
  const status = (await fetch(`${url}/api/actions`, { headers })).status;
  const result = await autocannon({ url: `${url}/api/actions`, connections, duration: SECONDS, headers });
  return { status, rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, errors: result.errors + result.timeouts };
}

const rows: string[] = [];
const fmt = (f: Figures) => `${Math.round(f.rps).toLocaleString('en')} | ${f.p50} ms | ${f.p99} ms | ${f.errors} | ${f.cpu?.toFixed(2) ?? ''} ms`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const medianOf = (fs: Figures[]): Figures => ({ rps: median(fs.map((f) => f.rps)), p50: median(fs.map((f) => f.p50)), p99: median(fs.map((f) => f.p99)), errors: fs.reduce((n, f) => n + f.errors, 0), cpu: median(fs.map((f) => f.cpu ?? 0)) });

/** A run, with the CPU time the server's processes spent on it per request. */
async function measured(server: Server, measure: (url: string, c: number) => Promise<Figures>, c: number): Promise<Figures> {
  const before = cpuMs(server.pids);
  const f = await measure(server.url, c);
  return { ...f, cpu: (cpuMs(server.pids) - before) / (f.rps * SECONDS) };
}

/**
 * The server and its baseline measured side by side: one run each to warm up (at the most connections), then
 * ROUNDS short runs each, alternating (which goes first alternates too), so that the load of a shared machine,
 * which drifts over minutes, weighs on both alike. The ratio is the median of each round's ratio, with the lowest and highest.
 */
async function sideBySide(name: string, baseName: string, measure: (url: string, c: number) => Promise<Figures>, server: Server, base: Server, concurrencies: number[]) {
  // One run of each first, not counted, at the most connections (the most requests): a server that has just
  // started is still compiling its code (V8's JIT), which weighs on a large server more than on a bare one, and
  // on the first connection count measured (10 connections measured first after a run at 10 cost archipel 0.48 ms
  // of CPU a sign-up on PostgreSQL, after a run at 200 0.20–0.22 ms; the bare server 0.17 and 0.11–0.13 ms).
  const most = Math.max(...concurrencies);
  await measure(base.url, most);
  await measure(server.url, most);
  for (const c of concurrencies) {
    const ours: Figures[] = [];
    const theirs: Figures[] = [];
    for (let r = 0; r < ROUNDS; r++) {
      if (r % 2) ours.push(await measured(server, measure, c));
      theirs.push(await measured(base, measure, c));
      if (!(r % 2)) ours.push(await measured(server, measure, c));
    }
    const ratios = ours.map((f, i) => f.rps / theirs[i]!.rps);
    rows.push(`| ${baseName} | ${c} | ${fmt(medianOf(theirs))} | |`);
    rows.push(`| ${name} | ${c} | ${fmt(medianOf(ours))} | **${median(ratios).toFixed(2)}×** (${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)}) |`);
    console.log(rows.slice(-2).join('\n'));
  }
}

const readsOf = (headers: Record<string, string> = {}) => (url: string, c: number) => reads(url, c, headers);

console.log(`# Sign-ups and public reads, ${ROUNDS} rounds of ${SECONDS} s a run, side by side; ${os.cpus().length} × ${os.cpus()[0]?.model}, Node ${process.version}, load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
const header = ['| server | connections | requests/s | p50 | p99 | errors | CPU a request | of bare (median, range) |', '|---|---:|---:|---:|---:|---:|---:|---:|'];
console.log(header.join('\n'));

// SQLite
const file = join(dir, 'bench.db');
if (part('sqlite') || part('reads')) {
  await prepare(file);
  const b = await bare('sqlite', file);
  const a = await archipel(file, 1);
  if (part('sqlite')) await sideBySide('archipel, SQLite', 'bare node:http + better-sqlite3', writes, a, b, CONCURRENCIES);
  if (part('reads')) {
    const etag = (await fetch(`${a.url}/api/actions`)).headers.get('etag')!;
    await sideBySide('reads: archipel, SQLite, prepared answer', 'reads: bare node:http + better-sqlite3', readsOf(), a, b, [50]);
    await sideBySide('reads: archipel, SQLite, If-None-Match → 304', 'reads: bare node:http + better-sqlite3', readsOf({ 'if-none-match': etag }), a, b, [50]);
    await sideBySide('reads: archipel, SQLite, Accept-Encoding: br (compressed once)', 'reads: bare node:http + better-sqlite3 (uncompressed)', readsOf({ 'accept-encoding': 'br' }), a, b, [50]);
  }
  a.stop();
  b.stop();
}

// PostgreSQL
const unavailable = await postgresUnavailable();
if (unavailable) console.log(`PostgreSQL runs skipped: ${unavailable}`);
else if (part('postgres') || part('haproxy') || part('reads')) {
  useDatabase('postgres');
  const fresh = freshDatabase();
  try {
    await prepare(fresh.db);
    const b = await bare('postgres', fresh.db);
    const one = await archipel(fresh.db, 1);
    if (part('postgres')) await sideBySide('archipel, PostgreSQL ×1', 'bare node:http + pg', writes, one, b, CONCURRENCIES);
    if (part('reads')) await sideBySide('reads: archipel, PostgreSQL ×1, prepared answer', 'reads: bare node:http + pg', readsOf(), one, b, [50]);
    one.stop();
    if (part('haproxy') && HAPROXY) {
      const three = await archipel(fresh.db, 3);
      await sideBySide('archipel, PostgreSQL ×3 behind HAProxy', 'bare node:http + pg', writes, three, b, CONCURRENCIES);
      three.stop();
    } else if (part('haproxy')) console.log('PostgreSQL ×3 skipped: haproxy is not installed (apt-get install -y haproxy)');
    b.stop();
  } finally {
    await fresh.drop();
  }
}

console.log('\n' + [...header, ...rows].join('\n'));
console.log(`\nload average at the end: ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
process.exit(0);
