/** Compiles src/ to dist/ (cli.js, index.js). */
export function buildServer(): Promise<void>;
/** Builds when dist/cli.js is missing or older than its sources; resolves to its path. */
export function ensureBuilt(): Promise<string>;
