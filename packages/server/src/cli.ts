/** archipel-server: run the reference server, manage staff tokens, import data. */
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { importRecords } from './import-records.js';
import { readyStorage } from './open-storage.js';
import { LOG_LEVELS, type LogLevel } from './options.js';
import { startServer } from './start.js';

// Kept as text rather than read from this file's comment: the published server is a bundle without comments.
const USAGE = `
  archipel-server [--db ./campaign.db | --db postgres://user@host/campaign] [--port 8080] [--host 127.0.0.1] [--cors https://site.example,…]
                  [--trust-proxy] [--writes-per-minute 30] [--static /dist/=./dist] [--home /demo/]
                  [--log-level info]    (${LOG_LEVELS.join(', ')})
                  (--db defaults to $ARCHIPEL_DB, then $DATABASE_URL, then ./archipel.db)
  archipel-server token create --name NAME [--db …]
  archipel-server token list [--db …]
  archipel-server token revoke --name NAME [--db …]
  archipel-server import FOLDER [--db …] [--base-url https://site.example/data/]
                  (actions.json, chapters.json, posts.json, surveys.json, responses.json; relative
                   image, logo and video paths are resolved against --base-url, where those files are published)
`;

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    db: { type: 'string', default: process.env.ARCHIPEL_DB ?? process.env.DATABASE_URL ?? './archipel.db' },
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
  const store = await readyStorage(values.db!);
  if (sub === 'create') {
    if (!values.name) throw new Error('token create needs --name, e.g. --name "Léa (national team)"');
    console.log(await store.createToken(values.name));
    console.error(`Token "${values.name}" created. It is shown once: keep it somewhere safe.`);
  } else if (sub === 'revoke') {
    if (!values.name) throw new Error('token revoke needs --name');
    console.log((await store.revokeToken(values.name)) ? `Token "${values.name}" revoked.` : `No active token named "${values.name}".`);
  } else if (sub === 'list') {
    for (const t of await store.listTokens()) console.log(`${t.name}\tcreated ${t.created}${t.revoked ? `\trevoked ${t.revoked}` : ''}`);
  } else usage();
  await store.close();
} else if (command === 'import') {
  const folder = sub ?? arg;
  if (!folder) usage();
  const store = await readyStorage(values.db!);
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
  for (const [c, r] of Object.entries(await importRecords(store, data, { baseUrl: values['base-url'] }))) {
    console.log(`${c}: ${r.stored} stored, ${r.skipped.length} skipped${r.skipped.map((s) => `\n  row ${s.row}: ${s.reason}`).join('')}`);
  }
  await store.close();
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
  console.log(`Archipel server on ${server.url}/api (database ${server.store.kind === 'postgres' ? 'PostgreSQL' : values.db})`);
  // Requests under way are answered and the database is closed cleanly (its WAL checkpointed) before the process ends.
  const stop = () => void server.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
} else usage();
