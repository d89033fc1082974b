/**
 * Photo uploads (#24): a JPEG carrying GPS in EXIF and XMP and a comment (tests/fixtures/photos/gps.jpg, made by
 * scripts/make-photo-fixture.mjs) goes through the reference server's own routes; what it serves carries none of
 * it, is upright and resized. A pending photo is nobody's to see but staff's; approved, it is public and cached
 * long. On SQLite here, and on PostgreSQL through server.postgres.node.test.ts.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import sharp from 'sharp';
import { clientId, consent, meta, post, startTestServer, testDatabase, type TestServer } from './support.ts';

const FIXTURE = readFileSync(new URL('../fixtures/photos/gps.jpg', import.meta.url));

/** A JPEG's marker segments up to the image data: [marker, body]. */
function segments(jpeg: Buffer): [number, Buffer][] {
  assert.equal(jpeg.readUInt16BE(0), 0xffd8, 'not a JPEG');
  const out: [number, Buffer][] = [];
  let at = 2;
  while (at < jpeg.length) {
    assert.equal(jpeg[at], 0xff, `no marker at ${at}`);
    const marker = jpeg[at + 1]!;
    const length = jpeg.readUInt16BE(at + 2);
    out.push([marker, jpeg.subarray(at + 4, at + 2 + length)]);
    if (marker === 0xda) break;
    at += 2 + length;
  }
  return out;
}

/** Everything in a JPEG that can say where or by whom it was taken: EXIF/XMP (APP1), IPTC (APP13), comments. */
const metadataOf = (jpeg: Buffer) => segments(jpeg).filter(([m]) => m === 0xe1 || m === 0xed || m === 0xfe);

describe(`photo uploads (${testDatabase()})`, () => {
  let s: TestServer;
  let lead: string;
  const folder = mkdtempSync(join(process.env.TMPDIR ?? tmpdir(), 'archipel-photos-'));
  const upload = (body: Buffer | string, type = 'image/jpeg') => fetch(`${s.url}/api/photos`, { method: 'POST', headers: { 'content-type': type }, body: typeof body === 'string' ? body : new Uint8Array(body) });
  const photo = (path: string, token?: string) => fetch(`${s.url}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });

  before(async () => {
    s = await startTestServer({ photos: folder, maxPhotoBytes: 200_000 });
    lead = await s.store.createToken('Nantes lead', { chapter: 'nantes' });
  });
  after(async () => {
    await s.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it('starts from a fixture that does carry a position, so that the test can fail', async () => {
    assert.equal(metadataOf(FIXTURE).length, 3);
    assert.ok(FIXTURE.includes('GPSLatitude') && FIXTURE.includes('HOME-GPS'));
    const m = await sharp(FIXTURE).metadata();
    assert.deepEqual([m.width, m.height, m.orientation, Boolean(m.exif)], [2400, 1600, 6, true]);
  });

  let id: string;
  let url: string;

  it('stores an upload stripped of EXIF, GPS, XMP and comments, upright, at 400, 800 and 1600 pixels wide', async () => {
    const res = await upload(FIXTURE);
    assert.equal(res.status, 201, await res.clone().text());
    const body = (await res.json()) as { id: string; url: string; width: number; height: number; sizes: Record<string, { url: string; width: number; height: number }> };
    ({ id, url } = body);
    // Taken sideways (orientation 6): 2400×1600 as stored, 1600×2400 upright.
    assert.deepEqual([body.width, body.height], [1600, 2400]);
    assert.deepEqual(Object.fromEntries(Object.entries(body.sizes).map(([w, v]) => [w, [v.width, v.height]])), { 400: [400, 600], 800: [800, 1200], 1600: [1600, 2400] });
    const files = readdirSync(folder).filter((f) => f.startsWith(id));
    assert.equal(files.length, 3, 'one file a width, and no copy of the upload');
    for (const f of files) {
      const stored = readFileSync(join(folder, f));
      assert.deepEqual(metadataOf(stored).map(([m]) => m.toString(16)), [], `${f} keeps metadata`);
      for (const mark of ['Exif', 'GPS', 'HOME', 'xmp', '45.76']) assert.ok(!stored.includes(mark), `${f} holds "${mark}"`);
      const m = await sharp(stored).metadata();
      assert.equal(m.exif, undefined);
      assert.equal(m.orientation, undefined);
    }
    // Upright: the dark corner, top-left as taken, is top-right once turned 90° clockwise.
    const { data, info } = await sharp(readFileSync(join(folder, `${id}-400.jpg`))).raw().toBuffer({ resolveWithObject: true });
    const at = (x: number, y: number) => data[(y * info.width + x) * info.channels + 1]!; // green: 10 in the dark corner, 160 elsewhere
    assert.ok(at(info.width - 20, 20) < 40 && at(20, 20) > 60, `corner values ${at(info.width - 20, 20)} ${at(20, 20)}`);
  });

  it('strips a PNG’s eXIf and text chunks and a WebP’s EXIF alike, since it writes every photo anew', async () => {
    const exif = { IFD0: { Artist: 'HOME-GPS Zoé', ImageDescription: 'GPS 45.7640N 4.8417E' } };
    const base = sharp({ create: { width: 900, height: 600, channels: 3, background: '#1a7f5a' } });
    const png = await base.clone().png().withExif(exif).toBuffer();
    const webp = await base.clone().webp().withExif(exif).toBuffer();
    for (const [type, bytes] of [['image/png', png], ['image/webp', webp]] as const) {
      assert.ok(bytes.includes('HOME-GPS'), `the ${type} fixture carries the EXIF`);
      const res = await upload(bytes, type);
      assert.equal(res.status, 201, type);
      const { id: stored } = (await res.json()) as { id: string };
      for (const f of readdirSync(folder).filter((name) => name.startsWith(stored))) {
        const out = readFileSync(join(folder, f));
        assert.ok(!out.includes('HOME-GPS') && !out.includes('Exif'), `${type} → ${f}`);
        assert.equal(metadataOf(out).length, 0);
      }
    }
  });

  it('answers 404 to a stranger for a pending photo, and shows it to staff before approval', async () => {
    const postId = clientId('post');
    const res = await post(s.url, '/posts', { id: postId, author: 'Zoé', text: 'At the march', image: url, alt: 'Banners on the bridge', chapter: 'lyon', consent: consent()[0], created: new Date().toISOString(), _meta: meta });
    assert.equal(res.status, 201);
    for (const path of [url, `${url}/400`, `${url}/1600`]) assert.equal((await photo(path)).status, 404, path);
    assert.equal((await photo(url, lead)).status, 404, 'another chapter’s lead');
    const staff = await photo(`${url}/800`, s.token);
    assert.equal(staff.status, 200);
    assert.equal(staff.headers.get('cache-control'), 'private, no-store');
    assert.equal(staff.headers.get('content-type'), 'image/jpeg');
    assert.equal((await sharp(Buffer.from(await staff.arrayBuffer())).metadata()).width, 800);
    // Approved, it is anyone's, cached for long, with its size.
    const approve = await fetch(`${s.url}/api/posts/${postId}`, { method: 'PATCH', headers: { authorization: `Bearer ${s.token}`, 'content-type': 'application/json' }, body: '{"action":"approve"}' });
    assert.equal(approve.status, 200);
    const pub = await photo(`${url}/400`);
    assert.equal(pub.status, 200);
    assert.match(String(pub.headers.get('cache-control')), /public, max-age=31536000/);
    assert.deepEqual([pub.headers.get('x-photo-width'), pub.headers.get('x-photo-height')], ['400', '600']);
    const served = Buffer.from(await pub.arrayBuffer());
    assert.equal(metadataOf(served).length, 0);
    assert.ok(!served.includes('GPS'));
    // Hidden again, it is gone for strangers.
    await fetch(`${s.url}/api/posts/${postId}`, { method: 'PATCH', headers: { authorization: `Bearer ${s.token}`, 'content-type': 'application/json' }, body: '{"action":"hide"}' });
    assert.equal((await photo(`${url}/400`)).status, 404);
  });

  it('answers 404 for a photo no post shows, and for one that does not exist', async () => {
    const res = await upload(FIXTURE);
    const orphan = ((await res.json()) as { url: string }).url;
    assert.equal((await photo(orphan)).status, 404);
    assert.equal((await photo('/api/photos/00000000-0000-0000-0000-000000000000')).status, 404);
    assert.equal((await photo('/api/photos/../../etc/passwd')).status, 404);
  });

  it('refuses what is too large, not a picture, or broken, saying so plainly with a type the widget words', async () => {
    const big = await upload(Buffer.concat([FIXTURE, Buffer.alloc(200_000)]));
    assert.equal(big.status, 413);
    const bigProblem = (await big.json()) as { type: string; detail: string; limit: number };
    assert.match(bigProblem.type, /photo-too-large$/);
    assert.equal(bigProblem.limit, 200_000);
    const pdf = await upload('%PDF-1.4', 'application/pdf');
    assert.equal(pdf.status, 415);
    const broken = await upload(FIXTURE.subarray(0, 400));
    assert.equal(broken.status, 422);
    assert.match(((await broken.json()) as { type: string }).type, /photo-unreadable$/);
    const text = await upload('not a picture at all', 'image/png');
    assert.equal(text.status, 422);
  });
});
