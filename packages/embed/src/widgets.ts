/**
 * The tags archipel.js knows and the chunk each one needs. Each import is a
 * separate chunk in the build, fetched only when its tag appears.
 */
export const widgets: Record<string, () => Promise<unknown>> = {};
