export { createApp, startServer, importRecords, type ServerOptions, type RunningServer } from './app.js';
export { openDb, migrate, Store, authorKey } from './db.js';
export { RateLimiter } from './rate-limit.js';
