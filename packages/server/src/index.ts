export { createApp } from './app.js';
export { startServer, type RunningServer } from './start.js';
export { importRecords } from './import-records.js';
export { LOG_LEVELS, type LogLevel, type ServerOptions } from './options.js';
export { openDb, migrate, Store, authorKey } from './db.js';
export { RateLimiter } from './rate-limit.js';
