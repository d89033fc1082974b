/**
 * Every built file at the top of dist/ (after `npm run build`) imported in Node, as server rendering (Next, Astro's
 * frontmatter, a test runner) does: it loads, prints nothing, defines no DOM global and registers no tag; the
 * widgets' classes are there to import. Each file in a Node of its own, so that one file's globals cannot hide
 * another's crash.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';

const files = readdirSync('dist').filter((f) => f.endsWith('.js'));
const CLASSES: Record<string, string> = { 'action-map.js': 'ActionMap', 'archipel-console.js': 'ArchipelConsole', 'chapter-hub.js': 'ChapterHub', 'hashtag-wall.js': 'HashtagWall', 'hub-signup.js': 'HubSignup', 'readiness-survey.js': 'ReadinessSurvey' };

/** What importing `file` left behind, as the child Node saw it. */
function importInNode(file: string): { globals: Record<string, string>; exports: Record<string, string>; printed: string } {
  const url = pathToFileURL(resolve('dist', file)).href;
  const script = `
    const said = [];
    for (const level of ['log', 'info', 'warn', 'error', 'debug']) console[level] = (...args) => said.push(args.join(' '));
    const m = await import(${JSON.stringify(url)});
    const globals = Object.fromEntries(['HTMLElement', 'document', 'window', 'customElements', 'CSSStyleSheet'].map((name) => [name, typeof globalThis[name]]));
    const exports = Object.fromEntries(Object.entries(m).map(([k, v]) => [k, typeof v]));
    process.stdout.write(JSON.stringify({ globals, exports, printed: said.join('\\n') }));
  `;
  return JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' }));
}

describe('the built files, imported in Node', () => {
  it('are the loader, the widgets, the shared chunk, the checker and the React wrappers', () => {
    for (const f of ['archipel.js', 'archipel-core.js', 'archipel-check.js', 'react.js', ...Object.keys(CLASSES)]) assert.ok(files.includes(f), `dist/${f} is missing: run \`npm run build\``);
  });

  for (const file of files) {
    it(`${file} loads, prints nothing and leaves the DOM globals undefined`, () => {
      const { globals, exports, printed } = importInNode(file);
      assert.deepEqual(globals, { HTMLElement: 'undefined', document: 'undefined', window: 'undefined', customElements: 'undefined', CSSStyleSheet: 'undefined' });
      assert.equal(printed, '');
      const name = CLASSES[file];
      if (name) assert.equal(exports[name], 'function', `dist/${file} should export the ${name} class`);
      if (file === 'react.js') assert.deepEqual(Object.keys(exports).sort(), Object.values(CLASSES).sort());
    });
  }
});
