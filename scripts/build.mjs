/**
 * Production build: rollup (dist/), the Custom Elements Manifest
 * (dist/custom-elements.json), a table of chunk sizes, then the reference
 * server compiled to packages/server/dist/.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { buildServer } from '../packages/server/build.mjs';

const run = (cmd, args) => execFileSync(cmd, args, { stdio: 'inherit' });
rmSync('dist', { recursive: true, force: true });
run('npx', ['rollup', '-c', '--silent']);
run('npx', ['custom-elements-manifest', 'analyze', '--litelement', '--config', 'scripts/cem.config.mjs', '--quiet', '--outdir', 'dist', '--globs', 'packages/*/src/*.component.ts', 'packages/core/src/element.ts']);

const { chunks } = JSON.parse(readFileSync('dist/build-stats.json', 'utf8'));
const kib = (n) => (n / 1024).toFixed(1).padStart(6);
console.log('\n  KiB gz   KiB  chunk');
for (const [file, c] of Object.entries(chunks).sort((a, b) => b[1].gzip - a[1].gzip)) {
  console.log(`  ${kib(c.gzip)} ${kib(c.bytes)}  ${file}`);
}

await buildServer();
console.log('\n  reference server: packages/server/dist/ (cli.js, index.js)');
