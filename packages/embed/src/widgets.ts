/**
 * The tags archipel.js knows and the chunk each one needs. Each import is a
 * separate chunk in the build, fetched only when its tag appears. Empty here:
 * the build (rollup.config.js, loaderTable) fills it from every package whose
 * package.json declares `"archipel": { "tag", "entry" }`.
 */
export const widgets: Record<string, () => Promise<unknown>> = {};
