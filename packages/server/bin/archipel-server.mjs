#!/usr/bin/env node
// Stack traces in the logs then name the TypeScript sources rather than lines of the bundle.
process.setSourceMapsEnabled(true);
await import('../dist/cli.js');
