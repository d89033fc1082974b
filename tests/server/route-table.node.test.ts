import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startTestServer, type TestServer } from './support.ts';

let s: TestServer;
before(async () => (s = await startTestServer()));
after(() => s.close());

async function problem(res: Response) {
  assert.equal(res.headers.get('content-type'), 'application/problem+json; charset=utf-8');
  assert.equal(res.headers.get('cache-control'), 'no-store');
  return (await res.json()) as { type: string; title: string; status: number; detail: string };
}

describe('paths the route table does not hold', () => {
  it('are 404 problem documents, in the API and outside it, whatever the method', async () => {
    for (const [method, path] of [['GET', '/api/nothing'], ['HEAD', '/api/nothing'], ['POST', '/api/nothing'], ['DELETE', '/api/signups/x'], ['GET', '/elsewhere']]) {
      const res = await fetch(`${s.url}${path}`, { method });
      assert.equal(res.status, 404, `${method} ${path}`);
      if (method === 'HEAD') continue;
      const p = await problem(res);
      assert.deepEqual([p.type, p.title, p.status], ['https://archipel.example.org/problems/404', 'Not Found', 404]);
      assert.match(p.detail, new RegExp(`Nothing at ${path}`));
    }
  });

  it('are refused before a body is read, so neither its type nor its size is what gets blamed', async () => {
    const res = await fetch(`${s.url}/api/nothing`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'x'.repeat(100_000) });
    assert.equal(res.status, 404);
  });
});

describe('known paths asked with a method they do not accept', () => {
  it('are 405 problem documents whose Allow lists the methods of the path', async () => {
    const cases: [string, string, string][] = [
      ['DELETE', '/api/actions', 'GET, HEAD, OPTIONS'],
      ['POST', '/api/actions', 'GET, HEAD, OPTIONS'],
      ['PUT', '/api/signups', 'GET, HEAD, POST, OPTIONS'],
      ['GET', '/api/posts/p1', 'PATCH, OPTIONS'],
      ['GET', '/api/surveys/pret/responses', 'POST, OPTIONS'],
      ['PATCH', '/api/surveys/pret/results', 'GET, HEAD, OPTIONS'],
      ['POST', '/health', 'GET, HEAD'],
    ];
    for (const [method, path, allow] of cases) {
      const res = await fetch(`${s.url}${path}`, { method });
      assert.equal(res.status, 405, `${method} ${path}`);
      assert.equal(res.headers.get('allow'), allow, `${method} ${path}`);
      const p = await problem(res);
      assert.deepEqual([p.type, p.title, p.status], ['https://archipel.example.org/problems/405', 'Method Not Allowed', 405]);
      assert.equal(p.detail, `${method} is not accepted on ${path.replace(/^\/api/, '')}.`);
    }
  });

  it('are refused before a body is read', async () => {
    const res = await fetch(`${s.url}/api/actions`, { method: 'DELETE', headers: { 'content-type': 'text/xml' }, body: 'x'.repeat(100_000) });
    assert.equal(res.status, 405);
  });
});

describe('a trailing or doubled slash', () => {
  it('names the same route', async () => {
    for (const path of ['/api/', '/api/actions/', '//api//actions']) assert.equal((await fetch(`${s.url}${path}`)).status, 200, path);
  });
});
