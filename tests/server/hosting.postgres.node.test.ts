/**
 * Hosting and joining actions (hosting.node.test.ts) again, on PostgreSQL: each server in a fresh schema. Skipped,
 * saying why, when no PostgreSQL answers, unless ARCHIPEL_REQUIRE_POSTGRES=1 (CI), where that is a failure.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { postgresUnavailable, useDatabase } from './support.ts';

const unavailable = await postgresUnavailable();
if (!unavailable) {
  useDatabase('postgres');
  await import('./hosting.node.test.ts');
} else if (process.env.ARCHIPEL_REQUIRE_POSTGRES === '1') {
  test('hosting and joining actions on PostgreSQL (required by ARCHIPEL_REQUIRE_POSTGRES=1)', () => assert.fail(unavailable));
} else {
  test('hosting and joining actions on PostgreSQL', { skip: `${unavailable}; set ARCHIPEL_TEST_POSTGRES to another server` }, () => {});
}
