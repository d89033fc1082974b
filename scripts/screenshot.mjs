/**
 * Screenshots a page in headless Chromium after optional clicks, printing its console and failed requests:
 *   WAIT=3000 WIDTH=390 node scripts/screenshot.mjs <url> <out.png> [selector to click]…
 * For looking at what a person sees (npm start first).
 */
import { chromium } from 'playwright-core';
const [url, out, ...clicks] = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--enable-unsafe-swiftshader'] });
const page = await browser.newPage({ viewport: { width: Number(process.env.WIDTH ?? 1000), height: 900 } });
page.on('console', (m) => console.log('console:', m.type(), m.text().slice(0, 300)));
page.on('pageerror', (e) => console.log('pageerror:', e.message));
page.on('response', (r) => { if (r.status() >= 400) console.log('HTTP', r.status(), r.url()); });
await page.goto(url);
await page.waitForTimeout(Number(process.env.WAIT ?? 0));
for (const c of clicks) { await page.click(c); await page.waitForTimeout(1500); }
await page.screenshot({ path: out, fullPage: true });
await browser.close();
