/**
 * Storage: SQLite through better-sqlite3, in WAL mode. Every record is kept
 * as its validated JSON plus the columns queries need. A record's client id is
 * its primary key within its collection, so a write repeated with the same id
 * is stored once, and its first answer (the receipt) is kept to answer alike.
 */
import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { authorKey, hashToken, importedVersion, moderatedData, surveyOf, type ImportedRecord, type ListOptions, type Row, type StaffToken } from './storage.js';

export { authorKey, hashToken, type ListOptions, type Row } from './storage.js';

export type Db = Database.Database;

const MIGRATIONS: string[] = [
  `CREATE TABLE items (
     seq INTEGER PRIMARY KEY AUTOINCREMENT,
     collection TEXT NOT NULL,
     id TEXT NOT NULL,
     data TEXT NOT NULL,
     chapter TEXT,
     status TEXT,
     pinned INTEGER NOT NULL DEFAULT 0,
     author_key TEXT,
     created TEXT NOT NULL,
     updated TEXT NOT NULL,
     receipt TEXT,
     UNIQUE (collection, id)
   );
   CREATE INDEX items_by_collection ON items (collection, seq);
   CREATE INDEX items_by_chapter ON items (collection, chapter, seq);
   CREATE INDEX items_by_updated ON items (collection, updated);
   CREATE TABLE tokens (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     name TEXT NOT NULL UNIQUE,
     hash TEXT NOT NULL UNIQUE,
     created TEXT NOT NULL,
     revoked TEXT
   );
   CREATE TABLE blocked_authors (
     author_key TEXT PRIMARY KEY,
     blocked TEXT NOT NULL
   );`,
  // When a moderator last decided about a post: imports then leave its status and pin alone.
  `ALTER TABLE items ADD COLUMN moderated TEXT;`,
  // Which survey a response answers, as a column: results read one survey's responses through an index.
  `ALTER TABLE items ADD COLUMN survey TEXT;
   UPDATE items SET survey = json_extract(data, '$.survey') WHERE collection = 'responses';
   CREATE INDEX items_by_survey ON items (collection, survey, seq);`,
];

export const SQLITE_MIGRATIONS = MIGRATIONS.length;

export function openDb(file: string): Db {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  // Case folding beyond ASCII (SQLite's lower() leaves "É" alone), for hashtags.
  db.function('fold', { deterministic: true }, (s: unknown) => (typeof s === 'string' ? s.toLocaleLowerCase('und') : s));
  migrate(db);
  return db;
}

/** Applies the migrations this database has not seen yet, each in a transaction. */
export function migrate(db: Db): number {
  const current = db.pragma('user_version', { simple: true }) as number;
  for (let v = current; v < MIGRATIONS.length; v++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[v]!);
      db.pragma(`user_version = ${v + 1}`);
    })();
  }
  return MIGRATIONS.length;
}

export class Store {
  /** Statements are prepared once and reused: preparing one costs more than most inserts. */
  private readonly statements = new Map<string, Database.Statement>();

  constructor(readonly db: Db) {}

  private sql(text: string): Database.Statement {
    let stmt = this.statements.get(text);
    if (!stmt) this.statements.set(text, (stmt = this.db.prepare(text)));
    return stmt;
  }

  /** Stores a record once per (collection, id). Returns the stored receipt and whether this call stored it. */
  insertOnce(collection: string, record: ImportedRecord, fields: { status?: string; authorKey?: string }, receipt: object): { receipt: string; created: boolean } {
    const now = new Date().toISOString();
    const text = JSON.stringify(receipt);
    const info = this.sql(
      `INSERT INTO items (collection, id, data, chapter, status, author_key, created, updated, receipt, survey)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (collection, id) DO NOTHING`,
    ).run(collection, record.id, JSON.stringify(record), record.chapter ?? null, fields.status ?? null, fields.authorKey ?? null, record.created ?? now, now, text, surveyOf(collection, record));
    if (info.changes) return { receipt: text, created: true };
    const row = this.sql('SELECT receipt FROM items WHERE collection = ? AND id = ?').get(collection, record.id) as { receipt: string };
    return { receipt: row.receipt, created: false };
  }

  /** See Storage.upsert. */
  upsert(collection: string, records: ImportedRecord[]): void {
    const now = new Date().toISOString();
    const stmt = this.sql(
      `INSERT INTO items (collection, id, data, chapter, status, pinned, author_key, created, updated, survey)
       VALUES (@collection, @id, @data, @chapter, @status, @pinned, @author_key, @created, @updated, @survey)
       ON CONFLICT (collection, id) DO UPDATE SET data = excluded.data, chapter = excluded.chapter, status = excluded.status,
         pinned = excluded.pinned, author_key = excluded.author_key, updated = excluded.updated, survey = excluded.survey`,
    );
    this.db.transaction(() => {
      for (const record of records) {
        const blocked = collection === 'posts' && Boolean(record.author) && this.isBlocked(authorKey(record.author!));
        const next = importedVersion(collection, record, this.get(collection, record.id), blocked);
        if (!next) continue;
        const r = next.record;
        stmt.run({
          collection,
          id: r.id,
          data: next.data,
          chapter: r.chapter ?? null,
          status: r.status ?? null,
          pinned: r.pinned ? 1 : 0,
          author_key: r.author ? authorKey(r.author) : null,
          created: r.created ?? now,
          updated: now,
          survey: surveyOf(collection, r),
        });
      }
    })();
  }

  list(collection: string, o: ListOptions): Row[] {
    const where = ['collection = @collection'];
    const params: Record<string, unknown> = { collection, limit: o.limit };
    if (o.chapter) {
      where.push('chapter = @chapter');
      params.chapter = o.chapter;
    }
    if (o.since) {
      where.push('updated > @since');
      params.since = o.since;
    }
    if (o.status?.length) {
      where.push(`status IN (${o.status.map((_, i) => `@s${i}`).join(', ')})`);
      o.status.forEach((s, i) => (params[`s${i}`] = s));
    }
    if (o.survey) {
      where.push('survey = @survey');
      params.survey = o.survey;
    }
    if (o.hashtag) {
      where.push("EXISTS (SELECT 1 FROM json_each(items.data, '$.hashtags') WHERE fold(json_each.value) = fold(@hashtag))");
      params.hashtag = o.hashtag;
    }
    if (o.after !== undefined) {
      where.push('seq > @after');
      params.after = o.after;
    }
    // Pages follow insertion order so that a cursor (the last seq) never skips or repeats a record.
    return this.sql(`SELECT * FROM items WHERE ${where.join(' AND ')} ORDER BY seq LIMIT @limit`).all(params) as Row[];
  }

  get(collection: string, id: string): Row | undefined {
    return this.sql('SELECT * FROM items WHERE collection = ? AND id = ?').get(collection, id) as Row | undefined;
  }

  count(collection: string): number {
    return (this.sql('SELECT COUNT(*) AS n FROM items WHERE collection = ?').get(collection) as { n: number }).n;
  }

  responses(survey: string): string[] {
    return this.sql("SELECT data FROM items WHERE collection = 'responses' AND survey = ? ORDER BY seq").pluck().all(survey) as string[];
  }

  /** Moderation: sets a post's status and pinned flag, keeping its JSON in step. */
  moderate(id: string, change: { status?: string; pinned?: boolean }): Row | undefined {
    const row = this.get('posts', id);
    if (!row) return undefined;
    const data = moderatedData(row, change);
    this.sql('UPDATE items SET data = @data, status = @status, pinned = @pinned, updated = @now, moderated = @now WHERE collection = @collection AND id = @id').run({
      data: JSON.stringify(data),
      status: (data.status as string | undefined) ?? row.status,
      pinned: data.pinned ? 1 : 0,
      now: new Date().toISOString(),
      collection: 'posts',
      id,
    });
    return this.get('posts', id);
  }

  blockAuthor(key: string): number {
    this.sql('INSERT OR IGNORE INTO blocked_authors (author_key, blocked) VALUES (?, ?)').run(key, new Date().toISOString());
    const rows = this.sql("SELECT id FROM items WHERE collection = 'posts' AND author_key = ? AND status != 'hidden'").all(key) as { id: string }[];
    for (const r of rows) this.moderate(r.id, { status: 'hidden', pinned: false });
    return rows.length;
  }

  isBlocked(key: string): boolean {
    return Boolean(this.sql('SELECT 1 FROM blocked_authors WHERE author_key = ?').get(key));
  }

  // Staff tokens: random, shown once, stored as SHA-256 (they have 256 bits of entropy, so no slow hash is needed).

  createToken(name: string): string {
    const token = newToken();
    this.sql('INSERT INTO tokens (name, hash, created) VALUES (?, ?, ?)').run(name, hashToken(token), new Date().toISOString());
    return token;
  }

  revokeToken(name: string): boolean {
    return this.sql('UPDATE tokens SET revoked = ? WHERE name = ? AND revoked IS NULL').run(new Date().toISOString(), name).changes > 0;
  }

  listTokens(): StaffToken[] {
    return this.sql('SELECT name, created, revoked FROM tokens ORDER BY id').all() as StaffToken[];
  }

  checkToken(token: string): string | undefined {
    const row = this.sql('SELECT name FROM tokens WHERE hash = ? AND revoked IS NULL').get(hashToken(token)) as { name: string } | undefined;
    return row?.name;
  }
}

export const newToken = () => `arch_${randomBytes(32).toString('base64url')}`;
