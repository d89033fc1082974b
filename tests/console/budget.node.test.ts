/**
 * The console's own bytes, from the production build (dist/build-stats.json; `npm test` builds first):
 * archipel-console.js and what only it brings beyond the shared chunk, and the proof that no public widget
 * carries any of it.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { loadStats, closure, chunkOf, KiB, kib } from '../support/budgets.ts';

const stats = loadStats();
/**
 * Measured 6.92 KiB with its French words and core's (chunks/core-*.js) once the console could edit a hub (#22;
 * 6.08 KiB before the editor's words), rounded up to the next 0.5 KiB. The editor itself loads on demand.
 * 7.79 KiB with both of #22's later tabs, who brings people and the actions to approve (each 7.40 alone): 8 KiB.
 */
const BUDGET = 8 * KiB;
/** The hub's editor, with the theme and lit's style directive it brings: measured 2.99 KiB (#22), rounded up to the next 0.5 KiB. */
const EDITOR_BUDGET = 3.5 * KiB;
const PUBLIC = ['action-map.js', 'hub-signup.js', 'hashtag-wall.js', 'chapter-hub.js', 'readiness-survey.js'];

describe('<archipel-console> byte budget', () => {
  it(`its own chunk and what only it needs stay within ${BUDGET / KiB} KiB beyond the shared chunk`, () => {
    const shared = closure(stats, ['archipel-core.js']);
    const own = closure(stats, ['archipel-console.js'], 'fr').files.filter((f) => !shared.files.includes(f));
    const total = own.reduce((sum, f) => sum + stats[f]!.gzip, 0);
    console.log(`  ${own.join(', ')}: ${kib(total)} (budget ${kib(BUDGET)})`);
    assert.ok(total <= BUDGET, `<archipel-console>'s own part, ${kib(total)}, is over its budget of ${kib(BUDGET)}`);
  });

  it(`loads the hub's editor only when its tab is chosen, within ${EDITOR_BUDGET / KiB} KiB`, () => {
    const editor = chunkOf(stats, 'console/src/hub-editor.ts');
    const console_ = closure(stats, ['archipel-console.js']);
    assert.ok(!console_.files.includes(editor), 'the editor must not load with the console');
    const own = closure(stats, [editor]).files.filter((f) => !console_.files.includes(f) && !closure(stats, ['archipel-core.js']).files.includes(f));
    const total = own.reduce((sum, f) => sum + stats[f]!.gzip, 0);
    console.log(`  editor: ${own.join(', ')}: ${kib(total)} (budget ${kib(EDITOR_BUDGET)})`);
    assert.ok(total <= EDITOR_BUDGET, `the hub's editor, ${kib(total)}, is over its budget of ${kib(EDITOR_BUDGET)}`);
  });

  it('is never part of a public widget: only the loader knows it, and imports it on demand', () => {
    for (const w of PUBLIC) {
      const modules = closure(stats, [w]).files.flatMap((f) => stats[f]!.modules).join('\n');
      assert.ok(!modules.includes('packages/console/'), `${w} must not carry the console`);
    }
    assert.ok(stats['archipel.js']!.dynamicImports.includes('archipel-console.js'));
  });
});
