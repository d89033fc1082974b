/**
 * Nothing acknowledged is ever lost, and nothing is silently replaced: an answered write survives the server
 * being killed, and the same client id with another body is a conflict.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { openDb, Store } from '../../packages/server/src/index.ts';
import { meta, post, signup, startTestServer, type TestServer, sqliteOf } from './support.ts';

describe('the same client id', () => {
  let s: TestServer;
  before(async () => (s = await startTestServer()));
  after(() => s.close());

  it('with the same body is stored once and answered alike; with another body is refused as a conflict', async () => {
    const record = { ...signup(), _meta: meta };
    const first = await post(s.url, '/signups', record);
    assert.equal(first.status, 201);
    const receipt = await first.json();
    // The form details differ from one try to the next (they are not part of the record): still a repeat.
    const again = await post(s.url, '/signups', { ...record, _meta: { hp: '', elapsed: 9999 } });
    assert.equal(again.status, 201);
    assert.deepEqual(await again.json(), receipt);
    const other = await post(s.url, '/signups', { ...record, email: 'someone.else@example.org' });
    assert.equal(other.status, 409);
    assert.equal(other.headers.get('content-type'), 'application/problem+json; charset=utf-8');
    assert.match(((await other.json()) as { detail: string }).detail, /different record was already stored/);
    assert.equal(JSON.parse(sqliteOf(s).get('signups', record.id)!.data).email, record.email);
  });
});

describe('an acknowledged write', () => {
  const dir = mkdtempSync(join(process.env.TMPDIR ?? '/tmp', 'archipel-kill-'));
  const db = join(dir, 'campaign.db');
  let child: ChildProcess | undefined;

  /** The server as `archipel-server` runs it, in a process of its own. */
  async function start(): Promise<string> {
    let output = '';
    child = spawn(process.execPath, ['--import', 'tsx', 'packages/server/src/cli.ts', '--db', db, '--port', '0', '--writes-per-minute', '0', '--log-level', 'warn'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stderr!.on('data', (d) => (output += d));
    return new Promise<string>((resolve, reject) => {
      child!.stdout!.on('data', (d) => {
        output += d;
        const m = /Archipel server on (http:\/\/127\.0\.0\.1:\d+)\/api/.exec(output);
        if (m) resolve(m[1]!);
      });
      child!.once('exit', (code) => reject(new Error(`the server exited with ${code}:\n${output}`)));
    });
  }

  after(() => child?.kill('SIGKILL'));

  it('is found after the server process is killed (SIGKILL) and started again', async () => {
    const base = await start();
    const ids: string[] = [];
    // Written while others are in flight, as a busy stall would; the kill comes right after the last answer.
    for (let batch = 0; batch < 10; batch++) {
      const records = Array.from({ length: 20 }, () => ({ ...signup(), _meta: meta }));
      const answers = await Promise.all(records.map((r) => post(base, '/signups', r)));
      answers.forEach((a, i) => a.status === 201 && ids.push(records[i]!.id));
    }
    assert.equal(ids.length, 200);
    child!.removeAllListeners('exit');
    const killed = new Promise((r) => child!.once('exit', r));
    child!.kill('SIGKILL');
    await killed;

    const again = await start();
    const token = new Store(openDb(db)).createToken('after the kill');
    const page = (await (await fetch(`${again}/api/signups?limit=5000`, { headers: { authorization: `Bearer ${token}` } })).json()) as { items: { id: string }[] };
    const stored = new Set(page.items.map((i) => i.id));
    assert.deepEqual(ids.filter((id) => !stored.has(id)), []);
    assert.equal(stored.size, 200);
  });
});
