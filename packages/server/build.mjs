/**
 * Compiles the server to dist/ (cli.js for the `archipel-server` command,
 * index.js for code that embeds it): ESM for Node 20, with @archipel/core
 * bundled in, since it ships inside this package, and the npm dependencies
 * (Fastify, better-sqlite3, zod) left to `npm install`.
 *
 *   node packages/server/build.mjs            builds
 *   import { ensureBuilt } from '…/build.mjs'  builds only when dist/ is missing or older than the sources
 */
import { readFileSync, readdirSync, statSync, existsSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { build } from 'esbuild';

const here = fileURLToPath(new URL('.', import.meta.url));
const dist = join(here, 'dist');
const pkg = JSON.parse(readFileSync(join(here, 'package.json'), 'utf8'));
const SOURCES = [join(here, 'src'), join(here, 'package.json'), join(here, '../core/src')];

export async function buildServer() {
  // The types beside the code come from the whole build (scripts/package.mjs): a rebuild of the code alone keeps them.
  if (existsSync(dist)) for (const name of readdirSync(dist)) if (!name.endsWith('.d.ts')) rmSync(join(dist, name), { recursive: true, force: true });
  await build({
    entryPoints: { cli: join(here, 'src/cli.ts'), index: join(here, 'src/index.ts') },
    outdir: dist,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: Object.keys(pkg.dependencies),
    sourcemap: true,
    logLevel: 'warning',
  });
}

function newest(path) {
  const s = statSync(path);
  return s.isDirectory() ? Math.max(0, ...readdirSync(path).map((name) => newest(join(path, name)))) : s.mtimeMs;
}

/** Builds when dist/cli.js is missing or older than a source it is made of; returns its path. */
export async function ensureBuilt() {
  const cli = join(dist, 'cli.js');
  if (!existsSync(cli) || statSync(cli).mtimeMs < Math.max(...SOURCES.map(newest))) await buildServer();
  return cli;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await buildServer();
