/** The production build (dist/, made by `npm test` before the browser tests), loaded as a webmaster would. */
import { expect, waitUntil } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { closure, type Chunk } from '../support/budgets.ts';

const { chunks: stats } = (await (await fetch('/dist/build-stats.json')).json()) as { chunks: Record<string, Chunk> };
const dist = (files: string[]) => files.map((f) => `/dist/${f}`).sort();

interface Page {
  frame: HTMLIFrameElement;
  window: Window & Record<symbol, { load(tag: string): Promise<unknown> }>;
  /** The module files the page requested, one entry a request. */
  scripts(): string[];
}

async function open(path: string): Promise<Page> {
  const frame = document.createElement('iframe');
  frame.src = path;
  document.body.append(frame);
  await new Promise((r) => frame.addEventListener('load', r, { once: true }));
  const window = frame.contentWindow as Page['window'];
  const scripts = () =>
    window.performance.getEntriesByType('resource')
      .map((e) => new URL(e.name).pathname)
      .filter((p) => (p.endsWith('.js') || p.endsWith('.mjs')) && !p.startsWith('/__web-dev-server'))
      .sort();
  return { frame, window, scripts };
}

describe('archipel.js from the production build', () => {
  it('downloads nothing more on a page without Archipel tags', async () => {
    const { frame, scripts } = await open('/tests/embed/fixtures/no-tags.html');
    await new Promise((r) => setTimeout(r, 300));
    expect(scripts()).to.deep.equal(['/dist/archipel.js']);
    frame.remove();
  });

  it('loads, on a page with only a sign-up form sending to the REST API, exactly the files its byte budget counts', async () => {
    const { url } = (await executeServerCommand<{ url: string }, { action: string }>('reference-server', { action: 'start' }))!;
    const { frame, scripts } = await open('/tests/embed/fixtures/signup-only.html');
    await waitUntil(() => frame.contentWindow!.customElements.get('hub-signup'), 'hub-signup was not defined', { timeout: 8000 });
    frame.contentDocument!.querySelector('hub-signup')!.setAttribute('source', url);
    await waitUntil(() => frame.contentDocument!.querySelector('hub-signup')!.shadowRoot?.querySelector('button[type=submit]'), 'the form did not show', { timeout: 8000 });
    expect(frame.contentDocument!.querySelector('hub-signup')!.shadowRoot!.querySelector('h2')!.textContent).to.equal('Rejoignez-nous');
    await new Promise((r) => setTimeout(r, 500));
    // The loader, the widget and what it imports, its words in the page's language with the core's and the
    // forms' words they include, and the REST adapter: what tests/hub-signup/budget.node.test.ts adds up.
    const rest = Object.keys(stats).find((f) => stats[f]!.modules.some((m) => m.endsWith('core/src/adapters/rest.ts')))!;
    expect(scripts()).to.deep.equal(dist(closure(stats, ['archipel.js', 'hub-signup.js', rest], 'fr').files));
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
    expect(loaded.filter((p) => p.startsWith('/dist/') && p.endsWith('.js') && p !== url), 'the checker should need no other file').to.deep.equal([]);
  });
});
