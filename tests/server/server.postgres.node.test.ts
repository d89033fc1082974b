/**
 * The contract suite (server.node.test.ts, rest-adapter.node.test.ts, health.node.test.ts, collect.node.test.ts, survey-rules.node.test.ts) again, on
 * PostgreSQL: each server in a fresh schema, dropped afterwards. Skipped, saying why, when no PostgreSQL
 * answers at 127.0.0.1:5432, unless ARCHIPEL_REQUIRE_POSTGRES=1 (CI), where that is a failure.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { postgresUnavailable, useDatabase } from './support.ts';

const unavailable = await postgresUnavailable();
if (!unavailable) {
  useDatabase('postgres');
  await import('./server.node.test.ts');
  await import('./rest-adapter.node.test.ts');
  await import('./health.node.test.ts');
  await import('./collect.node.test.ts');
  await import('./survey-rules.node.test.ts');
} else if (process.env.ARCHIPEL_REQUIRE_POSTGRES === '1') {
  test('the contract suite on PostgreSQL (required by ARCHIPEL_REQUIRE_POSTGRES=1)', () => assert.fail(unavailable));
} else {
  test('the contract suite on PostgreSQL', { skip: `${unavailable}; set ARCHIPEL_TEST_POSTGRES to another server` }, () => {});
}
