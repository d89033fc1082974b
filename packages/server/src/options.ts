import { dirname, join } from 'node:path';
import type { Db } from './db.js';
import type { Storage } from './storage.js';

/** How much the server writes to its log, from pino's levels; "silent" writes nothing. */
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export interface ServerOptions {
  /** A PostgreSQL URL (postgres://…), an SQLite file path, ":memory:", an open better-sqlite3 database, or a Storage. */
  db: string | Db | Storage;
  /** Sites allowed to call the API from a browser ("https://campaign.example"); "*" allows any. The server's own origin always is. */
  cors?: string[];
  /** Writes a client address may make per minute (also the burst); 0 turns the limit off. */
  writesPerMinute?: number;
  /** Read the client address from X-Forwarded-For (behind a reverse proxy). */
  trustProxy?: boolean;
  /** Fastest a person fills a form, in ms; faster submissions are refused as automated. */
  minFillMs?: number;
  /** Largest request body, in bytes. */
  maxBody?: number;
  /** Folders served as static files: URL prefix → folder. */
  statics?: Record<string, string>;
  /** Where `/` redirects (e.g. "/demo/"). */
  home?: string;
  /** Months sign-ups and responses' contact details are kept; older ones are erased on start and daily. */
  retainMonths?: number;
  /** Request log level (JSON lines, one a request); default "info". */
  logLevel?: LogLevel;
  /** Serve GET /metrics (Prometheus text format). */
  metrics?: boolean;
  /** Where log lines go; default standard output. */
  logStream?: { write(line: string): unknown };
  /** The folder an earlier version kept chapters' logos in (still served at /uploads/; new logos go in the database); by default beside an SQLite file. */
  uploads?: string;
  /** The folder uploaded photos are kept in (stripped and resized); without one, uploads are refused. */
  photos?: string;
  /** Largest photo upload, in bytes (default 8 MiB). */
  maxPhotoBytes?: number;
}

/** The options with every default filled in, as the routes read them. */
export interface Settings {
  cors: Set<string>;
  writesPerMinute: number;
  trustProxy: boolean;
  minFillMs: number;
  maxBody: number;
  statics: Record<string, string>;
  home?: string;
  retainMonths?: number;
  metrics: boolean;
  uploads?: string;
  photos?: string;
  maxPhotoBytes: number;
}

export function settingsOf(options: ServerOptions): Settings {
  return {
    cors: new Set(options.cors ?? []),
    writesPerMinute: options.writesPerMinute ?? 30,
    trustProxy: options.trustProxy ?? false,
    minFillMs: options.minFillMs ?? 1500,
    maxBody: options.maxBody ?? 32 * 1024,
    statics: options.statics ?? {},
    home: options.home,
    retainMonths: options.retainMonths,
    metrics: options.metrics ?? false,
    uploads: options.uploads ?? (typeof options.db === 'string' && options.db !== ':memory:' && !/^postgres(ql)?:\/\//.test(options.db) ? join(dirname(options.db), 'uploads') : undefined),
    photos: options.photos,
    maxPhotoBytes: options.maxPhotoBytes ?? 8 * 1024 * 1024,
  };
}
