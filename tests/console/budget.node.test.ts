/**
 * The console's own bytes, from the production build (dist/build-stats.json; `npm test` builds first):
 * archipel-console.js and what only it brings beyond the shared chunk, and the proof that no public widget
 * carries any of it.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { loadStats, closure, KiB, kib } from '../support/budgets.ts';

const stats = loadStats();
/** Measured 6.08 KiB with its French words and core's (chunks/core-*.js) when the console came (#22), rounded up to the next 0.5 KiB. */
const BUDGET = 6.5 * KiB;
const PUBLIC = ['action-map.js', 'hub-signup.js', 'hashtag-wall.js', 'chapter-hub.js', 'readiness-survey.js'];

describe('<archipel-console> byte budget', () => {
  it(`its own chunk and what only it needs stay within ${BUDGET / KiB} KiB beyond the shared chunk`, () => {
    const shared = closure(stats, ['archipel-core.js']);
    const own = closure(stats, ['archipel-console.js'], 'fr').files.filter((f) => !shared.files.includes(f));
    const total = own.reduce((sum, f) => sum + stats[f]!.gzip, 0);
    console.log(`  ${own.join(', ')}: ${kib(total)} (budget ${kib(BUDGET)})`);
    assert.ok(total <= BUDGET, `<archipel-console>'s own part, ${kib(total)}, is over its budget of ${kib(BUDGET)}`);
  });

  it('is never part of a public widget: only the loader knows it, and imports it on demand', () => {
    for (const w of PUBLIC) {
      const modules = closure(stats, [w]).files.flatMap((f) => stats[f]!.modules).join('\n');
      assert.ok(!modules.includes('packages/console/'), `${w} must not carry the console`);
    }
    assert.ok(stats['archipel.js']!.dynamicImports.includes('archipel-console.js'));
  });
});
