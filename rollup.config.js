/**
 * The production build: archipel.js (the loader), one entry per widget, and
 * one shared chunk ("archipel-core": Lit, @lit/context, idb-keyval
 * and core) that every widget imports. Adapters and heavy libraries
 * (MapLibre, Chart.js, DOMPurify) stay in chunks of their own, imported when
 * first needed. Writes dist/build-stats.json for the budget test. The source
 * checker (archipel-check.js) is a second build, one file that no widget shares.
 */
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { createHash } from 'node:crypto';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import esbuild from 'rollup-plugin-esbuild';
import terser from '@rollup/plugin-terser';
import minifyHTML from '@lit-labs/rollup-plugin-minify-html-literals';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));

/** A hash of the files that shape records: saved reads of another shape are never shown (core/src/read.ts). */
const SCHEMA_FILES = ['packages/core/src/coerce.ts', ...readdirSync('packages/core/src/schemas').map((f) => `packages/core/src/schemas/${f}`)];
const schemaVersion = createHash('sha256').update(SCHEMA_FILES.sort().map((f) => readFileSync(f)).join('\n')).digest('base64url').slice(0, 10);

/** Every workspace package that declares `archipel.tag`: a widget, with its folder under packages/. */
function widgetPackages() {
  return readdirSync('packages')
    .filter((dir) => existsSync(`packages/${dir}/package.json`))
    .map((dir) => ({ dir, meta: JSON.parse(readFileSync(`packages/${dir}/package.json`, 'utf8')).archipel }))
    .filter(({ meta }) => meta?.tag);
}

/**
 * Every widget is an entry. ARCHIPEL_ONLY="action-map hub-signup" builds only those (while working on one).
 */
function widgetEntries() {
  const only = process.env.ARCHIPEL_ONLY?.split(/[\s,]+/).filter(Boolean);
  const entries = {};
  for (const { dir, meta } of widgetPackages()) {
    if (only && !only.includes(meta.tag)) continue;
    const entry = `packages/${dir}/${meta.entry}`;
    if (existsSync(entry)) entries[meta.tag] = entry;
    else console.warn(`packages/${dir}: its entry ${entry} does not exist; <${meta.tag}> is left out of the build.`);
  }
  return entries;
}

/**
 * archipel.js learns its tags from the packages: packages/embed/src/widgets.ts
 * is empty in the sources (tests register their own tags) and generated here.
 */
function loaderTable() {
  const table = resolve('packages/embed/src/widgets.ts');
  return {
    name: 'archipel-loader-table',
    load(id) {
      if (id !== table) return null;
      const lines = Object.entries(widgetEntries()).map(([tag, file]) => `  ${JSON.stringify(tag)}: () => import(${JSON.stringify(resolve(file))}),`);
      return `export const widgets = {\n${lines.join('\n')}\n};\n`;
    },
  };
}

const SHARED_CORE = ['shared', 'schema-kit', 'parse', 'time', 'errors', 'http', 'adapter', 'adapters/kinds', 'read', 'context', 'i18n', 'strings', 'element', 'collection', 'safe-url', 'warn', 'version'];
const SHARED = [
  // Lit's directives and the context *providers* (only <chapter-hub> provides) go with the widgets that use them.
  /node_modules\/(lit|lit-html|lit-element|@lit\/reactive-element|@lit\/context|idb-keyval)\/(?!(.*\/)?directives\/|(.*\/)?(async-)?directive(-helpers)?\.js|.*(context-provider|provide|context-root)\.js)/,
  new RegExp(`packages/core/src/(${SHARED_CORE.join('|')})\\.ts$`),
];

const PACKAGES = resolve('packages') + '/';
const CORE = `${PACKAGES}core/src/`;
const COPY = '/~core/';
/** Core modules that shared code loads on demand: one instance a page, so never copied. */
const ADAPTER_SIDE = /^(adapters\/.*|headers|merged)\.ts$/;

/**
 * Core modules outside the shared chunk (the outbox, the write schemas, themes, words…) are compiled into
 * each widget that uses them, as a copy of its own under packages/<widget>/~core/, instead of into chunks
 * that every widget shares. A page with one widget then downloads one file where it downloaded four or
 * five: gzip gains the context across them and saves each file's overhead. A page with several widgets
 * downloads what they share once per widget, which their budgets allow. What must be one a page stays
 * in the shared chunk or behind it (adapters, HTTP), and the outbox keeps one instance on globalThis.
 */
function copiesPerWidget() {
  // Every widget, built or not: a hub built alone still bundles the widgets it nests, each with its copies.
  const widgetDirs = new Set(widgetPackages().map(({ dir }) => dir));
  const owner = (id) => {
    const dir = id.startsWith(PACKAGES) ? id.slice(PACKAGES.length).split('/')[0] : undefined;
    return widgetDirs.has(dir) ? dir : undefined;
  };
  const realOf = (id) => (id.includes(COPY) ? CORE + id.slice(id.indexOf(COPY) + COPY.length) : id);
  return {
    name: 'archipel-copies-per-widget',
    async resolveId(source, importer, options) {
      const widget = importer && owner(importer);
      if (!widget) return null;
      const resolved = await this.resolve(source, realOf(importer), { ...options, skipSelf: true });
      if (!resolved || resolved.external || !resolved.id.startsWith(CORE)) return resolved;
      const path = resolved.id.slice(CORE.length);
      if (SHARED.some((re) => re.test(resolved.id)) || ADAPTER_SIDE.test(path)) return resolved;
      return { id: `${PACKAGES}${widget}${COPY}${path}`, moduleSideEffects: false };
    },
    load(id) {
      return id.includes(COPY) ? readFileSync(realOf(id), 'utf8') : null;
    },
  };
}

/** Files a chunk needs beside it at run time: MapLibre's worker and the default basemap. */
function copyAssets() {
  const files = {
    'vendor/maplibre-gl-worker.mjs': 'node_modules/maplibre-gl/dist/maplibre-gl-worker.mjs',
    'basemap/countries-110m.json': 'packages/action-map/basemap/countries-110m.json',
  };
  return {
    name: 'archipel-copy-assets',
    generateBundle() {
      for (const [fileName, from] of Object.entries(files)) this.emitFile({ type: 'asset', fileName, source: readFileSync(from) });
    },
  };
}

function stats() {
  return {
    name: 'archipel-build-stats',
    generateBundle(_options, bundle) {
      const chunks = {};
      for (const [fileName, c] of Object.entries(bundle)) {
        if (c.type !== 'chunk') continue;
        chunks[fileName] = {
          name: c.name,
          isEntry: c.isEntry,
          imports: c.imports,
          dynamicImports: c.dynamicImports,
          bytes: Buffer.byteLength(c.code),
          gzip: gzipSync(c.code, { level: 9 }).length,
          modules: Object.keys(c.modules).map((m) => m.replace(process.cwd() + '/', '')),
        };
      }
      this.emitFile({ type: 'asset', fileName: 'build-stats.json', source: JSON.stringify({ version: pkg.version, chunks }, null, 1) });
    },
  };
}

/** Minified ES2022, with the HTML and CSS inside Lit templates minified too (terser leaves template strings alone). */
const compile = () => [
  nodeResolve({ browser: true, exportConditions: ['production'] }),
  esbuild({ target: 'es2022', tsconfig: 'tsconfig.json', define: { __ARCHIPEL_VERSION__: JSON.stringify(pkg.version), __ARCHIPEL_SCHEMA_VERSION__: JSON.stringify(schemaVersion) } }),
  minifyHTML({ include: ['packages/**'] }),
  terser({ ecma: 2022, module: true, compress: { passes: 2 }, format: { comments: false } }),
];

export default [
  {
    input: { archipel: 'packages/embed/src/archipel.ts', 'archipel-core': 'packages/core/src/shared.ts', ...widgetEntries() },
    output: {
      dir: 'dist',
      format: 'es',
      entryFileNames: '[name].js',
      chunkFileNames: 'chunks/[name]-[hash].js',
      sourcemap: true,
      // A copy's source map points to the file it was copied from.
      sourcemapPathTransform: (path) => path.replace(/packages\/[^/]+\/~core\//, 'packages/core/src/'),
      manualChunks(id) {
        if (SHARED.some((re) => re.test(id))) return 'archipel-core';
        if (/node_modules\/maplibre-gl\//.test(id)) return 'maplibre';
      },
    },
    preserveEntrySignatures: 'allow-extension',
    plugins: [copiesPerWidget(), loaderTable(), ...compile(), copyAssets(), stats()],
  },
  /**
   * The source checker is a webmaster's tool page, not a widget: one file of its own. Built with the widgets,
   * it shared the four read schemas with them, which split each schema into a chunk of its own and cost
   * every page a request and about 0.15 KiB.
   */
  {
    input: { 'archipel-check': 'packages/embed/src/check-source.ts' },
    output: { dir: 'dist', format: 'es', entryFileNames: '[name].js', inlineDynamicImports: true, sourcemap: true },
    plugins: compile(),
  },
];
