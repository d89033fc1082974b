/**
 * Storage: SQLite through better-sqlite3, in WAL mode. Every record is kept
 * as its validated JSON plus the columns queries need. A record's client id is
 * its primary key within its collection, so a write repeated with the same id
 * is stored once, and its first answer (the receipt) is kept to answer alike.
 */
import Database from 'better-sqlite3';
import { createHash, randomBytes } from 'node:crypto';
import { SYNC_MIGRATIONS } from './sync-tables.js';

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
  // Calendars read by `archipel-server sync` (sync.ts).
  ...SYNC_MIGRATIONS,
];

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

/** Who wrote a post, as far as a name tells: for blocking an author. */
export const authorKey = (name: string) => name.normalize('NFKC').trim().toLowerCase().replace(/\s+/g, ' ');

export interface Row {
  seq: number;
  collection: string;
  id: string;
  data: string;
  chapter: string | null;
  status: string | null;
  pinned: number;
  created: string;
  updated: string;
  receipt: string | null;
  moderated: string | null;
}

export interface ListOptions {
  chapter?: string;
  since?: string;
  status?: string[];
  /** Responses to one survey. */
  survey?: string;
  /** Posts carrying this hashtag (without "#"), filtered before paging. */
  hashtag?: string;
  after?: number;
  limit: number;
}

export class Store {
  constructor(readonly db: Db) {}

  /** Stores a record once per (collection, id). Returns the stored receipt and whether this call stored it. */
  insertOnce(collection: string, record: { id: string; chapter?: string; created?: string }, fields: { status?: string; authorKey?: string }, receipt: object): { receipt: string; created: boolean } {
    const now = new Date().toISOString();
    const info = this.db
      .prepare(
        `INSERT INTO items (collection, id, data, chapter, status, author_key, created, updated, receipt)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (collection, id) DO NOTHING`,
      )
      .run(collection, record.id, JSON.stringify(record), record.chapter ?? null, fields.status ?? null, fields.authorKey ?? null, record.created ?? now, now, JSON.stringify(receipt));
    if (info.changes) return { receipt: JSON.stringify(receipt), created: true };
    const row = this.db.prepare('SELECT receipt FROM items WHERE collection = ? AND id = ?').get(collection, record.id) as { receipt: string };
    return { receipt: row.receipt, created: false };
  }

  /**
   * Replaces or adds records (imports, seeding). Importing the same file again changes nothing: a record
   * whose data is unchanged keeps its `updated` time. A post's status and pin come from the file until a
   * moderator decides about it; from then on the moderator's decision stands. A post by a blocked author
   * is stored hidden.
   */
  upsert(collection: string, records: { id: string; chapter?: string; status?: string; pinned?: boolean; created?: string; author?: string }[]): void {
    const now = new Date().toISOString();
    const stmt = this.db.prepare(
      `INSERT INTO items (collection, id, data, chapter, status, pinned, author_key, created, updated)
       VALUES (@collection, @id, @data, @chapter, @status, @pinned, @author_key, @created, @updated)
       ON CONFLICT (collection, id) DO UPDATE SET data = excluded.data, chapter = excluded.chapter, status = excluded.status,
         pinned = excluded.pinned, author_key = excluded.author_key, updated = excluded.updated`,
    );
    this.db.transaction(() => {
      for (const record of records) {
        const old = this.get(collection, record.id);
        let r = record;
        if (collection === 'posts') {
          if (old?.moderated) {
            const was = JSON.parse(old.data) as { status?: string; pinned?: boolean };
            r = { ...r, status: was.status ?? old.status ?? r.status, pinned: was.pinned };
          } else if (r.author && this.isBlocked(authorKey(r.author))) r = { ...r, status: 'hidden', pinned: undefined };
          if (r.pinned === undefined) delete r.pinned;
        }
        const data = JSON.stringify(r);
        if (old?.data === data) continue;
        stmt.run({
          collection,
          id: r.id,
          data,
          chapter: r.chapter ?? null,
          status: r.status ?? null,
          pinned: r.pinned ? 1 : 0,
          author_key: r.author ? authorKey(r.author) : null,
          created: r.created ?? now,
          updated: now,
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
      where.push("json_extract(data, '$.survey') = @survey");
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
    return this.db.prepare(`SELECT * FROM items WHERE ${where.join(' AND ')} ORDER BY seq LIMIT @limit`).all(params) as Row[];
  }

  get(collection: string, id: string): Row | undefined {
    return this.db.prepare('SELECT * FROM items WHERE collection = ? AND id = ?').get(collection, id) as Row | undefined;
  }

  count(collection: string): number {
    return (this.db.prepare('SELECT COUNT(*) AS n FROM items WHERE collection = ?').get(collection) as { n: number }).n;
  }

  /** Moderation: sets a post's status and pinned flag, keeping its JSON in step. */
  moderate(id: string, change: { status?: string; pinned?: boolean }): Row | undefined {
    const row = this.get('posts', id);
    if (!row) return undefined;
    const data = { ...JSON.parse(row.data), ...(change.status ? { status: change.status } : {}), ...(change.pinned !== undefined ? { pinned: change.pinned } : {}) };
    this.db
      .prepare('UPDATE items SET data = @data, status = @status, pinned = @pinned, updated = @now, moderated = @now WHERE collection = @collection AND id = @id')
      .run({ data: JSON.stringify(data), status: data.status ?? row.status, pinned: data.pinned ? 1 : 0, now: new Date().toISOString(), collection: 'posts', id });
    return this.get('posts', id);
  }

  blockAuthor(key: string): number {
    this.db.prepare('INSERT OR IGNORE INTO blocked_authors (author_key, blocked) VALUES (?, ?)').run(key, new Date().toISOString());
    const rows = this.db.prepare("SELECT id FROM items WHERE collection = 'posts' AND author_key = ? AND status != 'hidden'").all(key) as { id: string }[];
    for (const r of rows) this.moderate(r.id, { status: 'hidden', pinned: false });
    return rows.length;
  }

  isBlocked(key: string): boolean {
    return Boolean(this.db.prepare('SELECT 1 FROM blocked_authors WHERE author_key = ?').get(key));
  }

  // Staff tokens: random, shown once, stored as SHA-256 (they have 256 bits of entropy, so no slow hash is needed).

  createToken(name: string): string {
    const token = `arch_${randomBytes(32).toString('base64url')}`;
    this.db.prepare('INSERT INTO tokens (name, hash, created) VALUES (?, ?, ?)').run(name, hashToken(token), new Date().toISOString());
    return token;
  }

  revokeToken(name: string): boolean {
    return this.db.prepare('UPDATE tokens SET revoked = ? WHERE name = ? AND revoked IS NULL').run(new Date().toISOString(), name).changes > 0;
  }

  listTokens(): { name: string; created: string; revoked: string | null }[] {
    return this.db.prepare('SELECT name, created, revoked FROM tokens ORDER BY id').all() as { name: string; created: string; revoked: string | null }[];
  }

  checkToken(token: string): string | undefined {
    const row = this.db.prepare('SELECT name FROM tokens WHERE hash = ? AND revoked IS NULL').get(hashToken(token)) as { name: string } | undefined;
    return row?.name;
  }
}

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');
