import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startTestServer, startLoggedServer, type TestServer } from './support.ts';

describe('health', () => {
  let s: TestServer;
  before(async () => (s = await startTestServer()));
  after(() => s.close());

  it('answers 200 with the database and its migrations when the database answers', async () => {
    for (const path of ['/health', '/api/health']) {
      const res = await fetch(`${s.url}${path}`);
      assert.equal(res.status, 200, path);
      assert.equal(res.headers.get('cache-control'), 'no-store');
      assert.deepEqual(await res.json(), { status: 'ok', database: 'ok', migrations: (await s.store.migrations()).known });
    }
  });

  it('answers 503 as a problem document once the database is gone', async () => {
    const gone = await startTestServer({ logLevel: 'silent' });
    try {
      await gone.store.close();
      const res = await fetch(`${gone.url}/health`);
      assert.equal(res.status, 503);
      assert.equal(res.headers.get('content-type'), 'application/problem+json; charset=utf-8');
      const problem = (await res.json()) as { status: number; detail: string };
      assert.equal(problem.status, 503);
      assert.match(problem.detail, /database/);
    } finally {
      await gone.close();
    }
  });

  it('is not rate-limited', async () => {
    const limited = await startTestServer({ writesPerMinute: 1 });
    try {
      const statuses = await Promise.all(Array.from({ length: 20 }, () => fetch(`${limited.url}/health`).then((r) => r.status)));
      assert.deepEqual(new Set(statuses), new Set([200]));
    } finally {
      await limited.close();
    }
  });

  it('leaves health checks out at the info level', async () => {
    const { server, requests } = await startLoggedServer();
    try {
      await fetch(`${server.url}/health`);
      await fetch(`${server.url}/api/health`);
      await fetch(`${server.url}/api/actions`);
      assert.deepEqual(requests().map((e) => e.path), ['/api/actions']);
    } finally {
      await server.close();
    }
  });
});
