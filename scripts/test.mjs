/**
 * `npm test`: type check, production build (the budgets test reads it), Node
 * tests, browser tests in real Chromium, then the chaos test (three server
 * instances behind HAProxy; skipped, saying why, without haproxy or
 * PostgreSQL). Stops at the first failing step.
 */
import { spawn } from 'node:child_process';
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
  ['chaos test', 'npm', ['run', '--silent', 'test:chaos']],
];

/** Runs a step, echoing its output, and returns its exit code and what it printed. */
function run(cmd, args) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => (process.stdout.write(d), (out += d)));
    child.stderr.on('data', (d) => process.stderr.write(d));
    child.on('close', (code) => resolve({ code, out }));
  });
}

// Counts from Node's runner ("# pass N" / "# fail N") and the browser runner ("N passed, N failed").
let passed = 0;
let failed = 0;
for (const [name, cmd, args] of steps) {
  console.log(`\n▶ ${name}`);
  const { code, out } = await run(cmd, args);
  const plain = out.replace(/\x1b\[[0-9;]*[A-Za-z]/g, '');
  if (name === 'node tests' || name === 'chaos test') {
    passed += Number(/^# pass (\d+)/m.exec(plain)?.[1] ?? 0);
    failed += Number(/^# fail (\d+)/m.exec(plain)?.[1] ?? 0);
  }
  if (name === 'browser tests') {
    const last = [...plain.matchAll(/(\d+) passed, (\d+) failed/g)].at(-1);
    passed += Number(last?.[1] ?? 0);
    failed += Number(last?.[2] ?? 0);
  }
  if (code !== 0) {
    console.error(`\n✗ ${name} failed`);
    console.log(`${passed} passed, ${Math.max(failed, 1)} failed`);
    process.exit(code ?? 1);
  }
}
console.log('\n✓ all steps passed');
console.log(`${passed} passed, ${failed} failed`);
