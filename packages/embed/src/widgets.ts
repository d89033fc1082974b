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
 * French…). `adapters`, by kind: file names without `.js`; `parts`, by tag (`archipel.firstParts` in its package.json).
 * Separated by spaces. Empty here: the build fills it
 * (rollup.config.js, firstFiles).
 */
export const FIRST_FILES: {
  langs: string;
  words: Record<string, Record<string, string>>;
  adapters: Record<string, string>;
  /** By tag, a part loaded on demand that its first render waits for: its files, its words, unless `attribute=value`. */
  parts: Record<string, { unless: string; files: string; words: Record<string, string> }>;
} = { langs: '', words: {}, adapters: {}, parts: {} };

/**
 * The reads a widget's first render waits for, begun by the loader with its code from a REST `source` of the
 * widget's own (`"archipel": { "firstReads": { "reads": { "posts": ["chapter", "hashtag"] }, "unless": "moderate" } }`
 * in its package.json: each collection with the attributes that give its query, and `name=value` for a parameter
 * the widget's read always carries (`limit=5000`); none when the element has the `unless` attribute). Empty here:
 * the build fills it.
 */
export const FIRST_READS: Record<string, { reads: Record<string, string[]>; unless?: string }> = {};
