/**
 * What every widget needs, built as the one shared chunk (archipel-core.js)
 * with Lit, @lit/context and idb-keyval. Everything else in core
 * (the outbox and write schemas, themes, HTTP, header aliases, adapters) is
 * loaded by the widgets and adapters that use it.
 */
export * from './schema-types.js';
export * from './schema-kit.js';
export * from './parse.js';
export * from './time.js';
export * from './errors.js';
export * from './adapter.js';
export * from './read.js';
export * from './context.js';
export * from './i18n.js';
export * from './strings.js';
export * from './element.js';
export * from './collection.js';
export * from './safe-url.js';
export * from './warn.js';
