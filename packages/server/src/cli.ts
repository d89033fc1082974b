/** archipel-server: run the reference server, manage staff tokens, import data. */
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { openDb, Store } from './db.js';
import { importRecords } from './import-records.js';
import { LOG_LEVELS, type LogLevel } from './options.js';
import { startServer } from './start.js';
import { addFeed, describeSync, listFeeds, removeFeed, syncFeeds } from './sync.js';

// Kept as text rather than read from this file's comment: the published server is a bundle without comments.
const USAGE = `
  archipel-server [--db ./campaign.db] [--port 8080] [--host 127.0.0.1] [--cors https://site.example,…]
                  [--trust-proxy] [--writes-per-minute 30] [--static /dist/=./dist] [--home /demo/]
                  [--log-level info]    (${LOG_LEVELS.join(', ')})
  archipel-server token create --name NAME [--db …]
  archipel-server token list [--db …]
  archipel-server token revoke --name NAME [--db …]
  archipel-server import FOLDER [--db …] [--base-url https://site.example/data/]
                  (actions.json, chapters.json, posts.json, surveys.json, responses.json; relative
                   image, logo and video paths are resolved against --base-url, where those files are published)
  archipel-server feeds add URL [--label "Alternatiba Lyon"] [--chapter lyon] [--db …]
  archipel-server feeds list [--db …]
  archipel-server feeds remove URL [--db …]
                  (calendars and other sources whose actions the server reads: .ics, webcal:, Mobilizon…)
  archipel-server sync [--every MINUTES] [--db …]
                  (reads every feed once, or every MINUTES; a feed that fails keeps its last actions)
`;

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    db: { type: 'string', default: process.env.ARCHIPEL_DB ?? './archipel.db' },
    port: { type: 'string', default: process.env.PORT ?? '8080' },
    host: { type: 'string', default: process.env.HOST ?? '127.0.0.1' },
    cors: { type: 'string', default: process.env.ARCHIPEL_CORS ?? '' },
    'trust-proxy': { type: 'boolean', default: false },
    'writes-per-minute': { type: 'string', default: '30' },
    static: { type: 'string', multiple: true, default: [] },
    home: { type: 'string' },
    'log-level': { type: 'string', default: process.env.ARCHIPEL_LOG_LEVEL ?? 'info' },
    name: { type: 'string' },
    'base-url': { type: 'string' },
    label: { type: 'string' },
    chapter: { type: 'string' },
    every: { type: 'string' },
    help: { type: 'boolean', short: 'h', default: false },
  },
});

function usage(): never {
  console.log(USAGE);
  process.exit(0);
}

const [command, sub, arg] = positionals;
if (values.help) usage();

if (command === 'token') {
  const store = new Store(openDb(values.db!));
  if (sub === 'create') {
    if (!values.name) throw new Error('token create needs --name, e.g. --name "Léa (national team)"');
    console.log(store.createToken(values.name));
    console.error(`Token "${values.name}" created. It is shown once: keep it somewhere safe.`);
  } else if (sub === 'revoke') {
    if (!values.name) throw new Error('token revoke needs --name');
    console.log(store.revokeToken(values.name) ? `Token "${values.name}" revoked.` : `No active token named "${values.name}".`);
  } else if (sub === 'list') {
    for (const t of store.listTokens()) console.log(`${t.name}\tcreated ${t.created}${t.revoked ? `\trevoked ${t.revoked}` : ''}`);
  } else usage();
} else if (command === 'import') {
  const folder = sub ?? arg;
  if (!folder) usage();
  const store = new Store(openDb(values.db!));
  const data: Record<string, unknown[]> = {};
  for (const c of ['actions', 'chapters', 'posts', 'surveys', 'responses']) {
    const file = join(folder, `${c}.json`);
    if (!existsSync(file)) continue;
    const json = JSON.parse(readFileSync(file, 'utf8')) as unknown;
    // The same shapes the JSON adapter reads: an array, or an object keyed by the collection or "items".
    const rows = Array.isArray(json) ? json : (json as Record<string, unknown>)[c] ?? (json as Record<string, unknown>).items;
    if (!Array.isArray(rows)) throw new Error(`${file} should hold a list of ${c}.`);
    data[c] = rows;
  }
  for (const [c, r] of Object.entries(importRecords(store, data, { baseUrl: values['base-url'] }))) {
    console.log(`${c}: ${r.stored} stored, ${r.skipped.length} skipped${r.skipped.map((s) => `\n  row ${s.row}: ${s.reason}`).join('')}`);
  }
} else if (command === 'feeds') {
  const store = new Store(openDb(values.db!));
  if (sub === 'add' && arg) {
    addFeed(store, arg, { label: values.label, chapter: values.chapter });
    console.log(`Feed ${arg} added; run archipel-server sync to read it.`);
  } else if (sub === 'remove' && arg) {
    console.log(removeFeed(store, arg) ? `Feed ${arg} removed, with the actions it brought.` : `No feed ${arg}.`);
  } else if (sub === 'list') {
    for (const f of listFeeds(store)) console.log(`${f.url}${f.label ? `\t"${f.label}"` : ''}${f.chapter ? `\tchapter ${f.chapter}` : ''}\t${f.error ? `failed: ${f.error}` : f.synced ? `synced ${f.synced}` : 'never synced'}`);
  } else usage();
} else if (command === 'sync') {
  const store = new Store(openDb(values.db!));
  const once = async () => {
    const reports = await syncFeeds(store);
    if (!reports.length) console.log('No feeds yet: add one with archipel-server feeds add URL.');
    for (const r of reports) console.log(describeSync(r));
    return reports.every((r) => !r.error);
  };
  const minutes = Number(values.every);
  if (values.every !== undefined && !(minutes >= 1)) throw new Error(`--every takes a number of minutes, at least 1, not "${values.every}".`);
  if (values.every === undefined) process.exitCode = (await once()) ? 0 : 1;
  else {
    await once();
    const timer = setInterval(() => void once(), minutes * 60_000);
    const stop = () => {
      clearInterval(timer);
      store.db.close();
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  }
} else if (command === undefined || command === 'serve') {
  const logLevel = values['log-level']!;
  if (!(LOG_LEVELS as readonly string[]).includes(logLevel)) throw new Error(`--log-level must be one of ${LOG_LEVELS.join(', ')}, not "${logLevel}".`);
  const statics = Object.fromEntries((values.static ?? []).map((s) => s.split('=') as [string, string]));
  const server = await startServer({
    db: values.db!,
    port: Number(values.port),
    host: values.host,
    cors: values.cors ? values.cors.split(',').map((s) => s.trim()) : [],
    trustProxy: values['trust-proxy'],
    writesPerMinute: Number(values['writes-per-minute']),
    statics,
    home: values.home,
    logLevel: logLevel as LogLevel,
  });
  console.log(`Archipel server on ${server.url}/api (database ${values.db})`);
  // Requests under way are answered and the database is closed cleanly (its WAL checkpointed) before the process ends.
  const stop = () => void server.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
} else usage();
