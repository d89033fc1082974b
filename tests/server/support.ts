/**
 * A real reference server on a loopback port, seeded with a small campaign, for Node tests, on SQLite in
 * memory, or on PostgreSQL in a fresh schema dropped afterwards once a test file has called
 * `useDatabase('postgres')` (server.postgres.node.test.ts runs the contract suite that way).
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { startServer, importRecords, openStorage, SqliteStorage, type RunningServer, type ServerOptions, type Storage, type Store } from '../../packages/server/src/index.ts';

export type TestDatabase = 'sqlite' | 'postgres';
let database: TestDatabase = 'sqlite';

/** Which database the servers and storages that follow are made on. */
export const useDatabase = (d: TestDatabase) => void (database = d);
export const testDatabase = () => database;

/** The PostgreSQL the tests use: the machines' own (trust authentication, database `test`). */
export const POSTGRES_URL = process.env.ARCHIPEL_TEST_POSTGRES ?? 'postgres://postgres@127.0.0.1:5432/test';

/** Why PostgreSQL tests cannot run here, or undefined when they can. */
export async function postgresUnavailable(): Promise<string | undefined> {
  const client = new pg.Client({ connectionString: POSTGRES_URL, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return undefined;
  } catch (err) {
    return `no PostgreSQL answers at ${POSTGRES_URL} (${(err as Error).message || (err as { code?: string }).code})`;
  } finally {
    await client.end().catch(() => {});
  }
}

/** A database for one server or storage: a new schema on PostgreSQL, dropped by `drop`. */
export function freshDatabase(): { db: string; drop(): Promise<void> } {
  if (database === 'sqlite') return { db: ':memory:', drop: async () => {} };
  const schema = `archipel_test_${randomBytes(6).toString('hex')}`;
  return {
    db: `${POSTGRES_URL}?schema=${schema}`,
    async drop() {
      const client = new pg.Client(POSTGRES_URL);
      await client.connect();
      await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await client.end();
    },
  };
}

/** The synchronous SQLite store under a test server on SQLite, for tests of what only SQLite does yet. */
export const sqliteOf = (server: { store: Storage }): Store => {
  if (server.store.kind !== 'sqlite') throw new Error('This test reads the SQLite store directly: run it on SQLite.');
  return (server.store as SqliteStorage).store;
};

/** A storage on the current test database, migrated; `close` drops it. */
export async function testStorage(): Promise<Storage> {
  const fresh = freshDatabase();
  const storage = openStorage(fresh.db);
  await storage.ready();
  const close = storage.close.bind(storage);
  return Object.assign(storage, { close: () => close().then(fresh.drop) });
}

export const survey = {
  id: 'pret',
  title: 'Prêt·e à agir ?',
  questions: [
    { id: 'role', type: 'single', label: 'Votre implication', options: ['nouveau', 'bénévole', 'organisateur'], required: true },
    { id: 'actions', type: 'multi', label: 'Actions', options: ['marche', 'porte-à-porte', 'formation'] },
    { id: 'ready', type: 'scale', label: 'Prêt·e ?', min: 1, max: 5 },
    { id: 'host', type: 'yesno', label: 'Accueillir ?', readiness: 'host' },
    { id: 'lead', type: 'yesno', label: 'Animer ?', readiness: 'lead' },
    { id: 'more', type: 'text', label: 'Autre chose ?' },
  ],
};

export const seed = {
  chapters: [
    { id: 'lyon', name: 'Vague Climat Lyon', region: 'Auvergne-Rhône-Alpes', leaders: [{ name: 'Léa M.', role: 'coordinatrice', email: 'lea@example.org' }] },
    { id: 'nantes', name: 'Vague Climat Nantes', region: 'Pays de la Loire' },
  ],
  actions: [
    { id: 'a1', title: 'Marche', start: '2026-12-12T14:00', timezone: 'Europe/Paris', chapter: 'lyon' },
    { id: 'a2', title: 'Formation', start: '2026-12-13T10:00', timezone: 'Europe/Paris', chapter: 'nantes' },
    { id: 'a3', title: 'Phonebank', start: '2026-12-14T18:00', timezone: 'Europe/Paris', chapter: 'lyon' },
  ],
  posts: [
    { id: 'p1', author: 'Ana', text: 'Approved one #VagueClimat', hashtags: ['VagueClimat'], created: '2026-11-01T10:00:00Z', status: 'approved', chapter: 'lyon' },
    { id: 'p2', author: 'Bob', text: 'Still pending', created: '2026-11-02T10:00:00Z', status: 'pending' },
    { id: 'p3', author: 'Cy', text: 'Hidden', created: '2026-11-03T10:00:00Z', status: 'hidden' },
  ],
  surveys: [survey, { ...survey, id: 'public', title: 'Public one', public_results: true }],
  responses: [
    { id: 'resp-0001', survey: 'pret', chapter: 'lyon', answers: { role: 'nouveau', actions: ['marche', 'formation'], ready: 5, host: 'oui', lead: 'non' }, created: '2026-11-10T10:00:00Z' },
    { id: 'resp-0002', survey: 'pret', chapter: 'lyon', answers: { role: 'bénévole', actions: ['marche'], ready: 4, host: 'oui', lead: 'oui', more: 'Merci !' }, created: '2026-11-11T10:00:00Z' },
    { id: 'resp-0003', survey: 'pret', chapter: 'nantes', answers: { role: 'nouveau', ready: 2, host: 'non', lead: 'non' }, created: '2026-11-12T10:00:00Z' },
    { id: 'resp-0004', survey: 'pret', chapter: 'nantes', answers: { role: 'organisateur', actions: ['porte-à-porte'], ready: 3, host: 'non', lead: 'oui' }, created: '2026-11-20T10:00:00Z' },
  ],
};

export interface TestServer extends RunningServer {
  token: string;
}

/** `staff` names its staff token: one a person, so a second server on the same database needs another name. */
export async function startTestServer(options: Partial<ServerOptions> = {}, { staff = 'test staff' } = {}): Promise<TestServer> {
  // Quiet unless something goes wrong: a 500 prints its log line.
  const fresh = freshDatabase();
  const server = await startServer({ db: fresh.db, port: 0, writesPerMinute: 0, logLevel: 'warn', ...options });
  await importRecords(server.store, seed);
  const close = server.close;
  return Object.assign(server, { token: await server.store.createToken(staff), close: () => close().then(fresh.drop) });
}

/** A test server whose log lines are kept, at the level `archipel-server` runs by default. */
export async function startLoggedServer(options: Partial<ServerOptions> = {}) {
  const lines: string[] = [];
  const server = await startTestServer({ logLevel: 'info', logStream: { write: (line: string) => lines.push(line) }, ...options });
  const entries = () => lines.map((l) => JSON.parse(l) as Record<string, unknown>);
  return { server, lines, entries, requests: () => entries().filter((e) => e.msg === 'request') };
}

let counter = 0;
export const clientId = (prefix = 'test') => `${prefix}${Date.now().toString(36)}${(counter++).toString(36)}x`;

export const consent = () => [{ purpose: 'contact', version: '2026-11', text: 'J’accepte d’être recontacté·e.', at: new Date().toISOString() }];

export const signup = (extra: Record<string, unknown> = {}) => ({
  id: clientId('signup'),
  name: 'Léa Martin',
  email: 'lea.martin@example.org',
  postcode: '69001',
  consent: consent(),
  created: new Date().toISOString(),
  ...extra,
});

export const meta = { hp: '', elapsed: 4200 };

export function post(base: string, path: string, body: unknown, headers: Record<string, string> = {}) {
  return fetch(`${base}/api${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}
