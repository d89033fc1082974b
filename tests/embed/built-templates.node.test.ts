/**
 * What the build's HTML minifier does to Lit's templates (rollup.config.js, `minifyHTML`): it takes out whitespace
 * that starts a template, so `html` ` · ${x}`` became "·x" glued to what came before: "Antoine H.· Grenoble" on every
 * wall card, "Nom(obligatoire)" in every form. Source tests never see it; this reads the production build (dist/).
 * A template that must start with a space starts with `&nbsp;`, which the minifier keeps.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const files = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : /\.m?js$/.test(e.name) ? [join(dir, e.name)] : []));

describe('the built templates', () => {
  it('start no separator glued to what comes before it', () => {
    const glued: string[] = [];
    for (const file of files('dist').filter((f) => !/maplibre|chart|purify/.test(f))) {
      const code = readFileSync(file, 'utf8');
      // A template whose text begins with a middle dot, or the forms' required mark (core/form.ts) with no space
      // before it (the survey's marks get theirs from the template around them).
      for (const m of code.matchAll(/`(?:<[a-z]+>)?·[^`]{0,30}|`<span class="mark" aria-hidden[^`]{0,40}/g)) glued.push(`${file}: ${m[0]}`);
    }
    assert.deepEqual(glued, []);
  });
});
