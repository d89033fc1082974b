/**
 * `npm start`: builds the widgets, then runs the reference server on
 * http://localhost:8080 (PORT to change it) with a database seeded from the
 * demo campaign (.archipel/demo.db), and prints the demo's address and a staff
 * token for the staff pages (moderation, survey results, exports).
 *
 *   npm start -- --cors http://localhost:3000,https://site.example    pages of those sites may use the API
 *                                                                       (or ARCHIPEL_CORS=…; "*" for any site)
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { startServer, importRecords, readyStorage, type LogLevel } from '../packages/server/src/index.ts';
import { addFeed, describeSync, listFeeds, syncFeed } from '../packages/server/src/sync.ts';

// The same option as archipel-server's, so a page on another port (a Vite app, a WordPress) can try the API.
const { values: args } = parseArgs({ options: { cors: { type: 'string', default: process.env.ARCHIPEL_CORS ?? '' } } });
const cors = args.cors!.split(',').map((s) => s.trim()).filter(Boolean);

execFileSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });

mkdirSync('.archipel', { recursive: true });
const file = '.archipel/demo.db';
const store = await readyStorage(file);
// Public collections from the demo's public folder; survey responses, personal, from demo/seed/, which is never published.
const read = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as unknown[];
const data = {
  ...Object.fromEntries(['actions', 'chapters', 'posts', 'surveys'].map((c) => [c, read(`demo/data/${c}.json`)])),
  responses: read('demo/seed/responses.json'),
};
const report = await importRecords(store, data, { baseUrl: '/demo/data/' });
const token = await store.createToken(`demo ${new Date().toISOString()}`);
const parisLead = await store.createToken(`demo lead of Paris ${new Date().toISOString()}`, { chapter: 'paris' });
await store.close();

const port = Number(process.env.PORT ?? 8080);
const server = await startServer({
  db: file,
  port,
  host: process.env.HOST ?? '127.0.0.1',
  statics: { '/dist/': 'dist', '/demo/': 'demo' },
  home: '/demo/',
  cors,
  // Photos sent from the wall's story form (demo/hashtag-wall.html), stripped and resized, beside the database.
  photos: '.archipel/photos',
  // Request lines would push the addresses below off the screen; ARCHIPEL_LOG_LEVEL=info shows them.
  logLevel: (process.env.ARCHIPEL_LOG_LEVEL ?? 'warn') as LogLevel,
});

// A calendar the server reads for the map, as `archipel-server sync` would (demo/calendars.html): served by this
// server itself, since the demo needs no network.
const feed = `${server.url}/demo/data/calendars/rac-rhone.ics`;
await addFeed(server.store, feed, { chapter: 'lyon' });
const synced = describeSync(await syncFeed(server.store, (await listFeeds(server.store)).find((f) => f.url === feed)!));

console.log(`
  Archipel demo:   http://localhost:${server.port}/demo/
  REST API:        http://localhost:${server.port}/api  (contract: /api/openapi.yaml)
  Other sites:     ${cors.length ? cors.join(', ') : 'none (npm start -- --cors http://localhost:3000 to allow one)'}
  Staff token:     ${token}
                   (paste it in the staff pages; it is stored hashed in ${file})
  Paris lead key:  ${parisLead}
                   (the console, demo/console.html, as the lead of the Paris chapter)
  Demo data:       ${Object.entries(report).map(([c, r]) => `${r.stored} ${c}`).join(', ')}
  Calendar synced: ${synced}
`);
