/**
 * `archipel-server migrate --from sqlite://./campaign.db --to postgres://…`: moves a campaign that grew from its
 * SQLite file to PostgreSQL, as it is: every record with its receipt, moderation and order (so the cursors
 * widgets hold stay valid), staff tokens (still hashed, with their chapter and expiry), blocked authors, the
 * access log, the record of erasures, the moderation log, uploaded photos' records and the server's own keys (so private links and form tokens stay valid).
 * The destination is migrated
 * first and must hold no records; everything is copied in one transaction.
 */
import { SqliteStorage } from './storage-sqlite.js';
import { isPostgresUrl, PostgresStorage } from './storage-postgres.js';

const ITEM_COLUMNS = ['seq', 'collection', 'id', 'data', 'chapter', 'status', 'pinned', 'author_key', 'created', 'updated', 'receipt', 'moderated', 'survey', 'body_hash', 'owner_hash'];
const BATCH = 500;

export const sqliteFileOf = (url: string) => {
  if (!url.startsWith('sqlite://')) throw new Error(`--from must be an SQLite file as sqlite://./campaign.db, not "${url}".`);
  return url.slice('sqlite://'.length);
};

export async function moveToPostgres(from: string, to: string): Promise<Record<string, number>> {
  if (!isPostgresUrl(to)) throw new Error(`--to must be a PostgreSQL URL (postgres://user@host:5432/campaign), not "${to}".`);
  const source = new SqliteStorage(sqliteFileOf(from));
  const target = new PostgresStorage(to);
  try {
    await target.ready();
    if ((await target.pool.query('SELECT 1 FROM items LIMIT 1')).rowCount) throw new Error('The PostgreSQL database already holds records: migrate only into an empty one.');
    const db = source.db;
    const counts: Record<string, number> = {};
    const client = await target.pool.connect();
    try {
      await client.query('BEGIN');
      const copy = async (table: string, columns: string[], rows: Record<string, unknown>[], overriding = '') => {
        for (let i = 0; i < rows.length; i += BATCH) {
          const batch = rows.slice(i, i + BATCH);
          const values: unknown[] = [];
          const tuples = batch.map((row) => `(${columns.map((c) => `$${values.push(row[c])}`).join(', ')})`);
          await client.query(`INSERT INTO ${table} (${columns.join(', ')}) ${overriding} VALUES ${tuples.join(', ')}`, values);
        }
        counts[table] = rows.length;
      };
      await copy('items', ITEM_COLUMNS, db.prepare(`SELECT ${ITEM_COLUMNS.join(', ')} FROM items ORDER BY seq`).all() as Record<string, unknown>[], 'OVERRIDING SYSTEM VALUE');
      const all = (table: string, columns: string[]) => db.prepare(`SELECT ${columns.join(', ')} FROM ${table}`).all() as Record<string, unknown>[];
      const TOKENS = ['id', 'name', 'hash', 'created', 'revoked', 'chapter', 'expires'];
      const LOG = ['id', 'at', 'who', 'chapter', 'action', 'what', 'count'];
      const ERASURES = ['id', 'at', 'who', 'reason', 'collection', 'count'];
      await copy('tokens', TOKENS, all('tokens', TOKENS), 'OVERRIDING SYSTEM VALUE');
      await copy('blocked_authors', ['author_key', 'blocked'], all('blocked_authors', ['author_key', 'blocked']));
      await copy('access_log', LOG, all('access_log', LOG), 'OVERRIDING SYSTEM VALUE');
      await copy('erasures', ERASURES, all('erasures', ERASURES), 'OVERRIDING SYSTEM VALUE');
      // The moderation log and what is known of uploaded photos (#24); the photo files stay in their folder.
      const DECISIONS = ['id', 'at', 'who', 'chapter', 'action', 'post', 'post_chapter'];
      const PHOTOS = ['id', 'post', 'type', 'width', 'height', 'bytes', 'created'];
      await copy('moderation_log', DECISIONS, all('moderation_log', DECISIONS), 'OVERRIDING SYSTEM VALUE');
      await copy('photos', PHOTOS, all('photos', PHOTOS));
      await copy('files', ['name', 'type', 'body', 'created'], all('files', ['name', 'type', 'body', 'created']));
      // The destination made keys of its own when it became ready: the campaign's are those its links were signed with.
      await client.query('DELETE FROM server_keys');
      await copy('server_keys', ['name', 'value'], all('server_keys', ['name', 'value']));
      // New records, tokens and log lines are numbered after the ones moved.
      for (const table of ['items', 'tokens', 'access_log', 'erasures', 'moderation_log']) {
        const key = table === 'items' ? 'seq' : 'id';
        await client.query(`SELECT setval(pg_get_serial_sequence('${table}', '${key}'), GREATEST((SELECT max(${key}) FROM ${table}), 1))`);
      }
      await client.query("SELECT pg_notify('archipel_changes', '')");
      await client.query('COMMIT');
    } catch (err) {
      await client.query('ROLLBACK').catch(() => {});
      throw err;
    } finally {
      client.release();
    }
    return counts;
  } finally {
    await source.close();
    await target.close();
  }
}
