/**
 * Chaos: three compiled server instances on one PostgreSQL behind HAProxy (Debian's package), sign-ups sent
 * through it while instances are killed (SIGKILL) and started again. Every acknowledged sign-up must be stored
 * exactly once, and the limit of 30 writes a minute per client must hold across the instances.
 *
 *   npm run test:chaos
 *
 * Skipped, saying why, without haproxy or PostgreSQL; with ARCHIPEL_REQUIRE_POSTGRES=1 (CI) that is a failure.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { ensureBuilt } from '../../packages/server/build.mjs';
import { consent, freshDatabase, postgresUnavailable, useDatabase } from './support.ts';

const HAPROXY = ['/usr/sbin/haproxy', '/usr/bin/haproxy'].find((p) => existsSync(p));
const unavailable = HAPROXY ? await postgresUnavailable() : 'haproxy is not installed (apt-get install -y haproxy)';
const required = process.env.ARCHIPEL_REQUIRE_POSTGRES === '1';
const CHAOS_SECONDS = 20;

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });

/** A POST through the load balancer from a given loopback address (each address is a client to the rate limit). */
function send(port: number, from: string, body: unknown): Promise<{ status: number; servedBy?: string }> {
  return new Promise((resolve) => {
    const text = JSON.stringify(body);
    const req = request(
      { host: '127.0.0.1', port, localAddress: from, method: 'POST', path: '/api/signups', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) }, timeout: 10_000 },
      (res) => {
        res.resume();
        res.on('end', () => resolve({ status: res.statusCode ?? 0, servedBy: res.headers['x-served-by'] as string | undefined }));
      },
    );
    req.on('error', () => resolve({ status: 0 }));
    req.on('timeout', () => req.destroy());
    req.end(text);
  });
}

const waitFor = async (what: string, check: () => Promise<boolean>, ms = 30_000) => {
  const end = Date.now() + ms;
  while (!(await check().catch(() => false))) {
    if (Date.now() > end) throw new Error(`${what} did not happen within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
};

const healthy = (port: number) => fetch(`http://127.0.0.1:${port}/health`).then((r) => r.ok);

test('three instances behind HAProxy, killed and restarted while sign-ups arrive', { skip: !required && unavailable, timeout: 150_000 }, async (t) => {
  if (unavailable) assert.fail(unavailable);
  useDatabase('postgres');
  const { db, drop } = freshDatabase();
  t.after(drop);
  const cli = await ensureBuilt();
  // Migrated once before the instances start (they would each wait on the advisory lock otherwise).
  execFileSync(process.execPath, [cli, 'token', 'list', '--db', db], { stdio: 'ignore' });

  const ports = await Promise.all([freePort(), freePort(), freePort()]);
  const children: (ChildProcess | undefined)[] = [];
  const start = (i: number) => {
    children[i] = spawn(process.execPath, [cli, '--db', db, '--port', String(ports[i]), '--trust-proxy', '--writes-per-minute', '30', '--log-level', 'error'], { stdio: 'ignore' });
  };
  const kill = (i: number) => {
    children[i]?.kill('SIGKILL');
    children[i] = undefined;
  };
  t.after(() => children.forEach((_, i) => kill(i)));
  ports.forEach((_, i) => start(i));
  await Promise.all(ports.map((p) => waitFor(`instance on ${p} answering`, () => healthy(p))));

  const front = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'archipel-chaos-'));
  const config = join(dir, 'haproxy.cfg');
  writeFileSync(
    config,
    `global
  maxconn 2000
defaults
  mode http
  timeout connect 1s
  timeout client 15s
  timeout server 10s
  retries 3
  option redispatch 1
  option http-buffer-request
  # A write that got no answer is sent again (to another instance): the id makes it idempotent.
  retry-on conn-failure empty-response response-timeout 502 503
frontend api
  bind 127.0.0.1:${front}
  option forwardfor
  default_backend instances
backend instances
  balance roundrobin
  option httpchk GET /health
  http-response set-header X-Served-By %s
${ports.map((p, i) => `  server i${i} 127.0.0.1:${p} check inter 300ms fall 1 rise 1`).join('\n')}
`,
  );
  const haproxy = spawn(HAPROXY!, ['-f', config, '-db'], { stdio: ['ignore', 'ignore', 'pipe'] });
  let haproxyErr = '';
  haproxy.stderr!.on('data', (d) => (haproxyErr += d));
  t.after(() => haproxy.kill('SIGKILL'));
  await waitFor('haproxy answering', () => healthy(front).catch(() => false), 10_000).catch((e: Error) => assert.fail(`${e.message}\n${haproxyErr}`));

  // Sign-ups from 60 client addresses, each under its limit (retries count too), sent again with the same id (as
  // the outbox does) until acknowledged.
  const acknowledged = new Set<string>();
  const sent = new Set<string>();
  let refused = 0;
  const deadline = Date.now() + CHAOS_SECONDS * 1000;
  const clients = Array.from({ length: 60 }, (_, c) => `127.0.1.${c + 1}`);
  const sender = async (from: string) => {
    for (let n = 0; n < 16 && Date.now() < deadline; n++) {
      const id = `chaos-${from.replaceAll('.', '-')}-${n}`;
      sent.add(id);
      const record = { id, name: 'Léa Martin', email: `${id}@example.org`, consent: consent(), created: new Date().toISOString(), _meta: { hp: '', elapsed: 5000 } };
      for (let attempt = 0; attempt < 20; attempt++) {
        const { status } = await send(front, from, record);
        if (status === 201) {
          acknowledged.add(id);
          break;
        }
        if (status >= 400 && status < 500) {
          refused++;
          break;
        }
        await new Promise((r) => setTimeout(r, 250));
      }
      await new Promise((r) => setTimeout(r, 200 + Math.random() * 300));
    }
  };
  let kills = 0;
  const chaos = async () => {
    while (Date.now() < deadline - 2000) {
      await new Promise((r) => setTimeout(r, 1500));
      const i = Math.floor(Math.random() * ports.length);
      kill(i);
      kills++;
      await new Promise((r) => setTimeout(r, 700));
      start(i);
    }
  };
  await Promise.all([...clients.map(sender), chaos()]);
  await Promise.all(ports.map((p) => waitFor(`instance on ${p} back`, () => healthy(p))));
  // HAProxy marks an instance up at its next check (every 300 ms): give it three before the limit is measured
  // through the balancer, or the instance restarted last may not take its share yet.
  await new Promise((r) => setTimeout(r, 1000));

  const client = new pg.Client(db.replace(/\?schema=(\w+)$/, ''));
  await client.connect();
  const schema = /\?schema=(\w+)$/.exec(db)![1];
  const { rows } = await client.query<{ id: string; n: number }>(`SELECT id, count(*)::int AS n FROM ${schema}.items WHERE collection = 'signups' GROUP BY id`);
  await client.end();
  const stored = new Map(rows.map((r) => [r.id, r.n]));
  t.diagnostic(`${sent.size} sign-ups sent, ${acknowledged.size} acknowledged, ${refused} refused, ${stored.size} stored, ${kills} instances killed`);
  assert.equal(refused, 0, 'no sign-up should be refused: each client stays under its limit');
  assert.ok(kills >= 5, `only ${kills} kills`);
  assert.ok(acknowledged.size > 100, `only ${acknowledged.size} acknowledged`);
  for (const id of acknowledged) assert.equal(stored.get(id), 1, `acknowledged sign-up ${id} stored ${stored.get(id) ?? 0} times`);
  for (const id of stored.keys()) assert.ok(sent.has(id), `${id} was never sent`);

  // The limit holds across instances: 45 writes from one address, spread over the three by round robin. Each
  // instance sees 15, under 30: a limit kept per instance would let all 45 through.
  const served = new Set<string>();
  const began = Date.now();
  const answers = [];
  for (let batch = 0; batch < 5; batch++) {
    answers.push(
      ...(await Promise.all(
        Array.from({ length: 9 }, (_, k) => {
          const id = `limit-${batch}-${k}`;
          return send(front, '127.0.2.1', { id, name: 'Ana', email: `${id}@example.org`, consent: consent(), created: new Date().toISOString(), _meta: { hp: '', elapsed: 5000 } });
        }),
      )),
    );
  }
  // The bucket refills at one write every 2 s while the requests go out.
  const refilled = Math.floor((Date.now() - began) / 2000);
  for (const a of answers) if (a.servedBy) served.add(a.servedBy);
  const accepted = answers.filter((a) => a.status === 201).length;
  t.diagnostic(`limit: ${accepted} of 45 accepted in ${Date.now() - began} ms, by ${[...served].join(', ')}`);
  assert.equal(served.size, 3, `served by ${[...served].join(', ')}`);
  assert.ok(accepted >= 30 && accepted <= 30 + refilled, `${accepted} accepted, ${refilled} refilled`);
  assert.equal(answers.filter((a) => a.status === 429).length, 45 - accepted);
});
