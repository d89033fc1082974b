/**
 * Every file of the production build is one the reference server's static mount serves: a chunk named after a
 * personal collection (`responses-….js`) was refused, and the survey never rendered on the demo (#19).
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, type RunningServer } from '../../packages/server/src/index.ts';
import { loadStats } from '../support/budgets.ts';

describe('the build on the reference server', () => {
  let server: RunningServer;
  before(async () => {
    server = await startServer({ db: ':memory:', port: 0, host: '127.0.0.1', statics: { '/dist/': 'dist' }, logLevel: 'silent' });
  });
  after(() => server.close());

  it('serves every chunk', async () => {
    const refused: string[] = [];
    for (const file of Object.keys(loadStats())) {
      const res = await fetch(`${server.url}/dist/${file}`, { method: 'HEAD' });
      if (res.status !== 200) refused.push(`${file}: ${res.status}`);
    }
    assert.deepEqual(refused, []);
  });
});
