/**
 * The real reference server for browser tests, as a child process on a
 * loopback port, seeded with the demo campaign. From a test:
 *
 *   const { url, token } = await executeServerCommand('reference-server', { action: 'start' });
 *   await executeServerCommand('reference-server', { action: 'stop' });    // the network "drops"
 *   await executeServerCommand('reference-server', { action: 'start' });   // back, same port, same database
 *
 *   await executeServerCommand('reference-server', { action: 'start', cors: 'https://elsewhere.example' })
 *                                                    // restarted if need be with that --cors list ('*' by default)
 *
 * `url` is the API base (…/api) and `token` a staff token (`{ action: 'lead-token', chapter }` also answers
 * `leadToken`, a new token for that chapter's lead; `{ action: 'import', folder: 'tests/fixtures/…' }` adds that folder's
 * records); `static` is where it serves dist/ (--static /dist/=./dist),
 * as a campaign serving the widgets beside its API does. The database lives
 * in a temporary folder for the whole test run. The server is the compiled one
 * (packages/server/dist/cli.js), built first when missing or older than its sources.
 *
 * A Node test starts the same server with `startReferenceServer({ statics: ['/react/=./app/dist'] })`, which serves
 * those folders too (a built app beside the API) and answers what the command above answers, with `stop()`.
 */
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureBuilt } from '../../packages/server/build.mjs';

let state;
let preparing;

async function prepare() {
  // The compiled server, as a campaign runs it: no TypeScript loader.
  const cli = await ensureBuilt();
  const dir = mkdtempSync(join(tmpdir(), 'archipel-wtr-'));
  const db = join(dir, 'test.db');
  execFileSync(process.execPath, [cli, 'import', 'demo/data', '--db', db, '--base-url', '/demo/data/'], { stdio: 'ignore' });
  // Survey responses are personal: the demo keeps them out of its public folder.
  execFileSync(process.execPath, [cli, 'import', 'demo/seed', '--db', db], { stdio: 'ignore' });
  const token = execFileSync(process.execPath, [cli, 'token', 'create', '--name', 'browser tests', '--db', db], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  return { cli, db, token, photos: join(dir, 'photos'), port: 0, child: undefined, cors: '*', statics: [] };
}

async function start(cors = '*', statics = []) {
  state ??= await (preparing ??= prepare());
  if (state.child && state.cors === cors && state.statics.join() === statics.join()) return;
  if (state.child) await stop();
  state.cors = cors;
  state.statics = statics;
  await new Promise((resolve, reject) => {
    // Request lines are left out (warn): only what goes wrong reaches the test run's output.
    const child = spawn(process.execPath, [state.cli, '--db', state.db, '--port', String(state.port), '--cors', cors, '--static', '/dist/=./dist', ...statics.flatMap((s) => ['--static', s]), '--writes-per-minute', '0', '--log-level', 'warn', '--photos', state.photos], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (chunk) => {
      // Once started, its output is not kept: a long run would only grow it.
      if (state.child === child) return;
      out += chunk;
      const m = /on http:\/\/127\.0\.0\.1:(\d+)\/api/.exec(out);
      if (m && !state.child) {
        state.port = Number(m[1]);
        state.child = child;
        resolve();
      }
    });
    child.once('exit', (code) => {
      if (state.child === child) state.child = undefined;
      else reject(new Error(`reference server exited with ${code}: ${out}`));
    });
  });
}

function stop() {
  const child = state?.child;
  if (!child) return Promise.resolve();
  return new Promise((resolve) => {
    // The server closes gracefully; a connection it waits on must not stall a test.
    const hard = setTimeout(() => child.kill('SIGKILL'), 2000);
    child.once('exit', () => {
      clearTimeout(hard);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/**
 * Starts and stops run one after the other: a stop asked while a start is still under way (a test that timed out
 * while the server was being prepared) must wait for that start and stop its server, or the server outlives the
 * run and holds its output open.
 */
let queue = Promise.resolve();
const serial = (step) => {
  const next = queue.then(step, step);
  queue = next.catch(() => undefined);
  return next;
};

const answer = () => ({ url: `http://127.0.0.1:${state.port}/api`, static: `http://127.0.0.1:${state.port}/dist/`, token: state.token, running: Boolean(state.child) });

export async function startReferenceServer({ cors = '*', statics = [] } = {}) {
  await serial(() => start(cors, statics));
  return { ...answer(), stop: () => serial(stop) };
}

export function referenceServerPlugin() {
  return {
    name: 'archipel-reference-server',
    async executeCommand({ command, payload }) {
      if (command !== 'reference-server') return undefined;
      if (payload?.action === 'stop') await serial(stop);
      else await serial(() => start(payload?.cors));
      // A fixture folder of records, imported into the running server's database (each test file asks for its own).
      if (payload?.action === 'import' && /^tests\/fixtures\/[\w-]+$/.test(payload.folder ?? '')) {
        execFileSync(process.execPath, [state.cli, 'import', payload.folder, '--db', state.db], { stdio: 'ignore' });
      }
      if (payload?.action !== 'lead-token') return answer();
      const name = `lead of ${payload.chapter} ${Date.now()}`;
      const leadToken = execFileSync(process.execPath, [state.cli, 'token', 'create', '--name', name, '--chapter', payload.chapter, '--db', state.db], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
      return { ...answer(), leadToken };
    },
    async serverStop() {
      await serial(stop);
    },
  };
}
