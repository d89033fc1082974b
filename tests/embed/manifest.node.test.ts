/**
 * The Custom Elements Manifest (dist/custom-elements.json; `npm test` builds first) is what editors
 * and documentation tools read: each widget must be found under its tag, with its summary, parts and
 * events, and with only the attributes a page may really set.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, existsSync } from 'node:fs';

interface Attribute {
  name: string;
  fieldName?: string;
}
interface Member {
  kind: string;
  name: string;
  privacy?: string;
}
interface Declaration {
  kind: string;
  name: string;
  tagName?: string;
  summary?: string;
  attributes?: Attribute[];
  members?: Member[];
  cssParts?: unknown[];
  events?: unknown[];
}

const manifest = JSON.parse(readFileSync('dist/custom-elements.json', 'utf8')) as { modules: { declarations?: Declaration[] }[] };
const declarations = manifest.modules.flatMap((m) => m.declarations ?? []);
const tags = readdirSync('packages')
  .map((dir) => `packages/${dir}/package.json`)
  .filter((file) => existsSync(file))
  .map((file) => (JSON.parse(readFileSync(file, 'utf8')) as { archipel?: { tag?: string } }).archipel?.tag)
  .filter((tag): tag is string => !!tag);

describe('the Custom Elements Manifest', () => {
  it('lists every widget under its tag, with its summary, parts and events', () => {
    assert.equal(tags.length, 6);
    for (const tag of tags) {
      const d = declarations.find((x) => x.tagName === tag);
      assert.ok(d, `<${tag}> is not in the manifest under its tag: its class's JSDoc (with @tag) must sit right above the class`);
      assert.ok(d.summary, `<${tag}> has no @summary`);
      assert.ok(d.cssParts?.length, `<${tag}> lists no parts`);
      assert.ok(d.events?.length, `<${tag}> lists no events`);
    }
  });

  it('lists as attributes only public properties: internal state and what a hub provides are not attributes', () => {
    for (const tag of tags) {
      const d = declarations.find((x) => x.tagName === tag)!;
      const names = d.attributes!.map((a) => a.name);
      for (const name of ['lang', 'source', 'strings']) assert.ok(names.includes(name), `<${tag}> should list the ${name} attribute`);
      for (const a of d.attributes!) {
        const member = d.members?.find((m) => m.kind === 'field' && m.name === a.fieldName);
        assert.ok(!member?.privacy || member.privacy === 'public', `<${tag}>'s attribute ${a.name} is its ${member?.privacy} field ${a.fieldName}`);
        assert.ok(!a.name.startsWith('context'), `<${tag}> lists ${a.name}, which an enclosing <chapter-hub> provides`);
      }
    }
    const signup = declarations.find((x) => x.tagName === 'hub-signup')!;
    assert.deepEqual(
      signup.attributes!.map((a) => a.name).sort(),
      ['chapter', 'consent', 'consent-version', 'email', 'fields', 'heading-level', 'interests', 'kiosk', 'lang', 'next-url', 'numeric-postcode', 'postcode', 'privacy-url', 'required-fields', 'share-url', 'source', 'strings'],
    );
  });
});
