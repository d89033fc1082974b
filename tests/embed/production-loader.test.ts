/** The production build (dist/, made by `npm test` before the browser tests), loaded as a webmaster would. */
import { expect, waitUntil } from '@open-wc/testing';

async function open(path: string): Promise<{ frame: HTMLIFrameElement; scripts: () => string[] }> {
  const frame = document.createElement('iframe');
  frame.src = path;
  document.body.append(frame);
  await new Promise((r) => frame.addEventListener('load', r, { once: true }));
  const scripts = () =>
    frame.contentWindow!.performance.getEntriesByType('resource')
      .map((e) => new URL(e.name).pathname)
      .filter((p) => (p.endsWith('.js') || p.endsWith('.mjs')) && !p.startsWith('/__web-dev-server'));
  return { frame, scripts };
}

describe('archipel.js from the production build', () => {
  it('downloads nothing more on a page without Archipel tags', async () => {
    const { frame, scripts } = await open('/tests/embed/fixtures/no-tags.html');
    await new Promise((r) => setTimeout(r, 300));
    expect(scripts()).to.deep.equal(['/dist/archipel.js']);
    frame.remove();
  });

  it('loads the sign-up form, and nothing of the map, the wall or the survey, on a page with only a form', async () => {
    const { frame, scripts } = await open('/tests/embed/fixtures/signup-only.html');
    await waitUntil(() => frame.contentWindow!.customElements.get('hub-signup'), 'hub-signup was not defined', { timeout: 8000 });
    await new Promise((r) => setTimeout(r, 500));
    const loaded = scripts();
    expect(loaded).to.include('/dist/hub-signup.js');
    expect(loaded).to.include('/dist/archipel-core.js');
    for (const other of ['action-map', 'hashtag-wall', 'readiness-survey', 'chapter-hub', 'maplibre', 'charts', 'purify']) {
      expect(loaded.filter((p) => p.includes(other)), other).to.deep.equal([]);
    }
    frame.remove();
  });

  it('ships the source checker as one file of its own that reads a source as the widgets do', async () => {
    const url = '/dist/archipel-check.js';
    const { checkSource } = (await import(/* @vite-ignore */ url)) as typeof import('../../packages/embed/src/check-source.ts');
    const report = await checkSource(new URL('../fixtures/json-folder/', import.meta.url).href);
    const actions = report.find((r) => r.collection === 'actions')!;
    expect(actions.count).to.equal(3);
    expect(actions.skipped.map((s) => s.row)).to.deep.equal([3, 4]);
    const loaded = performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname);
    expect(loaded.filter((p) => p.startsWith('/dist/') && p !== url), 'the checker should need no other file').to.deep.equal([]);
  });
});
