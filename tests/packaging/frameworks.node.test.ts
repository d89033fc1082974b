/**
 * The framework examples (examples/react, examples/vue, examples/svelte) as a developer meets them: the `archipel`
 * package is packed once with `npm pack` and each example installs that tarball with `npm ci` from its own
 * package-lock.json (not the workspace), type-checks against the generated types (tsc, vue-tsc, svelte-check),
 * refuses a wrong usage (tests/packaging/frameworks/), builds with Vite, and runs in Chromium beside the reference
 * server: the object property the framework set shows, and a sign-up sent from the app is stored and fires
 * `archipel-submitted` in the app. The examples are copied to .archipel/frameworks first.
 *
 * Installing needs the npm registry: without it the test is skipped, saying so, unless ARCHIPEL_REQUIRE_REGISTRY=1
 * (CI), where that is a failure.
 */
import { describe, it, before, after, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { CHROME_ARGS, findChrome } from '../../scripts/find-chrome.mjs';
import { startReferenceServer, type ReferenceServer } from '../support/reference-server.mjs';

const WORK = resolve('.archipel/frameworks');
const MISTAKES = 'tests/packaging/frameworks';
/** The reference server refuses forms sent faster than a person fills them (1.5 s). */
const MIN_FILL = 1600;

interface Example {
  name: string;
  /** The type checker, from the example's node_modules/.bin, and its arguments. */
  check: string[];
  /** A file of tests/packaging/frameworks with wrong usages, copied into the example's src/ to be refused. */
  mistake: string;
}

const EXAMPLES: Example[] = [
  { name: 'react', check: ['tsc', '-p', 'tsconfig.json'], mistake: 'mistake.tsx' },
  { name: 'vue', check: ['vue-tsc', '-p', 'tsconfig.json'], mistake: 'Mistake.vue' },
  { name: 'svelte', check: ['svelte-check', '--tsconfig', './tsconfig.json', '--output', 'machine'], mistake: 'Mistake.svelte' },
];

/** Why the npm registry cannot be used, or undefined when it answers. */
function registryUnreachable(): string | undefined {
  try {
    execFileSync('npm', ['ping', '--fetch-retries', '0', '--fetch-timeout', '10000'], { stdio: 'ignore', timeout: 20_000 });
    return undefined;
  } catch {
    return 'the npm registry does not answer (`npm ping`), so the examples cannot install';
  }
}

/** Runs a command in `cwd` without the test run's TypeScript loader; resolves with its exit code and output. */
function run(cwd: string, cmd: string, args: string[]): Promise<{ code: number | null; out: string; seconds: number }> {
  const env = { ...process.env };
  delete env.NODE_OPTIONS;
  const started = performance.now();
  return new Promise((done) => {
    const child = spawn(cmd, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('close', (code) => done({ code, out, seconds: Math.round((performance.now() - started) / 100) / 10 }));
  });
}

const bin = (example: Example, name: string) => join(WORK, example.name, 'node_modules/.bin', name);

/** `file:line` of every error a checker reported, in tsc's form (`src/a.tsx(5,3): error`) or svelte-check's machine form. */
function errorLines(out: string): string[] {
  const tsc = [...out.matchAll(/^(\S+)\((\d+),\d+\): error TS\d+/gm)].map(([, file, line]) => `${file}:${line}`);
  const svelte = [...out.matchAll(/ ERROR "([^"]+)" (\d+):\d+ /g)].map(([, file, line]) => `${file}:${line}`);
  return [...tsc, ...svelte].sort();
}

const unreachable = registryUnreachable();
if (unreachable && process.env.ARCHIPEL_REQUIRE_REGISTRY === '1') {
  test('the framework examples (required by ARCHIPEL_REQUIRE_REGISTRY=1)', () => assert.fail(unreachable));
} else if (unreachable) {
  test('the framework examples', { skip: `${unreachable}; set ARCHIPEL_REQUIRE_REGISTRY=1 to make that a failure` }, () => {});
} else {
  let installed: Record<string, Awaited<ReturnType<typeof run>>> = {};

  before(async () => {
    assert.ok(existsSync('dist/archipel.d.ts') && existsSync('dist/frameworks/vue.d.ts'), 'dist/ is not built: run `npm run build` first');
    rmSync(WORK, { recursive: true, force: true });
    mkdirSync(WORK, { recursive: true });
    const [packed] = JSON.parse(execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', WORK], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })) as { filename: string }[];
    // The examples name the tarball without its version: `file:../archipel.tgz`.
    renameSync(join(WORK, packed!.filename), join(WORK, 'archipel.tgz'));
    for (const { name } of EXAMPLES) {
      cpSync(join('examples', name), join(WORK, name), { recursive: true, filter: (src) => !/[\\/](node_modules|dist)$/.test(src) });
      // The tarball changes with every build: its checksum in the lock file would refuse the next one.
      const lockPath = join(WORK, name, 'package-lock.json');
      const lock = JSON.parse(readFileSync(lockPath, 'utf8'));
      delete lock.packages['node_modules/archipel'].integrity;
      writeFileSync(lockPath, JSON.stringify(lock, null, 2));
    }
    // The three installs in one go: they wait on the network, not on the processor.
    const results = await Promise.all(EXAMPLES.map((e) => run(join(WORK, e.name), 'npm', ['ci', '--no-audit', '--no-fund', '--prefer-offline'])));
    installed = Object.fromEntries(EXAMPLES.map((e, i) => [e.name, results[i]!]));
  });

  for (const example of EXAMPLES) {
    const dir = join(WORK, example.name);
    describe(`the ${example.name} example`, () => {
      it('installs the packed archipel tarball with npm ci, not the workspace', (t) => {
        const { code, out, seconds } = installed[example.name]!;
        assert.equal(code, 0, `npm ci failed in examples/${example.name}:\n${out}`);
        t.diagnostic(`npm ci: ${seconds} s (three at once)`);
        const pkg = JSON.parse(readFileSync(join(dir, 'node_modules/archipel/package.json'), 'utf8'));
        assert.equal(pkg.version, JSON.parse(readFileSync('package.json', 'utf8')).version);
        assert.ok(existsSync(join(dir, 'node_modules/archipel/dist/hub-signup.js')), 'the tarball’s dist/ is installed');
        assert.ok(!existsSync(join(dir, 'node_modules/archipel/packages')), 'the sources are not installed: this is the tarball, not the workspace');
      });

      it(`type-checks against the generated types with ${example.check[0]}, refusing only the deliberate mistakes`, async (t) => {
        // One run of the checker for both: the app beside a file of wrong usages, where every error must be one of them.
        const source = readFileSync(join(MISTAKES, example.mistake), 'utf8');
        const wrong = source.split('\n').flatMap((line, i) => (/42|detail\.nothing/.test(line) ? [`src/${example.mistake}:${i + 1}`] : []));
        assert.equal(wrong.length, 2, `${example.mistake} should hold its two mistakes: a wrong property type and a wrong event detail`);
        writeFileSync(join(dir, 'src', example.mistake), source);
        try {
          const { code, out, seconds } = await run(dir, bin(example, example.check[0]!), example.check.slice(1));
          t.diagnostic(`${example.check[0]}: ${seconds} s`);
          assert.notEqual(code, 0, `${example.check[0]} accepted ${example.mistake}: the types are too loose`);
          assert.deepEqual(errorLines(out), wrong, `${example.check[0]} should find exactly the mistakes of ${example.mistake}, and nothing in the app:\n${out}`);
        } finally {
          rmSync(join(dir, 'src', example.mistake));
        }
      });

      it('builds with Vite', async (t) => {
        const { code, out, seconds } = await run(dir, bin(example, 'vite'), ['build']);
        t.diagnostic(`vite build: ${seconds} s`);
        assert.equal(code, 0, `vite build failed:\n${out}`);
        assert.ok(existsSync(join(dir, 'dist/index.html')));
      });
    });
  }

  describe('the built examples in Chromium, beside the reference server', () => {
    let server: ReferenceServer;
    let browser: Browser;
    before(async () => {
      server = await startReferenceServer({ statics: EXAMPLES.map((e) => `/${e.name}/=${join(WORK, e.name, 'dist')}`) });
      browser = await chromium.launch({ executablePath: findChrome(), args: CHROME_ARGS });
    });
    after(async () => {
      await browser?.close();
      await server?.stop();
    });

    /** The staff export's sign-ups with this email. */
    async function stored(email: string): Promise<Record<string, unknown>[]> {
      const res = await fetch(`${server.url}/signups?limit=500`, { headers: { authorization: `Bearer ${server.token}` } });
      const body = (await res.json()) as { items: Record<string, unknown>[] };
      return body.items.filter((r) => r.email === email);
    }

    for (const example of EXAMPLES) {
      it(`${example.name}: the strings object shows, and a sign-up reaches the server and the app`, { timeout: 60_000 }, async () => {
        assert.ok(readdirSync(join(WORK, example.name, 'dist')).length, 'the example is not built');
        const page = await browser.newPage();
        const errors: string[] = [];
        page.on('pageerror', (e) => errors.push(e.message));
        try {
          await page.goto(`${server.url.replace(/\/api$/, '')}/${example.name}/`);
          const team = `Join the ${example.name[0]!.toUpperCase()}${example.name.slice(1)} team`;
          const heading = page.locator('hub-signup h2');
          await heading.filter({ hasText: team }).waitFor({ timeout: 15_000 }).catch(async () => assert.fail(`the heading set through strings is not shown; it reads “${await heading.textContent()}”`));
          assert.equal((await page.locator('hub-signup button[type="submit"]').textContent())?.trim(), 'Count me in');
          // The survey's form is code loaded on demand: Vite split it into chunks of the app, which the page found.
          await page.locator('readiness-survey').getByText('Which actions would you like to join?').first().waitFor({ timeout: 15_000 });

          const email = `${example.name}.${Date.now()}@example.org`;
          const name = `Nadia ${example.name}`;
          await page.locator('hub-signup input[name="name"]').fill(name);
          await page.locator('hub-signup input[name="email"]').fill(email);
          await page.locator('hub-signup input[name="postcode"]').fill('13001');
          await page.locator('hub-signup input[name="consent"][value="contact"]').check();
          await page.waitForTimeout(MIN_FILL);
          await page.locator('hub-signup button[type="submit"]').click();

          // The app's own markup, written from the event's typed detail.
          await page.locator('main output p', { hasText: `${name} joined (sent)` }).waitFor({ timeout: 10_000 });
          const records = await stored(email);
          assert.equal(records.length, 1, 'the sign-up is stored once');
          assert.equal(records[0]!.name, name);
          assert.equal(records[0]!.postcode, '13001');
          assert.deepEqual(errors, []);
        } finally {
          await page.close();
        }
      });
    }
  });
}
