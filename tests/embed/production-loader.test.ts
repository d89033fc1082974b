/** The production build (dist/, made by `npm test` before the browser tests), loaded as a webmaster would. */
import { expect, waitUntil } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';

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

  it('loads, on a page with only a sign-up form sending to the REST API, exactly the files its byte budget counts', async () => {
    const { url } = (await executeServerCommand<{ url: string }, { action: string }>('reference-server', { action: 'start' }))!;
    const { chunks } = (await (await fetch('/dist/build-stats.json')).json()) as { chunks: Record<string, { modules: string[] }> };
    const holding = (module: string) => `/dist/${Object.keys(chunks).find((f) => chunks[f]!.modules.some((m) => m.endsWith(module)))}`;
    const { frame, scripts } = await open('/tests/embed/fixtures/signup-only.html');
    await waitUntil(() => frame.contentWindow!.customElements.get('hub-signup'), 'hub-signup was not defined', { timeout: 8000 });
    frame.contentDocument!.querySelector('hub-signup')!.setAttribute('source', url);
    await waitUntil(() => frame.contentDocument!.querySelector('hub-signup')!.shadowRoot?.querySelector('button[type=submit]'), 'the form did not show', { timeout: 8000 });
    expect(frame.contentDocument!.querySelector('hub-signup')!.shadowRoot!.querySelector('h2')!.textContent).to.equal('Rejoignez-nous');
    await new Promise((r) => setTimeout(r, 500));
    // The loader, the shared chunk, zod, the widget (with its outbox and schemas), its words, the forms' and the core's in
    // the page's language, and the REST adapter: what tests/hub-signup/budget.node.test.ts adds up.
    const words = ['hub-signup/src/strings/fr/hub-signup.ts', 'hub-signup/~core/strings/fr/send.ts', 'core/src/strings/fr/core.ts'].map(holding);
    const lit = ['lit-html/directives/ref.js', 'lit-html/directive.js'].map(holding);
    const expected = ['/dist/archipel.js', '/dist/archipel-core.js', holding('zod/v4/core/core.js'), ...lit, '/dist/hub-signup.js', ...words, holding('adapters/rest.ts')];
    expect([...new Set(scripts())].sort()).to.deep.equal(expected.sort());
    // Each widget that sends has its own copy of the outbox's code; the page keeps one outbox, on globalThis.
    const page = frame.contentWindow as unknown as Record<symbol, unknown> & { EventTarget: typeof EventTarget };
    const version = (page as unknown as { customElements: CustomElementRegistry }).customElements.get('hub-signup') as unknown as { version: string };
    expect(page[Symbol.for(`archipel.outbox@${version.version}`)]).to.be.an.instanceOf(page.EventTarget);
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
