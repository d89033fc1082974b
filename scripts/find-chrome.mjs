/** The Chromium the browser tests use: CHROME_PATH, else Debian's /usr/bin/chromium. */
import { existsSync } from 'node:fs';

export function findChrome() {
  const candidates = [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].filter(Boolean);
  const found = candidates.find((p) => existsSync(p));
  if (!found) {
    throw new Error(
      'No Chromium found for the browser tests. Install it with `apt-get install chromium` (Debian/Ubuntu) or set CHROME_PATH to a Chrome or Chromium binary.',
    );
  }
  return found;
}

/** Flags that let headless Chromium run as root on a machine without network, with WebGL through SwiftShader. */
export const CHROME_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--enable-unsafe-swiftshader',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--disable-dev-shm-usage',
];
