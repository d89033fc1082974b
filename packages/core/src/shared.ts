/**
 * What every widget needs, built as the one shared chunk (archipel-core.js)
 * with Lit, @lit/context, idb-keyval and the HTTP helper every adapter uses.
 * Adapters and header aliases load on demand; the rest of core (the outbox,
 * the write schemas, themes, time zones) is compiled into each widget that
 * uses it (rollup.config.js, copiesPerWidget).
 */
export * from './schema-types.js';
export * from './reader.js';
export * from './issues.js';
export * from './coerce.js';
export * from './parse.js';
export * from './time.js';
export * from './errors.js';
export * from './adapter.js';
export * from './read.js';
export * from './context.js';
export * from './i18n.js';
export * from './strings/core.js';
export * from './strings/send.js';
export * from './element.js';
export * from './collection.js';
export * from './events.js';
export * from './memo.js';
export * from './safe-url.js';
export * from './warn.js';
