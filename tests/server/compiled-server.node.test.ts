import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureBuilt } from '../../packages/server/build.mjs';
import { SQLITE_MIGRATIONS } from '../../packages/server/src/db.ts';

/** The bundle in dist/, run by plain Node: no tsx, no TypeScript loader inherited from this test run. */
let child: ChildProcess;
let base = '';
let output = '';

before(async () => {
  const cli = await ensureBuilt();
  const db = join(mkdtempSync(join(tmpdir(), 'archipel-dist-')), 'campaign.db');
  const env = { ...process.env };
  delete env.NODE_OPTIONS;
  child = spawn(process.execPath, [cli, '--db', db, '--port', '0', '--log-level', 'info'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stderr!.on('data', (d) => (output += d));
  base = await new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (d) => {
      output += d;
      const m = /Archipel server on (http:\/\/127\.0\.0\.1:\d+)\/api/.exec(output);
      if (m) resolve(m[1]!);
    });
    child.once('exit', (code) => reject(new Error(`dist/cli.js exited with ${code}:\n${output}`)));
  });
});
after(() => {
  if (child.exitCode === null) child.kill('SIGKILL');
});

describe('the compiled server (packages/server/dist/cli.js)', () => {
  it('starts without tsx and answers /health and the API', async () => {
    assert.ok(!child.spawnargs.some((a) => /tsx/.test(a)), child.spawnargs.join(' '));
    const health = await fetch(`${base}/health`);
    assert.equal(health.status, 200);
    assert.deepEqual(await health.json(), { status: 'ok', database: 'ok', migrations: SQLITE_MIGRATIONS });
    const contract = await fetch(`${base}/api/openapi.yaml`);
    assert.equal(contract.status, 200, 'openapi.yaml is found from dist/ too');
    assert.match(await contract.text(), /^openapi: 3\.1/m);
    const refused = await fetch(`${base}/api/signups`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ id: 'short', _meta: { hp: '', elapsed: 5000 } }) });
    assert.equal(refused.status, 422, 'core’s schemas are bundled in');
  });

  it('logs JSON lines and closes gracefully on SIGTERM', async () => {
    await fetch(`${base}/api/actions`);
    const code = await new Promise<number | null>((resolve) => {
      child.once('exit', resolve);
      child.kill('SIGTERM');
    });
    assert.equal(code, 0, output);
    const lines = output.split('\n').filter((l) => l.startsWith('{'));
    const entries = lines.map((l) => JSON.parse(l) as { msg: string; path?: string; status?: number });
    assert.ok(entries.some((e) => e.msg === 'request' && e.path === '/api/actions' && e.status === 200), output);
  });
});
