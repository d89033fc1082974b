#!/usr/bin/env node
// Runs the TypeScript sources through tsx, so the server needs no build step of its own.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli.ts');
