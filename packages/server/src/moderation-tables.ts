/**
 * The tables of moderation that holds, of uploaded photos (#24) and of uploaded files (chapters' logos, #22), as
 * one numbered migration each, alike on
 * SQLite (db.ts) and PostgreSQL (storage-postgres.ts): portable SQL, ids made by each database's own way.
 */
const id = (postgres: boolean) => (postgres ? 'id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY' : 'id INTEGER PRIMARY KEY AUTOINCREMENT');

const moderationLog = (postgres: boolean) => `CREATE TABLE moderation_log (
     ${id(postgres)},
     at TEXT NOT NULL,
     who TEXT NOT NULL,
     chapter TEXT,
     action TEXT NOT NULL,
     post TEXT,
     post_chapter TEXT
   );
   CREATE INDEX moderation_log_by_chapter ON moderation_log (post_chapter, id);`;

export const MODERATION_LOG_TABLE = moderationLog(false);
export const MODERATION_LOG_TABLE_PG = moderationLog(true);

export const PHOTOS_TABLE = `CREATE TABLE photos (
     id TEXT PRIMARY KEY,
     post TEXT,
     type TEXT NOT NULL,
     width INTEGER NOT NULL,
     height INTEGER NOT NULL,
     bytes INTEGER NOT NULL,
     created TEXT NOT NULL
   );`;

/** Uploaded files kept in the database (chapters' logos): every instance serves them, and a backup holds them. */
export const FILES_TABLE = (postgres: boolean) => `CREATE TABLE files (name TEXT PRIMARY KEY, type TEXT NOT NULL, body ${postgres ? 'BYTEA' : 'BLOB'} NOT NULL, created TEXT NOT NULL);`;
