/**
 * The baseline for tests/bench/server-scale.bench.ts: a bare node:http server and a database driver doing the
 * same work as the reference server's hot paths, and nothing else (no validation, no spam check, no rate
 * limit, no log): POST /api/signups parses the body and inserts it once by id, answering the receipt;
 * GET /api/actions reads the rows and answers them as JSON. The distance to it is the framework's cost.
 *
 *   node tests/bench/support/bare-server.mjs PORT sqlite FILE | postgres URL
 */
import { createServer } from 'node:http';
import Database from 'better-sqlite3';
import pg from 'pg';

const [port, kind, target] = process.argv.slice(2);
const INSERT = `INSERT INTO items (collection, id, data, chapter, status, author_key, created, updated, receipt, survey)
  VALUES ('signups', $1, $2, NULL, NULL, NULL, $3, $3, $4, NULL) ON CONFLICT (collection, id) DO NOTHING`;
const READ = "SELECT data FROM items WHERE collection = 'actions' ORDER BY seq LIMIT 1000";

let insert;
let read;
if (kind === 'sqlite') {
  const db = new Database(target);
  db.pragma('journal_mode = WAL');
  // As the reference server (db.ts): an acknowledged write is on disk before its answer. With NORMAL here the
  // baseline skipped the fsync the server pays on every commit, and measured that rather than the framework.
  db.pragma('synchronous = FULL');
  const stmt = db.prepare(INSERT.replace(/\$(\d)/g, '@p$1'));
  const rows = db.prepare(READ).pluck();
  insert = async (id, data, now, receipt) => stmt.run({ p1: id, p2: data, p3: now, p4: receipt });
  read = async () => rows.all();
} else {
  const u = new URL(target);
  const schema = u.searchParams.get('schema');
  u.searchParams.delete('schema');
  const pool = new pg.Pool({ connectionString: u.href, max: 10, ...(schema ? { options: `-c search_path=${schema}` } : {}) });
  insert = (id, data, now, receipt) => pool.query({ name: 'insert', text: INSERT, values: [id, data, now, receipt] });
  read = async () => (await pool.query({ name: 'read', text: READ })).rows.map((r) => r.data);
}

createServer((req, res) => {
  if (req.method === 'GET') {
    read().then((rows) => {
      res.writeHead(200, { 'content-type': 'application/json' }).end(`{"items":[${rows.join(',')}],"next":null}`);
    });
    return;
  }
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', async () => {
    const record = JSON.parse(Buffer.concat(chunks).toString());
    const receipt = JSON.stringify({ id: record.id, status: 'stored' });
    await insert(record.id, JSON.stringify(record), new Date().toISOString(), receipt);
    res.writeHead(201, { 'content-type': 'application/json' }).end(receipt);
  });
}).listen(Number(port), '127.0.0.1', () => console.log('ready'));
