/** Runs every tests/**\/*.node.test.ts with Node's test runner (TypeScript through tsx). */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

function find(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? find(path) : path.endsWith('.node.test.ts') ? [path] : [];
  });
}

const files = find('tests').sort();
const { status } = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=1', ...files, ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(status ?? 1);
