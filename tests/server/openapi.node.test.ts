/** The served contract is generated from the zod schemas: it cannot say one thing while the code does another. */
import { describe, it, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { buildContract, CONTRACT } from '../../scripts/openapi.ts';
import { named } from '../../packages/core/src/contract.ts';
import { startTestServer } from './support.ts';

describe('the OpenAPI contract', () => {
  it('is what the zod schemas and the hand-written prose give (run `npm run contract` after changing either)', () => {
    assert.equal(readFileSync(CONTRACT, 'utf8'), buildContract());
  });

  it('gives every record schema the structure of its zod schema: lengths, patterns, enums and required fields', () => {
    const schemas = parse(readFileSync(CONTRACT, 'utf8')).components.schemas as Record<string, { properties?: Record<string, Record<string, unknown>>; required?: string[] }>;
    assert.deepEqual(schemas.Action!.required, ['title', 'start', 'timezone']);
    assert.deepEqual(schemas.Action!.properties!.priority, { type: 'integer', minimum: 1, maximum: 3 });
    assert.deepEqual(schemas.Post!.properties!.status, { type: 'string', enum: ['pending', 'approved', 'hidden'] });
    assert.equal(schemas.Leader!.properties!.email, undefined, 'a leader’s email is never in the public contract');
    assert.match(String((schemas.Signup!.properties!.phone as { pattern: string }).pattern), /\\d/);
  });

  it('holds examples that its own schemas accept', () => {
    const doc = parse(readFileSync(CONTRACT, 'utf8'));
    let checked = 0;
    for (const schema of Object.keys(doc.components.schemas)) {
      const zod = named.find(([, name]) => name === schema)?.[0] as { safeParse(v: unknown): { success: boolean } } | undefined;
      for (const example of (doc.components.schemas[schema].examples ?? []) as unknown[]) {
        if (!zod) continue;
        assert.equal(zod.safeParse(example).success, true, `${schema}'s example does not fit its schema: ${JSON.stringify(example)}`);
        checked++;
      }
    }
    assert.ok(checked >= 5, `only ${checked} examples were checked`);
  });

  describe('as the reference server serves it', () => {
    let server: Awaited<ReturnType<typeof startTestServer>>;
    after(() => server?.close());
    it('is the generated file', async () => {
      server = await startTestServer();
      const served = await (await fetch(`${server.url}/api/openapi.yaml`)).text();
      assert.equal(served, readFileSync(CONTRACT, 'utf8'));
    });
  });
});
