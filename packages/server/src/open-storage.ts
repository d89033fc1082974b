/** The storage a `--db` value names: a postgres:// URL, or an SQLite file (":memory:" for none). */
import type { Db } from './db.js';
import type { Storage } from './storage.js';
import { SqliteStorage } from './storage-sqlite.js';
import { isPostgresUrl, PostgresStorage } from './storage-postgres.js';

export function openStorage(db: string | Db): Storage {
  return isPostgresUrl(db) ? new PostgresStorage(db) : new SqliteStorage(db);
}

/** Opened and migrated, for commands that use the database without serving (tokens, imports). */
export async function readyStorage(db: string): Promise<Storage> {
  const storage = openStorage(db);
  await storage.ready();
  return storage;
}
