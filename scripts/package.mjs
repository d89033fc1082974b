/**
 * What the published `archipel` package holds beside the bundles, made from the build (scripts/build.mjs runs it
 * after rollup and the manifest analyzer):
 *
 * - dist/*.d.ts: the types of the loader and of each widget's entry, @archipel/core inlined, Lit and MapLibre
 *   left to their packages; the widgets' classes, their typed events and `HTMLElementTagNameMap`.
 * - dist/custom-elements.json: the analyzer's manifest made publishable: schema 2.1.0, modules at their dist/
 *   paths, each with its exports (the class and its tag), references to sources dropped.
 * - dist/frameworks/{react,vue,svelte}.d.ts: each framework's element typings, generated from the manifest.
 * - dist/react.js and dist/react.d.ts: @lit/react wrappers, one a widget, with its events as `on…` props.
 * - dist/vscode.html-custom-data.json: VS Code's HTML custom data, so the editor completes tags and attributes.
 * - dist/THIRD-PARTY-NOTICES: the licence of every package the bundles hold, read from the source maps.
 *
 * Then the reference server's types (packages/server/dist/index.d.ts).
 *
 *   node scripts/package.mjs        after `npm run build` (which runs it)
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { rollup } from 'rollup';
import { dts } from 'rollup-plugin-dts';

const MANIFEST = 'dist/custom-elements.json';

/** Every widget: its tag, its folder under packages/ and its entry (packages/<dir>/package.json's `archipel`). */
export function widgetPackages() {
  return readdirSync('packages')
    .filter((dir) => existsSync(`packages/${dir}/package.json`))
    .map((dir) => ({ dir, meta: JSON.parse(readFileSync(`packages/${dir}/package.json`, 'utf8')).archipel }))
    .filter(({ meta }) => meta?.tag)
    .map(({ dir, meta }) => ({ dir, tag: meta.tag, entry: `packages/${dir}/${meta.entry}` }));
}

/**
 * The declarations of packages/*\/src as tsc emits them (tsconfig.types.json, into .archipel/types), bundled by
 * entry with rollup-plugin-dts: Archipel's own packages inlined, any other package's types imported from it
 * (lit, zod, maplibre-gl: see package.json). Bundling the .ts sources directly runs out of memory.
 */
const TYPES = resolve('.archipel/types');
const declarationOf = (file) => `${TYPES}/${file.replace(/\.ts$/, '.d.ts')}`;

function ownPackages() {
  const core = { '@archipel/core': 'packages/core/src/index.ts', '@archipel/core/server': 'packages/core/src/server.ts' };
  return { name: 'archipel-own-types', resolveId: (id) => (core[id] ? declarationOf(core[id]) : null) };
}

async function bundleTypes(input, dir) {
  const bundle = await rollup({
    input: Object.fromEntries(Object.entries(input).map(([name, file]) => [name, declarationOf(file)])),
    external: (id) => !/^[./]/.test(id) && !id.startsWith('@archipel/'),
    plugins: [ownPackages(), dts({ respectExternal: true })],
  });
  await bundle.write({ dir, format: 'es', entryFileNames: '[name].d.ts', chunkFileNames: (chunk) => `types/${chunk.name.replace(/\.d$/, '')}-[hash].d.ts` });
  await bundle.close();
}

/** The analyzer's manifest as published: schema 2.1.0, paths into dist/, exports, no references to sources. */
export function publishManifest(raw, widgets) {
  const modules = [];
  for (const module of raw.modules) {
    for (const declaration of module.declarations ?? []) {
      const widget = widgets.find((w) => w.tag === declaration.tagName);
      if (!widget) continue;
      const path = `dist/${widget.tag}.js`;
      // Archipel's own workspace packages are not published: a reference to one keeps only the name.
      const reference = (r) => (r ? { name: r.name, ...(r.package && !r.package.startsWith('@archipel/') ? { package: r.package } : {}) } : undefined);
      const strip = (x) => (x.inheritedFrom ? { ...x, inheritedFrom: reference(x.inheritedFrom) } : x);
      const clean = {
        ...declaration,
        superclass: reference(declaration.superclass),
        members: declaration.members?.map(strip),
        attributes: declaration.attributes?.map(strip),
        events: declaration.events?.map(strip),
      };
      modules.push({
        kind: 'javascript-module',
        path,
        declarations: [clean],
        exports: [
          { kind: 'js', name: declaration.name, declaration: { name: declaration.name, module: path } },
          { kind: 'custom-element-definition', name: widget.tag, declaration: { name: declaration.name, module: path } },
        ],
      });
    }
  }
  return { schemaVersion: '2.1.0', readme: 'README.md', modules };
}

/** The widgets in a manifest: tag, class name, public fields, attributes, events. */
export function elementsOf(manifest) {
  return manifest.modules.flatMap((module) =>
    module.declarations
      .filter((d) => d.tagName)
      .map((d) => ({
        tag: d.tagName,
        className: d.name,
        module: module.path,
        description: d.summary ?? d.description ?? '',
        fields: (d.members ?? []).filter((m) => m.kind === 'field' && !m.static && !m.readonly && (!m.privacy || m.privacy === 'public')),
        attributes: d.attributes ?? [],
        events: (d.events ?? []).filter((e) => e.name),
      })),
  );
}

const pascal = (name) => name.replace(/(^|-)([a-z])/g, (_, _dash, c) => c.toUpperCase());
/** `archipel-submitted` → `onArchipelSubmitted` (React wrappers, Vue's `@archipel-submitted`). */
const handlerName = (event) => `on${pascal(event)}`;
const eventType = (e) => e.type?.text ?? 'CustomEvent';
const DETAIL_TYPES = ['ErrorDetail', 'LoadDetail', 'SelectDetail', 'SubmitDetail', 'SubmittedDetail', 'PostWrite', 'Signup', 'SurveyResponse'];

/** The settable properties of a widget, typed from its class. */
const propsOf = (el) => `Partial<Pick<${el.className}, ${el.fields.map((f) => JSON.stringify(f.name)).join(' | ')}>>`;

function typeImports(elements, from) {
  return [
    `import type { ${DETAIL_TYPES.join(', ')} } from '${from}archipel.js';`,
    ...elements.map((el) => `import type { ${el.className} } from '${from}${el.tag}.js';`),
  ].join('\n');
}

const HEADER = '// Generated by scripts/package.mjs from custom-elements.json. Import it once (`import "archipel/jsx"`, etc.).\n';

/** React 19 passes a custom element's known properties as properties and `on<event-name>` as listeners. */
export function reactTypes(elements) {
  const entries = elements.map((el) => {
    const events = el.events.map((e) => `    ${JSON.stringify(`on${e.name}`)}?: (event: ${eventType(e)}) => void;`).join('\n');
    return `      ${JSON.stringify(el.tag)}: React.DetailedHTMLProps<React.HTMLAttributes<${el.className}>, ${el.className}> & ${propsOf(el)} & {\n${events.replaceAll('\n', '\n    ').replace(/^/, '    ')}\n      };`;
  });
  return `${HEADER}import type * as React from 'react';\n${typeImports(elements, '../')}\n\ndeclare module 'react' {\n  namespace JSX {\n    interface IntrinsicElements {\n${entries.join('\n')}\n    }\n  }\n}\n\nexport {};\n`;
}

/** Vue 3: the tags as global components, so templates type-check `:strings` and `@archipel-submitted`. */
export function vueTypes(elements) {
  const entries = elements.map((el) => {
    const events = el.events.map((e) => `${handlerName(e.name)}?: (event: ${eventType(e)}) => void`).join('; ');
    return `    ${JSON.stringify(el.tag)}: DefineComponent<${propsOf(el)} & { ${events} }>;`;
  });
  return `${HEADER}import type { DefineComponent } from 'vue';\n${typeImports(elements, '../')}\n\ndeclare module 'vue' {\n  interface GlobalComponents {\n${entries.join('\n')}\n  }\n}\n\nexport {};\n`;
}

/** Svelte 5: `onarchipel-submitted={…}` listens to the event of that name. */
export function svelteTypes(elements) {
  const entries = elements.map((el) => {
    const events = el.events.map((e) => `${JSON.stringify(`on${e.name}`)}?: (event: ${eventType(e)}) => void`).join('; ');
    return `    ${JSON.stringify(el.tag)}: HTMLAttributes<${el.className}> & ${propsOf(el)} & { ${events} };`;
  });
  return `${HEADER}import type { HTMLAttributes } from 'svelte/elements';\n${typeImports(elements, '../')}\n\ndeclare module 'svelte/elements' {\n  interface SvelteHTMLElements {\n${entries.join('\n')}\n  }\n}\n\nexport {};\n`;
}

/** @lit/react wrappers: `import { HubSignup } from 'archipel/react'`, events as `onArchipelSubmitted`. */
export function reactWrappers(elements) {
  const js = [
    '// Generated by scripts/package.mjs from custom-elements.json.',
    "import * as React from 'react';",
    "import { createComponent } from '@lit/react';",
    ...elements.map((el) => `import { ${el.className} as ${el.className}Element } from './${el.tag}.js';`),
    '',
    ...elements.map((el) => {
      const events = el.events.map((e) => `${handlerName(e.name)}: ${JSON.stringify(e.name)}`).join(', ');
      return `export const ${el.className} = createComponent({ tagName: ${JSON.stringify(el.tag)}, elementClass: ${el.className}Element, react: React, events: { ${events} } });`;
    }),
    '',
  ].join('\n');
  const types = [
    '// Generated by scripts/package.mjs from custom-elements.json.',
    "import type { EventName, ReactWebComponent } from '@lit/react';",
    `import type { ${DETAIL_TYPES.join(', ')} } from './archipel.js';`,
    ...elements.map((el) => `import type { ${el.className} as ${el.className}Element } from './${el.tag}.js';`),
    '',
    ...elements.map((el) => {
      const events = el.events.map((e) => `${handlerName(e.name)}: EventName<${eventType(e)}>`).join('; ');
      return `export declare const ${el.className}: ReactWebComponent<${el.className}Element, { ${events} }>;`;
    }),
    '',
  ].join('\n');
  return { js, types };
}

/** VS Code's HTML custom data (`"html.customData": ["./node_modules/archipel/dist/vscode.html-custom-data.json"]`). */
export function vscodeData(elements) {
  return {
    $schema: 'https://raw.githubusercontent.com/microsoft/vscode-html-languageservice/main/docs/customData.schema.json',
    version: 1.1,
    tags: elements.map((el) => ({
      name: el.tag,
      description: el.description,
      attributes: el.attributes.map((a) => ({ name: a.name, description: a.description ?? '' })),
    })),
  };
}

/**
 * Licences of bundled packages whose npm tarball has no licence file, as their repository states it. pmtiles: the
 * LICENSE of github.com/protomaps/PMTiles (the JavaScript reader is its reference implementation).
 */
const NOTICES_BY_HAND = {
  pmtiles: `Copyright 2021 Protomaps LLC

Redistribution and use in source and binary forms, with or without modification, are permitted provided that the following conditions are met:

1. Redistributions of source code must retain the above copyright notice, this list of conditions and the following disclaimer.

2. Redistributions in binary form must reproduce the above copyright notice, this list of conditions and the following disclaimer in the documentation and/or other materials provided with the distribution.

3. Neither the name of the copyright holder nor the names of its contributors may be used to endorse or promote products derived from this software without specific prior written permission.

THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS "AS IS" AND ANY EXPRESS OR IMPLIED WARRANTIES, INCLUDING, BUT NOT LIMITED TO, THE IMPLIED WARRANTIES OF MERCHANTABILITY AND FITNESS FOR A PARTICULAR PURPOSE ARE DISCLAIMED. IN NO EVENT SHALL THE COPYRIGHT HOLDER OR CONTRIBUTORS BE LIABLE FOR ANY DIRECT, INDIRECT, INCIDENTAL, SPECIAL, EXEMPLARY, OR CONSEQUENTIAL DAMAGES (INCLUDING, BUT NOT LIMITED TO, PROCUREMENT OF SUBSTITUTE GOODS OR SERVICES; LOSS OF USE, DATA, OR PROFITS; OR BUSINESS INTERRUPTION) HOWEVER CAUSED AND ON ANY THEORY OF LIABILITY, WHETHER IN CONTRACT, STRICT LIABILITY, OR TORT (INCLUDING NEGLIGENCE OR OTHERWISE) ARISING IN ANY WAY OUT OF THE USE OF THIS SOFTWARE, EVEN IF ADVISED OF THE POSSIBILITY OF SUCH DAMAGE.`,
};

/** Every package under node_modules that a source map of dist/ names, with its version, licence and licence text. */
export function bundledPackages(dir = 'dist') {
  // MapLibre's worker is copied as it is, without a map of ours; lit's modules only re-export lit-html, lit-element
  // and @lit/reactive-element, so no line of theirs is left in the maps.
  const names = new Set(['maplibre-gl', 'lit']);
  const visit = (d) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const path = join(d, entry.name);
      if (entry.isDirectory()) visit(path);
      else if (entry.name.endsWith('.js.map')) {
        for (const source of JSON.parse(readFileSync(path, 'utf8')).sources) {
          const match = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(source);
          if (match) names.add(match[1]);
        }
      }
    }
  };
  visit(dir);
  return [...names].sort().map((name) => {
    const root = `node_modules/${name}`;
    const pkg = JSON.parse(readFileSync(`${root}/package.json`, 'utf8'));
    const files = readdirSync(root).filter((f) => /^(licen[cs]e|copying)/i.test(f)).sort();
    if (!files.length && NOTICES_BY_HAND[name]) return { name, version: pkg.version, license: pkg.license, text: NOTICES_BY_HAND[name] };
    if (!files.length) throw new Error(`${name} ships no licence file: write its notice by hand in scripts/package.mjs.`);
    return { name, version: pkg.version, license: pkg.license, text: files.map((f) => readFileSync(`${root}/${f}`, 'utf8').trim()).join('\n\n') };
  });
}

export function notices(packages) {
  const head = `Archipel's bundles in dist/ include the following packages, each under its own licence, reproduced here.\nArchipel itself is licensed under the GNU Affero General Public License, version 3 or later (LICENSE).\n`;
  const sections = packages.map((p) => `${'='.repeat(78)}\n${p.name} ${p.version} (${p.license})\n${'='.repeat(78)}\n\n${p.text}\n`);
  return [head, ...sections].join('\n');
}

function write(path, text) {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
}

export async function packageDist() {
  const widgets = widgetPackages();
  rmSync(TYPES, { recursive: true, force: true });
  execFileSync('npx', ['tsc', '-p', 'tsconfig.types.json'], { stdio: 'inherit' });
  await bundleTypes({ archipel: 'packages/embed/src/archipel.ts', ...Object.fromEntries(widgets.map((w) => [w.tag, w.entry])) }, 'dist');
  const manifest = publishManifest(JSON.parse(readFileSync(MANIFEST, 'utf8')), widgets);
  write(MANIFEST, `${JSON.stringify(manifest, null, 2)}\n`);
  const elements = elementsOf(manifest);
  write('dist/frameworks/react.d.ts', reactTypes(elements));
  write('dist/frameworks/vue.d.ts', vueTypes(elements));
  write('dist/frameworks/svelte.d.ts', svelteTypes(elements));
  const wrappers = reactWrappers(elements);
  write('dist/react.js', wrappers.js);
  write('dist/react.d.ts', wrappers.types);
  write('dist/vscode.html-custom-data.json', `${JSON.stringify(vscodeData(elements), null, 2)}\n`);
  write('dist/THIRD-PARTY-NOTICES', notices(bundledPackages()));
  await bundleTypes({ index: 'packages/server/src/index.ts' }, 'packages/server/dist');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await packageDist();
