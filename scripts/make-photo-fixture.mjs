/**
 * Makes tests/fixtures/photos/gps.jpg: a 2400×1600 JPEG as a phone leaves it, carrying what must never reach the
 * wall: EXIF with a GPS position (Lyon, 45°45′50.4″ N 4°50′30″ E) and orientation 6 (taken sideways), an XMP
 * packet with the same position, and a JPEG comment naming a home. The picture is encoded by sharp (pinned in
 * packages/server/package.json); the metadata segments are written here byte by byte, after the SOI marker.
 *
 *   node scripts/make-photo-fixture.mjs
 */
import { writeFileSync } from 'node:fs';
import sharp from 'sharp';

const WIDTH = 2400;
const HEIGHT = 1600;

/** A picture with a left-to-right gradient and a dark block top-left, so that orientation can be checked. */
const pixels = Buffer.alloc(WIDTH * HEIGHT * 3);
for (let y = 0; y < HEIGHT; y++) {
  for (let x = 0; x < WIDTH; x++) {
    const i = (y * WIDTH + x) * 3;
    const dark = x < 600 && y < 400;
    pixels[i] = dark ? 10 : Math.round((x / WIDTH) * 255);
    pixels[i + 1] = dark ? 10 : 160;
    pixels[i + 2] = dark ? 10 : Math.round((y / HEIGHT) * 255);
  }
}
const plain = await sharp(pixels, { raw: { width: WIDTH, height: HEIGHT, channels: 3 } }).jpeg({ quality: 70 }).toBuffer();

const u16 = (n) => Buffer.from([(n >> 8) & 255, n & 255]);
const u32 = (n) => Buffer.from([(n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255]);
/** One IFD entry, big-endian: tag, type, count, value or offset. */
const entry = (tag, type, count, value) => Buffer.concat([u16(tag), u16(type), u32(count), value]);
const rationals = (pairs) => Buffer.concat(pairs.flatMap(([n, d]) => [u32(n), u32(d)]));

// TIFF header (8) · IFD0 at 8: 2 entries (30 bytes) · GPS IFD at 38: 4 entries (54 bytes) · latitude at 92 · longitude at 116.
const tiff = Buffer.concat([
  Buffer.from('MM\0*', 'latin1'),
  u32(8),
  u16(2),
  entry(0x0112, 3, 1, Buffer.from([0, 6, 0, 0])), // Orientation: 6, turn 90° clockwise to view
  entry(0x8825, 4, 1, u32(38)), // GPSInfo IFD
  u32(0),
  u16(4),
  entry(0x0001, 2, 2, Buffer.from('N\0\0\0', 'latin1')), // GPSLatitudeRef
  entry(0x0002, 5, 3, u32(92)), // GPSLatitude
  entry(0x0003, 2, 2, Buffer.from('E\0\0\0', 'latin1')), // GPSLongitudeRef
  entry(0x0004, 5, 3, u32(116)), // GPSLongitude
  u32(0),
  rationals([[45, 1], [45, 1], [504, 10]]),
  rationals([[4, 1], [50, 1], [30, 1]]),
]);
const segment = (marker, body) => Buffer.concat([Buffer.from([0xff, marker]), u16(body.length + 2), body]);
const exif = segment(0xe1, Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), tiff]));
const xmp = segment(
  0xe1,
  Buffer.from(
    'http://ns.adobe.com/xap/1.0/\0<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description xmlns:exif="http://ns.adobe.com/exif/1.0/" exif:GPSLatitude="45,45.84N" exif:GPSLongitude="4,50.5E"/></rdf:RDF></x:xmpmeta>',
    'latin1',
  ),
);
const comment = segment(0xfe, Buffer.from('HOME-GPS 45.7640N 4.8417E', 'latin1'));

const out = Buffer.concat([plain.subarray(0, 2), exif, xmp, comment, plain.subarray(2)]);
writeFileSync(new URL('../tests/fixtures/photos/gps.jpg', import.meta.url), out);
console.log(`tests/fixtures/photos/gps.jpg: ${out.length} bytes`);
