/**
 * Storage: SQLite through better-sqlite3, in WAL mode, synced on every commit. Every record is kept
 * as its validated JSON plus the columns queries need. A record's client id is
 * its primary key within its collection, so a write repeated with the same id
 * is stored once, and its first answer (the receipt) is kept to answer alike.
 */
import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { RECRUIT_MIGRATIONS } from './recruits.js';
import { SYNC_MIGRATIONS } from './sync-tables.js';
import { postAuthorKey, hashToken, importedVersion, sha256, moderatedData, surveyOf, DAY_MS, TOKEN_DAYS, TOKEN_MAX_DAYS, type AccessEntry, type ImportedRecord, type InsertFields, type ListOptions, type Row, type RsvpOutcome, type RsvpRow, type StaffMember, type TokenInfo, type ModerationEntry, type PhotoInfo } from './storage.js';
import { FILES_TABLE, MODERATION_LOG_TABLE, PHOTOS_TABLE } from './moderation-tables.js';

export { authorKey, hashToken, sha256, TOKEN_DAYS, TOKEN_MAX_DAYS, type AccessEntry, type ListOptions, type Row, type StaffMember, type TokenInfo } from './storage.js';

export type Db = Database.Database;

export const MIGRATIONS: string[] = [
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
  // A digest of the record as first written: the same client id with another body is a conflict, not a repeat.
  `ALTER TABLE items ADD COLUMN body_hash TEXT;`,
  // Tokens are per person: campaign staff (no chapter) or a chapter's lead, and they expire. Tokens made before
  // expiry existed get the default lifetime from now.
  `ALTER TABLE tokens ADD COLUMN chapter TEXT;
   ALTER TABLE tokens ADD COLUMN expires TEXT;
   UPDATE tokens SET expires = strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '+90 days') WHERE expires IS NULL;`,
  // Who read or exported personal data, when, what and how many records: for campaign staff to check.
  `CREATE TABLE access_log (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     at TEXT NOT NULL,
     who TEXT NOT NULL,
     chapter TEXT,
     action TEXT NOT NULL,
     what TEXT NOT NULL,
     count INTEGER NOT NULL
   );
   CREATE INDEX access_log_by_time ON access_log (at);`,
  // A person's rights: the hash of the private link's secret on their records, a record of each erasure (without
  // the data erased), and the server's own keys (the private links' and the form tokens' HMAC key).
  `ALTER TABLE items ADD COLUMN owner_hash TEXT;
   CREATE INDEX items_by_owner ON items (owner_hash);
   CREATE TABLE erasures (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     at TEXT NOT NULL,
     who TEXT NOT NULL,
     reason TEXT NOT NULL,
     collection TEXT NOT NULL,
     count INTEGER NOT NULL
   );
   CREATE TABLE server_keys (
     name TEXT PRIMARY KEY,
     value TEXT NOT NULL
   );`,
  // Calendars read by `archipel-server sync` (sync.ts).
  ...SYNC_MIGRATIONS,
  // A public poll counts one vote a device: the hash of the device's poll id, with the response it sent.
  `CREATE TABLE poll_votes (
     survey TEXT NOT NULL,
     device_hash TEXT NOT NULL,
     response TEXT NOT NULL,
     PRIMARY KEY (survey, device_hash)
   );`,
  // Which survey a response answers, as a column: results read one survey's responses through an index.
  `ALTER TABLE items ADD COLUMN survey TEXT;
   UPDATE items SET survey = json_extract(data, '$.survey') WHERE collection = 'responses';
   CREATE INDEX items_by_survey ON items (collection, survey, seq);`,
  // People coming to an action (RSVPs): one row a person an action, whoever sends it again and from wherever.
  `CREATE TABLE rsvps (
     seq INTEGER PRIMARY KEY AUTOINCREMENT,
     id TEXT NOT NULL UNIQUE,
     action TEXT NOT NULL,
     contact_key TEXT NOT NULL,
     chapter TEXT,
     data TEXT NOT NULL,
     created TEXT NOT NULL,
     receipt TEXT NOT NULL,
     UNIQUE (action, contact_key)
   );`,
  // The relational loop: people, their share codes and who recruited them (recruits.ts).
  ...RECRUIT_MIGRATIONS,
  // A map's view of a large campaign (`bbox`, #23): actions by latitude through an index, then by longitude.
  `CREATE INDEX items_by_lat ON items (collection, json_extract(data, '$.lat'));`,
  // Every moderation decision (#24): who (the token's name), when, what, on which post of which chapter.
  MODERATION_LOG_TABLE,
  // Photos supporters uploaded (#24): the files are in the photo folder; a photo is public while its post is approved.
  PHOTOS_TABLE,
  // Chapters' logos (#22), in the database rather than a folder, so that every instance serves them (#21).
  FILES_TABLE(false),
];

export const SQLITE_MIGRATIONS = MIGRATIONS.length;

export function openDb(file: string): Db {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  // An acknowledged write is on disk before its answer: each commit waits for the WAL to be synced. NORMAL would
  // survive a crash of the process but could lose the last commits to a power cut (tests/bench/server-writes).
  db.pragma('synchronous = FULL');
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

  /** Records written through this instance, by collection: what a cache of this instance's answers depends on. */
  private readonly writes = new Map<string, number>();

  /** How many records this instance has stored in a collection since it started (a cache's version). */
  writesTo(collection: string): number {
    return this.writes.get(collection) ?? 0;
  }

  /** Records changed in place (corrected, erased): caches of this collection start again. */
  private readonly rewrites = new Map<string, number>();
  rewritesOf(collection: string): number {
    return this.rewrites.get(collection) ?? 0;
  }
  touched(collection: string): void {
    this.rewrites.set(collection, this.rewritesOf(collection) + 1);
    this.rewrittenAll++;
  }
  private rewrittenAll = 0;
  /** Records changed in place in any collection, for a version of public answers that such a change must end. */
  get rewritten(): number {
    return this.rewrittenAll;
  }

  /** A statement prepared once for this database and reused. */
  prepared(text: string): Database.Statement {
    return this.sql(text);
  }

  private sql(text: string): Database.Statement {
    let stmt = this.statements.get(text);
    if (!stmt) this.statements.set(text, (stmt = this.db.prepare(text)));
    return stmt;
  }

  /** See Storage.insertOnce. */
  insertOnce(collection: string, record: ImportedRecord, fields: InsertFields, receipt: object): { receipt: string; created: boolean; conflict: boolean } {
    const now = new Date().toISOString();
    const text = JSON.stringify(receipt);
    const info = this.sql(
      `INSERT INTO items (collection, id, data, chapter, status, author_key, created, updated, receipt, survey, body_hash, owner_hash)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (collection, id) DO NOTHING`,
    ).run(collection, record.id, JSON.stringify(record), record.chapter ?? null, fields.status ?? null, fields.authorKey ?? null, record.created ?? now, now, text, surveyOf(collection, record), fields.bodyHash ?? null, fields.ownerHash ?? null);
    if (info.changes) {
      this.writes.set(collection, this.writesTo(collection) + 1);
      return { receipt: text, created: true, conflict: false };
    }
    const row = this.sql('SELECT receipt, body_hash FROM items WHERE collection = ? AND id = ?').get(collection, record.id) as { receipt: string; body_hash: string | null };
    return { receipt: row.receipt, created: false, conflict: Boolean(row.body_hash && fields.bodyHash && row.body_hash !== fields.bodyHash) };
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
        const key = collection === 'posts' ? postAuthorKey(record) : null;
        const blocked = key !== null && this.isBlocked(key);
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
          author_key: postAuthorKey(r),
          created: r.created ?? now,
          updated: now,
          survey: surveyOf(collection, r),
        });
      }
    })();
  }

  list(collection: string, o: ListOptions): Row[] {
    const { where, params } = this.matching(collection, o);
    params.limit = o.limit;
    if (o.after !== undefined) {
      where.push('seq > @after');
      params.after = o.after;
    }
    // Pages follow insertion order so that a cursor (the last seq) never skips or repeats a record.
    return this.sql(`SELECT * FROM items WHERE ${where.join(' AND ')} ORDER BY seq LIMIT @limit`).all(params) as Row[];
  }

  /** See Storage.countMatching. */
  countMatching(collection: string, o: Omit<ListOptions, 'after' | 'limit'>): number {
    const { where, params } = this.matching(collection, o);
    return (this.sql(`SELECT COUNT(*) AS n FROM items WHERE ${where.join(' AND ')}`).get(params) as { n: number }).n;
  }

  /** The conditions of a list, whatever its page. */
  private matching(collection: string, o: Omit<ListOptions, 'after' | 'limit'>): { where: string[]; params: Record<string, unknown> } {
    // An erased record stays as a row without its data (people.ts); no list shows it.
    const where = ['collection = @collection', "(status IS NULL OR status <> 'erased')"];
    const params: Record<string, unknown> = { collection };
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
    if (o.bbox) {
      // The same expression as the index items_by_lat, so SQLite reads the box's band of latitudes through it.
      where.push("json_extract(data, '$.lat') BETWEEN @south AND @north");
      where.push(o.bbox.w <= o.bbox.e ? "json_extract(data, '$.lng') BETWEEN @west AND @east" : "(json_extract(data, '$.lng') >= @west OR json_extract(data, '$.lng') <= @east)");
      Object.assign(params, { south: o.bbox.s, north: o.bbox.n, west: o.bbox.w, east: o.bbox.e });
    }
    return { where, params };
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

  /** See Storage.unblockAuthor. */
  unblockAuthor(key: string): number {
    return this.db.transaction(() => {
      this.sql('DELETE FROM blocked_authors WHERE author_key = ?').run(key);
      const rows = this.sql("SELECT id FROM items WHERE collection = 'posts' AND author_key = ? AND status = 'hidden' AND moderated IS NULL").all(key) as { id: string }[];
      for (const r of rows) this.moderate(r.id, { status: 'pending' });
      return rows.length;
    })();
  }

  logDecision(who: StaffMember, action: string, post: { id: string; chapter: string | null } | null): void {
    this.sql('INSERT INTO moderation_log (at, who, chapter, action, post, post_chapter) VALUES (?, ?, ?, ?, ?, ?)').run(new Date().toISOString(), who.name, who.chapter, action, post?.id ?? null, post?.chapter ?? null);
  }

  moderationLog({ chapter, after = 0, limit = 1000 }: { chapter?: string; after?: number; limit?: number } = {}): ModerationEntry[] {
    return this.sql(`SELECT id, at, who, chapter, action, post, post_chapter FROM moderation_log WHERE id > ? ${chapter ? 'AND post_chapter = ?' : ''} ORDER BY id LIMIT ?`).all(
      ...(chapter ? [after, chapter, limit] : [after, limit]),
    ) as ModerationEntry[];
  }

  waiting(chapter?: string): number {
    return (this.sql(`SELECT COUNT(*) AS n FROM items WHERE collection = 'posts' AND status = 'pending' ${chapter ? 'AND chapter = ?' : ''}`).get(...(chapter ? [chapter] : [])) as { n: number }).n;
  }

  addPhoto(p: PhotoInfo): void {
    this.sql('INSERT INTO photos (id, post, type, width, height, bytes, created) VALUES (@id, @post, @type, @width, @height, @bytes, @created)').run(p);
  }

  getPhoto(id: string): PhotoInfo | undefined {
    return this.sql('SELECT id, post, type, width, height, bytes, created FROM photos WHERE id = ?').get(id) as PhotoInfo | undefined;
  }

  attachPhoto(id: string, post: string): void {
    this.sql('UPDATE photos SET post = ? WHERE id = ? AND post IS NULL').run(post, id);
  }

  /** Notes that someone read, exported, corrected or erased personal data. */
  logAccess(who: StaffMember, action: string, what: string, count: number): void {
    this.sql('INSERT INTO access_log (at, who, chapter, action, what, count) VALUES (?, ?, ?, ?, ?, ?)').run(new Date().toISOString(), who.name, who.chapter, action, what, count);
  }

  /** The access log, oldest first: entries after `after` (an id, for paging) and at or after `since`. */
  accessLog({ since, after = 0, limit = 1000 }: { since?: string; after?: number; limit?: number } = {}): AccessEntry[] {
    return this.sql('SELECT id, at, who, chapter, action, what, count FROM access_log WHERE id > ? AND at >= ? ORDER BY id LIMIT ?').all(after, since ?? '', limit) as AccessEntry[];
  }

  /** The server's keys read so far: a key never changes once made, and every write's private link needs one. */
  private readonly keys = new Map<string, Buffer>();

  /**
   * One of the server's own random keys, made the first time it is asked for and kept in the database, so that
   * every instance sharing the database agrees (private links, form tokens). Read once, then kept in memory.
   */
  serverKey(name: string): Buffer {
    const kept = this.keys.get(name);
    if (kept) return kept;
    this.sql('INSERT INTO server_keys (name, value) VALUES (?, ?) ON CONFLICT (name) DO NOTHING').run(name, randomBytes(32).toString('base64url'));
    const key = Buffer.from((this.sql('SELECT value FROM server_keys WHERE name = ?').get(name) as { value: string }).value, 'base64url');
    this.keys.set(name, key);
    return key;
  }

  /**
   * Records a device's vote in a public poll; false when this device already voted with another response (the
   * same response again is a retry, and true).
   */
  recordVote(survey: string, device: string, response: string): boolean {
    const hash = sha256(`${survey}:${device}`);
    this.sql('INSERT INTO poll_votes (survey, device_hash, response) VALUES (?, ?, ?) ON CONFLICT (survey, device_hash) DO NOTHING').run(survey, hash, response);
    const row = this.sql('SELECT response FROM poll_votes WHERE survey = ? AND device_hash = ?').get(survey, hash) as { response: string };
    return row.response === response;
  }

  /** See Storage.addRsvp: SQLite runs one transaction at a time, so the count and the insert cannot interleave. */
  addRsvp(action: string, contactKey: string, record: { id: string; chapter?: string; created?: string }, capacity: number | undefined, receipt: object): RsvpOutcome {
    return this.db.transaction((): RsvpOutcome => {
      const going = () => (this.sql('SELECT COUNT(*) AS n FROM rsvps WHERE action = ?').get(action) as { n: number }).n;
      const old = this.sql('SELECT receipt FROM rsvps WHERE id = ? OR (action = ? AND contact_key = ?)').get(record.id, action, contactKey) as { receipt: string } | undefined;
      if (old) return { receipt: old.receipt, created: false, full: false, going: going() };
      const n = going();
      if (capacity !== undefined && n >= capacity) return { receipt: '', created: false, full: true, going: n };
      const text = JSON.stringify(receipt);
      this.sql('INSERT INTO rsvps (id, action, contact_key, chapter, data, created, receipt) VALUES (?, ?, ?, ?, ?, ?, ?)').run(record.id, action, contactKey, record.chapter ?? null, JSON.stringify(record), record.created ?? new Date().toISOString(), text);
      // Its count changed: a `since` read of actions lists it again, with the new count.
      this.sql("UPDATE items SET updated = ? WHERE collection = 'actions' AND id = ?").run(new Date().toISOString(), action);
      return { receipt: text, created: true, full: false, going: n + 1 };
    }).immediate();
  }

  rsvpCounts(actions: readonly string[]): Map<string, number> {
    const counts = new Map<string, number>();
    if (!actions.length) return counts;
    const rows = this.db.prepare(`SELECT action, COUNT(*) AS n FROM rsvps WHERE action IN (${actions.map(() => '?').join(', ')}) GROUP BY action`).all(...actions) as { action: string; n: number }[];
    for (const r of rows) counts.set(r.action, r.n);
    return counts;
  }

  rsvpsOf(action: string): RsvpRow[] {
    return this.sql('SELECT id, action, chapter, data, created FROM rsvps WHERE action = ? ORDER BY seq').all(action) as RsvpRow[];
  }

  setStatus(collection: string, id: string, status: string): Row | undefined {
    const row = this.get(collection, id);
    if (!row) return undefined;
    const now = new Date().toISOString();
    this.sql('UPDATE items SET data = ?, status = ?, updated = ?, moderated = ? WHERE collection = ? AND id = ?').run(JSON.stringify({ ...JSON.parse(row.data), status }), status, now, now, collection, id);
    return this.get(collection, id);
  }

  // Staff tokens: random, shown once, stored as SHA-256 (they have 256 bits of entropy, so no slow hash is needed).
  // One a person (names are unique), each expiring; a token with a chapter is that chapter's lead's.

  createToken(name: string, { chapter, days = TOKEN_DAYS }: { chapter?: string; days?: number } = {}): string {
    checkTokenDays(days);
    if (this.sql('SELECT 1 FROM tokens WHERE name = ?').get(name)) throw tokenNameTaken(name);
    const token = newToken();
    const now = Date.now();
    this.sql('INSERT INTO tokens (name, hash, created, chapter, expires) VALUES (?, ?, ?, ?, ?)').run(name, hashToken(token), new Date(now).toISOString(), chapter ?? null, new Date(now + days * DAY_MS).toISOString());
    return token;
  }

  /** Revokes a person's token; its row stays, so the access log still says whose it was. It frees the name. */
  revokeToken(name: string): boolean {
    const now = new Date().toISOString();
    return this.sql("UPDATE tokens SET revoked = ?, name = name || ' (revoked ' || ? || ')' WHERE name = ? AND revoked IS NULL").run(now, now, name).changes > 0;
  }

  listTokens(): TokenInfo[] {
    return this.sql('SELECT name, chapter, created, expires, revoked FROM tokens ORDER BY id').all() as TokenInfo[];
  }

  /** Whose token this is, if it is known, not revoked and not expired. */
  checkToken(token: string, now = new Date().toISOString()): StaffMember | undefined {
    return this.sql('SELECT name, chapter FROM tokens WHERE hash = ? AND revoked IS NULL AND expires > ?').get(hashToken(token), now) as StaffMember | undefined;
  }
}

export function checkTokenDays(days: number) {
  if (!(Number.isInteger(days) && days >= 1 && days <= TOKEN_MAX_DAYS)) throw new Error(`A token lasts 1 to ${TOKEN_MAX_DAYS} days, not ${days}.`);
}

export const tokenNameTaken = (name: string) => new Error(`A token named "${name}" exists already: revoke it first, or give another name (one token a person).`);

export const newToken = () => `arch_${randomBytes(32).toString('base64url')}`;
