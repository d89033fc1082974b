/**
 * What a sign-up costs the reference server's CPU before it reaches the database, step by step (#21):
 *
 *   npm run bench server-write-cost            (BENCH_N=20000 sign-ups)
 *
 * Each step of POST /api/signups's handler (routes/writes.ts) run alone over BENCH_N distinct sign-ups after a
 * warm-up: reading the JSON, the spam check, validation with the widgets' schemas (coerce + zod), the body's
 * SHA-256, the private link (HMAC + SHA-256) and the person of the relational loop (HMAC). The keys are a real
 * SQLite store's. Reported in µs a sign-up, never asserted; a shared machine's load moves them, so say it.
 */
import os from 'node:os';
import { SqliteStorage } from '../../packages/server/src/index.ts';
import { validateRecord } from '../../packages/server/src/records.ts';
import { checkSpam } from '../../packages/server/src/spam.ts';
import { ownerHash, secretFor } from '../../packages/server/src/people.ts';
import { personOf } from '../../packages/server/src/recruits.ts';
import { sha256 } from '../../packages/server/src/storage.ts';
import { consent } from '../server/support.ts';

const N = Number(process.env.BENCH_N ?? 20_000);
const WARM = 2_000;
const store = new SqliteStorage(':memory:');
const keys = store.keyring();
const texts = Array.from({ length: N + WARM }, (_, i) =>
  JSON.stringify({ id: `cost-signup-${i}`, name: 'Léa Martin', email: `cost-signup-${i}@example.org`, consent: consent(), created: '2026-12-01T10:00:00Z', _meta: { hp: '', elapsed: 5000 } }),
);
const parsed = () => texts.map((t) => JSON.parse(t) as Record<string, unknown>);
const checked = () => parsed().map((b) => (checkSpam(keys, b, false, 3000), b));
const records = checked().map((b) => validateRecord('signups', b));

function time(step: string, run: (i: number) => unknown): number {
  for (let i = 0; i < WARM; i++) run(i);
  const start = process.hrtime.bigint();
  for (let i = WARM; i < WARM + N; i++) run(i);
  const us = Number(process.hrtime.bigint() - start) / N / 1000;
  console.log(`| ${step} | ${us.toFixed(1)} µs |`);
  return us;
}

console.log(`# ${N.toLocaleString('en')} sign-ups; ${os.cpus().length} × ${os.cpus()[0]?.model}, Node ${process.version}, load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
console.log('| step | a sign-up |\n|---|---:|');
let total = 0;
total += time('JSON.parse of the body', (i) => JSON.parse(texts[i]!));
const bodies = parsed();
total += time('spam check (honeypot, time trap)', (i) => checkSpam(keys, bodies[i]!, false, 3000));
const clean = checked();
total += time('validation: coerce + zod safeParse (validateRecord)', (i) => validateRecord('signups', clean[i]!));
total += time('body hash: JSON.stringify + SHA-256', (i) => sha256(JSON.stringify(records[i])));
total += time('private link: HMAC + SHA-256', (i) => ownerHash(secretFor(keys, 'signups', String(records[i]!.id))));
total += time('person of the loop: HMAC of the email', (i) => personOf(keys, records[i] as { id: string; email?: string }));
console.log(`| all of the above | ${total.toFixed(1)} µs |`);
await store.close();
