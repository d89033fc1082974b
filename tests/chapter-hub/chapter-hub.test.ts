import { expect, fixture, html, waitUntil, oneEvent, aTimeout } from '@open-wc/testing';
import { ChapterHub } from '../../packages/chapter-hub/src/chapter-hub.ts';
import '../../packages/hub-signup/src/hub-signup.ts';
import { MemoryAdapter } from '../../packages/core/src/adapters/memory.ts';
import { contrast, parseColour } from '../../packages/core/src/theme.ts';
import type { HubSignup } from '../../packages/hub-signup/src/hub-signup.ts';
import { fill, tick, send } from '../hub-signup/helpers.ts';
import signupEs from '../../packages/hub-signup/src/strings/es/hub-signup.ts';
import { DEMO, hex, root, rgb, shown, textContrast } from './helpers.ts';
import { memory as source, query, text, warnings } from '../support/dom.ts';

const chapters = (await (await fetch(`${DEMO}chapters.json`)).json()) as { id: string; name: string; color: string; accent: string; leaders: { email: string }[] }[];
const lyon = chapters.find((c) => c.id === 'lyon')!;

const memory = (data: ConstructorParameters<typeof MemoryAdapter>[0]) => source(data, { name: 'hub' });

describe('<chapter-hub> a chapter’s hub', () => {
  it('shows the header with the logo (its alt text naming the chapter), description, leaders without emails and links', async () => {
    const hub = await fixture<ChapterHub>(html`<chapter-hub lang="en" source=${DEMO} chapter="lyon" sections="about leaders links"></chapter-hub>`);
    await shown(hub);
    const img = query<HTMLImageElement>(hub, '[part~="logo"] img')!;
    expect(img.alt).to.equal('Logo of Vague Climat Lyon');
    expect(img.src).to.equal(new URL('logos/lyon.svg', DEMO).href);
    await waitUntil(() => img.complete && img.naturalWidth > 0, 'the logo did not load');
    expect(query(hub, '#name')!.textContent).to.equal('Vague Climat Lyon');
    const t = text(hub);
    expect(t).to.contain("De la Croix-Rousse au Rhône, on s'y met").and.contain('Yasmine Lefèvre').and.contain('(elle)').and.contain('Coordinatrice');
    for (const leader of lyon.leaders) expect(root(hub).innerHTML).not.to.contain(leader.email);
    const links = [...root(hub).querySelectorAll<HTMLAnchorElement>('[part~="links"] a')].map((a) => [a.textContent, a.href]);
    expect(links).to.deep.include(['Website', 'https://vagueclimat.example.org/lyon']);
    expect(links).to.deep.include(['Telegram', 'https://t.example.org/vagueclimat_lyon']);
    await expect(hub).to.be.accessible();
  });

  it('never links a javascript: URL and never renders a leader’s email, even from a JSON source that holds them', async () => {
    const adapter = memory({
      chapters: [{ id: 'x', name: 'X', website: 'javascript:alert(1)', links: [{ label: 'Evil', url: 'javascript:alert(2)' }, { label: 'Ok', url: 'https://ok.example' }], leaders: [{ name: 'Ana', email: 'ana@secret.example' }] }],
    });
    const hub = await fixture<ChapterHub>(html`<chapter-hub lang="en" .adapter=${adapter} chapter="x" sections="leaders links"></chapter-hub>`);
    await shown(hub);
    const hrefs = [...root(hub).querySelectorAll('a')].map((a) => a.getAttribute('href'));
    expect(hrefs).to.deep.equal(['https://ok.example/']);
    expect(root(hub).innerHTML).not.to.contain('secret.example');
    expect(text(hub)).to.contain('Ana');
  });

  it('uses the logo, color and accent attributes of a chapter that owns its page', async () => {
    const hub = await fixture<ChapterHub>(
      html`<chapter-hub lang="en" source=${DEMO} chapter="lyon" sections="about signup" logo=${new URL('logos/paris.svg', DEMO).href} color="#123456" accent="#fedcba"></chapter-hub>`,
    );
    await shown(hub);
    expect(query<HTMLImageElement>(hub, '[part~="logo"] img')!.src).to.equal(new URL('logos/paris.svg', DEMO).href);
    expect(hex(getComputedStyle(query(hub, '[part~="header"]')!).backgroundColor)).to.equal('#123456');
    expect(hex(getComputedStyle(query(hub, '[part~="join"]')!).backgroundColor)).to.equal('#fedcba');
  });

  it('fits the page’s outline: its headings start at heading-level, and the widgets inside follow', async () => {
    const hub = await fixture<ChapterHub>(html`<chapter-hub lang="en" heading-level="1" source=${DEMO} chapter="lyon" sections="about signup"></chapter-hub>`);
    await shown(hub);
    expect(query(hub, '#name')!.localName).to.equal('h1');
    expect(query(hub, '#h-about')!.localName).to.equal('h2');
    const form = query<HubSignup>(hub, 'hub-signup')!;
    await waitUntil(() => form.shadowRoot?.querySelector('[part~="heading"]'), 'the nested form did not render', { timeout: 8000 });
    expect(form.shadowRoot!.querySelector('[part~="heading"]')!.localName).to.equal('h2');
    await expect(hub).to.be.accessible();
  });

  it('says so when the chapter is not in the source, naming an id that is', async () => {
    const hub = await fixture<ChapterHub>(html`<chapter-hub lang="en" source=${DEMO} chapter="atlantis"></chapter-hub>`);
    await waitUntil(() => text(hub).includes('No chapter'), 'no not-found message', { timeout: 8000 });
    expect(text(hub)).to.contain('No chapter “atlantis” in this source').and.contain('“paris”');
    await expect(hub).to.be.accessible();
  });
});

describe('<chapter-hub> in the visitor’s language', () => {
  it('shows a Spanish visitor the Spanish slogan, and the untranslated description in French, marked as French', async () => {
    const adapter = memory({
      chapters: [{ id: 'lyon', name: 'Vague Climat Lyon', slogan: 'On s’y met', description: 'Né sur les pentes de la Croix-Rousse.\n\nNous agissons.', lang: 'fr', translations: { es: { slogan: 'Nos ponemos' } } }],
    });
    const hub = await fixture<ChapterHub>(html`<chapter-hub lang="es" .adapter=${adapter} chapter="lyon" sections="about"></chapter-hub>`);
    await shown(hub);
    const slogan = query(hub, '[part~="slogan"]')!;
    expect(slogan.textContent).to.equal('Nos ponemos');
    expect(slogan.hasAttribute('lang')).to.equal(false);
    const about = [...root(hub).querySelectorAll('[part~="about"] p')];
    expect(about.map((p) => [p.textContent, p.getAttribute('lang'), p.getAttribute('dir')])).to.deep.equal([
      ['Né sur les pentes de la Croix-Rousse.', 'fr', 'auto'],
      ['Nous agissons.', 'fr', 'auto'],
    ]);
    await expect(hub).to.be.accessible();
  });

  it('reads a demo chapter written in German in French when the chapter translated it', async () => {
    const hub = await fixture<ChapterHub>(html`<chapter-hub lang="fr" source=${DEMO} chapter="berlin" sections="about"></chapter-hub>`);
    await shown(hub);
    expect(query(hub, '[part~="slogan"]')!.textContent).to.equal('Berlin fait des vagues');
    expect(query(hub, '[part~="about"] p')!.hasAttribute('lang')).to.equal(false);
    hub.setAttribute('lang', 'es');
    await hub.updateComplete;
    expect(query(hub, '[part~="slogan"]')!.textContent).to.equal('Berlín hace olas');
    // Berlin gave no Spanish description: the German one, said to be German.
    expect(query(hub, '[part~="about"] p')!.getAttribute('lang')).to.equal('de');
    await expect(hub).to.be.accessible();
  });
});

describe('<chapter-hub> sections', () => {
  it('shows the sections listed, in their order, and leaves the others out', async () => {
    const hub = await fixture<ChapterHub>(html`<chapter-hub lang="en" source=${DEMO} chapter="lyon" sections="links about"></chapter-hub>`);
    await shown(hub);
    expect([...root(hub).querySelectorAll<HTMLElement>('[data-section]')].map((s) => s.dataset.section)).to.deep.equal(['links', 'about']);
    expect(root(hub).querySelector('action-map, hub-signup, hashtag-wall')).to.equal(null);
    expect(query(hub, '[part~="join"]')).to.equal(null);
  });

  it('lets a slot replace a section (its nested widget is not created) and add sections of one’s own', async () => {
    const hub = await fixture<ChapterHub>(html`<chapter-hub lang="en" source=${DEMO} chapter="lyon" sections="about signup agenda">
      <p slot="signup" id="own-form">Our own form</p>
      <div slot="agenda" id="agenda">Every Tuesday</div>
    </chapter-hub>`);
    await shown(hub);
    expect(root(hub).querySelector('hub-signup')).to.equal(null);
    const slots = [...root(hub).querySelectorAll<HTMLSlotElement>('[data-section] slot')];
    expect(slots.map((s) => [s.name, s.assignedElements().map((e) => e.id)])).to.deep.equal([
      ['about', []],
      ['signup', ['own-form']],
      ['agenda', ['agenda']],
    ]);
    await expect(hub).to.be.accessible();
  });
});

describe('<chapter-hub> gives its source, chapter, theme and language to the widgets inside', () => {
  const data = () => ({ chapters: [{ id: 'lyon', name: 'Vague Climat Lyon', color: '#c2185b', accent: '#ffe0ec' }, { id: 'paris', name: 'Paris' }] });

  async function signUp(form: HubSignup) {
    await waitUntil(() => form.shadowRoot?.querySelector('[name="email"]'), 'the form did not render');
    await fill(form, { name: 'Léa', email: 'lea@example.org' });
    await tick(form);
    const done = oneEvent(form, 'archipel-submitted');
    await send(form);
    return (await done).detail;
  }

  it('reaches a widget slotted in its light DOM: the sign-up goes to the hub’s source and chapter, in its language and colours', async () => {
    const adapter = memory(data());
    const hub = await fixture<ChapterHub>(html`<chapter-hub lang="es" .adapter=${adapter} chapter="lyon" sections="about"><hub-signup></hub-signup></chapter-hub>`);
    await shown(hub);
    const form = hub.querySelector('hub-signup')!;
    await waitUntil(() => form.shadowRoot?.querySelector('button[type="submit"]'), 'the slotted form has no send button');
    expect(form.shadowRoot!.querySelector('h2')!.textContent).to.equal(signupEs.heading);
    expect(form.locale).to.equal('es');
    expect(form.shadowRoot!.querySelector('[name="chapter"]')).to.equal(null);
    expect(hex(getComputedStyle(form.shadowRoot!.querySelector('button[type="submit"]')!).backgroundColor)).to.equal('#c2185b');
    await signUp(form);
    const stored = [...adapter.written.get('signups')!.values()] as { chapter: string; locale: string }[];
    expect(stored.map((s) => [s.chapter, s.locale])).to.deep.equal([['lyon', 'es']]);
    await expect(hub).to.be.accessible();
  });

  it('reaches the widgets it nests in its shadow root', async () => {
    const adapter = memory(data());
    const hub = await fixture<ChapterHub>(html`<chapter-hub lang="fr" .adapter=${adapter} chapter="lyon" sections="signup"></chapter-hub>`);
    await shown(hub);
    const form = await waitUntil(() => query<HubSignup>(hub, 'hub-signup')?.shadowRoot?.querySelector('button[type="submit"]') && query<HubSignup>(hub, 'hub-signup'), 'no nested form', { timeout: 8000 }).then(() => query<HubSignup>(hub, 'hub-signup')!);
    expect(form.locale).to.equal('fr');
    expect(hex(getComputedStyle(form.shadowRoot!.querySelector('button[type="submit"]')!).backgroundColor)).to.equal('#c2185b');
    await signUp(form);
    expect(([...adapter.written.get('signups')!.values()] as { chapter: string }[]).map((s) => s.chapter)).to.deep.equal(['lyon']);
  });

  it('reaches a slotted widget that was defined before the hub (the loader imports tags in any order)', async () => {
    class LateHub extends ChapterHub {}
    const tag = `late-hub-${Math.random().toString(36).slice(2, 8)}`;
    const adapter = memory(data());
    const wrapper = await fixture<HTMLDivElement>(html`<div></div>`);
    wrapper.innerHTML = `<${tag} lang="es" chapter="lyon" sections="about"><hub-signup></hub-signup></${tag}>`;
    const form = wrapper.querySelector('hub-signup')!;
    await form.updateComplete;
    expect(form.dataAdapter).to.equal(undefined);
    const hub = wrapper.firstElementChild as ChapterHub;
    hub.adapter = adapter;
    LateHub.define(tag);
    await shown(hub);
    await waitUntil(() => form.dataAdapter === adapter, 'the early form never got the hub’s source');
    await signUp(form);
    expect(([...adapter.written.get('signups')!.values()] as { chapter: string }[]).map((s) => s.chapter)).to.deep.equal(['lyon']);
  });

  it('lets a hub inside a hub answer its own subtree: each form signs up to its own hub’s chapter, in its colours', async () => {
    const adapter = memory({ chapters: [...data().chapters.slice(0, 1), { id: 'paris', name: 'Paris', color: '#1565c0' }] });
    const outer = await fixture<ChapterHub>(html`<chapter-hub lang="en" .adapter=${adapter} chapter="lyon" sections="about">
      <hub-signup id="outer-form"></hub-signup>
      <chapter-hub chapter="paris" sections="about"><hub-signup id="inner-form"></hub-signup></chapter-hub>
    </chapter-hub>`);
    const inner = outer.querySelector<ChapterHub>('chapter-hub')!;
    await shown(outer);
    await shown(inner);
    const [lyonForm, parisForm] = [outer.querySelector<HubSignup>('#outer-form')!, outer.querySelector<HubSignup>('#inner-form')!];
    const button = (form: HubSignup) => waitUntil(() => form.shadowRoot?.querySelector('button[type="submit"]'), 'the form has no send button').then(() => form.shadowRoot!.querySelector('button[type="submit"]')!);
    expect(hex(getComputedStyle(await button(lyonForm)).backgroundColor)).to.equal('#c2185b');
    expect(hex(getComputedStyle(await button(parisForm)).backgroundColor)).to.equal('#1565c0');
    expect(parisForm.dataAdapter, 'the inner hub reads the outer hub’s source').to.equal(adapter);
    await signUp(lyonForm);
    await signUp(parisForm);
    expect(([...adapter.written.get('signups')!.values()] as { chapter: string }[]).map((s) => s.chapter)).to.deep.equal(['lyon', 'paris']);
  });

  it('gives canvas widgets the theme: the map paints its pins in the chapter’s colour', async () => {
    const hub = await fixture<ChapterHub>(html`<chapter-hub lang="en" source=${DEMO} chapter="lyon" sections="actions"></chapter-hub>`);
    await shown(hub);
    const map = await waitUntil(() => query(hub, 'action-map')?.shadowRoot?.querySelector('[part~="list"]'), 'no nested map', { timeout: 8000 }).then(() => query(hub, 'action-map')!);
    const colours = (map as unknown as { colours(): { brand: string; chapter: string } }).colours();
    expect([colours.brand, colours.chapter]).to.deep.equal([lyon.color, lyon.accent]);
    await waitUntil(() => /\d+ actions?/.test(map.shadowRoot!.querySelector('[part~="count"]')!.textContent!), 'the map did not count its actions', { timeout: 8000 });
    const titles = [...map.shadowRoot!.querySelectorAll('[part~="row"]')].length;
    expect(titles).to.be.greaterThan(0);
    await expect(hub).to.be.accessible();
  });
});

describe('<chapter-hub> branding within the campaign’s rules', () => {
  it('every demo chapter’s colours pass 4.5:1: text on the header, the join button, and the brand colour as text', async function () {
    this.timeout(60_000);
    const hub = await fixture<ChapterHub>(html`<chapter-hub lang="en" source=${DEMO} chapter=${chapters[0]!.id} sections="about links signup"></chapter-hub>`);
    const failures: string[] = [];
    const adjusted: string[] = [];
    await warnings(async () => {
      for (const c of chapters) {
        hub.chapter = c.id;
        await waitUntil(() => query(hub, '#name')?.textContent === c.name, `${c.id} not shown`, { timeout: 8000 });
        await hub.updateComplete;
        const header = query(hub, '[part~="header"]')!;
        const bg = hex(getComputedStyle(header).backgroundColor);
        const checks: [string, number][] = [
          ['name on the header', textContrast(query(hub, '#name')!, bg)],
          ['join button', textContrast(query(hub, '[part~="join"]')!, hex(getComputedStyle(query(hub, '[part~="join"]')!).backgroundColor))],
          ['section heading on white', textContrast(query(hub, 'h3')!, '#ffffff')],
          ['link on white', textContrast(query(hub, '[part~="links"] a')!, '#ffffff')],
        ];
        expect(bg, c.id).to.equal(hub.branding!.theme.brand);
        const band = contrast(parseColour(bg)!, [255, 255, 255]);
        if (band < 3) failures.push(`${c.id} header band against the page: ${band.toFixed(2)}`);
        for (const [what, ratio] of checks) if (ratio < 4.5) failures.push(`${c.id} ${what}: ${ratio.toFixed(2)}`);
        if (hub.branding!.adjusted) adjusted.push(c.id);
      }
    });
    expect(failures).to.deep.equal([]);
    expect(adjusted).to.include.members(['toulouse', 'besancon', 'neuchatel']);
  });

  it('adjusts a colour that cannot carry text, with one console message saying how', async () => {
    const adapter = memory({ chapters: [{ id: 'pale', name: 'Pale', color: '#fdf7c3', website: 'https://pale.example' }] });
    let hub!: ChapterHub;
    const said = await warnings(async () => {
      hub = await fixture<ChapterHub>(html`<chapter-hub lang="en" .adapter=${adapter} chapter="pale" sections="about links"></chapter-hub>`);
      await shown(hub);
      hub.requestUpdate();
      await hub.updateComplete;
      const again = await fixture<ChapterHub>(html`<chapter-hub lang="en" .adapter=${adapter} chapter="pale" sections="links"></chapter-hub>`);
      await shown(again);
    });
    const messages = said.filter((m) => m.includes('#fdf7c3'));
    expect(messages).to.have.length(1);
    const b = hub.branding!;
    expect(messages[0]).to.contain(`contrast of ${b.asText}:1 on #ffffff`).and.contain(`uses ${b.theme.brandOnSurface} instead`);
    expect(b.adjusted).to.equal(true);
    const link = query(hub, '[part~="links"] a')!;
    expect(hex(getComputedStyle(link).color)).to.equal(b.theme.brandOnSurface);
    expect(textContrast(link, '#ffffff')).to.be.at.least(4.5);
    // Too pale to stand out from the page, the header band is filled with a darker version of it.
    const band = hex(getComputedStyle(query(hub, '[part~="header"]')!).backgroundColor);
    expect(band).to.equal(b.theme.brand);
    expect(band).to.not.equal('#fdf7c3');
    expect(contrast(parseColour(band)!, [255, 255, 255])).to.be.at.least(3);
    expect(textContrast(query(hub, '#name')!, band)).to.be.at.least(4.5);
  });

  it('keeps the header band and the sign-up button visible with a stored white colour, and passes axe’s colour contrast', async () => {
    const adapter = memory({ chapters: [{ id: 'blanc', name: 'Groupe Blanc', slogan: 'Tout en blanc', color: '#ffffff', accent: '#ffffff', website: 'https://blanc.example' }] });
    let hub!: ChapterHub;
    await warnings(async () => {
      hub = await fixture<ChapterHub>(html`<chapter-hub lang="fr" .adapter=${adapter} chapter="blanc" sections="about links signup"></chapter-hub>`);
      await shown(hub);
    });
    const white: [number, number, number] = [255, 255, 255];
    const fillOf = (el: Element) => parseColour(hex(getComputedStyle(el).backgroundColor))!;
    const header = query(hub, '[part~="header"]')!;
    expect(contrast(fillOf(header), white), 'the header band against the page').to.be.at.least(3);
    expect(textContrast(query(hub, '#name')!, hex(getComputedStyle(header).backgroundColor))).to.be.at.least(4.5);
    const join = query(hub, '[part~="join"]')!;
    expect(contrast(fillOf(join), fillOf(header)), 'the join button on the band').to.be.at.least(3);
    const form = query(hub, 'hub-signup')!;
    const button = await waitUntil(() => form.shadowRoot?.querySelector('button[type="submit"]'), 'the form has no send button').then(() => form.shadowRoot!.querySelector('button[type="submit"]')!);
    expect(contrast(fillOf(button), white), 'the sign-up button against the page').to.be.at.least(3);
    expect(textContrast(button, hex(getComputedStyle(button).backgroundColor))).to.be.at.least(4.5);
    await expect(hub).to.be.accessible();
    await expect(form).to.be.accessible();
  });

  it('checks contrast against the campaign’s own surface colour', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div style="--archipel-color-surface: #102030; --archipel-color-text: #ffffff">
      <chapter-hub lang="en" source=${DEMO} chapter="paris" sections="about"></chapter-hub>
    </div>`);
    const hub = wrapper.querySelector('chapter-hub')!;
    await shown(hub);
    expect(hub.branding!.theme.surface).to.equal('#102030');
    expect(contrast(parseColour(hub.branding!.theme.brandOnSurface)!, [16, 32, 48])).to.be.at.least(4.5);
    expect(textContrast(query(hub, 'h3')!, '#102030')).to.be.at.least(4.5);
  });

  it('keeps the campaign’s fonts and radius: neither a chapter record nor an attribute can change them', async () => {
    const adapter = memory({
      chapters: [
        { id: 'hostile', name: 'Hostile', color: 'red; --archipel-font-family: Comic Sans MS' },
        { id: 'fine', name: 'Fine', color: '#2e7d32' },
      ],
    });
    let hub!: ChapterHub;
    let other!: ChapterHub;
    const said = await warnings(async () => {
      const page = await fixture<HTMLDivElement>(html`<div style="--archipel-font-family: Georgia, serif; --archipel-radius: 0px">
        <chapter-hub lang="en" .adapter=${adapter} chapter="fine" sections="signup" color="red; --archipel-font-family: Comic Sans MS; --archipel-radius: 40px"></chapter-hub>
        <chapter-hub lang="en" .adapter=${adapter} chapter="hostile" sections="about"></chapter-hub>
      </div>`);
      [hub, other] = [...page.querySelectorAll('chapter-hub')] as [ChapterHub, ChapterHub];
      await shown(hub);
      await waitUntil(() => text(other).includes('No chapter'), 'the hostile record was not refused');
    });
    expect(said.some((m) => m.includes('<chapter-hub color="red; --archipel-font-family: Comic Sans MS; --archipel-radius: 40px"> is not a colour'))).to.equal(true);
    const base = query(hub, '[part~="base"]')!;
    expect(getComputedStyle(base).fontFamily).to.equal('Georgia, serif');
    expect(base.style.getPropertyValue('--archipel-font-family')).to.equal('');
    const header = query(hub, '[part~="header"]')!;
    expect(hex(getComputedStyle(header).backgroundColor)).to.equal('#2e7d32');
    expect(getComputedStyle(header).borderTopLeftRadius).to.equal('0px');
    const form = await waitUntil(() => query<HubSignup>(hub, 'hub-signup')?.shadowRoot?.querySelector('button[type="submit"]'), 'no nested form', { timeout: 8000 }).then(
      () => query<HubSignup>(hub, 'hub-signup')!.shadowRoot!.querySelector('button[type="submit"]')!,
    );
    expect(getComputedStyle(form).fontFamily).to.equal('Georgia, serif');
    expect(getComputedStyle(form).borderTopLeftRadius).to.equal('0px');
    expect(getComputedStyle(query(other, '[part~="base"]')!).fontFamily).to.equal('Georgia, serif');
  });

  it('is not changed by a hostile page stylesheet', async () => {
    const hub = await fixture<ChapterHub>(html`<chapter-hub lang="en" source=${DEMO} chapter="lyon" sections="about leaders links"></chapter-hub>`);
    await shown(hub);
    const probes = ['[part~="base"]', '[part~="header"]', '#name', '[part~="logo"] img', 'h3', 'p', '[part~="leaders"] li', '[part~="links"] a'];
    const props = ['color', 'backgroundColor', 'fontFamily', 'fontSize', 'lineHeight', 'letterSpacing', 'textTransform', 'textAlign', 'display', 'width', 'height', 'margin', 'padding', 'border', 'visibility'] as const;
    const snapshot = () => probes.map((p) => props.map((k) => getComputedStyle(query(hub, p)!)[k]).join('|'));
    const before = snapshot();
    const style = document.createElement('style');
    style.textContent = `
      body { font: 9px/4 "Comic Sans MS" !important; color: red !important; text-transform: uppercase !important; letter-spacing: 5px !important; text-align: center !important; }
      h2, h3, p, a, img, ul, li, header, section { display: none !important; color: lime !important; margin: 40px !important; padding: 40px !important; border: 9px dotted red !important; width: 10px !important; visibility: hidden !important; }
      * { font-family: monospace !important; background: yellow !important; }
      chapter-hub * { color: purple !important; }
      :root { --archipel-color-brand-contrast: #c2185b; }
    `;
    document.head.append(style);
    try {
      await aTimeout(50);
      expect(snapshot()).to.deep.equal(before);
    } finally {
      style.remove();
    }
  });
});

describe('<chapter-hub> without a chapter: the directory', () => {
  const names = (hub: ChapterHub) => [...root(hub).querySelectorAll('.entry .name')].map((a) => a.textContent);
  const kms = (hub: ChapterHub) => [...root(hub).querySelectorAll('.entry .meta strong')].map((s) => Number(s.textContent!.replace(/\D/g, '')));

  async function search(hub: ChapterHub, q: string) {
    const input = query<HTMLInputElement>(hub, '#q')!;
    input.value = q;
    input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    await hub.updateComplete;
  }

  it('lists every chapter, each linking to its hub through href-template', async () => {
    const hub = await fixture<ChapterHub>(html`<chapter-hub lang="en" source=${DEMO} href-template="/chapters/{id}"></chapter-hub>`);
    await shown(hub);
    expect(names(hub)).to.have.length(chapters.length);
    expect(query(hub, '[part~="count"]')!.textContent).to.equal(`${chapters.length} chapters`);
    const link = [...root(hub).querySelectorAll<HTMLAnchorElement>('.entry a')].find((a) => a.textContent === 'Vague Climat Lyon')!;
    expect(link.getAttribute('href')).to.equal(new URL('/chapters/lyon', location.href).href);
    await expect(hub).to.be.accessible();
  });

  it('finds chapters by name, and by city nearest first', async () => {
    const hub = await fixture<ChapterHub>(html`<chapter-hub lang="en" source=${DEMO}></chapter-hub>`);
    await shown(hub);
    await search(hub, 'climate wave');
    expect(names(hub)).to.deep.equal(['Climate Wave Berlin', 'Climate Wave Gent', 'Climate Wave London']);
    await search(hub, 'Genève');
    expect(names(hub)[0]).to.equal('Vague Climat Genève');
    expect(names(hub).slice(1, 3)).to.have.members(['Vague Climat Lausanne', 'Vague Climat Fribourg']);
    const d = kms(hub);
    expect(d).to.deep.equal([...d].sort((a, b) => a - b));
    expect(query(hub, '[part~="count"]')!.textContent).to.equal(`${chapters.length} chapters, nearest first`);
    await expect(hub).to.be.accessible();
  });

  it('places a postcode from the actions’ postcodes, exactly or by prefix, and sorts nearest first', async () => {
    const hub = await fixture<ChapterHub>(html`<chapter-hub lang="en" source=${DEMO}></chapter-hub>`);
    await shown(hub);
    await search(hub, '1050');
    await waitUntil(() => kms(hub).length, 'the postcode was not placed', { timeout: 8000 });
    expect(names(hub)[0]).to.equal('Vague Climat Bruxelles');
    expect(names(hub).slice(1, 4)).to.have.members(['Climate Wave Gent', 'Vague Climat Namur', 'Vague Climat Liège']);
    await search(hub, '69008');
    expect(names(hub)[0]).to.equal('Vague Climat Lyon');
    expect(kms(hub)[0]).to.be.below(10);
    const d = kms(hub);
    expect(d).to.deep.equal([...d].sort((a, b) => a - b));
  });

  it('sorts nearest first from the person’s position, asked only after they press “near me”', async () => {
    const geo = navigator.geolocation;
    let asked = 0;
    const fake = { getCurrentPosition: (ok: PositionCallback) => (asked++, ok({ coords: { latitude: 43.3, longitude: 5.4 } } as GeolocationPosition)) };
    Object.defineProperty(navigator, 'geolocation', { value: fake, configurable: true });
    try {
      const hub = await fixture<ChapterHub>(html`<chapter-hub lang="fr" source=${DEMO} start-url="/start"></chapter-hub>`);
      await shown(hub);
      expect(asked).to.equal(0);
      [...root(hub).querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent === 'Autour de moi')!.click();
      await waitUntil(() => names(hub)[0] === 'Vague Climat Marseille', 'the nearest chapter did not come first');
      expect(asked).to.equal(1);
      expect(query(hub, '[part~="start"]')).to.equal(null);
      expect(query(hub, '[part~="count"]')!.textContent).to.equal('40 groupes, du plus proche au plus loin');
    } finally {
      Object.defineProperty(navigator, 'geolocation', { value: geo, configurable: true });
    }
  });

  it('offers to start a chapter when none is near, or none matches', async () => {
    const geo = navigator.geolocation;
    Object.defineProperty(navigator, 'geolocation', { value: { getCurrentPosition: (ok: PositionCallback) => ok({ coords: { latitude: 40, longitude: -30 } } as GeolocationPosition) }, configurable: true });
    try {
      const hub = await fixture<ChapterHub>(html`<chapter-hub lang="en" source=${DEMO} start-url="https://campaign.example/start"></chapter-hub>`);
      await shown(hub);
      [...root(hub).querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent === 'Near me')!.click();
      await waitUntil(() => query(hub, '[part~="start"]'), 'no “start a chapter” offer');
      expect(query(hub, '[part~="start"]')!.textContent!.replace(/\s+/g, ' ')).to.contain('No chapter within 50 km of you.').and.contain('Start a chapter');
      expect(query<HTMLAnchorElement>(hub, '[part~="start"] a')!.href).to.equal('https://campaign.example/start');
      await expect(hub).to.be.accessible();
      await search(hub, 'Atlantis');
      expect(names(hub)).to.deep.equal([]);
      expect(query(hub, '[part~="start"]')!.textContent).to.contain('No chapter matches “Atlantis”.');
    } finally {
      Object.defineProperty(navigator, 'geolocation', { value: geo, configurable: true });
    }
  });

  it('without href-template, opens a chapter in place (archipel-select can stop it) and comes back', async () => {
    const hub = await fixture<ChapterHub>(html`<chapter-hub lang="en" source=${DEMO} sections="about"></chapter-hub>`);
    await shown(hub);
    const open = (name: string) => [...root(hub).querySelectorAll<HTMLButtonElement>('.entry button')].find((b) => b.textContent === name)!.click();
    const stop = (e: Event) => e.preventDefault();
    hub.addEventListener('archipel-select', stop, { once: true });
    open('Vague Climat Nice');
    await hub.updateComplete;
    expect(hub.chapter).to.equal('');
    const selected = oneEvent(hub, 'archipel-select');
    open('Vague Climat Nice');
    expect((await selected).detail.chapter!.id).to.equal('nice');
    await shown(hub);
    await waitUntil(() => root(hub).activeElement?.id === 'name', 'the chapter’s name was not focused');
    await expect(hub).to.be.accessible();
    query<HTMLButtonElement>(hub, '[part~="back"]')!.click();
    await waitUntil(() => root(hub).activeElement?.id === 'q', 'the search field was not focused on the way back');
    expect(names(hub)).to.have.length(chapters.length);
  });
});

describe('<chapter-hub> colours from rendering', () => {
  it('gives text on the brand colour the computed contrast colour', async () => {
    const hub = await fixture<ChapterHub>(html`<chapter-hub lang="en" source=${DEMO} chapter="besancon" sections="about"></chapter-hub>`);
    await shown(hub);
    const name = query(hub, '#name')!;
    expect(rgb(getComputedStyle(name).color)).to.deep.equal(parseColour(hub.branding!.theme.brandContrast));
  });
});
