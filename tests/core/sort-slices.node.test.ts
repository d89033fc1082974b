/** Sorting a long list a slice at a time (#23): the order of a stable `sort()`, with the page let run meanwhile. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sortInSlices } from '../../packages/core/src/large-read.ts';
import { applyQuery } from '../../packages/core/src/read.ts';

type Item = { key: number; n: number };
const byKey = (a: Item, b: Item) => a.key - b.key;

/** `length` items of `keys` distinct keys in a shuffled order (a fixed seed), each numbered as given. */
function items(length: number, keys: number): Item[] {
  let seed = 7;
  const next = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
  return Array.from({ length }, (_, n) => ({ key: Math.floor(next() * keys), n }));
}

describe('sortInSlices', () => {
  it('gives the order of a stable sort, equal keys as they were given, at every length around a run', async () => {
    for (const length of [0, 1, 2, 4095, 4096, 4097, 3 * 4096 + 7, 50_000]) {
      const given = items(length, Math.max(1, length >> 4));
      const sorted = await sortInSlices(given, byKey);
      assert.deepEqual(
        sorted.map((x) => x.n),
        given
          .slice()
          .sort(byKey)
          .map((x) => x.n),
        `${length} items`,
      );
    }
  });

  it('leaves the items given as they were', async () => {
    const given = items(10_000, 100);
    const before = given.map((x) => x.n);
    await sortInSlices(given, byKey);
    assert.deepEqual(
      given.map((x) => x.n),
      before,
    );
  });

  it('joins runs already in order without merging them, and sorts runs in reverse order', async () => {
    const ordered = Array.from({ length: 20_000 }, (_, n) => ({ key: n >> 3, n }));
    let compared = 0;
    assert.deepEqual(
      await sortInSlices(ordered, (a, b) => (compared++, byKey(a, b))),
      ordered,
    );
    // Each run's own sort looks at each item once or twice; merging the five runs would compare 20,000 times a level.
    assert.ok(compared < 2 * 20_000, `${compared} comparisons`);
    const reversed = ordered.slice().reverse();
    assert.deepEqual(
      (await sortInSlices(reversed, byKey)).map((x) => x.key),
      ordered.map((x) => x.key),
    );
  });

  it('lets other tasks run while it sorts a long list', async () => {
    const given = items(500_000, 50_000);
    let turns = 0;
    const tick = setInterval(() => turns++, 0);
    const sorted = await sortInSlices(given, byKey);
    clearInterval(tick);
    assert.equal(sorted.length, given.length);
    assert.ok(turns > 0, 'a timer ran before the sort ended: it is not one task');
  });
});

describe('sortInSlices where its module cannot be loaded', () => {
  it('sorts in one task, as before, rather than never', () => {
    // A child Node whose module loader refuses large-read.js, as a browser offline refuses a file never fetched.
    const refuse = `export async function resolve(specifier, context, next) { if (specifier.endsWith('/large-read.js')) throw new Error('offline'); return next(specifier, context); }`;
    const read = new URL('../../packages/core/src/read.ts', import.meta.url).href;
    const script = [
      `import { register } from 'node:module';`,
      `register('data:text/javascript,' + encodeURIComponent(${JSON.stringify(refuse)}));`,
      `const { sortInSlices } = await import(${JSON.stringify(read)});`,
      `const sorted = await sortInSlices([3, 1, 2, 1], (a, b) => a - b);`,
      `let loaded = true; await import(${JSON.stringify(new URL('../../packages/core/src/large-read.js', import.meta.url).href)}).catch(() => (loaded = false));`,
      `console.log(JSON.stringify({ sorted, loaded }));`,
    ].join('\n');
    const { execFileSync } = process.getBuiltinModule('node:child_process');
    const out = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8' });
    assert.deepEqual(JSON.parse(out), { sorted: [1, 1, 2, 3], loaded: false });
  });
});

describe('applyQuery', () => {
  const records = [
    { id: 'a', chapter: 'lyon', created: '2026-12-01T10:00:00.000Z', hashtags: ['Climat'] },
    { id: 'b', chapter: 'paris', created: '2026-12-03T10:00:00.000Z' },
  ];

  it('gives the records themselves to a query that asks nothing of them', () => {
    assert.equal(applyQuery(records, {}), records);
    assert.equal(applyQuery(records, { chapter: '', hashtag: '' }), records);
  });

  it('keeps only the records a chapter, a date or a hashtag asks for', () => {
    assert.deepEqual(
      applyQuery(records, { chapter: 'lyon' }).map((r) => r.id),
      ['a'],
    );
    assert.deepEqual(
      applyQuery(records, { since: '2026-12-02T00:00:00.000Z' }).map((r) => r.id),
      ['b'],
    );
    assert.deepEqual(
      applyQuery(records, { hashtag: '#climat' }).map((r) => r.id),
      ['a'],
    );
  });
});
