/**
 * A chapter's logo through the real server: a lead uploads a PNG for their own chapter, the public hub's record
 * points at it, and what is served is the picture alone (a text chunk with a place in it does not survive). Other
 * chapters, strangers, other image types, huge or broken images are refused, saying why.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { PNG } from 'pngjs';
import { importRecords, startServer } from '../../packages/server/src/index.ts';
import { freshDatabase, seed, startTestServer, testDatabase, type TestServer } from './support.ts';

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])) >>> 0, 0);
  return Buffer.concat([head, data, crc]);
}

/** A 64 × 48 PNG, red on the left and blue on the right, carrying a text chunk as a phone's photo might. */
function logoWithSecrets(): Buffer {
  const png = new PNG({ width: 64, height: 48 });
  for (let i = 0; i < 64 * 48; i++) png.data.set(i % 64 < 32 ? [220, 20, 60, 255] : [20, 60, 220, 255], i * 4);
  const bytes = PNG.sync.write(png);
  const iend = bytes.length - 12;
  return Buffer.concat([bytes.subarray(0, iend), chunk('tEXt', Buffer.from('Comment\0Taken at 45.7640N 4.8357E by Amina', 'latin1')), bytes.subarray(iend)]);
}

let s: TestServer;
let lyonLead: string;
before(async () => {
  s = await startTestServer();
  lyonLead = await s.store.createToken('Amina (Lyon)', { chapter: 'lyon' });
});
after(() => s.close());

const upload = (id: string, body: Buffer, type = 'image/png', token: string | null = lyonLead) =>
  fetch(`${s.url}/api/chapters/${id}/logo`, { method: 'POST', headers: { 'content-type': type, ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: new Uint8Array(body) });
const publicChapter = async (id: string) => ((await (await fetch(`${s.url}/api/chapters`)).json()) as { items: { id: string; logo?: string }[] }).items.find((c) => c.id === id)!;

describe('a chapter lead uploading their logo', () => {
  it('is stored as its pixels alone, served publicly, and the hub points at it', async () => {
    const sent = logoWithSecrets();
    const res = await upload('lyon', sent);
    assert.equal(res.status, 201, await res.clone().text());
    const { logo } = (await res.json()) as { logo: string };
    assert.match(logo, new RegExp(`^${s.url}/uploads/logos/lyon-[0-9a-f]{16}\\.png$`));
    assert.equal((await publicChapter('lyon')).logo, logo);

    const served = await fetch(logo);
    assert.equal(served.status, 200);
    assert.equal(served.headers.get('content-type'), 'image/png');
    assert.equal(served.headers.get('x-content-type-options'), 'nosniff');
    assert.match(served.headers.get('cache-control')!, /immutable/);
    const bytes = Buffer.from(await served.arrayBuffer());
    assert.equal(bytes.includes(Buffer.from('45.7640N')), false, 'the text chunk was kept');
    assert.equal(bytes.includes(Buffer.from('tEXt')), false);
    const back = PNG.sync.read(bytes);
    assert.deepEqual([back.width, back.height], [64, 48]);
    assert.deepEqual([...back.data.subarray(0, 4)], [220, 20, 60, 255]);
    assert.deepEqual([...back.data.subarray(63 * 4, 64 * 4)], [20, 60, 220, 255]);
    const log = await s.store.accessLog();
    assert.ok(log.some((e) => e.who === 'Amina (Lyon)' && e.what === 'chapter lyon: logo'));
  });

  it('cannot change another chapter’s logo, nor can a stranger', async () => {
    assert.equal((await upload('nantes', logoWithSecrets())).status, 403);
    assert.equal((await upload('lyon', logoWithSecrets(), 'image/png', null)).status, 401);
    assert.equal((await upload('lyon', logoWithSecrets(), 'image/png', 'arch_wrong')).status, 401);
    assert.equal((await publicChapter('nantes')).logo, undefined);
  });

  it('refuses what is not a PNG of a logo’s size, saying why', async () => {
    const problem = async (res: Response) => {
      const body = (await res.json()) as { status: number; detail: string; errors?: { problem: string }[] };
      return [body.status, body.errors?.[0]?.problem, body.detail] as const;
    };
    const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, ...Buffer.alloc(60)]);
    const [status, kind, detail] = await problem(await upload('lyon', jpeg, 'image/jpeg'));
    assert.deepEqual([status, kind], [422, 'logo-type']);
    assert.match(detail, /not a PNG image/);
    // A header claiming 40000 × 40000 pixels is refused before anything is decoded.
    const huge = logoWithSecrets();
    huge.writeUInt32BE(40_000, 16);
    huge.writeUInt32BE(40_000, 20);
    assert.deepEqual((await problem(await upload('lyon', huge))).slice(0, 2), [422, 'logo-size']);
    const broken = Buffer.concat([logoWithSecrets().subarray(0, 60), Buffer.alloc(40, 7)]);
    assert.deepEqual((await problem(await upload('lyon', broken))).slice(0, 2), [422, 'logo-unreadable']);
    assert.equal((await upload('lyon', Buffer.alloc(1024 * 1024 + 10))).status, 413);
    assert.equal((await fetch(`${s.url}/uploads/logos/..%2F..%2Fetc-passwd.png`)).status, 404);
  });
});

describe(`a logo on several instances (${testDatabase()})`, () => {
  it('is served by every instance on the same database, and a logo an earlier version kept in --uploads still is', async () => {
    const here = mkdtempSync(join(tmpdir(), 'archipel-logo-'));
    const fresh = testDatabase() === 'sqlite' ? { db: join(here, 'campaign.db'), drop: async () => {} } : freshDatabase();
    const earlier = join(here, 'shared-uploads');
    const one = await startServer({ db: fresh.db, port: 0, writesPerMinute: 0, logLevel: 'warn' });
    const two = await startServer({ db: fresh.db, port: 0, writesPerMinute: 0, logLevel: 'warn', uploads: earlier });
    try {
      await importRecords(one.store, seed);
      const token = await one.store.createToken('staff');
      const res = await fetch(`${one.url}/api/chapters/lyon/logo`, { method: 'POST', headers: { 'content-type': 'image/png', authorization: `Bearer ${token}` }, body: new Uint8Array(logoWithSecrets()) });
      assert.equal(res.status, 201, await res.clone().text());
      const { logo } = (await res.json()) as { logo: string };
      const fromOne = Buffer.from(await (await fetch(logo)).arrayBuffer());
      const there = await fetch(`${two.url}${new URL(logo).pathname}`);
      assert.equal(there.status, 200, 'the other instance does not have the logo');
      assert.deepEqual(Buffer.from(await there.arrayBuffer()), fromOne);
      // Logos written by an earlier version are files in the uploads folder: an instance given it serves them.
      mkdirSync(join(earlier, 'logos'), { recursive: true });
      writeFileSync(join(earlier, 'logos', 'lyon-0123456789abcdef.png'), fromOne);
      assert.equal((await fetch(`${two.url}/uploads/logos/lyon-0123456789abcdef.png`)).status, 200);
      assert.equal((await fetch(`${one.url}/uploads/logos/lyon-0123456789abcdef.png`)).status, 404);
    } finally {
      await one.close();
      await two.close();
      await fresh.drop();
    }
  });
});
