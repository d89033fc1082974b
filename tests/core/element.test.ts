import { expect, fixture, html as fhtml, waitUntil, oneEvent } from '@open-wc/testing';
import { html } from 'lit';
import { html as staticHtml } from 'lit/static-html.js';
import { ArchipelElement } from '../../packages/core/src/element.ts';
import { CollectionController } from '../../packages/core/src/collection.ts';
import type { Words } from '../../packages/core/src/i18n.ts';
import { MemoryAdapter } from '../../packages/core/src/adapters/memory.ts';
import { AdapterError } from '../../packages/core/src/errors.ts';
import { actionReader } from '../../packages/core/src/schemas/actions.ts';
import type { LoadDetail } from '../../packages/core/src/events.ts';
import { text, warnings } from '../support/dom.ts';
import { addWords } from '../../packages/core/src/i18n.ts';

const own = {
  name: 'test-actions',
  languages: {
    en: { heading: 'Actions', count: { one: '# action', other: '# actions' } },
    fr: { heading: 'Actions', count: { one: '# action', other: '# actions' } },
    es: { heading: 'Acciones', count: { one: '# acción', other: '# acciones' } },
  },
};

/** The smallest real widget: a list of action titles on the shared base. */
class TestActions extends ArchipelElement<keyof typeof own.languages.en> {
  static override words: readonly Words[] = [own];
  data = new CollectionController(this, 'actions', actionReader);
  override render() {
    return html`<section part="base">
      ${staticHtml`<${this.heading()}>${this.t('heading')}</${this.heading()}>`}
      ${this.renderStatus(this.data)}
      <ul>
        ${this.data.items.map((a) => html`<li>${a.title}</li>`)}
      </ul>
      <p>${this.t('count', { count: this.data.items.length })}</p>
    </section>`;
  }
}
TestActions.define('test-actions');

const source = () => `memory:element-${Math.random()}`;


/** The browser says it is offline, until the returned function is called. */
function offline(): () => void {
  const onLine = Object.getOwnPropertyDescriptor(Navigator.prototype, 'onLine')!;
  Object.defineProperty(Navigator.prototype, 'onLine', { configurable: true, get: () => false });
  return () => Object.defineProperty(Navigator.prototype, 'onLine', onLine);
}

describe('ArchipelElement states', () => {
  it('tells the visitor to come back later when there is no source, and the console what to write', async () => {
    let el!: TestActions;
    const said = await warnings(async () => {
      el = await fixture<TestActions>(fhtml`<test-actions lang="en"></test-actions>`);
    });
    expect(text(el)).to.contain('This is not ready yet. Please come back later.').and.not.contain('source');
    expect(said.join('\n')).to.contain('<test-actions> has no data source: set its source attribute');
    await expect(el).to.be.accessible();
  });

  it('says it is loading, then shows the records and fires archipel-load', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const adapter = new MemoryAdapter({ actions: [{ id: 'a', title: 'Marche', start: '2026-12-12' }, { title: '', start: 'x' }] }, { source: source() });
    const slow = Object.assign(Object.create(adapter), { list: async (...a: Parameters<MemoryAdapter['list']>) => (await gate, adapter.list(...a)) });
    const el = await fixture<TestActions>(fhtml`<test-actions lang="en" .adapter=${slow}></test-actions>`);
    expect(text(el)).to.contain('Loading…');
    await expect(el).to.be.accessible();
    const loaded = oneEvent(el, 'archipel-load');
    release();
    const { detail } = (await loaded) as CustomEvent<LoadDetail>;
    expect(detail.count).to.equal(1);
    expect(detail.skipped).to.have.length(1);
    await el.updateComplete;
    expect(text(el)).to.contain('Marche').and.contain('1 action');
    await expect(el).to.be.accessible();
  });

  it('fires archipel-load for the saved copy it shows first (fromCache), then for what the source says now', async () => {
    const src = source();
    const first = await fixture<TestActions>(fhtml`<test-actions lang="en" .adapter=${new MemoryAdapter({ actions: [{ id: 'k', title: 'Kept', start: '2026-12-12' }] }, { source: src })}></test-actions>`);
    await waitUntil(() => text(first).includes('Kept'));
    const seen: [boolean, number][] = [];
    const listen = (e: Event) => seen.push([(e as CustomEvent<LoadDetail>).detail.fromCache, (e as CustomEvent<LoadDetail>).detail.count]);
    document.addEventListener('archipel-load', listen);
    try {
      // A source slower than the device's store: it answers once the saved copy is on screen.
      const held = new Promise<void>((resolve) => document.addEventListener('archipel-load', () => resolve(), { once: true }));
      const now = new (class extends MemoryAdapter {
        override async list(...args: Parameters<MemoryAdapter['list']>) {
          await held;
          return super.list(...args);
        }
      })({ actions: [{ id: 'k', title: 'Kept', start: '2026-12-12' }, { id: 'n', title: 'New', start: '2026-12-13' }] }, { source: src });
      const el = await fixture<TestActions>(fhtml`<test-actions lang="en" .adapter=${now}></test-actions>`);
      await waitUntil(() => text(el).includes('New'));
      await waitUntil(() => seen.length === 2, `archipel-load fired ${seen.length} times`);
      expect(seen).to.deep.equal([
        [true, 1],
        [false, 2],
      ]);
    } finally {
      document.removeEventListener('archipel-load', listen);
    }
  });

  it('says when there is nothing yet', async () => {
    const el = await fixture<TestActions>(fhtml`<test-actions lang="en" .adapter=${new MemoryAdapter({ actions: [] }, { source: source() })}></test-actions>`);
    await waitUntil(() => text(el).includes('Nothing to show yet.'));
    await expect(el).to.be.accessible();
  });

  it('says it could not load, offers to try again, and fires archipel-error', async () => {
    let fail = true;
    const adapter = new MemoryAdapter({ actions: [{ id: 'b', title: 'Back', start: '2026-12-12' }] }, { source: source() });
    const flaky = Object.assign(Object.create(adapter), {
      list: (...a: Parameters<MemoryAdapter['list']>) => (fail ? Promise.reject(new AdapterError('config', 'Nothing at x.json (404).')) : adapter.list(...a)),
    });
    const errored = new Promise((r) => document.addEventListener('archipel-error', r, { once: true }));
    let el!: TestActions;
    const said = await warnings(async () => {
      el = await fixture<TestActions>(fhtml`<test-actions lang="en" .adapter=${flaky}></test-actions>`);
      await errored;
      await el.updateComplete;
    });
    expect(text(el)).to.contain('This cannot be shown right now. Please come back later.').and.not.contain('x.json');
    expect(said.join('\n')).to.contain('could not be read: Nothing at x.json (404).');
    await expect(el).to.be.accessible();
    fail = false;
    el.shadowRoot!.querySelector('button')!.click();
    await waitUntil(() => text(el).includes('Back'));
  });

  it('says it could not refresh, and shows what was saved, when the source fails while the browser is online', async () => {
    const src = source();
    const first = await fixture<TestActions>(fhtml`<test-actions lang="en" .adapter=${new MemoryAdapter({ actions: [{ id: 'k', title: 'Kept', start: '2026-12-12' }] }, { source: src })}></test-actions>`);
    await waitUntil(() => text(first).includes('Kept'));
    const down = Object.assign(new MemoryAdapter({}, { source: src }), { list: () => Promise.reject(new AdapterError('network', 'The server answered 503.', 503)) });
    const el = await fixture<TestActions>(fhtml`<test-actions lang="en" .adapter=${down}></test-actions>`);
    await waitUntil(() => text(el).includes('Could not refresh. Showing what was saved'));
    expect(text(el)).not.to.contain('503');
    expect(text(el)).to.contain('Kept').and.not.contain('You are offline');
    await expect(el).to.be.accessible();
  });

  it('says it is offline and shows what was saved', async () => {
    const restore = offline();
    try {
      const src = source();
      const first = await fixture<TestActions>(fhtml`<test-actions lang="en" .adapter=${new MemoryAdapter({ actions: [{ id: 'k', title: 'Kept', start: '2026-12-12' }] }, { source: src })}></test-actions>`);
      await waitUntil(() => text(first).includes('Kept'));
      const down = Object.assign(new MemoryAdapter({}, { source: src }), { list: () => Promise.reject(new AdapterError('network', 'x did not answer')) });
      const el = await fixture<TestActions>(fhtml`<test-actions lang="en" .adapter=${down}></test-actions>`);
      await waitUntil(() => text(el).includes('You are offline'));
      expect(text(el)).to.contain('Kept');
      await expect(el).to.be.accessible();
    } finally {
      restore();
    }
  });
});

describe('ArchipelElement language', () => {
  const adapter = () => new MemoryAdapter({ actions: [] }, { source: source() });

  it('follows its own lang, then the nearest [lang], then the page', async () => {
    const wrap = await fixture(fhtml`<div lang="es-MX"><test-actions .adapter=${adapter()}></test-actions><test-actions lang="fr" .adapter=${adapter()}></test-actions></div>`);
    const [inherited, own] = [...wrap.querySelectorAll('test-actions')] as TestActions[];
    expect(inherited!.locale).to.equal('es');
    expect(own!.locale).to.equal('fr');
    await waitUntil(() => text(inherited!).includes('Todavía no hay nada'));
  });

  it('re-renders when the page changes language', async () => {
    document.documentElement.lang = 'en';
    const el = await fixture<TestActions>(fhtml`<test-actions .adapter=${adapter()}></test-actions>`);
    await waitUntil(() => text(el).includes('Nothing to show yet.'));
    document.documentElement.lang = 'fr';
    await waitUntil(() => text(el).includes('Rien à afficher'));
    document.documentElement.lang = 'en';
  });

  it('loads only the words of its language, once, and another language’s when it changes', async () => {
    const asked: string[] = [];
    const words = { heading: 'Actions', count: { one: '# action', other: '# actions' } };
    const module = (lang: string, heading: string) => () => (asked.push(lang), Promise.resolve({ default: { ...words, heading } }));
    class Counted extends TestActions {
      static override words = [{ name: 'counted', languages: { en: module('en', 'Actions'), fr: module('fr', 'Les actions'), es: module('es', 'Las acciones') } }];
    }
    Counted.define('test-counted');
    const wrap = await fixture(fhtml`<div><test-counted lang="es" .adapter=${adapter()}></test-counted><test-counted lang="es" .adapter=${adapter()}></test-counted></div>`);
    const [el, other] = [...wrap.querySelectorAll('test-counted')] as Counted[];
    expect(text(el!), 'the first render waits for the words').to.contain('Las acciones');
    expect(text(other!)).to.contain('Las acciones');
    expect(asked).to.deep.equal(['es']);
    el!.lang = 'fr';
    await el!.updateComplete;
    expect(text(el!)).to.contain('Les actions');
    expect(asked).to.deep.equal(['es', 'fr']);
  });

  it('renders in the language of the moment when the page changes it while words are loading', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const slow = { heading: 'Slow', count: '#' };
    class Switching extends TestActions {
      static override words = [
        { name: 'switching', languages: { en: async () => (await gate, { default: { ...slow, heading: 'Actions' } }), fr: async () => ({ default: { ...slow, heading: 'Les actions' } }), es: slow } },
      ];
    }
    Switching.define('test-switching');
    const el = document.createElement('test-switching') as Switching;
    el.lang = 'en';
    el.adapter = adapter();
    document.body.append(el);
    el.lang = 'fr';
    release();
    await waitUntil(() => el.shadowRoot?.textContent?.includes('Les actions'), 'the French words, asked for while English loaded, never showed');
    el.remove();
  });

  it('renders once its words are there, and says so once when a language cannot load', async () => {
    let calls = 0;
    const broken = {
      name: 'fragile',
      languages: {
        en: { heading: 'Actions', count: { one: '# action', other: '# actions' } },
        fr: () => (calls++, Promise.reject(new TypeError('Failed to fetch dynamically imported module'))),
        es: { heading: 'Acciones', count: { one: '# acción', other: '# acciones' } },
      },
    };
    class Fragile extends TestActions {
      static override words = [broken];
    }
    Fragile.define('test-fragile');
    const said = await warnings(async () => {
      const el = await fixture<Fragile>(fhtml`<test-fragile lang="en" .adapter=${adapter()}></test-fragile>`);
      expect(text(el)).to.contain('Actions');
      el.lang = 'fr';
      await el.updateComplete;
      el.requestUpdate();
      await el.updateComplete;
      expect(text(el), 'the heading falls back to a language already loaded').to.contain('Actions');
      expect(calls).to.be.at.least(1);
    });
    expect(said.filter((w) => w.includes('Could not load the words in "fr"'))).to.have.length(1);
  });

  it('speaks English in a page whose language it does not know, and says so on its content (WCAG 3.1.2)', async () => {
    const wrap = await fixture(fhtml`<div lang="fy-NL"><test-actions .adapter=${adapter()}></test-actions></div>`);
    const el = wrap.querySelector('test-actions') as TestActions;
    await el.updateComplete;
    const base = el.shadowRoot!.querySelector<HTMLElement>('[part=base]')!;
    expect([base.lang, base.dir]).to.deep.equal(['en', 'ltr']);
    expect(text(el)).to.contain('Actions');
  });

  it('speaks a language the page adds at run time, base language and English filling the gaps, and reads Arabic right to left', async () => {
    const wrap = await fixture(fhtml`<div lang="ca-ES"><test-actions .adapter=${adapter()}></test-actions></div>`);
    const el = wrap.querySelector('test-actions') as TestActions;
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector<HTMLElement>('[part=base]')!.lang).to.equal('en');
    addWords('ca', { 'test-actions': { heading: 'Accions' }, core: { empty: 'Res a mostrar.' } });
    addWords('ca-ES', { 'test-actions': { count: { one: '# acció', other: '# accions' } } });
    await waitUntil(() => text(el).includes('Accions'), 'the added words were not used');
    expect(text(el)).to.contain('Res a mostrar.');
    expect(el.shadowRoot!.querySelector<HTMLElement>('[part=base]')!.lang).to.equal('ca-es');
    addWords('ar', { 'test-actions': { heading: 'الأعمال', count: { zero: 'لا أعمال', one: 'عمل واحد', two: 'عملان', few: '# أعمال', many: '# عملًا', other: '# عمل' } } });
    el.lang = 'ar';
    await waitUntil(() => text(el).includes('الأعمال'));
    const base = el.shadowRoot!.querySelector<HTMLElement>('[part=base]')!;
    expect([base.lang, base.dir]).to.deep.equal(['ar', 'rtl']);
    await expect(el).to.be.accessible();
  });

  it('lets any string be replaced, by property or JSON attribute, and warns once about bad JSON', async () => {
    const el = await fixture<TestActions>(fhtml`<test-actions lang="en" strings='{"heading":"Nos actions"}' .adapter=${adapter()}></test-actions>`);
    expect(text(el)).to.contain('Nos actions');
    const said = await warnings(async () => {
      await fixture(fhtml`<test-actions lang="en" strings="{heading: oops}"></test-actions>`);
      await fixture(fhtml`<test-actions lang="en" strings="{heading: oops}"></test-actions>`);
    });
    expect(said.filter((w) => w.includes('strings attribute must be JSON'))).to.have.length(1);
  });
});

describe('ArchipelElement on a hostile page', () => {
  it('keeps its own font, size, colour and case whatever the page’s CSS says', async () => {
    const style = document.createElement('style');
    style.textContent = `html { font-size: 10px } body, test-actions { font: italic 700 9px/3 "Comic Sans MS", cursive !important; color: red !important; text-transform: uppercase !important; letter-spacing: 4px !important; text-align: center !important } * { color: red !important }`;
    document.head.append(style);
    try {
      const el = await fixture<TestActions>(fhtml`<test-actions lang="en" .adapter=${adapter()}></test-actions>`);
      const h2 = el.shadowRoot!.querySelector('h2')!;
      const cs = getComputedStyle(h2);
      expect(cs.textTransform).to.equal('none');
      expect(cs.letterSpacing).to.equal('normal');
      expect(cs.fontStyle).to.equal('normal');
      expect(cs.color).to.equal('rgb(28, 32, 36)');
      expect(parseFloat(getComputedStyle(el.shadowRoot!.querySelector('[part=base]')!).fontSize)).to.be.at.least(16);
    } finally {
      style.remove();
    }
  });

  function adapter() {
    return new MemoryAdapter({ actions: [] }, { source: `memory:hostile-${Math.random()}` });
  }
});

describe('ArchipelElement headings', () => {
  const adapter = () => new MemoryAdapter({ actions: [] }, { source: `memory:headings-${Math.random()}` });

  it('starts at h2, and at the level the page sets with heading-level', async () => {
    const plain = await fixture<TestActions>(fhtml`<test-actions lang="en" .adapter=${adapter()}></test-actions>`);
    expect(plain.shadowRoot!.querySelector(':is(h1, h2, h3, h4, h5, h6)')!.localName).to.equal('h2');
    const deep = await fixture<TestActions>(fhtml`<test-actions lang="en" heading-level="4" .adapter=${adapter()}></test-actions>`);
    expect(deep.shadowRoot!.querySelector(':is(h1, h2, h3, h4, h5, h6)')!.textContent).to.equal('Actions');
    expect(deep.shadowRoot!.querySelector(':is(h1, h2, h3, h4, h5, h6)')!.localName).to.equal('h4');
  });

  it('warns once, saying what to write, when heading-level is not 1 to 6, and keeps h2', async () => {
    let el!: TestActions;
    const said = await warnings(async () => {
      el = await fixture<TestActions>(fhtml`<test-actions lang="en" heading-level="9" .adapter=${adapter()}></test-actions>`);
      el.requestUpdate();
      await el.updateComplete;
    });
    expect(el.shadowRoot!.querySelector(':is(h1, h2, h3, h4, h5, h6)')!.localName).to.equal('h2');
    expect(said.filter((w) => w.includes('heading-level'))).to.deep.equal(['[archipel] <test-actions heading-level="9"> must be a whole number from 1 to 6; using 2.']);
  });
});

describe('ArchipelElement.define', () => {
  it('leaves a tag already defined by another copy and warns once, naming both versions', async () => {
    class Other extends ArchipelElement {}
    const said = await warnings(() => {
      Other.define('test-actions');
      Other.define('test-actions');
      TestActions.define('test-actions');
    });
    expect(customElements.get('test-actions')).to.equal(TestActions);
    expect(said).to.have.length(1);
    expect(said[0]).to.match(/<test-actions> is already defined \(Archipel dev\); this copy \(Archipel dev\) was not registered/);
  });
});
