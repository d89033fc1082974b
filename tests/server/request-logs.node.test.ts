import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startTestServer, startLoggedServer, signup, meta, post } from './support.ts';

describe('request logs', () => {
  it('writes one JSON line a request, with its id, method, path, status and duration', async () => {
    const { server, requests } = await startLoggedServer();
    try {
      await fetch(`${server.url}/api/actions?chapter=lyon`);
      await post(server.url, '/signups', { ...signup(), _meta: meta });
      await fetch(`${server.url}/api/nothing`);
      assert.deepEqual(
        requests().map((e) => [e.method, e.path, e.status]),
        [
          ['GET', '/api/actions', 200],
          ['POST', '/api/signups', 201],
          ['GET', '/api/nothing', 404],
        ],
      );
      for (const e of requests()) {
        assert.equal(e.level, 'info');
        assert.match(String(e.requestId), /^[0-9a-f-]{36}$/);
        assert.equal(typeof e.ms, 'number');
      }
      assert.equal(new Set(requests().map((e) => e.requestId)).size, 3, 'each request has its own id');
    } finally {
      await server.close();
    }
  });

  it('holds no token, header, body or query string', async () => {
    const { server, lines } = await startLoggedServer();
    try {
      const record = signup({ email: 'private.person@example.org' });
      await post(server.url, '/signups', { ...record, _meta: meta }, { authorization: `Bearer ${server.token}` });
      await fetch(`${server.url}/api/signups?format=csv&chapter=secret-chapter`, { headers: { authorization: `Bearer ${server.token}` } });
      await fetch(`${server.url}/api/signups`, { headers: { authorization: 'Bearer arch_wrong-token-value' } });
      const text = lines.join('');
      assert.equal(lines.filter((l) => l.includes('"request"')).length, 3);
      for (const secret of [server.token, 'arch_wrong-token-value', 'Bearer', 'private.person@example.org', 'secret-chapter', 'format=csv']) {
        assert.ok(!text.includes(secret), `the log holds ${secret}`);
      }
      assert.ok(!/authorization/i.test(text), 'the log names an Authorization header');
    } finally {
      await server.close();
    }
  });

  it('writes nothing at the silent level', async () => {
    const lines: string[] = [];
    const server = await startTestServer({ logLevel: 'silent', logStream: { write: (line: string) => lines.push(line) } });
    try {
      await fetch(`${server.url}/api/actions`);
      assert.deepEqual(lines, []);
    } finally {
      await server.close();
    }
  });
});

describe('request ids', () => {
  it('echoes an incoming X-Request-Id and logs the request under it', async () => {
    const { server, requests } = await startLoggedServer();
    try {
      const res = await fetch(`${server.url}/api/actions`, { headers: { 'x-request-id': 'proxy-7f3a9c' } });
      assert.equal(res.headers.get('x-request-id'), 'proxy-7f3a9c');
      assert.deepEqual(requests().map((e) => e.requestId), ['proxy-7f3a9c']);
    } finally {
      await server.close();
    }
  });

  it('gives every answer an id, problems included, and replaces one that is not a plain token', async () => {
    const s = await startTestServer();
    try {
      const own = await fetch(`${s.url}/api/nothing`);
      assert.equal(own.status, 404);
      assert.match(own.headers.get('x-request-id')!, /^[0-9a-f-]{36}$/);
      const odd = await fetch(`${s.url}/api/actions`, { headers: { 'x-request-id': 'a b "c"' } });
      assert.match(odd.headers.get('x-request-id')!, /^[0-9a-f-]{36}$/);
      const long = await fetch(`${s.url}/api/actions`, { headers: { 'x-request-id': 'x'.repeat(500) } });
      assert.match(long.headers.get('x-request-id')!, /^[0-9a-f-]{36}$/);
      const broken = await fetch(`${s.url}/api/%E0`, { headers: { 'x-request-id': 'broken-escape-1' } });
      assert.equal(broken.status, 400);
      assert.equal(broken.headers.get('x-request-id'), 'broken-escape-1');
    } finally {
      await s.close();
    }
  });
});
