/**
 * What `npm pack` publishes (after `npm run build`, which `npm test` runs first): the `archipel` package a page
 * loads from a CDN or installs, and `@archipel/server`, the reference server as JavaScript with its command.
 * Each tarball is really packed and unpacked under .archipel/pack-test, where the consumer's TypeScript is checked
 * against it and the server's command runs. Every package of the repository carries the root's LICENSE.
 */
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, cpSync } from 'node:fs';
import { join, posix } from 'node:path';
import { Ajv } from 'ajv';

const WORK = '.archipel/pack-test';
const TAGS = ['action-map', 'archipel-console', 'chapter-hub', 'hashtag-wall', 'hub-signup', 'readiness-survey'];

interface Packed {
  name: string;
  filename: string;
  files: { path: string }[];
}

/** Packs a workspace (or the root), without running prepack: the build is already there. */
function pack(workspace?: string): { packed: Packed; dir: string } {
  const args = ['pack', '--json', '--ignore-scripts', '--pack-destination', WORK, ...(workspace ? ['-w', workspace] : [])];
  const [packed] = JSON.parse(execFileSync('npm', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })) as Packed[];
  const dir = join(WORK, packed!.name.replace('/', '+'));
  mkdirSync(dir, { recursive: true });
  execFileSync('tar', ['-xzf', join(WORK, packed!.filename), '-C', dir, '--strip-components=1']);
  return { packed: packed!, dir };
}

const json = (path: string) => JSON.parse(readFileSync(path, 'utf8'));

/** Every string that names a file in a package.json's exports (wildcards left out). */
function exportTargets(value: unknown): string[] {
  if (typeof value === 'string') return value.includes('*') ? [] : [value];
  if (value && typeof value === 'object') return Object.values(value).flatMap(exportTargets);
  return [];
}

let site: { packed: Packed; dir: string; files: Set<string> };
let server: { packed: Packed; dir: string; files: Set<string> };

before(() => {
  assert.ok(existsSync('dist/custom-elements.json') && existsSync('dist/archipel.d.ts'), 'dist/ is not built: run `npm run build` first');
  rmSync(WORK, { recursive: true, force: true });
  mkdirSync(WORK, { recursive: true });
  const a = pack();
  site = { ...a, files: new Set(a.packed.files.map((f) => f.path)) };
  const b = pack('@archipel/server');
  server = { ...b, files: new Set(b.packed.files.map((f) => f.path)) };
});

describe('the archipel package', () => {
  it('holds the loader, every widget with its types, the basemap, the map worker and its pins script', () => {
    assert.equal(site.packed.name, 'archipel');
    for (const file of ['dist/archipel.js', 'dist/archipel.d.ts', 'dist/archipel-core.js', 'dist/vendor/maplibre-gl-worker.mjs', 'dist/archipel-map-pins.mjs', 'dist/basemap/countries-110m.json', 'README.md', 'CHANGELOG.md', 'LICENSE', 'dist/THIRD-PARTY-NOTICES']) {
      assert.ok(site.files.has(file), `${file} is not in the tarball`);
    }
    for (const tag of TAGS) {
      assert.ok(site.files.has(`dist/${tag}.js`), `dist/${tag}.js is not in the tarball`);
      assert.ok(site.files.has(`dist/${tag}.d.ts`), `dist/${tag}.d.ts is not in the tarball`);
    }
  });

  it('holds no sources, tests, precompressed copies or build statistics', () => {
    const stray = [...site.files].filter((f) => /^(packages|tests|scripts|demo)\//.test(f) || /\.(br|gz)$/.test(f) || (f.endsWith('.ts') && !f.endsWith('.d.ts')) || f === 'dist/build-stats.json');
    assert.deepEqual(stray, []);
  });

  it('finds every file that a packed module imports inside the tarball', () => {
    const missing: string[] = [];
    for (const file of site.files) {
      if (!/\.(js|d\.ts)$/.test(file)) continue;
      const text = readFileSync(join(site.dir, file), 'utf8');
      for (const [, specifier] of text.matchAll(/(?:from|import)\s*\(?\s*["'](\.{1,2}\/[^"']+)["']/g)) {
        let target = posix.normalize(posix.join(posix.dirname(file), specifier!));
        if (file.endsWith('.d.ts')) target = target.replace(/\.js$/, '.d.ts');
        if (!site.files.has(target)) missing.push(`${file} → ${specifier}`);
      }
    }
    assert.deepEqual(missing, []);
  });

  it('says what it exports, what has side effects, and under which licence', () => {
    const pkg = json(join(site.dir, 'package.json'));
    assert.equal(pkg.private, undefined, 'a private package cannot be published');
    assert.equal(pkg.license, 'AGPL-3.0-or-later');
    assert.match(readFileSync(join(site.dir, 'LICENSE'), 'utf8'), /^\s*GNU AFFERO GENERAL PUBLIC LICENSE\s+Version 3/);
    const targets = [...exportTargets(pkg.exports), ...pkg.sideEffects, pkg.main, pkg.types, pkg.customElements].map((t: string) => t.replace(/^\.\//, ''));
    for (const target of targets) assert.ok(site.files.has(target), `package.json names ${target}, which is not in the tarball`);
    for (const tag of TAGS) assert.ok(pkg.sideEffects.includes(`./dist/${tag}.js`), `dist/${tag}.js registers <${tag}>: it has a side effect`);
    assert.deepEqual(Object.keys(pkg.dependencies).sort(), ['lit', 'zod'], 'the bundles hold their libraries; only the types import lit and zod');
  });

  it('keeps the licence of every library the bundles hold', () => {
    const notices = readFileSync(join(site.dir, 'dist/THIRD-PARTY-NOTICES'), 'utf8');
    for (const name of ['lit', 'maplibre-gl', 'chart.js', 'zod', 'idb-keyval', 'dompurify', 'd3-dsv', 'topojson-client']) {
      const version = json(`node_modules/${name}/package.json`).version;
      assert.ok(notices.includes(`\n${name} ${version} (`), `THIRD-PARTY-NOTICES has no section for ${name} ${version}`);
    }
    assert.match(notices, /Permission is hereby granted, free of charge/, 'the MIT text itself is reproduced');
  });

  it('has a Custom Elements Manifest that the 2.x schema accepts, with paths into dist/', () => {
    const manifest = json(join(site.dir, 'dist/custom-elements.json')) as { schemaVersion: string; modules: { path: string; exports: { kind: string; name: string }[]; declarations: Record<string, any>[] }[] };
    assert.match(manifest.schemaVersion, /^2\./);
    const ajv = new Ajv({ allErrors: true, strict: false });
    const validate = ajv.compile(json('node_modules/custom-elements-manifest/schema.json'));
    assert.ok(validate(manifest), ajv.errorsText(validate.errors));
    const tags = [];
    for (const module of manifest.modules) {
      assert.ok(site.files.has(module.path), `the manifest names ${module.path}, which is not in the tarball`);
      for (const d of module.declarations) {
        tags.push(d.tagName);
        assert.ok(module.exports.some((e: { kind: string; name: string }) => e.kind === 'custom-element-definition' && e.name === d.tagName), `${module.path} does not say it defines <${d.tagName}>`);
        assert.ok(d.attributes.length && d.cssParts.length && d.cssProperties.length, `<${d.tagName}> lacks attributes, parts or custom properties`);
        for (const e of d.events) assert.match(e.type?.text ?? '', /^CustomEvent<\w+/, `<${d.tagName}>'s ${e.name} has no detail type`);
        assert.ok(d.members.some((m: { name: string }) => m.name === 'strings') && d.members.some((m: { name: string }) => m.name === 'adapter'), `<${d.tagName}> lists no strings or adapter property`);
        assert.ok(!JSON.stringify(d).includes('packages/'), `<${d.tagName}> still points at a source file`);
      }
    }
    assert.deepEqual(tags.sort(), TAGS);
    const slots = manifest.modules.flatMap((m: { declarations: { slots?: unknown[] }[] }) => m.declarations.flatMap((d) => d.slots ?? []));
    assert.ok(slots.length, '<chapter-hub> documents its slots');
  });

  it('is what the README\'s CDN line loads, at the version of package.json', () => {
    const [major, minor] = json('package.json').version.split('.');
    const line = `https://cdn.jsdelivr.net/npm/archipel@${major}.${minor}/dist/archipel.js`;
    assert.ok(readFileSync('README.md', 'utf8').includes(`<script type="module" src="${line}"></script>`), `README.md should show ${line}`);
    assert.ok(site.files.has('dist/archipel.js'));
  });

  it('gives VS Code every tag and attribute', () => {
    const data = json(join(site.dir, 'dist/vscode.html-custom-data.json'));
    assert.deepEqual(data.tags.map((t: { name: string }) => t.name).sort(), TAGS);
    const signup = data.tags.find((t: { name: string }) => t.name === 'hub-signup');
    assert.ok(signup.attributes.some((a: { name: string; description: string }) => a.name === 'privacy-url' && a.description));
  });

  it('type-checks a page and a React 19 app written against it, and refuses wrong types', () => {
    const app = join(WORK, 'consumer');
    cpSync('tests/packaging/consumer', app, { recursive: true });
    // The app's own node_modules holds the package as published; lit, zod and react resolve from the repository's.
    mkdirSync(join(app, 'node_modules'), { recursive: true });
    cpSync(site.dir, join(app, 'node_modules/archipel'), { recursive: true });
    try {
      execFileSync('npx', ['tsc', '-p', join(app, 'tsconfig.json')], { encoding: 'utf8' });
    } catch (e) {
      assert.fail(`tsc found errors:\n${(e as { stdout: string }).stdout}`);
    }
  });
});

describe('the @archipel/server package', () => {
  it('is compiled JavaScript with its command, its types, its contract and its licence', () => {
    for (const file of ['bin/archipel-server.mjs', 'dist/cli.js', 'dist/index.js', 'dist/index.d.ts', 'openapi.yaml', 'LICENSE', 'package.json']) {
      assert.ok(server.files.has(file), `${file} is not in the server's tarball`);
    }
    assert.deepEqual([...server.files].filter((f) => f.startsWith('src/') || (f.endsWith('.ts') && !f.endsWith('.d.ts'))), []);
    const pkg = json(join(server.dir, 'package.json'));
    assert.equal(pkg.name, '@archipel/server');
    assert.equal(pkg.bin['archipel-server'], './bin/archipel-server.mjs');
    assert.equal(pkg.private, undefined);
  });

  it('runs its command from the unpacked tarball', () => {
    const out = execFileSync(process.execPath, [join(server.dir, 'bin/archipel-server.mjs'), '--help'], { encoding: 'utf8' });
    assert.match(out, /archipel-server token create --name NAME/);
  });
});

describe('every package of the repository', () => {
  const root = readFileSync('LICENSE', 'utf8');
  const folders = readdirSync('packages', { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => join('packages', d.name));

  it('has the root\'s LICENSE, and a package.json that names the same licence', () => {
    assert.equal(json('package.json').license, 'AGPL-3.0-or-later');
    for (const folder of folders) {
      assert.ok(existsSync(join(folder, 'LICENSE')), `${folder} has no LICENSE: copy the root's`);
      assert.equal(readFileSync(join(folder, 'LICENSE'), 'utf8'), root, `${folder}/LICENSE is not the root's text`);
      if (existsSync(join(folder, 'package.json'))) assert.equal(json(join(folder, 'package.json')).license, 'AGPL-3.0-or-later', `${folder}/package.json names another licence`);
    }
  });

  it('puts its LICENSE in its tarball', () => {
    const packed = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts', '--workspaces'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })) as Packed[];
    const workspaces = folders.filter((f) => existsSync(join(f, 'package.json'))).map((f) => json(join(f, 'package.json')).name).sort();
    assert.deepEqual(packed.map((p) => p.name).sort(), workspaces);
    for (const p of packed) assert.ok(p.files.some((f) => f.path === 'LICENSE'), `${p.name}'s tarball has no LICENSE`);
    assert.ok(site.files.has('LICENSE') && server.files.has('LICENSE'));
  });
});

describe('versions', () => {
  it('are semver, and the changelog has a section for the version in package.json or says what is unreleased', () => {
    const { version } = json('package.json');
    assert.match(version, /^\d+\.\d+\.\d+(-[\w.]+)?$/);
    assert.equal(json('packages/server/package.json').version, version, 'archipel and @archipel/server are released together');
    const headings = readFileSync('CHANGELOG.md', 'utf8').match(/^## .+$/gm) ?? [];
    assert.ok(headings.some((h) => h.startsWith(`## ${version} `) || h === `## ${version}`), `CHANGELOG.md has no "## ${version}" section`);
    for (const h of headings) assert.match(h, /^## (Unreleased|\d+\.\d+\.\d+(-[\w.]+)?( — .+)?)$/, `"${h}" is not a version heading`);
  });
});
