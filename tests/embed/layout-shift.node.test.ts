/**
 * No demo page jumps while its widgets load (issue #19): each opens on a slow phone (tests/support/slow-phone.ts:
 * 412×823, 400 kbit/s, 400 ms round trip, CPU 4×), and the layout shifts it has until every widget has rendered
 * with its data, and a second more, add up to at most 0.1, the bound Core Web Vitals call good. Meanwhile the page
 * says nothing in its console (a warning there is for a webmaster who set something wrong, and a demo page is what
 * webmasters copy), and no request of the page fails or is answered with an error: the calendar's demo asked for a
 * REST read from its .ics on every view (source-kind.ts), and the survey editor's preview said it had no source.
 * Needs the production build (dist/).
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { COUNT_LAYOUT_SHIFT, demoSite, slowPhone } from '../support/slow-phone.ts';

const TAGS = 'action-map, hashtag-wall, hub-signup, chapter-hub, readiness-survey';
const pages = readdirSync('demo').filter((f) => f.endsWith('.html') && f !== 'check-source.html');

describe('layout shift on a slow phone', () => {
  const site = demoSite();

  for (const file of pages) {
    it(`demo/${file} shifts by at most 0.1`, { timeout: 90_000 }, async () => {
      const page = await slowPhone(site.browser);
      const said: string[] = [];
      // The GL driver's notes on its own speed (software WebGL here) are not the page's; its errors are.
      page.on('console', (m) => ['warning', 'error'].includes(m.type()) && !m.text().includes('GL Driver Message') && said.push(`${m.type()}: ${m.text()}`));
      page.on('pageerror', (e) => said.push(`uncaught: ${e.message}`));
      page.on('response', (r) => r.status() >= 400 && said.push(`${r.status()} ${new URL(r.url()).pathname}`));
      // A request the page gave up itself (a map tile no longer in view) is not a failure.
      page.on('requestfailed', (r) => r.failure()?.errorText !== 'net::ERR_ABORTED' && said.push(`${r.failure()?.errorText} ${new URL(r.url()).pathname}`));
      try {
        await page.addInitScript(COUNT_LAYOUT_SHIFT);
        await page.goto(`http://127.0.0.1:${site.server.port}/demo/${file}`, { waitUntil: 'load', timeout: 60_000 });
        // Every widget defined and past loading: its code, words and data have arrived and it has rendered.
        await page.waitForFunction((tags) => [...document.querySelectorAll(tags)].every((el) => customElements.get(el.localName) && !el.hasAttribute('loading')), TAGS, { timeout: 60_000, polling: 250 });
        await page.waitForTimeout(1000);
        const cls = await page.evaluate(() => (window as unknown as { __cls: number }).__cls);
        console.log(`  demo/${file.padEnd(32)} ${cls.toFixed(3)}`);
        assert.ok(cls <= 0.1, `demo/${file}: layout shift ${cls.toFixed(3)}, over 0.1`);
        assert.deepEqual(said, [], `demo/${file} said this in its console or had these requests fail`);
      } finally {
        await page.context().close();
      }
    });
  }
});
