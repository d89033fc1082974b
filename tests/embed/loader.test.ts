import { expect, waitUntil } from '@open-wc/testing';

const w = window as unknown as { loaded: string[] };
w.loaded = [];

const loader = await import('../../packages/embed/src/archipel.ts');
const scripts = () => performance.getEntriesByType('resource').map((e) => e.name).filter((n) => /fake-[ab]/.test(n));

describe('archipel.js, the loader', () => {
  it('downloads nothing for a page without Archipel tags', async () => {
    loader.register('fake-a', () => import('./fixtures/fake-a.ts'));
    loader.register('fake-b', () => import('./fixtures/fake-b.ts'));
    await new Promise((r) => setTimeout(r, 50));
    expect(w.loaded).to.deep.equal([]);
    expect(scripts()).to.deep.equal([]);
  });

  it('imports the code of a tag when it appears, even inside added markup, and only that tag’s', async () => {
    const wrap = document.createElement('div');
    wrap.innerHTML = '<section><fake-a></fake-a></section>';
    document.body.append(wrap);
    await waitUntil(() => customElements.get('fake-a'), 'fake-a was not loaded');
    expect(w.loaded).to.deep.equal(['fake-a']);
    expect(scripts().some((s) => s.includes('fake-b'))).to.equal(false);
    wrap.remove();
  });

  it('imports the widgets inside an added widget, such as a wall slotted into a hub', async () => {
    const hub = document.createElement('fake-a');
    hub.innerHTML = '<fake-b slot="wall"></fake-b>';
    document.body.append(hub);
    await waitUntil(() => customElements.get('fake-b'), 'the nested fake-b was not loaded');
    hub.remove();
  });

  it('imports a tag once however many times it appears, and on request from a shadow root', async () => {
    document.body.insertAdjacentHTML('beforeend', '<fake-a></fake-a><fake-a></fake-a>');
    await loader.load('fake-b');
    expect(w.loaded).to.deep.equal(['fake-a', 'fake-b']);
    const api = (globalThis as Record<symbol, { tags(): string[] }>)[Symbol.for('archipel.loader')]!;
    expect(api.tags()).to.include.members(['fake-a', 'fake-b']);
  });

  it('asks for module files ahead with one <link rel="modulepreload"> a file, however often they are asked for', () => {
    const base = new URL('/dist/chunks/a-123.js', location.href).href;
    loader.preload(['./b-456.js', '../archipel-core.js'], base);
    loader.preload(['./archipel-core.js'], new URL('/dist/archipel.js', location.href).href);
    const links = [...document.head.querySelectorAll<HTMLLinkElement>('link[rel=modulepreload]')];
    expect(links.map((l) => new URL(l.href).pathname)).to.deep.equal(['/dist/chunks/b-456.js', '/dist/archipel-core.js']);
    links.forEach((l) => l.remove());
  });
});
