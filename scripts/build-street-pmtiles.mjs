/**
 * Writes a PMTiles v3 archive of a Protomaps-style basemap (layers `earth`, `water`, `roads`, `buildings`,
 * `places`): one file a web server serves as it is, read by `<action-map streets-url="….pmtiles">` with HTTP range
 * requests. Debian 12 has neither tippecanoe nor the `pmtiles` command line, and the `pmtiles` npm package only
 * reads archives, so this script writes one itself; the format is small (github.com/protomaps/PMTiles, spec v3):
 * a 127-byte header, a root directory of tile entries in Hilbert order, JSON metadata, then the tiles (past the
 * first 16 KiB). It reads the archive back with the `pmtiles` package before it is done.
 *
 *   node scripts/build-street-pmtiles.mjs [streets.geojson] [basemap.geojson] [out.pmtiles] [minzoom] [maxzoom]
 *
 * Defaults build the test fixture: tests/fixtures/streets/lyon.geojson (the streets, as `roads`: `class` primary is
 * a `major_road`, anything else a `minor_road`) and lyon-basemap.geojson (each feature's `layer` says where it
 * goes; its `names` add `name:xx` to streets) → tests/fixtures/streets/lyon.pmtiles, zooms 6 to 14. A campaign does
 * not need this script: it cuts its extract from a Protomaps build with `pmtiles extract` (README.md).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import GeoJSONVT from 'geojson-vt';
import vtpbf from 'vt-pbf';
import { PMTiles, zxyToTileId, tileIdToZxy } from 'pmtiles';

const [streetsFile = 'tests/fixtures/streets/lyon.geojson', basemapFile = 'tests/fixtures/streets/lyon-basemap.geojson', out = 'tests/fixtures/streets/lyon.pmtiles', minzoom = '6', maxzoom = '14'] =
  process.argv.slice(2);
const [minZoom, maxZoom] = [Number(minzoom), Number(maxzoom)];
const streets = JSON.parse(readFileSync(streetsFile, 'utf8'));
const basemap = JSON.parse(readFileSync(basemapFile, 'utf8'));

/** Features by Protomaps layer. */
const layers = { earth: [], water: [], roads: [], buildings: [], places: [] };
for (const f of streets.features) {
  const { class: cls, ...rest } = f.properties;
  layers.roads.push({ ...f, properties: { ...rest, ...(basemap.names?.[rest.name] ?? {}), kind: cls === 'primary' ? 'major_road' : 'minor_road' } });
}
for (const f of basemap.features) {
  const { layer, ...properties } = f.properties;
  layers[layer].push({ ...f, properties });
}
const indexes = Object.entries(layers).map(([name, features]) => [
  name,
  new GeoJSONVT({ type: 'FeatureCollection', features }, { maxZoom, indexMaxZoom: maxZoom, indexMaxPoints: 0, tolerance: 1, buffer: 64 }),
]);

const coordinates = (g) => (g.type === 'Point' ? [g.coordinates] : g.type === 'LineString' ? g.coordinates : g.coordinates.flat());
let [w, s, e, n] = [180, 90, -180, -90];
for (const f of Object.values(layers).flat()) for (const [lng, lat] of coordinates(f.geometry)) [w, s, e, n] = [Math.min(w, lng), Math.min(s, lat), Math.max(e, lng), Math.max(n, lat)];
const tileX = (lng, z) => Math.floor(((lng + 180) / 360) * 2 ** z);
const tileY = (lat, z) => Math.floor(((1 - Math.log(Math.tan((lat * Math.PI) / 180) + 1 / Math.cos((lat * Math.PI) / 180)) / Math.PI) / 2) * 2 ** z);

/** Every non-empty tile, by tile id (the archive's order). */
const tiles = [];
for (let z = minZoom; z <= maxZoom; z++)
  for (let x = tileX(w, z); x <= tileX(e, z); x++)
    for (let y = tileY(n, z); y <= tileY(s, z); y++) {
      const found = Object.fromEntries(indexes.map(([name, index]) => [name, index.getTile(z, x, y)]).filter(([, t]) => t && t.features.length));
      if (Object.keys(found).length) tiles.push({ id: zxyToTileId(z, x, y), data: Buffer.from(vtpbf.fromGeojsonVt(found, { version: 2 })) });
    }
tiles.sort((a, b) => a.id - b.id);

function varint(n, into) {
  while (n >= 0x80) {
    into.push((n % 0x80) | 0x80);
    n = Math.floor(n / 0x80);
  }
  into.push(n);
}

/** The root directory: entry count, then tile-id deltas, run lengths, lengths and offsets, each a column of varints. */
function directory(entries) {
  const bytes = [];
  varint(entries.length, bytes);
  let last = 0;
  for (const t of entries) varint(t.id - last, bytes), (last = t.id);
  for (const _ of entries) varint(1, bytes);
  for (const t of entries) varint(t.length, bytes);
  entries.forEach((t, i) => varint(i > 0 && t.offset === entries[i - 1].offset + entries[i - 1].length ? 0 : t.offset + 1, bytes));
  return Buffer.from(bytes);
}

let offset = 0;
const entries = tiles.map((t) => ({ id: t.id, offset: (offset += t.data.length) - t.data.length, length: t.data.length }));
const root = directory(entries);
const metadata = Buffer.from(
  JSON.stringify({
    name: 'Archipel test fixture: Lyon',
    description: `Hand-drawn from ${streetsFile} and ${basemapFile}, in the Protomaps basemap layers.`,
    attribution: 'Archipel test fixture',
    type: 'baselayer',
    vector_layers: Object.keys(layers).map((id) => ({ id, fields: {}, minzoom: minZoom, maxzoom: maxZoom })),
  }),
);
const data = Buffer.concat(tiles.map((t) => t.data));

const HEADER = 127;
// A reader's first read is the first 16 KiB (header and root directory). Tile data starts after it, as it does in any
// real extract (megabytes): the fixture is read as one, tiles by range, instead of arriving whole in that first read.
const FIRST_READ = 16384;
const tileDataOffset = Math.max(FIRST_READ, HEADER + root.length + metadata.length);
const gap = Buffer.alloc(tileDataOffset - (HEADER + root.length + metadata.length));
const header = Buffer.alloc(HEADER);
header.write('PMTiles', 0, 'ascii');
header.writeUInt8(3, 7);
const u64 = (at, v) => header.writeBigUInt64LE(BigInt(v), at);
const i32 = (at, degrees) => header.writeInt32LE(Math.round(degrees * 1e7), at);
u64(8, HEADER); // root directory
u64(16, root.length);
u64(24, HEADER + root.length); // metadata
u64(32, metadata.length);
u64(40, HEADER + root.length + metadata.length); // no leaf directories
u64(48, 0);
u64(56, tileDataOffset); // tile data
u64(64, data.length);
u64(72, tiles.length); // addressed tiles, tile entries, tile contents: one each, nothing deduplicated
u64(80, tiles.length);
u64(88, tiles.length);
header.writeUInt8(1, 96); // clustered: tiles in directory order
header.writeUInt8(1, 97); // internal compression: none
header.writeUInt8(1, 98); // tile compression: none (a web server may compress the file)
header.writeUInt8(1, 99); // tile type: Mapbox Vector Tile
header.writeUInt8(minZoom, 100);
header.writeUInt8(maxZoom, 101);
i32(102, w), i32(106, s), i32(110, e), i32(114, n);
header.writeUInt8(maxZoom, 118);
i32(119, (w + e) / 2), i32(123, (s + n) / 2);

const archive = Buffer.concat([header, root, metadata, gap, data]);
if (HEADER + root.length > FIRST_READ) throw new Error('The root directory does not fit the first 16 KiB: this script writes no leaf directories.');
writeFileSync(out, archive);

// Read back with the library the map uses: every tile where the directory says, the header as written.
const source = { getKey: () => out, getBytes: async (at, length) => ({ data: archive.buffer.slice(archive.byteOffset + at, archive.byteOffset + at + length) }) };
const check = new PMTiles(source);
const read = await check.getHeader();
if (read.specVersion !== 3 || read.minZoom !== minZoom || read.maxZoom !== maxZoom || read.numTileEntries !== tiles.length) throw new Error(`${out}: header read back as ${JSON.stringify(read)}`);
for (const t of tiles) {
  const [z, x, y] = tileIdToZxy(t.id);
  const got = await check.getZxy(z, x, y);
  if (!got || !Buffer.from(got.data).equals(t.data)) throw new Error(`${out}: tile ${z}/${x}/${y} read back wrong`);
}
console.log(`${out}: ${tiles.length} tiles, zooms ${minZoom}–${maxZoom}, ${(archive.length / 1024).toFixed(1)} KiB, read back with pmtiles`);
