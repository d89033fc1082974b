/**
 * Without JavaScript (Opera Mini's data saving, KaiOS, an old WebView) a widget is what the page put inside its tag
 * (issue #19): the demo pages' links show, readable, and once the widget runs they give way to it. Needs the
 * production build (dist/).
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { demoSite } from '../support/slow-phone.ts';

const PAGES = ['action-map.html', 'hashtag-wall.html', 'hub-signup.html', 'readiness-survey.html', 'chapter-hub.html'];
/** A widget's fallback: the links a page put directly inside its tag, or in a hub's `slot="fallback"`. */
const FALLBACK = ':is(action-map, hashtag-wall, hub-signup, readiness-survey) > a, chapter-hub > [slot=fallback] a';

interface Seen {
  tag: string;
  text: string;
  width: number;
  height: number;
  fontSize: number;
  color: string;
}

describe('without JavaScript', () => {
  const site = demoSite();

  /** What a person sees of each link: its words, its box, its size and colour. */
  const seen = (els: Element[]) =>
    els.map((a) => {
      const box = a.getBoundingClientRect();
      const style = getComputedStyle(a);
      return { tag: a.closest('action-map, hashtag-wall, hub-signup, readiness-survey, chapter-hub')!.localName, text: (a as HTMLElement).innerText.trim(), width: box.width, height: box.height, fontSize: parseFloat(style.fontSize), color: style.color };
    });

  for (const file of PAGES) {
    it(`demo/${file} shows each widget's link, readable`, async () => {
      const context = await site.browser.newContext({ javaScriptEnabled: false, viewport: { width: 412, height: 823 } });
      try {
        const page = await context.newPage();
        await page.goto(`http://127.0.0.1:${site.server.port}/demo/${file}`);
        const links = (await page.$$eval(FALLBACK, seen)) as Seen[];
        assert.ok(links.length > 0, `demo/${file} has no fallback link`);
        for (const link of links) {
          assert.ok(link.text.length > 10, `<${link.tag}>'s link says nothing: "${link.text}"`);
          assert.ok(link.width > 0 && link.height > 0, `<${link.tag}>'s link "${link.text}" is not shown`);
          assert.ok(link.fontSize >= 14, `<${link.tag}>'s link is ${link.fontSize}px`);
          assert.notEqual(link.color, 'rgba(0, 0, 0, 0)', `<${link.tag}>'s link is transparent`);
        }
      } finally {
        await context.close();
      }
    });
  }

  it('gives way to the widget once it runs', { timeout: 60_000 }, async () => {
    const context = await site.browser.newContext({ viewport: { width: 412, height: 823 } });
    try {
      const page = await context.newPage();
      for (const file of PAGES) {
        await page.goto(`http://127.0.0.1:${site.server.port}/demo/${file}`);
        await page.waitForFunction(() => [...document.querySelectorAll('action-map, hashtag-wall, hub-signup, readiness-survey, chapter-hub')].every((el) => customElements.get(el.localName) && el.shadowRoot?.childElementCount && !el.hasAttribute('loading')), undefined, { timeout: 20_000 });
        const shown = await page.$$eval(FALLBACK, (els) => els.filter((a) => a.getClientRects().length > 0).map((a) => a.textContent));
        assert.deepEqual(shown, [], `demo/${file}: the fallback still shows beside the widget`);
      }
    } finally {
      await context.close();
    }
  });
});
