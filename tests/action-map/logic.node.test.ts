import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { applyFilters, dedupe, readHash, writeHash, localDay, DEFAULT_FILTERS } from '../../packages/action-map/src/filters.ts';
import { PlaceIndex, distanceKm, nearestChapter } from '../../packages/core/src/geo.ts';
import { rsvpUrl, placeOf } from '../../packages/action-map/src/action-card.ts';
import type { Action, Chapter } from '../../packages/core/src/index.ts';

const a = (x: Partial<Action>): Action => ({ id: 'x', title: 'T', start: '2030-01-01T10:00:00.000Z', timezone: 'UTC', ...x }) as Action;

describe('action map logic', () => {
  it('drops duplicates by id, or by title, start and place', () => {
    const kept = dedupe([a({ id: '1', title: 'Marche', city: 'Lyon' }), a({ id: '1', title: 'Other' }), a({ id: '2', title: 'MARCHE', city: 'lyon' }), a({ id: '3', title: 'Marche', city: 'Nantes' })]);
    assert.deepEqual(kept.map((x) => x.id), ['1', '3']);
  });

  it('reads the day of an action in its own zone', () => {
    assert.equal(localDay('2030-12-12T23:30:00.000Z', 'Europe/Paris'), '2030-12-13');
    assert.equal(localDay('2030-12-12T23:30:00.000Z', 'America/Toronto'), '2030-12-12');
  });

  it('keeps upcoming and ongoing actions, and filters a radius around a place', () => {
    const now = Date.parse('2030-01-01T12:00:00Z');
    const list = [a({ id: 'past', start: '2029-12-31T10:00:00Z' }), a({ id: 'ongoing', start: '2030-01-01T10:00:00Z', end: '2030-01-01T14:00:00Z' }), a({ id: 'far', start: '2030-01-02T10:00:00Z', lat: 48.85, lng: 2.35 }), a({ id: 'near', start: '2030-01-03T10:00:00Z', lat: 45.76, lng: 4.84 })];
    assert.deepEqual(applyFilters(list, DEFAULT_FILTERS, { now }).map((h) => h.action.id), ['ongoing', 'far', 'near']);
    const near = applyFilters(list, { ...DEFAULT_FILTERS, near: { lat: 45.75, lng: 4.85, label: 'Lyon' }, radius: 50, sort: 'distance' }, { now });
    assert.deepEqual(near.map((h) => h.action.id), ['near']);
    assert.ok(near[0]!.km! < 2);
  });

  it('finds postcodes (exact or by prefix) and towns from the data, and the nearest chapter', () => {
    const index = new PlaceIndex([a({ postcode: '69002', city: 'Lyon', lat: 45.75, lng: 4.83 }), a({ postcode: '69100', city: 'Villeurbanne', lat: 45.77, lng: 4.89 })]);
    assert.equal(index.find('69100')!.label, '69100');
    assert.ok(Math.abs(index.find('69007')!.lat - 45.76) < 0.02, 'a postcode of the same département is placed there');
    assert.equal(index.find('villeurb')!.label, 'Villeurbanne');
    assert.equal(index.find('Atlantis'), undefined);
    const chapters = [{ id: 'lyon', name: 'Lyon', lat: 45.76, lng: 4.83 }, { id: 'paris', name: 'Paris', lat: 48.85, lng: 2.35 }] as Chapter[];
    assert.equal(nearestChapter(chapters, { lat: 45.9, lng: 4.9 })!.chapter.id, 'lyon');
    assert.ok(Math.abs(distanceKm({ lat: 45.76, lng: 4.83 }, { lat: 48.85, lng: 2.35 }) - 392) < 5);
  });

  it('keeps filters and the selection in the hash beside the page’s own parameters', () => {
    const hash = writeHash('#tab=2', { ...DEFAULT_FILTERS, type: 'march', radius: 25 }, 'act-1');
    assert.equal(hash, '#tab=2&map-type=march&map-radius=25&map-sel=act-1');
    assert.deepEqual(readHash(hash), { filters: { type: 'march', radius: 25 }, selected: 'act-1', nearSharer: false });
  });

  it('never writes the visitor’s own position (“near me”) into the address people share', () => {
    const near = { lat: 45.76, lng: 4.83, label: 'Near me' };
    assert.equal(writeHash('', { ...DEFAULT_FILTERS, place: 'Near me', near, located: true, radius: 50, sort: 'distance' }), '#map-radius=50&map-sort=distance&map-near=me');
    assert.equal(writeHash('', { ...DEFAULT_FILTERS, place: '69007', near: { ...near, label: '69007' }, radius: 50, sort: 'distance' }), '#map-place=69007&map-radius=50&map-sort=distance');
  });

  it('carries the page’s campaign codes to the RSVP link, and refuses unsafe links', () => {
    assert.equal(rsvpUrl('https://act.example.org/r/1?x=1', 'https://site.example/?utm_source=news&utm_campaign=dec&other=1'), 'https://act.example.org/r/1?x=1&utm_source=news&utm_campaign=dec');
    assert.equal(rsvpUrl('https://act.example.org/r?utm_source=keep', 'https://site.example/?utm_source=news'), 'https://act.example.org/r?utm_source=keep');
    assert.equal(rsvpUrl('javascript:alert(1)', 'https://site.example/'), undefined);
  });

  it('writes a place once', () => {
    assert.equal(placeOf(a({ venue: 'Place Bellecour', postcode: '69002', city: 'Lyon' })), 'Place Bellecour, 69002 Lyon');
    assert.equal(placeOf(a({ venue: 'Maison', address: '12 rue X, 69001 Lyon', city: 'Lyon' })), 'Maison, 12 rue X, 69001 Lyon');
  });
});

describe('many pins handed to MapLibre\'s worker as bytes (#23)', () => {
  it('packs them, and the worker makes the features the page would have made, every id whole', async () => {
    const { packPins } = await import('../../packages/action-map/src/pins-packed.ts');
    const { unpackPins } = await import('../../packages/action-map/src/pins-worker.ts');
    const pins = [
      { id: 'a1', lat: 45.7640, lng: 4.8357, priority: 1 },
      { id: 'ligne\nà 🌍 "deux"', lat: -33.8688, lng: 151.2093, priority: 3 },
      { id: 'x', lat: 0, lng: -0.1278, priority: 2 },
      { id: 'rec_9f2', lat: 64.1466, lng: -21.9426, priority: 3 },
    ];
    // As the worker receives them: a structured clone, the typed arrays and the string copied.
    const features = unpackPins(structuredClone(await packPins(pins)));
    const made = pins.map((p) => ({ type: 'Feature', geometry: { type: 'Point', coordinates: [p.lng, p.lat] }, properties: { id: p.id, priority: p.priority } }));
    assert.deepEqual(features, made);
    assert.deepEqual(unpackPins(await packPins([])), []);
  });
});

describe('a large campaign, a slice at a time (#23)', () => {
  const many = Array.from({ length: 3000 }, (_, i) =>
    a({ id: `s${i}`, title: `Action ${i % 7}`, start: `2031-0${1 + (i % 9)}-1${i % 10}T10:00:00.000Z`, type: i % 2 ? 'march' : 'meeting', lat: 45 + (i % 50) / 10, lng: 4 + (i % 30) / 10, city: `Ville ${i % 40}`, postcode: `69${String(i % 100).padStart(3, '0')}` }),
  );

  it('finds the same hits, in the same order, as at once', async () => {
    const { applyFiltersInSlices } = await import('../../packages/action-map/src/filters.ts');
    for (const f of [DEFAULT_FILTERS, { ...DEFAULT_FILTERS, type: 'march', q: 'action 3' }, { ...DEFAULT_FILTERS, near: { lat: 46, lng: 5, label: 'x' }, radius: 100, sort: 'distance' as const }]) {
      const now = Date.parse('2031-03-01T00:00:00Z');
      const sliced = await applyFiltersInSlices(many, f, { now });
      assert.deepEqual(sliced.map((h) => h.action.id), applyFilters(many, f, { now }).map((h) => h.action.id));
      assert.ok(sliced.length > 0);
    }
  });

  it('finds the same hits, in the same order, in parts as a large read brings them', async () => {
    const { filterInParts } = await import('../../packages/action-map/src/filters.ts');
    // Past one run of the slices' sort (4,096): its merges decide the order, equal starts kept in the order read.
    const more = Array.from({ length: 6 }, (_, k) => many.map((x) => ({ ...x, id: `${x.id}-${k}` }))).flat();
    const now = Date.parse('2031-03-01T00:00:00Z');
    for (const f of [DEFAULT_FILTERS, { ...DEFAULT_FILTERS, near: { lat: 46, lng: 5, label: 'x' }, sort: 'distance' as const }]) {
      const found = filterInParts(f, { now });
      for (let i = 0; i < more.length; i += 777) found.add(more.slice(i, i + 777));
      const hits = await found.hits();
      assert.ok(hits.length > 4096, `${hits.length} hits`);
      assert.deepEqual(
        hits.map((h) => h.action.id),
        applyFilters(more, f, { now }).map((h) => h.action.id),
      );
    }
  });

  it('builds the same place index', async () => {
    const sliced = await PlaceIndex.inSlices(many);
    const whole = new PlaceIndex(many);
    assert.deepEqual(sliced.suggestions(), whole.suggestions());
    assert.deepEqual(sliced.find('69042'), whole.find('69042'));
    assert.equal(whole.suggestions().length, 40, 'every town of the data');
  });
});
