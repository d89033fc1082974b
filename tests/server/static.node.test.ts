/** Static mounts: what a page on another site needs to load the widgets and draw the map, compressed. */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync, brotliCompressSync } from 'node:zlib';
import { PMTiles, FetchSource } from 'pmtiles';
import { startServer, type RunningServer } from '../../packages/server/src/index.ts';

const ARCHIVE = new URL('../fixtures/streets/lyon.pmtiles', import.meta.url);

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
    copyFileSync(ARCHIVE, join(dir, 'lyon.pmtiles'));
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

  it('never sends a compressed copy older than its file: the file was rebuilt since', async () => {
    const { request } = await import('node:http');
    const file = join(dir, 'rebuilt.js');
    writeFileSync(`${file}.br`, brotliCompressSync(Buffer.from('export const old = true;\n')));
    writeFileSync(file, script);
    const past = new Date(Date.now() - 60_000);
    utimesSync(`${file}.br`, past, past);
    const body = await new Promise<Buffer>((done, fail) => {
      request(`${server.url}/dist/rebuilt.js`, { headers: { 'accept-encoding': 'br' } }, (res) => {
        const parts: Buffer[] = [];
        res.on('data', (c: Buffer) => parts.push(c)).on('end', () => done(Buffer.concat(parts)));
      })
        .on('error', fail)
        .end();
    });
    assert.equal(brotliDecompressSync(body).toString(), script);
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

  it('serves a PMTiles file of streets by byte range, to a page on any site', async () => {
    const whole = readFileSync(ARCHIVE);
    const part = await fetch(`${server.url}/dist/lyon.pmtiles`, { headers: { range: 'bytes=0-16383', 'accept-encoding': 'br, gzip', origin: 'https://campaign.example' } });
    assert.equal(part.status, 206);
    assert.equal(part.headers.get('content-range'), `bytes 0-16383/${whole.length}`);
    assert.equal(part.headers.get('content-type'), 'application/vnd.pmtiles');
    assert.equal(part.headers.get('content-encoding'), null, 'a range is of the file’s own bytes');
    assert.equal(part.headers.get('access-control-allow-origin'), '*');
    assert.match(part.headers.get('access-control-expose-headers')!, /ETag/);
    assert.match(part.headers.get('etag')!, /^"[0-9a-f]+-[0-9a-f]+"$/);
    assert.deepEqual(await raw(part), whole.subarray(0, 16384));
    const tail = await fetch(`${server.url}/dist/lyon.pmtiles`, { headers: { range: 'bytes=-100' } });
    assert.equal(tail.status, 206);
    assert.deepEqual(await raw(tail), whole.subarray(whole.length - 100));
    const beyond = await fetch(`${server.url}/dist/lyon.pmtiles`, { headers: { range: `bytes=${whole.length}-` } });
    assert.equal(beyond.status, 416);
    assert.equal(beyond.headers.get('content-range'), `bytes */${whole.length}`);
    const preflight = await fetch(`${server.url}/dist/lyon.pmtiles`, { method: 'OPTIONS', headers: { origin: 'https://campaign.example', 'access-control-request-headers': 'range' } });
    assert.equal(preflight.status, 204);
    assert.match(preflight.headers.get('access-control-allow-headers')!, /Range/);
    // The reader the map uses, through the server: the header, then a street-level tile of Lyon, by range.
    const archive = new PMTiles(new FetchSource(`${server.url}/dist/lyon.pmtiles`));
    const header = await archive.getHeader();
    assert.equal(header.maxZoom, 14);
    const tile = await archive.getZxy(14, 8412, 5844);
    assert.ok(tile && tile.data.byteLength > 100, 'a tile of the Presqu’île');
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
