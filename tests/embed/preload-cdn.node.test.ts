/**
 * archipel.js from a CDN, on another origin than the page, as most campaigns will use it: the preloaded
 * files and the imports that follow must be one request each there too (module scripts are CORS requests).
 * Chromium loads a page with two widgets from one loopback server; a second one, on another origin and with
 * CORS, serves dist/ and counts what it is asked for. The same-origin case is in production-loader.test.ts.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { loadStats, staticImports } from '../support/budgets.ts';

const stats = loadStats();
const requested = new Map<string, number>();

function serve(handler: (path: string) => { type: string; body: Buffer | string; headers?: Record<string, string> } | undefined): Promise<Server> {
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const answer = handler(path);
    if (!answer) return res.writeHead(404).end();
    res.writeHead(200, { 'content-type': answer.type, 'cache-control': 'no-store', ...answer.headers }).end(answer.body);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}
const port = (s: Server) => (s.address() as { port: number }).port;

let site: Server;
let cdn: Server;

before(async () => {
  cdn = await serve((path) => {
    const file = join('dist', path);
    if (!path.endsWith('.js') || !existsSync(file)) return undefined;
    requested.set(path.slice(1), (requested.get(path.slice(1)) ?? 0) + 1);
    return { type: 'text/javascript', body: readFileSync(file), headers: { 'access-control-allow-origin': '*' } };
  });
  // localhost and 127.0.0.1 are two origins: the page's and the CDN's.
  const loader = `http://localhost:${port(cdn)}/archipel.js`;
  site = await serve((path) => path === '/' ? { type: 'text/html; charset=utf-8', body: `<!doctype html><html lang="fr"><head><meta charset="utf-8">
<script type="module" src="${loader}"></script></head><body><hub-signup></hub-signup><readiness-survey></readiness-survey></body></html>` } : undefined);
});

after(() => {
  site?.close();
  cdn?.close();
});

describe('archipel.js from a CDN', () => {
  it('preloads what two widgets import statically, one link a file, and every file is one request', { timeout: 30_000 }, async () => {
    const browser = await chromium.launch({ executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
    try {
      const page = await browser.newPage();
      await page.goto(`http://127.0.0.1:${port(site)}/`);
      await page.waitForFunction(() => customElements.get('readiness-survey') && document.querySelector('hub-signup')?.shadowRoot?.querySelector('h2')?.textContent === 'Rejoignez-nous');
      await page.waitForTimeout(300);
      const links = await page.evaluate(() => [...document.head.querySelectorAll<HTMLLinkElement>('link[rel=modulepreload]')].map((l) => new URL(l.href).pathname.slice(1)));
      const imports = [...staticImports(stats, 'hub-signup.js'), ...staticImports(stats, 'readiness-survey.js')];
      assert.ok(imports.length > new Set(imports).size, 'the two widgets should share a chunk, for this test to hold');
      assert.deepEqual(links, [...new Set(links)], 'one link a file');
      for (const file of imports) assert.ok(links.includes(file), `${file} should be preloaded`);
      for (const file of links) assert.equal(requested.get(file), 1, `${file} was requested ${requested.get(file) ?? 0} times`);
      assert.deepEqual([...requested].filter(([, n]) => n !== 1), [], 'every file one request');
    } finally {
      await browser.close();
    }
  });
});
