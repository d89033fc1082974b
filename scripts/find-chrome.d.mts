/** Types of find-chrome.mjs, for the TypeScript tests that launch Chromium. */
export function findChrome(): string;
export const CHROME_ARGS: string[];
