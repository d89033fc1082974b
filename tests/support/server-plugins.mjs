/**
 * Real HTTP endpoints for browser tests, served by the test runner's own
 * server on loopback:
 *
 * - /__sink/<collection>: stores POSTed JSON records by id, once per id, like
 *   a server honouring client ids; answers 503 while "down", or any status it is
 *   told to (`{action: 'answer', status: 403}`: a proxy in the way); it sends no
 *   CORS header, so a page of another origin (127.0.0.1 for localhost) is refused.
 * - the `sink` server command (from tests: executeServerCommand('sink', …))
 *   takes it down, brings it up, reports what it holds, or resets it.
 */
import { readFileSync, existsSync } from 'node:fs';
import { calendarAnswer } from './calendar-fixtures.mjs';

const sink = { down: false, answer: 0, records: new Map(), posts: 0 };

/**
 * Google's answers, byte for byte as Google sends them, from
 * tests/fixtures/google/<sheet>/<tab>.csv|.json.txt, under /__google/:
 * - /spreadsheets/d/<sheet>/gviz/tq?tqx=out:csv|out:json&sheet=<tab>: text/csv or
 *   text/javascript; an unknown tab answers the first tab, as gviz does;
 *   sheet "private" redirects to a sign-in page; sheet "busy" answers 429.
 * - /macros/s/<id>/exec: Apps Script's 302 to /macros/echo, which answers the
 *   JSON envelope (GET: a fixture; POST: stored by id, answered alike).
 */
const google = { calls: 0, posted: new Map() };
const FIXTURES = new URL('../fixtures/google/', import.meta.url);

function googleMiddleware() {
  return async (ctx, next) => {
    if (!ctx.path.startsWith('/__google/')) return next();
    google.calls += 1;
    const gviz = /^\/__google\/spreadsheets\/d\/([^/]+)\/gviz\/tq$/.exec(ctx.path);
    if (gviz) {
      const sheet = gviz[1];
      if (sheet === 'private') {
        ctx.status = 302;
        ctx.set('location', '/__google/accounts/signin');
        return;
      }
      if (sheet === 'busy') {
        ctx.status = 429;
        ctx.set('retry-after', '30');
        ctx.body = 'Too Many Requests';
        return;
      }
      const json = ctx.query.tqx === 'out:json';
      const tab = String(ctx.query.sheet ?? '');
      const ext = json ? '.json.txt' : '.csv';
      let file = new URL(`${sheet}/${tab}${ext}`, FIXTURES);
      if (!existsSync(file)) file = new URL(`${sheet}/actions${ext}`, FIXTURES);
      ctx.status = 200;
      ctx.set('content-type', json ? 'application/json; charset=utf-8' : 'text/csv; charset=utf-8');
      ctx.set('access-control-allow-origin', '*');
      ctx.set('cache-control', 'private, max-age=0');
      ctx.body = readFileSync(file);
      return;
    }
    if (ctx.path === '/__google/accounts/signin') {
      ctx.status = 200;
      ctx.set('content-type', 'text/html; charset=utf-8');
      ctx.body = readFileSync(new URL('signin.html', FIXTURES));
      return;
    }
    const exec = /^\/__google\/macros\/s\/([^/]+)\/exec$/.exec(ctx.path);
    if (exec) {
      let answer;
      if (ctx.method === 'POST') {
        const { record, collection } = JSON.parse(await body(ctx.req));
        if (!google.posted.has(record.id)) google.posted.set(record.id, { ok: true, id: record.id, status: collection === 'posts' ? 'pending' : 'stored' });
        answer = google.posted.get(record.id);
      } else {
        answer = { ok: true, items: JSON.parse(readFileSync(new URL(`apps-script/${ctx.query.collection}.json`, FIXTURES), 'utf8')) };
      }
      const key = Buffer.from(JSON.stringify(answer)).toString('base64url');
      ctx.status = 302;
      ctx.set('location', `/__google/macros/echo?user_content_key=${key}&lib=M${exec[1]}`);
      return;
    }
    if (ctx.path === '/__google/macros/echo') {
      ctx.status = 200;
      ctx.set('content-type', 'application/json; charset=utf-8');
      ctx.set('access-control-allow-origin', '*');
      ctx.body = Buffer.from(String(ctx.query.user_content_key), 'base64url').toString('utf8');
      return;
    }
    ctx.status = 404;
  };
}

async function body(req) {
  let data = '';
  for await (const chunk of req) data += chunk;
  return data;
}

function sinkMiddleware() {
  return async (ctx, next) => {
    if (!ctx.path.startsWith('/__sink/')) return next();
    if (sink.down) {
      ctx.status = 503;
      ctx.body = { title: 'Service Unavailable', detail: 'The test sink is down.' };
      return;
    }
    if (sink.answer && ctx.method === 'POST') {
      sink.posts += 1;
      ctx.status = sink.answer;
      ctx.body = { title: 'Told to', detail: `The test sink answers ${sink.answer}.` };
      return;
    }
    if (ctx.method === 'POST') {
      sink.posts += 1;
      const record = JSON.parse(await body(ctx.req));
      if (record.email === 'reject@example.org') {
        ctx.status = 422;
        ctx.body = { title: 'Unprocessable Content', detail: 'email: this address is refused by the test sink.' };
        return;
      }
      const key = `${ctx.path.slice(8)}/${record.id}`;
      if (!sink.records.has(key)) sink.records.set(key, record);
      ctx.status = 201;
      ctx.body = { id: record.id };
      return;
    }
    ctx.status = 405;
  };
}

function sinkCommands() {
  return {
    name: 'archipel-sink-commands',
    executeCommand({ command, payload }) {
      if (command === 'tiles') {
        if (payload?.action === 'reset') tiles.log.length = 0;
        return { log: tiles.log };
      }
      if (command === 'google') {
        if (payload?.action === 'reset') {
          google.calls = 0;
          google.posted.clear();
        }
        return { calls: google.calls, posted: [...google.posted.keys()] };
      }
      if (command !== 'sink') return undefined;
      switch (payload?.action) {
        case 'down':
          sink.down = true;
          break;
        case 'up':
          sink.down = false;
          sink.answer = 0;
          break;
        case 'answer':
          sink.answer = Number(payload.status);
          break;
        case 'reset':
          sink.down = false;
          sink.answer = 0;
          sink.records.clear();
          sink.posts = 0;
          break;
        default:
          break;
      }
      return { down: sink.down, posts: sink.posts, ids: [...sink.records.keys()] };
    },
  };
}

function calendarsMiddleware() {
  return async (ctx, next) => {
    if (!ctx.path.startsWith('/__calendars/')) return next();
    const answer = calendarAnswer(ctx.method, ctx.path.slice('/__calendars/'.length), ctx.method === 'POST' ? await body(ctx.req) : '');
    ctx.status = answer.status;
    for (const [name, value] of Object.entries(answer.headers)) ctx.set(name, value);
    if (answer.body !== undefined) ctx.body = answer.body;
  };
}

/**
 * Map tiles as a campaign's web server and a tile host elsewhere would serve them, each request logged with the host
 * it was sent to (the `tiles` server command reads the log, `{action: 'reset'}` empties it):
 * - a `.pmtiles` file under /tests/fixtures/ with HTTP byte serving (206 and Content-Range for a `Range`, an ETag), as
 *   nginx or any CDN serves a file, where the test runner's own static server ignores `Range`;
 * - /__remote-tiles/style.json, a MapLibre style whose tiles (/__remote-tiles/{z}/{x}/{y}.pbf, the street fixture's)
 *   are on the host the style was asked of, with CORS: a remote street style, at 127.0.0.1 for a page on localhost.
 */
const tiles = { log: [] };
const STREET_TILES = new URL('../fixtures/streets/tiles/', import.meta.url);

function tilesMiddleware() {
  return async (ctx, next) => {
    if (ctx.path.startsWith('/tests/fixtures/') && ctx.path.endsWith('.pmtiles')) {
      const file = new URL(`../..${ctx.path}`, import.meta.url);
      if (!existsSync(file)) return next();
      const whole = readFileSync(file);
      const range = ctx.get('range');
      tiles.log.push({ host: ctx.host, path: ctx.path, range });
      ctx.set('accept-ranges', 'bytes');
      ctx.set('etag', `"${whole.length}-fixture"`);
      // Each test sees every read the map makes, none answered from the browser's cache.
      ctx.set('cache-control', 'no-store');
      ctx.type = 'application/octet-stream';
      const m = /^bytes=(\d+)-(\d*)$/.exec(range);
      if (!m) {
        ctx.body = whole;
        return;
      }
      const start = Number(m[1]);
      const end = Math.min(m[2] ? Number(m[2]) : whole.length - 1, whole.length - 1);
      if (start >= whole.length) {
        ctx.status = 416;
        ctx.set('content-range', `bytes */${whole.length}`);
        return;
      }
      ctx.status = 206;
      ctx.set('content-range', `bytes ${start}-${end}/${whole.length}`);
      ctx.body = whole.subarray(start, end + 1);
      return;
    }
    if (!ctx.path.startsWith('/__remote-tiles/')) return next();
    tiles.log.push({ host: ctx.host, path: ctx.path, range: '' });
    ctx.set('access-control-allow-origin', '*');
    ctx.set('cache-control', 'no-store');
    if (ctx.path === '/__remote-tiles/style.json') {
      ctx.type = 'application/json';
      ctx.body = JSON.stringify({
        version: 8,
        sources: { remote: { type: 'vector', tiles: [`http://${ctx.host}/__remote-tiles/{z}/{x}/{y}.pbf`], minzoom: 10, maxzoom: 14, attribution: 'Remote test tiles' } },
        layers: [
          { id: 'remote-background', type: 'background', paint: { 'background-color': '#f2efe9' } },
          { id: 'remote-streets', type: 'line', source: 'remote', 'source-layer': 'streets', paint: { 'line-color': '#999999', 'line-width': 3 } },
        ],
      });
      return;
    }
    const tile = /^\/__remote-tiles\/(\d+)\/(\d+)\/(\d+)\.pbf$/.exec(ctx.path);
    const file = tile && new URL(`${tile[1]}/${tile[2]}/${tile[3]}.pbf`, STREET_TILES);
    if (!file || !existsSync(file)) {
      ctx.status = 204;
      return;
    }
    ctx.type = 'application/x-protobuf';
    ctx.body = readFileSync(file);
  };
}

export function testServerPlugins() {
  return [sinkCommands()];
}

/**
 * MapLibre's worker where the build puts it beside the map chunk (dist/vendor/), mirrored for the
 * sources: packages/action-map/vendor/ → node_modules, so maps in tests need no worker-url.
 */
function workerMiddleware() {
  return async (ctx, next) => {
    if (ctx.path !== '/packages/action-map/vendor/maplibre-gl-worker.mjs') return next();
    ctx.type = 'text/javascript';
    ctx.body = readFileSync(new URL('../../node_modules/maplibre-gl/dist/maplibre-gl-worker.mjs', import.meta.url));
  };
}

export function testMiddleware() {
  return [sinkMiddleware(), googleMiddleware(), calendarsMiddleware(), workerMiddleware(), tilesMiddleware()];
}
