/**
 * How close the reference server comes to the limit of one machine, and what several instances add.
 *
 *   npm run bench server-scale                  (BENCH_SECONDS=5 by default, per run)
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
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { ensureBuilt } from '../../packages/server/build.mjs';
import { consent, freshDatabase, postgresUnavailable, useDatabase } from '../server/support.ts';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const CONCURRENCIES = [10, 50, 200];
const HAPROXY = ['/usr/sbin/haproxy', '/usr/bin/haproxy'].find((p) => existsSync(p));
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

async function archipel(db: string, instances: number): Promise<{ url: string; stop(): void }> {
  const ports = await Promise.all(Array.from({ length: instances }, freePort));
  const procs = ports.map((p) => run([cli, '--db', db, '--port', String(p), '--writes-per-minute', '0', '--log-level', 'warn']));
  await Promise.all(ports.map((p) => until(`http://127.0.0.1:${p}/health`)));
  if (instances === 1) return { url: `http://127.0.0.1:${ports[0]}`, stop: () => procs.forEach((c) => c.kill()) };
  const front = await freePort();
  const config = join(dir, `haproxy-${front}.cfg`);
  writeFileSync(
    config,
    `global\n  maxconn 4000\ndefaults\n  mode http\n  timeout connect 1s\n  timeout client 30s\n  timeout server 30s\n  option http-keep-alive\nfrontend api\n  bind 127.0.0.1:${front}\n  default_backend instances\nbackend instances\n  balance roundrobin\n${ports.map((p, i) => `  server i${i} 127.0.0.1:${p}`).join('\n')}\n`,
  );
  const lb = spawn(HAPROXY!, ['-f', config, '-db'], { stdio: 'ignore' });
  children.push(lb);
  await until(`http://127.0.0.1:${front}/health`);
  return { url: `http://127.0.0.1:${front}`, stop: () => [...procs, lb].forEach((c) => c.kill()) };
}

async function bare(kind: 'sqlite' | 'postgres', target: string): Promise<{ url: string; stop(): void }> {
  const port = await freePort();
  const child = run(['tests/bench/support/bare-server.mjs', String(port), kind, target]);
  await until(`http://127.0.0.1:${port}/api/actions`);
  return { url: `http://127.0.0.1:${port}`, stop: () => child.kill() };
}

interface Figures {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
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
const line = (what: string, c: number, f: Figures, base?: Figures) =>
  rows.push(`| ${what} | ${c} | ${Math.round(f.rps).toLocaleString('en')} | ${f.p50} ms | ${f.p99} ms | ${f.errors} | ${base ? `${(f.rps / base.rps).toFixed(2)}×` : ''} |`);

async function writeSeries(name: string, server: { url: string; stop(): void }, baseline?: Map<number, Figures>) {
  const out = new Map<number, Figures>();
  for (const c of CONCURRENCIES) {
    const f = await writes(server.url, c);
    out.set(c, f);
    line(name, c, f, baseline?.get(c));
    console.log(rows.at(-1));
  }
  server.stop();
  return out;
}

console.log(`# Sign-ups and public reads, ${SECONDS} s a run; ${os.cpus().length} × ${os.cpus()[0]?.model}, Node ${process.version}, load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
console.log('| server | connections | requests/s | p50 | p99 | errors | of bare |');
console.log('|---|---:|---:|---:|---:|---:|---:|');

// SQLite
const file = join(dir, 'bench.db');
await prepare(file);
const bareSqlite = await writeSeries('bare node:http + better-sqlite3', await bare('sqlite', file));
await writeSeries('archipel, SQLite', await archipel(file, 1), bareSqlite);
{
  const b = await bare('sqlite', file);
  const bareRead = await reads(b.url, 50);
  line('reads: bare node:http + better-sqlite3', 50, bareRead);
  b.stop();
  const a = await archipel(file, 1);
  const etag = (await fetch(`${a.url}/api/actions`)).headers.get('etag')!;
  line('reads: archipel, SQLite, prepared answer', 50, await reads(a.url, 50), bareRead);
  line('reads: archipel, SQLite, If-None-Match → 304', 50, await reads(a.url, 50, { 'if-none-match': etag }), bareRead);
  a.stop();
  console.log(rows.slice(-3).join('\n'));
}

// PostgreSQL
const unavailable = await postgresUnavailable();
if (unavailable) console.log(`PostgreSQL runs skipped: ${unavailable}`);
else {
  useDatabase('postgres');
  const fresh = freshDatabase();
  try {
    await prepare(fresh.db);
    const barePg = await writeSeries('bare node:http + pg', await bare('postgres', fresh.db));
    await writeSeries('archipel, PostgreSQL ×1', await archipel(fresh.db, 1), barePg);
    if (HAPROXY) await writeSeries('archipel, PostgreSQL ×3 behind HAProxy', await archipel(fresh.db, 3), barePg);
    else console.log('PostgreSQL ×3 skipped: haproxy is not installed (apt-get install -y haproxy)');
    const b = await bare('postgres', fresh.db);
    const bareRead = await reads(b.url, 50);
    line('reads: bare node:http + pg', 50, bareRead);
    b.stop();
    const a = await archipel(fresh.db, 1);
    line('reads: archipel, PostgreSQL ×1, prepared answer', 50, await reads(a.url, 50), bareRead);
    a.stop();
    console.log(rows.slice(-2).join('\n'));
  } finally {
    await fresh.drop();
  }
}

console.log('\n' + rows.join('\n'));
console.log(`\nload average at the end: ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
process.exit(0);
