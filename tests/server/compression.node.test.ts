/** API answers on a slow network: compressed when the client takes it, cacheable per encoding, private still private. */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { importRecords } from '../../packages/server/src/index.ts';
import { startTestServer, type TestServer } from './support.ts';

/** What travels, undecoded: Node's fetch would decompress it for us. */
const travel = (url: string, headers: Record<string, string>) =>
  new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }>((done, fail) => {
    request(url, { headers }, (res) => {
      const parts: Buffer[] = [];
      res.on('data', (c: Buffer) => parts.push(c)).on('end', () => done({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(parts) }));
    })
      .on('error', fail)
      .end();
  });

describe('compressed API answers', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer();
    // Enough actions for an answer worth compressing, as a campaign has.
    importRecords(server.store, {
      actions: Array.from({ length: 120 }, (_, i) => ({ id: `big-${i}`, title: `Porte-à-porte du quartier ${i}`, start: '2026-12-12T14:00', timezone: 'Europe/Paris', city: 'Lyon', lat: 45.76, lng: 4.83 })),
    });
  });
  after(() => server.close());

  it('sends Brotli, gzip or plain JSON as the client asks, the same records each time, with Vary', async () => {
    const url = `${server.url}/api/actions`;
    const plain = await travel(url, { 'accept-encoding': 'identity' });
    assert.equal(plain.status, 200);
    assert.equal(plain.headers['content-encoding'], undefined);
    const br = await travel(url, { 'accept-encoding': 'gzip, deflate, br' });
    assert.equal(br.headers['content-encoding'], 'br');
    assert.deepEqual(JSON.parse(brotliDecompressSync(br.body).toString()), JSON.parse(plain.body.toString()));
    assert.ok(br.body.length < plain.body.length / 5, `${br.body.length} bytes compressed for ${plain.body.length}`);
    const gz = await travel(url, { 'accept-encoding': 'gzip' });
    assert.equal(gz.headers['content-encoding'], 'gzip');
    assert.deepEqual(JSON.parse(gunzipSync(gz.body).toString()), JSON.parse(plain.body.toString()));
    for (const answer of [plain, br, gz]) assert.match(String(answer.headers.vary), /\bAccept-Encoding\b/i);
    // CORS's Vary is kept beside it.
    assert.match(String(br.headers.vary), /\bOrigin\b/);
  });

  it('revalidates a compressed copy with its weak ETag, and the plain one with the compressed one’s', async () => {
    const url = `${server.url}/api/actions`;
    const br = await travel(url, { 'accept-encoding': 'br' });
    const etag = String(br.headers.etag);
    assert.match(etag, /^W\/"/);
    assert.equal((await travel(url, { 'accept-encoding': 'br', 'if-none-match': etag })).status, 304);
    assert.equal((await travel(url, { 'accept-encoding': 'identity', 'if-none-match': etag })).status, 304);
  });

  it('keeps a compressed answer only until the records change (it is compressed once per change)', async () => {
    const url = `${server.url}/api/actions?limit=500`;
    const titles = (body: Buffer) => (JSON.parse(brotliDecompressSync(body).toString()) as { items: { title: string }[] }).items.map((a) => a.title);
    const first = await travel(url, { 'accept-encoding': 'br' });
    const again = await travel(url, { 'accept-encoding': 'br' });
    assert.deepEqual(again.body, first.body);
    assert.ok(!titles(first.body).includes('Vélorution'));
    await importRecords(server.store, { actions: [{ id: 'big-new', title: 'Vélorution', start: '2026-12-19T14:00', timezone: 'Europe/Paris' }] });
    const changed = await travel(url, { 'accept-encoding': 'br' });
    assert.ok(titles(changed.body).includes('Vélorution'));
    assert.notEqual(changed.headers.etag, first.headers.etag);
  });

  it('sends an answer asked for again with Brotli at its better quality, the same records', async () => {
    // The demo's actions: real titles, places and times, as varied as a campaign's.
    const demo = JSON.parse(readFileSync('demo/data/actions.json', 'utf8')) as { id: string }[];
    await importRecords(server.store, { actions: demo.map((a) => ({ ...a, id: `demo-${a.id}` })) } as never);
    const url = `${server.url}/api/actions?limit=1000`;
    const first = await travel(url, { 'accept-encoding': 'br' });
    const second = await travel(url, { 'accept-encoding': 'br' });
    assert.deepEqual(second.body, first.body, 'the second is sent as the first was, while a better one is made');
    // Made in about 75 ms on a quiet machine: the third visitor, two seconds later, gets it.
    await new Promise((r) => setTimeout(r, 2000));
    const later = await travel(url, { 'accept-encoding': 'br' });
    assert.ok(later.body.length < first.body.length, `${later.body.length} bytes, then ${first.body.length}`);
    assert.deepEqual(JSON.parse(brotliDecompressSync(later.body).toString()), JSON.parse(brotliDecompressSync(first.body).toString()));
    assert.equal(later.headers.etag, first.headers.etag);
  });

  it('leaves a small answer as it is', async () => {
    const one = await travel(`${server.url}/api/chapters`, { 'accept-encoding': 'br' });
    assert.equal(one.status, 200);
    assert.ok(one.body.length < 1024, `${one.body.length} bytes`);
    assert.equal(one.headers['content-encoding'], undefined);
    assert.ok(JSON.parse(one.body.toString()));
  });

  it('gives a stranger no sign-up or response, compressed or not', async () => {
    for (const path of ['/api/signups', '/api/responses?survey=pret', '/api/contacts']) {
      const answer = await travel(`${server.url}${path}`, { 'accept-encoding': 'br' });
      assert.ok([401, 403, 404, 405].includes(answer.status), `${path}: ${answer.status}`);
      const text = answer.headers['content-encoding'] === 'br' ? brotliDecompressSync(answer.body).toString() : answer.body.toString();
      assert.doesNotMatch(text, /lea@example\.org|Merci !|resp-000/);
    }
  });
});
