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
import { startServer, importRecords, type LogLevel } from '../packages/server/src/index.ts';
import { Store, openDb } from '../packages/server/src/db.ts';

// The same option as archipel-server's, so a page on another port (a Vite app, a WordPress) can try the API.
const { values: args } = parseArgs({ options: { cors: { type: 'string', default: process.env.ARCHIPEL_CORS ?? '' } } });
const cors = args.cors!.split(',').map((s) => s.trim()).filter(Boolean);

execFileSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });

mkdirSync('.archipel', { recursive: true });
const file = '.archipel/demo.db';
const store = new Store(openDb(file));
const data = Object.fromEntries(
  ['actions', 'chapters', 'posts', 'surveys', 'responses'].map((c) => [c, JSON.parse(readFileSync(`demo/data/${c}.json`, 'utf8')) as unknown[]]),
);
const report = importRecords(store, data, { baseUrl: '/demo/data/' });
const token = store.createToken(`demo ${new Date().toISOString()}`);
store.db.close();

const port = Number(process.env.PORT ?? 8080);
const server = await startServer({
  db: file,
  port,
  host: process.env.HOST ?? '127.0.0.1',
  statics: { '/dist/': 'dist', '/demo/': 'demo' },
  home: '/demo/',
  cors,
  // Request lines would push the addresses below off the screen; ARCHIPEL_LOG_LEVEL=info shows them.
  logLevel: (process.env.ARCHIPEL_LOG_LEVEL ?? 'warn') as LogLevel,
});

console.log(`
  Archipel demo:   http://localhost:${server.port}/demo/
  REST API:        http://localhost:${server.port}/api  (contract: /api/openapi.yaml)
  Other sites:     ${cors.length ? cors.join(', ') : 'none (npm start -- --cors http://localhost:3000 to allow one)'}
  Staff token:     ${token}
                   (paste it in the staff pages; it is stored hashed in ${file})
  Demo data:       ${Object.entries(report).map(([c, r]) => `${r.stored} ${c}`).join(', ')}
`);
