/**
 * `npm run bench [name]`: runs the benchmarks in tests/bench (all, or those
 * whose file name contains `name`). They print their figures and the machine;
 * timings are reported, never asserted.
 */
import { readdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const filter = process.argv[2] ?? '';
const files = readdirSync('tests/bench').filter((f) => f.endsWith('.bench.ts') && f.includes(filter)).sort();
if (!files.length) {
  console.error(`No benchmark in tests/bench matches "${filter}".`);
  process.exit(1);
}
let failed = 0;
for (const f of files) {
  console.log(`\n▶ ${f}`);
  const { status } = spawnSync(process.execPath, ['--import', 'tsx', `tests/bench/${f}`], { stdio: 'inherit' });
  if (status !== 0) failed += 1;
}
process.exit(failed ? 1 : 0);
