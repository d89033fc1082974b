/** The reading worker's parse (#23): rows in parts read exactly as `parseCollection` reads them all at once. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseCollection } from '../../packages/core/src/parse.ts';
import { partsReader } from '../../packages/core/src/parse-parts.ts';
import { headerMap } from '../../packages/core/src/headers.ts';
import { actionReader } from '../../packages/core/src/schemas/actions.ts';

const row = (i: number) => ({ id: `p${i}`, title: `Action ${i}`, start: `2031-03-0${1 + (i % 9)}T10:00`, timezone: 'Europe/Paris', lat: 45, lng: 4 });

describe('reading rows in parts', () => {
  it('reads parts of field names as the whole, skipped rows and duplicates included', async () => {
    const rows = [...Array.from({ length: 50 }, (_, i) => row(i)), { title: 'no start' }, row(3), 'not a record'];
    const parts = partsReader('actions', actionReader, 2, async () => headerMap);
    for (let i = 0; i < rows.length; i += 7) await parts.add(rows.slice(i, i + 7));
    assert.deepEqual(parts.report(), parseCollection('actions', actionReader, rows, { firstRow: 2 }));
    assert.equal(parts.named, true);
  });

  it('takes the header aliases from the first part that needs them, and reads as the whole with them', async () => {
    const rows = [...Array.from({ length: 20 }, (_, i) => row(i)), { Titre: 'Marche', Début: '2031-03-02T10:00', 'Fuseau horaire': 'Europe/Paris', id: 'fr1' }, row(30)];
    const parts = partsReader('actions', actionReader, 2, async () => headerMap);
    for (let i = 0; i < rows.length; i += 5) await parts.add(rows.slice(i, i + 5));
    const whole = parseCollection('actions', actionReader, rows, { firstRow: 2, aliases: headerMap });
    assert.deepEqual(parts.report(), whole);
    assert.equal(parts.named, false);
    assert.ok(whole.items.some((a) => a.id === 'fr1'), 'the French headers were read');
  });
});
