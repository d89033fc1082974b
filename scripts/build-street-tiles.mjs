/**
 * Cuts a GeoJSON of streets into vector tiles, `{z}/{x}/{y}.pbf` files that MapLibre reads with no tile server:
 * what `<action-map streets-url>` draws below regional zoom. Debian 12 has no tippecanoe; geojson-vt slices and
 * vt-pbf encodes, in Node, offline.
 *
 *   node scripts/build-street-tiles.mjs [streets.geojson] [out-dir] [minzoom] [maxzoom]
 *
 * Defaults build the test fixture: tests/fixtures/streets/lyon.geojson → tests/fixtures/streets/tiles/, zooms
 * 10 to 14. Each tile has one layer, `streets`, with each line's `name` and `class`. Tiles are written
 * uncompressed: a web server compresses them (gzip, Brotli) like any file.
 */
import { readFileSync, writeFileSync, mkdirSync, rmSync } from 'node:fs';
import GeoJSONVT from 'geojson-vt';
import vtpbf from 'vt-pbf';

const [input = 'tests/fixtures/streets/lyon.geojson', out = 'tests/fixtures/streets/tiles', minzoom = '10', maxzoom = '14'] = process.argv.slice(2);
const data = JSON.parse(readFileSync(input, 'utf8'));
const index = new GeoJSONVT(data, { maxZoom: Number(maxzoom), indexMaxZoom: Number(maxzoom), indexMaxPoints: 0, tolerance: 1, buffer: 64 });

/** The tiles at zoom z that hold any part of the data's bounding box. */
function tilesAt(z) {
  let [w, s, e, n] = [180, 90, -180, -90];
  for (const f of data.features) for (const [lng, lat] of f.geometry.type === 'LineString' ? f.geometry.coordinates : f.geometry.coordinates.flat()) [w, s, e, n] = [Math.min(w, lng), Math.min(s, lat), Math.max(e, lng), Math.max(n, lat)];
  const x = (lng) => Math.floor(((lng + 180) / 360) * 2 ** z);
  const y = (lat) => Math.floor(((1 - Math.log(Math.tan((lat * Math.PI) / 180) + 1 / Math.cos((lat * Math.PI) / 180)) / Math.PI) / 2) * 2 ** z);
  const tiles = [];
  for (let tx = x(w); tx <= x(e); tx++) for (let ty = y(n); ty <= y(s); ty++) tiles.push([tx, ty]);
  return tiles;
}

rmSync(out, { recursive: true, force: true });
let count = 0;
let bytes = 0;
for (let z = Number(minzoom); z <= Number(maxzoom); z++)
  for (const [x, y] of tilesAt(z)) {
    const tile = index.getTile(z, x, y);
    if (!tile) continue;
    const pbf = vtpbf.fromGeojsonVt({ streets: tile }, { version: 2 });
    mkdirSync(`${out}/${z}/${x}`, { recursive: true });
    writeFileSync(`${out}/${z}/${x}/${y}.pbf`, pbf);
    count++;
    bytes += pbf.length;
  }
console.log(`${out}: ${count} tiles, zooms ${minzoom}–${maxzoom}, ${(bytes / 1024).toFixed(1)} KiB`);
