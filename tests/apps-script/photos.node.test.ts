/**
 * Photos with the Apps Script backend (#24): an upload goes into a Drive folder shared with nobody, without what
 * the phone wrote into it (tests/fixtures/photos/gps.jpg carries EXIF with a GPS position, XMP and a comment naming
 * a home), and is shared "anyone with the link" only while an approved post shows it.
 */
import { describe, it, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { crc32, deflateSync } from 'node:zlib';
import { campaign, post, meta, type Campaign } from './campaign.ts';

const GPS_JPEG = readFileSync(new URL('../fixtures/photos/gps.jpg', import.meta.url));
const chunk = (type: string, data: Buffer) => {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const head = Buffer.alloc(4);
  head.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([head, body, crc]);
};
/** One pixel, with a tEXt chunk naming a place and an eXIf chunk, which must go; IHDR, IDAT and IEND stay. */
const PNG = Buffer.concat([
  Buffer.from('89504e470d0a1a0a', 'hex'),
  chunk('IHDR', Buffer.from('0000000100000001080600000000', 'hex').subarray(0, 13)),
  chunk('tEXt', Buffer.from('Comment\0HOME-GPS 45.76N 4.83E', 'latin1')),
  chunk('eXIf', Buffer.from('4d4d002a00000008', 'hex')),
  chunk('IDAT', deflateSync(Buffer.from([0, 0, 0, 0, 0]))),
  chunk('IEND', Buffer.alloc(0)),
]);

let app: Campaign;
beforeEach(() => {
  app = campaign();
});

const upload = (bytes: Buffer, extra: Record<string, unknown> = {}) => app.post({ action: 'upload-photo', photo: bytes.toString('base64'), meta, ...extra }) as { ok: boolean; id: string; url: string; status?: number; error?: string };
const fileOf = (id: string) => app.gas.drive.files.get(id)!;
const moderate = (id: string, moderation: string) => app.post({ action: 'moderate', id, moderation, token: app.staff });

describe('the manifest', () => {
  it('asks for the scopes of the services Code.gs uses to fetch and to keep photos', () => {
    const code = readFileSync(new URL('../../packages/apps-script/Code.gs', import.meta.url), 'utf8');
    const scopes: string[] = JSON.parse(readFileSync(new URL('../../packages/apps-script/appsscript.json', import.meta.url), 'utf8')).oauthScopes;
    const needed: Record<string, string> = { 'UrlFetchApp.': 'script.external_request', 'DriveApp.': 'drive', 'ScriptApp.': 'script.scriptapp', 'SpreadsheetApp.': 'spreadsheets' };
    for (const [service, scope] of Object.entries(needed)) {
      if (code.includes(service)) assert.ok(scopes.includes(`https://www.googleapis.com/auth/${scope}`), `${service} needs ${scope}`);
    }
  });
});

describe('upload-photo', () => {
  it('stores a JPEG in a private Drive folder without its GPS position, EXIF, XMP or comment, the picture itself whole', () => {
    assert.ok(GPS_JPEG.includes('Exif') && GPS_JPEG.includes('HOME-G'), 'the fixture carries what must go');
    const answer = upload(GPS_JPEG);
    assert.equal(answer.ok, true, answer.error);
    assert.equal(answer.url, `https://drive.google.com/thumbnail?id=${answer.id}&sz=w1600`);
    const file = fileOf(answer.id);
    assert.equal(file.getSharingAccess(), 'PRIVATE');
    assert.equal(file.folder.access, 'PRIVATE');
    assert.equal(app.gas.properties.PHOTO_FOLDER_ID, file.folder.getId());
    const stored = file.blob.data;
    assert.equal(file.blob.getContentType(), 'image/jpeg');
    for (const gone of ['Exif', 'GPS', 'http://ns.adobe.com', 'HOME-G']) assert.ok(!stored.includes(gone), `${gone} is still in the file`);
    // The scan (from SOS to the end) is byte for byte the original's.
    assert.deepEqual(stored.subarray(stored.indexOf(Buffer.from([0xff, 0xda]))), GPS_JPEG.subarray(GPS_JPEG.indexOf(Buffer.from([0xff, 0xda]))));
    assert.ok(stored.length < GPS_JPEG.length - 400);
    assert.deepEqual(app.private.tab('photos').records().map((r) => [r.id, r.type, r.shared]), [[answer.id, 'image/jpeg', false]]);
    // A second photo goes into the same folder.
    assert.equal(fileOf(upload(GPS_JPEG).id).folder, file.folder);
  });

  it('takes the text chunks out of a PNG, and refuses what is not a photo, too large, or sent by a robot, in plain words', () => {
    const png = upload(PNG);
    assert.equal(png.ok, true, png.error);
    const stored = fileOf(png.id).blob.data;
    assert.ok(!stored.includes('tEXt') && !stored.includes('eXIf') && !stored.includes('HOME-GPS'));
    assert.ok(stored.includes('IDAT') && stored.includes('IEND'));
    const gif = upload(Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'latin1'));
    assert.deepEqual([gif.ok, gif.status], [false, 415]);
    assert.match(gif.error!, /JPEG or PNG/);
    const big = upload(Buffer.concat([GPS_JPEG, Buffer.alloc(3 * 1024 * 1024)]));
    assert.deepEqual([big.ok, big.status], [false, 413]);
    assert.match(big.error!, /over 3 MB/);
    const robot = upload(GPS_JPEG, { meta: { hp: '', elapsed: 100 } });
    assert.deepEqual([robot.ok, robot.status], [false, 422]);
    assert.equal(app.gas.drive.files.size, 1, 'only the PNG was stored');
  });

  it('is shared with anyone who has its address only while an approved post shows it', () => {
    const photo = upload(GPS_JPEG);
    assert.equal(app.post(post('post-photo-1', { image: photo.url, alt: 'Une banderole' })).ok, true);
    const file = fileOf(photo.id);
    const publicRead = () => app.get({ photo: photo.id });
    assert.deepEqual([publicRead().ok, publicRead().status], [false, 404]);
    assert.equal(file.getSharingAccess(), 'PRIVATE');

    assert.equal(moderate('post-photo-1', 'approve').ok, true);
    assert.equal(file.getSharingAccess(), 'ANYONE_WITH_LINK');
    assert.equal(file.permission, 'VIEW');
    const shown = publicRead() as { ok: boolean; url: string; sizes: Record<string, string> };
    assert.equal(shown.ok, true);
    assert.equal(shown.url, photo.url);
    assert.deepEqual(Object.keys(shown.sizes), ['400', '800', '1600']);
    assert.equal(shown.sizes['400'], `https://drive.google.com/thumbnail?id=${photo.id}&sz=w400`);

    assert.equal(moderate('post-photo-1', 'hide').ok, true);
    assert.equal(file.getSharingAccess(), 'PRIVATE');
    assert.equal(publicRead().status, 404);

    assert.equal(moderate('post-photo-1', 'approve').ok, true);
    assert.equal(moderate('post-photo-1', 'block-author').ok, true);
    assert.equal(file.getSharingAccess(), 'PRIVATE', 'blocking the author left the photo shared');
    assert.equal(publicRead().status, 404);
    assert.deepEqual(app.private.tab('photos').records().map((r) => r.shared), [false]);
  });

  it('answers nothing about a photo no approved post shows, nor about an address that is not one of ours', () => {
    const photo = upload(GPS_JPEG);
    // A post naming a Drive file the script did not store shares nothing when approved.
    app.gas.drive.files.set('someone-elses-file-0001', Object.assign(Object.create(Object.getPrototypeOf(fileOf(photo.id))), fileOf(photo.id), { id: 'someone-elses-file-0001' }));
    assert.equal(app.post(post('post-photo-2', { image: 'https://drive.google.com/thumbnail?id=someone-elses-file-0001&sz=w1600' })).ok, true);
    assert.equal(moderate('post-photo-2', 'approve').ok, true);
    assert.equal(app.gas.drive.files.get('someone-elses-file-0001')!.getSharingAccess(), 'PRIVATE');
    assert.equal(app.get({ photo: photo.id }).status, 404);
    assert.equal(app.get({ photo: '../../etc' }).status, 404);
  });

  it('approves and hides a post whose photo was deleted from Drive by hand', () => {
    const photo = upload(GPS_JPEG);
    assert.equal(app.post(post('post-photo-3', { image: photo.url })).ok, true);
    app.gas.drive.files.delete(photo.id);
    assert.equal(moderate('post-photo-3', 'approve').ok, true);
    assert.ok(app.get({ collection: 'posts' }).items!.some((p) => p.id === 'post-photo-3'));
    assert.equal(moderate('post-photo-3', 'hide').ok, true);
    assert.match(app.gas.consoleLines.at(-1)!, /no longer in Drive/);
  });
});
