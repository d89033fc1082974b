/**
 * Each widget's README holds the attributes, properties, events, slots, parts and custom properties that
 * its JSDoc gives, through the Custom Elements Manifest (dist/custom-elements.json; `npm test` builds
 * first): a README cannot say one thing while the component does another. `npm run docs` rewrites them.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

interface Attribute {
  name: string;
}
interface Declaration {
  tagName: string;
  attributes?: Attribute[];
}
interface Widget {
  tag: string;
  readme: string;
  declaration: Declaration;
}
/** What scripts/docs.mjs (plain JavaScript, so imported by URL) exports. */
interface Docs {
  widgets(manifest: unknown): Widget[];
  apiBlock(declaration: Declaration): string;
  readmeBlock(text: string): string | undefined;
  readManifest(): unknown;
}

const { widgets, apiBlock, readmeBlock, readManifest } = (await import(new URL('../../scripts/docs.mjs', import.meta.url).href)) as Docs;
const found = widgets(readManifest());

describe('the widgets’ READMEs', () => {
  it('are found for every widget in the manifest', () => {
    assert.deepEqual(found.map((w) => w.tag).sort(), ['action-map', 'archipel-console', 'chapter-hub', 'hashtag-wall', 'hub-signup', 'readiness-survey']);
  });

  for (const { tag, readme, declaration } of found) {
    describe(`<${tag}>`, () => {
      const text = readFileSync(readme, 'utf8');
      const block = readmeBlock(text);

      it('holds the tables its JSDoc gives (run `npm run build` and `npm run docs` after changing the JSDoc)', () => {
        assert.ok(block, `${readme} has no <!-- manifest:start --> … <!-- manifest:end --> block`);
        assert.equal(block, apiBlock(declaration));
      });

      it('names every attribute the manifest lists', () => {
        const names = declaration.attributes?.map((a) => a.name) ?? [];
        assert.ok(names.includes('source') && names.includes('lang'), `<${tag}> lists no source or lang attribute`);
        for (const name of names) assert.match(block ?? '', new RegExp(`^\\| \`${name}\` \\|`, 'm'), `${readme} has no row for the ${name} attribute`);
      });

      it('describes every attribute, property, event, slot, part and custom property', () => {
        const rows = (block ?? '').split('\n').filter((line) => line.startsWith('| ') && !/^\| (attribute|event|slot|part|custom property) \|/.test(line));
        for (const row of rows) {
          const description = row.split(/(?<!\\)\|/).at(-2)?.trim();
          const name = row.slice(2).split(' | ').find((c) => c !== '—');
          assert.ok(description, `${readme}: ${name} has no description: give it one in the JSDoc`);
        }
      });

      it('puts the snippet first, then the generated tables, then the data', () => {
        const snippet = text.indexOf('```html');
        const tables = text.indexOf('<!-- manifest:start -->');
        const data = text.indexOf('\n## Data');
        assert.ok(snippet >= 0 && snippet < tables, `${readme}: the copy-paste snippet comes before the tables`);
        assert.ok(data > tables, `${readme}: the data it reads and writes comes after the tables`);
      });
    });
  }
});
