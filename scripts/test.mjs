/**
 * `npm test`: type check, production build (the budgets test reads it), Node
 * tests, then browser tests in real Chromium. Stops at the first failing step.
 */
import { spawnSync } from 'node:child_process';
import { findChrome } from './find-chrome.mjs';

try {
  findChrome();
} catch (e) {
  console.error(`\n${e.message}\n`);
  process.exit(1);
}

const steps = [
  ['type check', 'npx', ['tsc', '--noEmit', '-p', 'tsconfig.json']],
  ['build', 'node', ['scripts/build.mjs']],
  ['node tests', 'node', ['scripts/test-node.mjs']],
  ['browser tests', 'npx', ['web-test-runner']],
];

for (const [name, cmd, args] of steps) {
  console.log(`\n▶ ${name}`);
  const { status } = spawnSync(cmd, args, { stdio: 'inherit' });
  if (status !== 0) {
    console.error(`\n✗ ${name} failed`);
    process.exit(status ?? 1);
  }
}
console.log('\n✓ all steps passed');
