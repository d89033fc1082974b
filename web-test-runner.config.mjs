/**
 * Browser tests in real Chromium (Debian's, or CHROME_PATH), TypeScript
 * through esbuild. Test files: tests/**\/*.test.ts except *.node.test.ts.
 * Plugins in tests/support give tests real servers on loopback; a11ySnapshot gives
 * them Chromium's accessibility tree, as a screen reader reads it.
 */
import { chromeLauncher } from '@web/test-runner-chrome';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { a11ySnapshotPlugin } from '@web/test-runner-commands/plugins';
import { findChrome, CHROME_ARGS } from './scripts/find-chrome.mjs';
import { testServerPlugins, testMiddleware } from './tests/support/server-plugins.mjs';
import { referenceServerPlugin } from './tests/support/reference-server.mjs';

export default {
  files: ['tests/**/*.test.ts', '!tests/**/*.node.test.ts', '!tests/bench/**'],
  nodeResolve: { exportConditions: ['production'] },
  concurrency: 1,
  middleware: testMiddleware(),
  browserStartTimeout: 60_000,
  testsFinishTimeout: 300_000,
  plugins: [esbuildPlugin({ ts: true, tsconfig: 'tsconfig.json', target: 'es2022' }), ...testServerPlugins(), referenceServerPlugin(), a11ySnapshotPlugin()],
  browsers: [chromeLauncher({ launchOptions: { executablePath: findChrome(), headless: true, args: CHROME_ARGS } })],
  testFramework: { config: { timeout: 10_000 } },
};
