/**
 * The Storage interface on SQLite (db.ts): one server process, one file. The
 * rate limit lives in the process, the only one taking writes. Changes are
 * counted here, and SQLite's data_version tells of those another process
 * (an import) committed to the same file.
 */
import { openDb, SQLITE_MIGRATIONS, Store, type Db } from './db.js';
import { RateLimiter } from './rate-limit.js';
import { noteRecruit, sqliteRecruits, type Recruits } from './recruits.js';
import { PUBLIC_COLLECTIONS, type ImportedRecord, type InsertFields, type ListOptions, type StaffMember, type Statement, type Storage, type PhotoInfo } from './storage.js';

type Inserted = { receipt: string; created: boolean; conflict: boolean };

export class SqliteStorage implements Storage {
  readonly kind = 'sqlite';
  readonly store: Store;
  private readonly limiters = new Map<number, RateLimiter>();
  private changes = 0;
  readonly recruits: Recruits;

  /** A file path, ":memory:", or an open database (left open by close()). */
  constructor(
    db: string | Db,
    private readonly owned = typeof db === 'string',
  ) {
    this.store = new Store(typeof db === 'string' ? openDb(db) : db);
    this.recruits = sqliteRecruits(this.store.db, (sql) => this.store.prepared(sql));
  }

  get db(): Db {
    return this.store.db;
  }

  async ready() {}

  async migrations() {
    return { applied: this.db.pragma('user_version', { simple: true }) as number, known: SQLITE_MIGRATIONS };
  }

  /**
   * Writes waiting for the next commit (group commit): every insert asked for while the event loop was busy goes
   * into one transaction, so one fsync acknowledges them all rather than one each. A write is answered only once
   * that commit is on disk, as before; each runs under its own savepoint, so one that fails fails alone.
   */
  private queued: { write: () => Inserted; done: (result: Inserted | Error) => void }[] = [];

  insertOnce(collection: string, record: ImportedRecord, fields: InsertFields, receipt: object): Promise<Inserted> {
    const { recruit } = fields;
    const write = () => {
      const s = this.store.insertOnce(collection, record, fields, receipt);
      if (recruit && !s.conflict) noteRecruit((sql) => this.store.prepared(sql), recruit.person, recruit.signup);
      return s;
    };
    return new Promise<Inserted>((resolve, reject) => {
      if (this.queued.push({ write, done: (r) => (r instanceof Error ? reject(r) : resolve(r)) }) === 1) setImmediate(() => this.commitQueued());
    }).then((stored) => {
      // A post lands pending or hidden, yet a `since` read of posts lists hidden ones.
      if (stored.created && collection === 'posts') this.changes++;
      return stored;
    });
  }

  private commitQueued() {
    const batch = this.queued;
    this.queued = [];
    let results: (Inserted | Error)[];
    try {
      results = this.db.transaction(() =>
        batch.map(({ write }) => {
          try {
            return this.db.transaction(write)();
          } catch (err) {
            return err instanceof Error ? err : new Error(String(err));
          }
        }),
      )();
    } catch (err) {
      // The commit itself failed: nothing of the batch is stored.
      const error = err instanceof Error ? err : new Error(String(err));
      results = batch.map(() => error);
    }
    batch.forEach(({ done }, i) => done(results[i]!));
  }

  async upsert(collection: string, records: ImportedRecord[]) {
    this.store.upsert(collection, records);
    this.changes++;
  }

  async list(collection: string, o: ListOptions) {
    return this.store.list(collection, o);
  }

  async get(collection: string, id: string) {
    return this.store.get(collection, id);
  }

  async count(collection: string) {
    return this.store.count(collection);
  }

  async countMatching(collection: string, o: Omit<ListOptions, 'after' | 'limit'>) {
    return this.store.countMatching(collection, o);
  }

  async responses(survey: string) {
    return this.store.responses(survey);
  }

  async moderate(id: string, change: { status?: string; pinned?: boolean }) {
    this.changes++;
    return this.store.moderate(id, change);
  }

  async recordVote(survey: string, device: string, response: string) {
    return this.store.recordVote(survey, device, response);
  }

  async blockAuthor(key: string) {
    this.changes++;
    return this.store.blockAuthor(key);
  }

  publicVersion() {
    return `${this.changes}.${this.store.rewritten}.${this.db.pragma('data_version', { simple: true }) as number}`;
  }

  async isBlocked(key: string) {
    return this.store.isBlocked(key);
  }

  async unblockAuthor(key: string) {
    this.changes++;
    return this.store.unblockAuthor(key);
  }

  async logDecision(who: StaffMember, action: string, post: { id: string; chapter: string | null } | null) {
    this.store.logDecision(who, action, post);
  }

  async moderationLog(o?: { chapter?: string; after?: number; limit?: number }) {
    return this.store.moderationLog(o);
  }

  async waiting(chapter?: string) {
    return this.store.waiting(chapter);
  }

  async addPhoto(photo: PhotoInfo) {
    this.store.addPhoto(photo);
  }

  async getPhoto(id: string) {
    return this.store.getPhoto(id);
  }

  async attachPhoto(id: string, post: string) {
    this.store.attachPhoto(id, post);
  }

  async createToken(name: string, o?: { chapter?: string; days?: number }) {
    return this.store.createToken(name, o);
  }

  async revokeToken(name: string) {
    return this.store.revokeToken(name);
  }

  async listTokens() {
    return this.store.listTokens();
  }

  async checkToken(token: string) {
    return this.store.checkToken(token);
  }

  async logAccess(who: StaffMember, action: string, what: string, count: number) {
    this.store.logAccess(who, action, what, count);
  }

  async accessLog(o?: { since?: string; after?: number; limit?: number }) {
    return this.store.accessLog(o);
  }

  async serverKey(name: string) {
    return this.store.serverKey(name);
  }

  keyring() {
    return this.store;
  }

  async takeWrite(client: string, perMinute: number) {
    let limiter = this.limiters.get(perMinute);
    if (!limiter) this.limiters.set(perMinute, (limiter = new RateLimiter(perMinute)));
    return limiter.take(client);
  }

  async query<T = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> {
    const stmt = this.store.prepared(sql);
    if (stmt.reader) return stmt.all(...params) as T[];
    stmt.run(...params);
    return [];
  }

  async atomically(statements: Statement[], touched: string[] = []) {
    const counts = this.db.transaction(() => statements.map((s) => this.store.prepared(s.sql).run(...(s.params ?? [])).changes))();
    for (const collection of touched) {
      this.store.touched(collection);
      if (PUBLIC_COLLECTIONS.has(collection)) this.changes++;
    }
    return counts;
  }

  rewritesOf(collection: string) {
    return this.store.rewritesOf(collection);
  }

  writesTo(collection: string) {
    return this.store.writesTo(collection);
  }

  async addRsvp(action: string, contactKey: string, record: { id: string; chapter?: string; created?: string }, capacity: number | undefined, receipt: object) {
    const outcome = this.store.addRsvp(action, contactKey, record, capacity, receipt);
    // The public count of the action changed.
    if (outcome.created) this.changes++;
    return outcome;
  }

  async rsvpCounts(actions: readonly string[]) {
    return this.store.rsvpCounts(actions);
  }

  async rsvpsOf(action: string) {
    return this.store.rsvpsOf(action);
  }

  async setStatus(collection: string, id: string, status: string) {
    this.changes++;
    return this.store.setStatus(collection, id, status);
  }

  async close() {
    if (this.owned && this.db.open) this.db.close();
  }
}
