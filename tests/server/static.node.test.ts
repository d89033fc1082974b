/** Static mounts: what a page on another site needs to load the widgets and draw the map, compressed. */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
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

describe('a page served with the widgets', () => {
  let server: RunningServer;
  const root = mkdtempSync(join(tmpdir(), 'archipel-hints-'));
  before(async () => {
    for (const d of ['dist/chunks', 'site']) mkdirSync(join(root, d), { recursive: true });
    const file = (path: string, text: string) => writeFileSync(join(root, path), text);
    // As rollup writes them: static imports at the head, chunks importing each other from their own folder.
    file('dist/archipel.js', 'const w={"hub-signup":()=>import("./hub-signup.js")};');
    file('dist/hub-signup.js', 'import{a as b}from"./archipel-core.js";import"./chunks/form-AbCd1234.js";const l=()=>import("./chunks/later-AbCd1234.js");');
    file('dist/archipel-core.js', 'export const a=1;');
    file('dist/chunks/form-AbCd1234.js', 'import{a}from"../archipel-core.js";import{s}from"./send-AbCd1234.js";import"../words-AbCd1234.js";');
    file('dist/words-AbCd1234.js', 'export const w=1;');
    file('dist/chunks/send-AbCd1234.js', 'export const s=1;');
    file('dist/chunks/later-AbCd1234.js', 'export const l=1;');
    file('site/signup.html', '<!doctype html><link rel="stylesheet" href="site.css" /><script type="module" src="../dist/archipel.js"></script><hub-signup source="/api"></hub-signup><not-archipel></not-archipel>');
    file('site/plain.html', '<!doctype html><p>No widget here.</p>');
    server = await startServer({ db: ':memory:', port: 0, statics: { '/dist/': join(root, 'dist'), '/site/': join(root, 'site') }, logLevel: 'silent' });
  });
  after(() => server.close());

  it('names, in a Link header, the code its widgets will import, so the browser asks for it with the page', async () => {
    const res = await fetch(`${server.url}/site/signup.html`);
    assert.equal(res.status, 200);
    const links = res.headers.get('link')!.split(', ');
    // The page's style sheet first: the loader waits for it.
    assert.equal(links[0], '</site/site.css>; rel=preload; as=style');
    assert.deepEqual(links.slice(1).sort(), ['/dist/archipel.js', '/dist/hub-signup.js', '/dist/archipel-core.js', '/dist/chunks/form-AbCd1234.js', '/dist/chunks/send-AbCd1234.js', '/dist/words-AbCd1234.js'].map((f) => `<${f}>; rel=modulepreload`).sort());
    // What loads later, on demand, is not asked for with the page.
    assert.ok(!links.some((l) => l.includes('later')));
    assert.equal((await fetch(`${server.url}/site/plain.html`)).headers.get('link'), null);
  });
});
