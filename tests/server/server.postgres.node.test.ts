/**
 * The contract suite (server, rest-adapter, health, collect, people, access-log, console, sync, moderation, photos and
 * survey-rules .node.test.ts) again, on
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
  // What reads and keeps people's data, the console and the feeds (#21): the same tests on both databases.
  await import('./people.node.test.ts');
  await import('./access-log.node.test.ts');
  await import('./console.node.test.ts');
  await import('./sync.node.test.ts');
  await import('./moderation.node.test.ts');
  await import('./photos.node.test.ts');
  await import('./logo.node.test.ts');
  await import('./survey-rules.node.test.ts');
} else if (process.env.ARCHIPEL_REQUIRE_POSTGRES === '1') {
  test('the contract suite on PostgreSQL (required by ARCHIPEL_REQUIRE_POSTGRES=1)', () => assert.fail(unavailable));
} else {
  test('the contract suite on PostgreSQL', { skip: `${unavailable}; set ARCHIPEL_TEST_POSTGRES to another server` }, () => {});
}
