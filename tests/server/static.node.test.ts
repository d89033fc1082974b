/** Static mounts: what a page on another site needs to load the widgets and draw the map, compressed. */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync, brotliCompressSync } from 'node:zlib';
import { startServer, type RunningServer } from '../../packages/server/src/index.ts';

describe('static files', () => {
  let server: RunningServer;
  const dir = mkdtempSync(join(tmpdir(), 'archipel-static-'));
  const script = `export const words = ${JSON.stringify('Rejoignez-nous '.repeat(400))};\n`;
  before(async () => {
    writeFileSync(join(dir, 'widget.js'), script);
    writeFileSync(join(dir, 'worker.mjs'), script);
    writeFileSync(join(dir, 'ready.js'), script);
    // The survey's chunk as the build names it, and as an app's Vite build renames it; a file of data by the same name.
    writeFileSync(join(dir, 'responses-DG_4vcrU.js'), script);
    writeFileSync(join(dir, 'responses-DG_4vcrU-BayZB3M0.js'), script);
    writeFileSync(join(dir, 'responses.js'), 'export const responses = [{ email: "secret@example.org" }];\n');
    writeFileSync(join(dir, 'signups-2026-12-01.csv'), 'email\nsecret@example.org\n');
    // A file the build compressed beforehand is served as it is.
    writeFileSync(join(dir, 'ready.js.br'), brotliCompressSync(Buffer.from(script)));
    server = await startServer({ db: ':memory:', port: 0, statics: { '/dist/': dir }, logLevel: 'silent' });
  });
  after(() => server.close());

  const get = (path: string, encoding?: string) => fetch(`${server.url}${path}`, { headers: encoding ? { 'accept-encoding': encoding } : {} });
  const raw = async (res: Response) => Buffer.from(await res.arrayBuffer());

  it('sends Brotli or gzip to a browser that takes them, and the file as it is to one that does not', async () => {
    // Node's fetch would decompress for us: ask with a plain HTTP request instead, to see what travels.
    const { request } = await import('node:http');
    const travel = (path: string, encoding: string) =>
      new Promise<{ headers: Record<string, unknown>; body: Buffer }>((done, fail) => {
        request(`${server.url}${path}`, { headers: { 'accept-encoding': encoding } }, (res) => {
          const parts: Buffer[] = [];
          res.on('data', (c: Buffer) => parts.push(c)).on('end', () => done({ headers: res.headers, body: Buffer.concat(parts) }));
        })
          .on('error', fail)
          .end();
      });
    const br = await travel('/dist/widget.js', 'gzip, deflate, br');
    assert.equal(br.headers['content-encoding'], 'br');
    assert.equal(brotliDecompressSync(br.body).toString(), script);
    assert.ok(br.body.length < script.length / 5, `${br.body.length} bytes for ${script.length}`);
    assert.match(String(br.headers.vary), /Accept-Encoding/i);
    const gz = await travel('/dist/widget.js', 'gzip');
    assert.equal(gz.headers['content-encoding'], 'gzip');
    assert.equal(gunzipSync(gz.body).toString(), script);
    const plain = await travel('/dist/widget.js', 'identity');
    assert.equal(plain.headers['content-encoding'], undefined);
    assert.equal(plain.body.toString(), script);
    const ready = await travel('/dist/ready.js', 'br');
    assert.equal(ready.headers['content-length'], String(brotliCompressSync(Buffer.from(script)).length));
  });

  it('serves a hashed chunk of code named after responses, and never a file of them', async () => {
    for (const path of ['/dist/responses-DG_4vcrU.js', '/dist/responses-DG_4vcrU-BayZB3M0.js']) {
      const res = await get(path);
      assert.equal(res.status, 200, path);
      assert.equal((await raw(res)).toString(), script);
    }
    for (const path of ['/dist/responses.js', '/dist/signups-2026-12-01.csv']) assert.equal((await get(path)).status, 404, path);
  });

  it('lets a page on any site load every file, MapLibre’s .mjs worker included', async () => {
    for (const path of ['/dist/widget.js', '/dist/worker.mjs']) {
      const res = await get(path);
      assert.equal(res.status, 200, path);
      assert.equal(res.headers.get('access-control-allow-origin'), '*', path);
      assert.equal((await raw(res)).toString(), script);
    }
    assert.match((await get('/dist/worker.mjs')).headers.get('content-type')!, /^text\/javascript/);
  });
});
