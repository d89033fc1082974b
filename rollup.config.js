/**
 * The production build: archipel.js (the loader), one entry per widget, and one shared chunk that every
 * widget imports, archipel-core.js. The shared chunk is what every widget runs on: the base element, the
 * collection controller and all they import (Lit, @lit/context, idb-keyval, reading and the core's words),
 * plus the helper every widget shows content in the visitor's language with, the HTTP helper every adapter imports and
 * the small modules most widgets' first render imports;
 * rollup splits the rest by itself, so a module that several widgets or lazy parts use becomes a chunk of its
 * own named after one of its modules, and adapters, words and heavy libraries (MapLibre, Chart.js, DOMPurify,
 * d3-dsv) load when first needed. Every import on demand asks at once for what its target imports
 * (preloadStaticImports). Writes dist/build-stats.json for the budget tests. The source checker
 * (archipel-check.js) is a second build, one file that no widget shares.
 */
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { createHash } from 'node:crypto';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import esbuild from 'rollup-plugin-esbuild';
import terser from '@rollup/plugin-terser';
import minifyHTML from '@lit-labs/rollup-plugin-minify-html-literals';
import MagicString from 'magic-string';

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
 * is empty in the sources (tests register their own tags) and generated here,
 * with the height each widget reserves while it loads (`archipel.reserve`) and the reads its first render waits
 * for (`archipel.firstReads`), which the loader begins with the widget's code.
 */
function loaderTable() {
  const table = resolve('packages/embed/src/widgets.ts');
  return {
    name: 'archipel-loader-table',
    load(id) {
      if (id !== table) return null;
      const entries = widgetEntries();
      const lines = Object.entries(entries).map(([tag, file]) => `  ${JSON.stringify(tag)}: () => import(${JSON.stringify(resolve(file))}),`);
      const reserve = Object.fromEntries(widgetPackages().filter(({ meta }) => meta.tag in entries && meta.reserve).map(({ meta }) => [meta.tag, meta.reserve]));
      const firstReads = Object.fromEntries(widgetPackages().filter(({ meta }) => meta.tag in entries && meta.firstReads).map(({ meta }) => [meta.tag, meta.firstReads]));
      return `export const widgets = {\n${lines.join('\n')}\n};\nexport const RESERVE = ${JSON.stringify(reserve)};\nexport const FIRST_READS = ${JSON.stringify(firstReads)};\nexport const FIRST_FILES = JSON.parse('__ARCHIPEL_FIRST_FILES__');\n`;
    },
  };
}

/**
 * Every import on demand asks, at the same moment, for the chunks its target imports statically, which the
 * browser would otherwise discover only once the target had arrived, a round trip later: a widget's files
 * come in one round after the loader, and a widget's words with the core's words they include. The loader
 * adds the <link rel="modulepreload"> (its `preload`, on its global API); without it, imports run as before.
 */
function preloadStaticImports() {
  return {
    name: 'archipel-preload-static-imports',
    renderDynamicImport({ chunk, getTargetChunkImports }) {
      const files = (getTargetChunkImports() ?? []).filter((i) => i.type === 'internal' && i.fileName !== chunk.fileName).map((i) => i.resolvedImportPath);
      if (!files.length) return null;
      return { left: `(globalThis[Symbol.for('archipel.loader')]?.preload?.([${files.join(',')}], import.meta.url), import(`, right: '))' };
    },
  };
}

/**
 * What a widget needs before its first render beyond its code: its words and the core's in the page's language,
 * and its source's adapter. The loader finds them here (FIRST_FILES in packages/embed/src/widgets.ts) and asks
 * for them with the widget's code, one round trip rather than two more after it: the words the class declares
 * (`static words`, named in its component file, from its package or core), core's own, and each adapter chunk
 * with what it imports beyond the shared chunk. The file names are rollup's placeholders, hashed afterwards.
 */
function firstFiles() {
  const stringsDecl = /\/packages\/[^/]+\/src\/strings\/[^/]+\.ts$/;
  const adapterFile = /\/packages\/core\/src\/adapters\/(rest|json|sheets|apps-script)\.ts$/;
  return {
    name: 'archipel-first-files',
    renderChunk(code, chunk, _options, { chunks }) {
      const placeholder = /(["'])__ARCHIPEL_FIRST_FILES__\1/.exec(code);
      if (!placeholder) return null;
      const all = Object.values(chunks);
      const fileOf = (id) => all.find((c) => c.moduleIds.includes(id))?.fileName;
      const withImports = (file) => {
        const out = [];
        const visit = (f) => {
          if (!f || out.includes(f) || f === 'archipel-core.js') return;
          out.push(f);
          chunks[f]?.imports.forEach(visit);
        };
        visit(file);
        return out;
      };
      const declarations = [...this.getModuleIds()].filter((id) => stringsDecl.test(id));
      const exportName = (id) => /export const (\w+)/.exec(readFileSync(id, 'utf8'))?.[1];
      // A file of chunks/ goes by its bare name; a catalogue's words by the hash of each language's file, in the
      // order of `langs`: hashes do not compress, names do not need repeating (the loader's budget).
      const short = (f) => f.replace(/^chunks\/(.*)\.js$/, '$1');
      const langs = [];
      const found = (decls) => {
        const out = [];
        for (const decl of decls) {
          for (const id of this.getModuleInfo(decl)?.dynamicallyImportedIds ?? []) {
            const lang = /\/strings\/([^/]+)\/[^/]+\.ts$/.exec(id)?.[1];
            const [, name, hash] = /^(.*)-([^-]+)$/.exec(short(fileOf(id) ?? '')) ?? [];
            if (!lang || !name) continue;
            if (!langs.includes(lang)) langs.push(lang);
            out.push({ lang, name, hash });
          }
        }
        return out;
      };
      const byName = (files) => {
        const out = {};
        for (const { lang, name, hash } of files) (out[name] ??= [])[langs.indexOf(lang)] = hash;
        return Object.fromEntries(Object.entries(out).map(([name, hashes]) => [name, Array.from(langs, (_, i) => hashes[i] ?? '').join(' ')]));
      };
      // Core's own words, which every widget needs, under "*".
      const core = found(declarations.filter((id) => id.endsWith('/core/src/strings/core.ts')));
      const perTag = {};
      for (const { dir, meta } of widgetPackages()) {
        const component = resolve(`packages/${dir}/src/${meta.tag}.component.ts`);
        if (!existsSync(component)) continue;
        // The catalogues its class declares (`static words = [mapWords]`), not those a part loaded on demand learns.
        const declared = /static\s+(?:override\s+)?words\s*=\s*\[([^\]]*)\]/.exec(readFileSync(component, 'utf8'))?.[1] ?? '';
        const named = declarations.filter((id) => !id.endsWith('/core/src/strings/core.ts') && new RegExp(`\\b${exportName(id)}\\b`).test(declared));
        perTag[meta.tag] = found(named);
      }
      const words = { '*': byName(core), ...Object.fromEntries(Object.entries(perTag).map(([tag, files]) => [tag, byName(files)])) };
      // A part loaded on demand that the first render waits for (`archipel.firstParts`: the survey's form, unless the
      // element shows the results): its chunk, what it imports and the words it names, asked for in the same round.
      const parts = {};
      for (const { dir, meta } of widgetPackages()) {
        for (const [module, unless] of Object.entries(meta.firstParts ?? {})) {
          const id = resolve(`packages/${dir}/${module}`);
          const source = readFileSync(id, 'utf8');
          const named = declarations.filter((decl) => new RegExp(`\\b${exportName(decl)}\\b`).test(source));
          parts[meta.tag] = { unless, files: withImports(fileOf(id)).map(short).join(' '), words: byName(found(named)) };
        }
      }
      const adapters = {};
      for (const id of this.getModuleIds()) {
        const kind = adapterFile.exec(id)?.[1];
        if (kind) adapters[kind] = withImports(fileOf(id)).map(short).join(' ');
      }
      const text = new MagicString(code);
      text.overwrite(placeholder.index, placeholder.index + placeholder[0].length, JSON.stringify(JSON.stringify({ langs: langs.join(' '), words, adapters, parts })));
      return { code: text.toString(), map: text.generateMap({ hires: true }) };
    },
  };
}

const CORE = `${resolve('packages/core/src')}/`;
/** A module of node_modules as rollup names it. */
const inNodeModules = (path) => resolve('node_modules', path);

/**
 * The manualChunks rule of archipel-core.js (see the header), as a plugin that learns the chunk's members
 * anew for each build (`rollup -w`). Not "what two widgets import": every widget imports the @archipel/core
 * barrel, which imports every core module, so counting importers would put all of core on every page. The
 * HTTP helper is in because every page loads an adapter, and the translation helper because every widget shows
 * records with it: a file of its own would only cost each page a request. So are the small modules most widgets'
 * first render imports (links made safe, derived state, the cells every read schema is made of, Lit's directive
 * base): as chunks of their own they were four more requests before the action list's first row, three before
 * the wall's first card, which on a slow phone's network (400 ms a round trip, six connections to a host) cost
 * more than their 1.3 KiB in the shared chunk.
 */
function sharedChunk() {
  let members;
  return {
    name: 'archipel-shared-chunk',
    buildStart() {
      members = undefined;
    },
    manualChunks(id, { getModuleInfo }) {
      if (!members) {
        members = new Set();
        const visit = (module) => {
          if (members.has(module)) return;
          members.add(module);
          getModuleInfo(module)?.importedIds.forEach(visit);
        };
        for (const root of ['element.ts', 'collection.ts', 'reader.ts', 'schemas/fields.ts', 'translate.ts', 'http.ts', 'safe-url.ts', 'memo.ts', 'schemas/cells.ts']) visit(`${CORE}${root}`);
        for (const lit of ['lit-html/directive.js', 'lit-html/directive-helpers.js']) visit(inNodeModules(lit));
      }
      if (members.has(id)) return 'archipel-core';
    },
  };
}

/**
 * Importing a built file where there is no DOM (Node: SSR, Astro's frontmatter, a test runner) must not throw.
 * Lit's browser build reads the DOM as its modules are evaluated (`class ReactiveElement extends HTMLElement`,
 * lit-html's `document.createTreeWalker`, a check for `CSSStyleSheet` as a class's styles are first read); its
 * Node build falls back to shims there, and this build to the least
 * that lets the modules load, so a built file defines nothing in Node (core's `define()` registers a tag only
 * where `customElements` exists) and changes nothing in the browser. The build fails if Lit's code no longer
 * has a line this replaces, rather than ship a file that crashes in Node.
 */
function noDomSafe() {
  const fallbacks = [
    { file: /\/@lit\/reactive-element\/reactive-element\.js$/, from: 'extends HTMLElement{', to: 'extends(globalThis.HTMLElement??class{}){' },
    { file: /\/lit-html\/lit-html\.js$/, from: '=document,', to: '=globalThis.document??{createTreeWalker(){return{}}},' },
    { file: /\/@lit\/reactive-element\/css-tag\.js$/, from: ':t=>t instanceof CSSStyleSheet?', to: ':t=>t instanceof(globalThis.CSSStyleSheet??class{})?' },
  ];
  return {
    name: 'archipel-no-dom-safe',
    transform(code, id) {
      const fallback = fallbacks.find((f) => f.file.test(id));
      if (!fallback) return null;
      if (!code.includes(fallback.from)) this.error(`${id} no longer has "${fallback.from}": see noDomSafe() in rollup.config.js.`);
      return { code: code.replace(fallback.from, fallback.to), map: null };
    },
  };
}

/** Files a chunk needs beside it at run time: MapLibre's worker, the default basemap and the offline place index. */
function copyAssets() {
  const files = {
    'vendor/maplibre-gl-worker.mjs': 'node_modules/maplibre-gl/dist/maplibre-gl-worker.mjs',
    'basemap/countries-110m.json': 'packages/action-map/basemap/countries-110m.json',
    'gazetteer/fr.json': 'packages/action-map/gazetteer/fr.json',
  };
  return {
    name: 'archipel-copy-assets',
    generateBundle() {
      for (const [fileName, from] of Object.entries(files)) this.emitFile({ type: 'asset', fileName, source: readFileSync(from) });
    },
  };
}

/**
 * Files built on their own to run in a worker, named by the chunk that starts them as their source file, rewritten
 * here to the built file's place relative to that chunk: the worker that reads a large source off the page's thread
 * (packages/core/src/off-thread.ts), and the script MapLibre's worker loads to make many pins from bytes
 * (packages/action-map/src/map-view.ts). Both are built below.
 */
function builtBeside() {
  const files = { 'parse-worker.ts': 'archipel-reader.js', 'pins-worker.ts': 'archipel-map-pins.mjs' };
  return {
    name: 'archipel-built-beside',
    renderChunk(code, chunk) {
      const found = Object.keys(files).filter((source) => code.includes(source));
      if (!found.length) return null;
      const depth = chunk.fileName.split('/').length - 1;
      const text = new MagicString(code);
      for (const source of found) {
        const named = new RegExp(`(["'])\\./${source.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\1`, 'g');
        text.replace(named, JSON.stringify(`${depth ? '../'.repeat(depth) : './'}${files[source]}`));
      }
      return { code: text.toString(), map: text.generateMap({ hires: true }) };
    },
  };
}

/** The source checker, one file with no worker beside it, reads a large source on its page's thread, in slices. */
function withoutReaderWorker() {
  return {
    name: 'archipel-without-reader-worker',
    load: (id) => (id.endsWith('/core/src/off-thread.ts') ? 'export const parseOffThread = async () => undefined;' : null),
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
  noDomSafe(),
  esbuild({ target: 'es2022', tsconfig: 'tsconfig.json', define: { __ARCHIPEL_VERSION__: JSON.stringify(pkg.version), __ARCHIPEL_SCHEMA_VERSION__: JSON.stringify(schemaVersion) } }),
  minifyHTML({ include: ['packages/**'] }),
  terser({ ecma: 2022, module: true, compress: { passes: 3 }, format: { comments: false } }),
];

const shared = sharedChunk();

export default [
  {
    input: { archipel: 'packages/embed/src/archipel.ts', ...widgetEntries() },
    output: {
      dir: 'dist',
      format: 'es',
      entryFileNames: '[name].js',
      // The shared chunk keeps its name, so a page or a budget can name it; the others carry their hash. A file named
      // after a personal collection (the responses' schema) is one a static server refuses (packages/server/src/static.ts).
      chunkFileNames: (chunk) => (chunk.name === 'archipel-core' ? 'archipel-core.js' : /^(signups|responses)\b/i.test(chunk.name) ? 'chunks/schema-[name]-[hash].js' : 'chunks/[name]-[hash].js'),
      sourcemap: true,
      manualChunks(id, meta) {
        if (/node_modules\/maplibre-gl\//.test(id)) return 'maplibre';
        return shared.manualChunks(id, meta);
      },
    },
    preserveEntrySignatures: 'allow-extension',
    plugins: [shared, loaderTable(), preloadStaticImports(), firstFiles(), builtBeside(), ...compile(), copyAssets(), stats()],
  },
  /**
   * The reading worker (#23), loaded only to read a source of more than 10,000 actions: one file that shares nothing
   * with the widgets, since a worker has no DOM for the shared chunk's Lit to find.
   */
  {
    input: { 'archipel-reader': 'packages/core/src/parse-worker.ts' },
    output: { dir: 'dist', format: 'es', entryFileNames: '[name].js', inlineDynamicImports: true, sourcemap: true },
    plugins: compile(),
  },
  /**
   * The script MapLibre's worker loads to make a large campaign's pins from bytes (#23). `.mjs`, as MapLibre imports
   * a module by that ending (any other file it runs with `eval`, which a Content-Security-Policy may forbid).
   */
  {
    input: { 'archipel-map-pins': 'packages/action-map/src/pins-worker.ts' },
    output: { dir: 'dist', format: 'es', entryFileNames: '[name].mjs', sourcemap: true },
    plugins: compile(),
  },
  /**
   * The source checker is a webmaster's tool page, not a widget: one file of its own. Built with the widgets,
   * it shared the four read schemas with them, which split each schema into a chunk of its own and cost
   * every page a request and about 0.15 KiB.
   */
  {
    input: { 'archipel-check': 'packages/embed/src/check-source.ts' },
    output: { dir: 'dist', format: 'es', entryFileNames: '[name].js', inlineDynamicImports: true, sourcemap: true },
    plugins: [withoutReaderWorker(), ...compile()],
  },
];
