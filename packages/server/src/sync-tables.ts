/**
 * The tables `archipel-server sync` keeps (sync.ts): the feeds it reads, and which of the server's actions each
 * one brought. Plain SQL that PostgreSQL runs as it is.
 */
/** Migrations the database applies in order after its own. */
export const SYNC_MIGRATIONS: string[] = [
  `CREATE TABLE feeds (
     url TEXT PRIMARY KEY,
     label TEXT,
     chapter TEXT,
     added TEXT NOT NULL,
     synced TEXT,
     error TEXT
   );
   CREATE TABLE synced_actions (
     feed TEXT NOT NULL,
     id TEXT NOT NULL,
     PRIMARY KEY (feed, id)
   );`,
];
