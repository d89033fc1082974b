/**
 * Production build: rollup (dist/), a check that the OpenAPI contract is the one the zod schemas give
 * (packages/server/openapi.yaml), the Custom Elements Manifest (dist/custom-elements.json), a check that the widgets'
 * READMEs hold the tables it gives, a table of chunk sizes, the reference
 * server compiled to packages/server/dist/, then what the published packages hold beside the bundles
 * (scripts/package.mjs: types, the published manifest, framework typings, notices).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';
import { buildServer } from '../packages/server/build.mjs';
import { packageDist } from './package.mjs';

const run = (cmd, args) => execFileSync(cmd, args, { stdio: 'inherit' });
rmSync('dist', { recursive: true, force: true });
run('npx', ['rollup', '-c', '--silent']);
// The contract the server serves must be what the zod schemas give (`npm run contract` writes it).
run(process.execPath, ['--import', 'tsx', 'scripts/openapi.ts', '--check']);
run('npx', ['custom-elements-manifest', 'analyze', '--litelement', '--config', 'scripts/cem.config.mjs', '--quiet', '--outdir', 'dist', '--globs', 'packages/*/src/*.component.ts', 'packages/core/src/element.ts']);
// The widgets' READMEs hold the tables that manifest gives (`npm run docs` writes them).
run(process.execPath, ['scripts/docs.mjs', '--check']);

const { chunks } = JSON.parse(readFileSync('dist/build-stats.json', 'utf8'));
const kib = (n) => (n / 1024).toFixed(1).padStart(6);
console.log('\n  KiB gz   KiB  chunk');
for (const [file, c] of Object.entries(chunks).sort((a, b) => b[1].gzip - a[1].gzip)) {
  console.log(`  ${kib(c.gzip)} ${kib(c.bytes)}  ${file}`);
}

/**
 * Brotli and gzip beside every text file of dist/, compressed once at their best, for a server that serves them as
 * they are (the reference server's --static, nginx's gzip_static, most CDNs).
 */
function precompress(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) precompress(path);
    else if (/\.(js|mjs|json|css|svg)$/.test(entry.name)) {
      const body = readFileSync(path);
      writeFileSync(`${path}.br`, brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
      writeFileSync(`${path}.gz`, gzipSync(body, { level: 9 }));
    }
  }
}
await buildServer();
// Types, the published manifest, framework typings and notices (after the server: its types go in its dist/).
await packageDist();
precompress('dist');
console.log('\n  reference server: packages/server/dist/ (cli.js, index.js, index.d.ts)');
