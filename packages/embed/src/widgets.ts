/**
 * The tags archipel.js knows and the chunk each one needs. Each import is a
 * separate chunk in the build, fetched only when its tag appears. Empty here:
 * the build (rollup.config.js, loaderTable) fills it from every package whose
 * package.json declares `"archipel": { "tag", "entry" }`.
 */
export const widgets: Record<string, () => Promise<unknown>> = {};

/**
 * The height each tag takes before it is defined and while it loads (`"archipel": { "reserve" }` in its package.json),
 * so the page under it does not jump. Empty here: the build fills it.
 */
export const RESERVE: Record<string, string> = {};

/**
 * The files a widget needs before its first render beyond its code, all in chunks/. `words`, by tag (core's own
 * under `*`) then catalogue file name: the hash of that file in each language of `langs`, in its order
 * (`{ "*": { core: "CBPtEY2H CUAx6RR8 …" } }` for chunks/core-CBPtEY2H.js in English, chunks/core-CUAx6RR8.js in
 * French…). `adapters`, by kind: file names without `.js`. Separated by spaces. Empty here: the build fills it
 * (rollup.config.js, firstFiles).
 */
export const FIRST_FILES: { langs: string; words: Record<string, Record<string, string>>; adapters: Record<string, string> } = { langs: '', words: {}, adapters: {} };
