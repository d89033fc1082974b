/**
 * `npm start`: builds the widgets, then runs the reference server on
 * http://localhost:8080 (PORT to change it) with a database seeded from the
 * demo campaign (.archipel/demo.db), and prints the demo's address and a staff
 * token for the staff pages (moderation, survey results, exports).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { startServer, importRecords, readyStorage, type LogLevel } from '../packages/server/src/index.ts';

execFileSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });

mkdirSync('.archipel', { recursive: true });
const file = '.archipel/demo.db';
const store = await readyStorage(file);
const data = Object.fromEntries(
  ['actions', 'chapters', 'posts', 'surveys', 'responses'].map((c) => [c, JSON.parse(readFileSync(`demo/data/${c}.json`, 'utf8')) as unknown[]]),
);
const report = await importRecords(store, data, { baseUrl: '/demo/data/' });
const token = await store.createToken(`demo ${new Date().toISOString()}`);
await store.close();

const port = Number(process.env.PORT ?? 8080);
const server = await startServer({
  db: file,
  port,
  host: process.env.HOST ?? '127.0.0.1',
  statics: { '/dist/': 'dist', '/demo/': 'demo' },
  home: '/demo/',
  // Request lines would push the addresses below off the screen; ARCHIPEL_LOG_LEVEL=info shows them.
  logLevel: (process.env.ARCHIPEL_LOG_LEVEL ?? 'warn') as LogLevel,
});

console.log(`
  Archipel demo:   http://localhost:${server.port}/demo/
  REST API:        http://localhost:${server.port}/api  (contract: /api/openapi.yaml)
  Staff token:     ${token}
                   (paste it in the staff pages; it is stored hashed in ${file})
  Demo data:       ${Object.entries(report).map(([c, r]) => `${r.stored} ${c}`).join(', ')}
`);
