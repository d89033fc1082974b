/**
 * <archipel-console> in Chromium against the real reference server (seeded with the demo campaign): a chapter's
 * lead signs in with their key and works on their chapter's people only; staff see every chapter; a wrong key
 * opens nothing. The key is kept in sessionStorage only and never appears in an address.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import '../../packages/console/src/archipel-console.ts';
import type { ArchipelConsole } from '../../packages/console/src/archipel-console.component.ts';
import { $, $$, accessible, query, text } from '../support/dom.ts';

interface Ref {
  url: string;
  token: string;
  leadToken: string;
}
const reference = (chapter = 'paris') => executeServerCommand<Ref, { action: string; chapter: string }>('reference-server', { action: 'lead-token', chapter });

const run = Date.now().toString(36);
const first = (name: string) => name.split(' ')[0]!.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
const person = (chapter: string, name: string, interests: string[]) => ({
  id: `console-${chapter}-${first(name)}-${run}`,
  name,
  email: `${first(name)}.${run}@example.org`,
  chapter,
  interests,
  consent: [{ purpose: 'contact', version: '1', at: new Date().toISOString() }],
  created: new Date().toISOString(),
  _meta: { hp: '', elapsed: 4000 },
});

async function signUp(url: string, body: object) {
  const res = await fetch(`${url}/signups`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  expect(res.status).to.equal(201);
}

async function open(url: string, key: string, lang = 'en'): Promise<ArchipelConsole> {
  const el = await fixture<ArchipelConsole>(html`<archipel-console source=${url} lang=${lang}></archipel-console>`);
  const input = $<HTMLInputElement>(el, '[part=sign-in] input');
  input.value = key;
  $<HTMLFormElement>(el, '[part=sign-in]').requestSubmit();
  await waitUntil(() => query(el, '[part=list], [data-empty]') || query(el, '[role=alert]'), 'neither the console nor a refusal appeared', { timeout: 5000 });
  return el;
}

/** The header band of the hub the editor's preview shows, once it has rendered with the colour being tried. */
async function band(el: ArchipelConsole): Promise<HTMLElement> {
  const hub = await waitUntil(() => query(el, '[part=preview] chapter-hub')?.shadowRoot?.querySelector('[part~="header"]'), 'the preview hub did not render', { timeout: 8000 }).then(() => query(el, '[part=preview] chapter-hub')!);
  await (hub as unknown as { updateComplete: Promise<unknown> }).updateComplete;
  return hub.shadowRoot!.querySelector<HTMLElement>('[part~="header"]')!;
}

/** A picture as a lead would pick it: a JPEG of `w` × `h` pixels drawn here, in a File. */
async function picture(w: number, h: number, type = 'image/jpeg'): Promise<File> {
  const canvas = Object.assign(document.createElement('canvas'), { width: w, height: h });
  const ctx = canvas.getContext('2d')!;
  ctx.fillStyle = '#7a1f5c';
  ctx.fillRect(0, 0, w, h);
  ctx.fillStyle = '#ffd54f';
  ctx.fillRect(w / 4, h / 4, w / 2, h / 2);
  const blob = await new Promise<Blob>((resolve) => canvas.toBlob((b) => resolve(b!), type, 0.9));
  return new File([blob], 'logo.jpg', { type });
}

function choose(input: HTMLInputElement, file: File): void {
  const list = new DataTransfer();
  list.items.add(file);
  input.files = list.files;
  input.dispatchEvent(new Event('change'));
}

const rows = (el: ArchipelConsole) => $$(el, '[part=list] tbody tr').map((tr) => text(tr));

afterEach(() => sessionStorage.clear());

describe('a chapter lead in the console', () => {
  it('sees their chapter’s people and nobody else’s, finds them by words and interest, and marks one contacted', async function () {
    this.timeout(30_000);
    const { url, leadToken } = await reference('paris');
    await signUp(url, person('paris', 'Odile Paris', ['marche']));
    await signUp(url, person('paris', 'Pierre Paris', ['formation']));
    await signUp(url, person('lyon', 'Lucie Lyon', ['marche']));
    const el = await open(url, leadToken);
    expect(text(el)).to.contain('Lead of paris');
    const all = rows(el).join('\n');
    expect(all).to.contain('Odile Paris').and.contain('Pierre Paris');
    expect(all).not.to.contain('Lucie Lyon');
    expect(query(el, '[part=chapters]'), 'a lead sees no table of chapters').to.equal(null);
    await accessible(el);

    const search = $<HTMLInputElement>(el, '[part=filters] input[name=q]');
    search.value = 'odile';
    $<HTMLFormElement>(el, '[part=filters]').requestSubmit();
    await waitUntil(() => rows(el).length === 1, 'the search did not narrow the list');
    expect(rows(el)[0]).to.contain('Odile Paris');

    search.value = '';
    const interest = $<HTMLSelectElement>(el, '[part=filters] select[name=interest]');
    interest.value = 'formation';
    interest.dispatchEvent(new Event('change', { bubbles: true }));
    await waitUntil(() => rows(el).every((r) => !r.includes('Odile')) && rows(el).some((r) => r.includes('Pierre Paris')), 'the interest filter did not apply');

    const box = $<HTMLInputElement>(el, `tr[data-id="console-paris-pierre-${run}"] input[type=checkbox]`);
    box.click();
    await waitUntil(async () => {
      const res = await fetch(`${url}/console/signups?q=pierre.${run}`, { headers: { authorization: `Bearer ${leadToken}` } });
      const { items } = (await res.json()) as { items: { contacted?: { by: string } }[] };
      return items[0]?.contacted?.by.startsWith('lead of paris');
    }, 'the contacted mark was not stored');
  });

  it('erases one person on request, after asking', async () => {
    const { url, leadToken } = await reference('paris');
    const body = person('paris', 'Rémi Erase', ['marche']);
    await signUp(url, body);
    const el = await open(url, leadToken);
    const confirm = window.confirm;
    window.confirm = () => true;
    try {
      $(el, `tr[data-id="${body.id}"] [data-erase]`).click();
      await waitUntil(() => !query(el, `tr[data-id="${body.id}"]`), 'the erased person stayed in the list');
    } finally {
      window.confirm = confirm;
    }
    expect(text($(el, '[role=status]'))).to.contain('Rémi Erase was erased');
    const res = await fetch(`${url}/console/signups?q=remi`, { headers: { authorization: `Bearer ${leadToken}` } });
    expect(((await res.json()) as { items: unknown[] }).items).to.have.length(0);
  });

  it('sees who is ready to host, and the wall’s posts waiting, of their chapter', async () => {
    const { url, leadToken } = await reference('paris');
    const el = await open(url, leadToken);
    $$(el, '[part=tabs] button')[1]!.click();
    await waitUntil(() => query(el, '[part=list] caption')?.textContent?.trim() === 'Ready to act', `nobody ready was listed: ${text(el)}`);
    expect(rows(el).some((r) => r.includes('host an action'))).to.equal(true);
    await accessible(el);
    $$(el, '[part=tabs] button')[2]!.click();
    await waitUntil(() => query(el, 'li[data-id]') || text(el).includes('No post is waiting'), 'the queue did not show');
  });

  it('keeps the key in this tab only, never in an address, and speaks the lead’s language', async () => {
    const { url, leadToken } = await reference('paris');
    const el = await open(url, leadToken, 'fr');
    expect(text(el)).to.contain('Responsable de paris');
    expect(Object.values(sessionStorage)).to.include(leadToken);
    expect(Object.values(localStorage)).not.to.include(leadToken);
    const addresses = performance.getEntriesByType('resource').map((e) => e.name);
    expect(addresses.filter((a) => a.includes(leadToken))).to.deep.equal([]);
    // A console opened again in the same tab finds the key.
    const again = await fixture<ArchipelConsole>(html`<archipel-console source=${url} lang="en"></archipel-console>`);
    await waitUntil(() => text(again).includes('Lead of paris'), 'the key was not found again in this tab');
    $(again, '.who button').click();
    await waitUntil(() => query(again, '[part=sign-in]'));
    expect(Object.values(sessionStorage)).not.to.include(leadToken);
  });
});

describe('a chapter lead editing their hub', () => {
  it('saves a new name and colours, and the public hub shows them', async function () {
    this.timeout(30_000);
    const { url, leadToken } = await reference('marseille');
    const el = await open(url, leadToken);
    $$(el, '[part=tabs] button').find((b) => b.textContent?.trim() === 'Our hub')!.click();
    await waitUntil(() => query(el, '[part=editor]'), 'the editor did not open');
    const form = $<HTMLFormElement>(el, '[part=editor]');
    const field = (name: string) => form.elements.namedItem(name) as HTMLInputElement;
    expect(field('name').value).to.equal('Vague Climat Marseille');
    field('name').value = `Vague Climat Marseille ${run}`;
    field('color').value = '#7a1f5c';
    field('color').dispatchEvent(new Event('input'));
    await el.updateComplete;
    expect(getComputedStyle(await band(el)).backgroundColor).to.equal('rgb(122, 31, 92)');
    form.requestSubmit();
    await waitUntil(() => text(el).includes('Saved'), 'the hub was not saved');
    await accessible(el);

    await import('../../packages/chapter-hub/src/chapter-hub.ts');
    const hub = await fixture(html`<chapter-hub source=${url} chapter="marseille" lang="en" sections="about"></chapter-hub>`);
    await waitUntil(() => text(hub).includes(`Vague Climat Marseille ${run}`), 'the public hub does not show the new name', { timeout: 8000 });
  });

  it('is told in their words that a white colour would make the band and buttons vanish', async () => {
    const { url, leadToken } = await reference('marseille');
    const el = await open(url, leadToken, 'fr');
    $$(el, '[part=tabs] button').find((b) => b.textContent?.trim() === 'Notre page')!.click();
    await waitUntil(() => query(el, '[part=editor]'), 'the editor did not open');
    const form = $<HTMLFormElement>(el, '[part=editor]');
    (form.elements.namedItem('color') as HTMLInputElement).value = '#ffffff';
    form.requestSubmit();
    await waitUntil(() => query(el, '[role=alert] li'), 'the white colour was not refused');
    expect(text($(el, '[role=alert]'))).to.contain('Couleur principale : cette couleur est trop claire');
  });

  it('is told before saving, as they try a white colour, and the preview keeps the band visible', async () => {
    const { url, leadToken } = await reference('marseille');
    const el = await open(url, leadToken, 'fr');
    $$(el, '[part=tabs] button').find((b) => b.textContent?.trim() === 'Notre page')!.click();
    await waitUntil(() => query(el, '[part=editor]'), 'the editor did not open');
    const colour = $<HTMLFormElement>(el, '[part=editor]').elements.namedItem('color') as HTMLInputElement;
    colour.value = '#ffffff';
    colour.dispatchEvent(new Event('input'));
    await el.updateComplete;
    expect(text($(el, 'p[role=alert][data-field=color]'))).to.contain('Couleur principale : cette couleur est trop claire');
    const fill = getComputedStyle(await band(el)).backgroundColor;
    expect(fill, 'the preview is the hub, which darkens the band').to.not.equal('rgb(255, 255, 255)');
    await accessible(el);
  });

  it('uploads a logo, made 512 pixels wide in the browser, which the preview and the public hub show', async function () {
    this.timeout(30_000);
    const { url, leadToken } = await reference('marseille');
    const el = await open(url, leadToken, 'fr');
    $$(el, '[part=tabs] button').find((b) => b.textContent?.trim() === 'Notre page')!.click();
    await waitUntil(() => query(el, '[part=editor]'), 'the editor did not open');
    const input = $<HTMLInputElement>(el, 'input[name=logo-file]');
    choose(input, new File(['pas une image'], 'notes.txt', { type: 'text/plain' }));
    await waitUntil(() => query(el, '[data-field=logo][role=alert]'), 'a text file was not refused');
    expect(text($(el, '[data-field=logo]'))).to.equal('Ce fichier n’est pas une image. Choisissez un fichier PNG, JPEG, WebP ou SVG.');
    choose(input, await picture(1600, 800));
    await waitUntil(() => text(el).includes('Logo enregistré'), 'the logo was not saved', { timeout: 10_000 });
    const chapters = (await (await fetch(`${url}/chapters`, { cache: 'reload' })).json()) as { items: { id: string; logo?: string }[] };
    const logo = chapters.items.find((c) => c.id === 'marseille')!.logo!;
    expect(logo).to.match(/\/uploads\/logos\/marseille-[0-9a-f]{16}\.png$/);
    const img = new Image();
    img.src = logo;
    await img.decode();
    expect([img.naturalWidth, img.naturalHeight]).to.deep.equal([512, 256]);
    const hub = query(el, '[part=preview] chapter-hub')!;
    await waitUntil(() => hub.shadowRoot?.querySelector(`img[src="${logo}"]`), 'the preview does not show the new logo', { timeout: 8000 });
    await accessible(el);
  });

  it('cannot edit another chapter’s hub', async () => {
    const { url, leadToken } = await reference('marseille');
    const res = await fetch(`${url}/chapters/paris`, { method: 'PATCH', headers: { authorization: `Bearer ${leadToken}`, 'content-type': 'application/json' }, body: JSON.stringify({ name: 'Taken over' }) });
    expect(res.status).to.equal(403);
  });
});

describe('a chapter lead calling the people who bring others', () => {
  it('sees who brought most people through their share link, in their chapter only', async function () {
    this.timeout(30_000);
    const { url, leadToken } = await reference('nantes');
    const code = `rc${run}`;
    await signUp(url, { ...person('nantes', 'Romane Recruteuse', []), ref: code });
    await signUp(url, { ...person('nantes', 'Sacha Recrue', []), referrer: code });
    await signUp(url, { ...person('nantes', 'Tom Recrue', []), referrer: code });
    await signUp(url, { ...person('lyon', 'Ugo Lyon', []), ref: `ug${run}` });
    await signUp(url, { ...person('lyon', 'Vera Lyon', []), referrer: `ug${run}` });
    const el = await open(url, leadToken);
    $$(el, '[part=tabs] button').find((b) => b.textContent?.trim() === 'Who brings people')!.click();
    await waitUntil(() => query(el, '[part=list] caption')?.textContent?.trim() === 'Who brings people', 'the recruiters were not shown', { timeout: 5000 });
    const romane = rows(el).find((r) => r.includes('Romane Recruteuse'));
    expect(romane, rows(el).join('\n')).to.be.a('string');
    expect(romane).to.contain(`romane.${run}@example.org`).and.match(/2$/);
    expect(rows(el).join('\n')).not.to.contain('Ugo');
    await accessible(el);
  });
});

describe('campaign staff in the console', () => {
  it('see every chapter with its counts, and one chapter’s people when they choose it', async () => {
    const { url, token } = await reference('lyon');
    await signUp(url, person('lyon', 'Louise Lyon', ['marche']));
    const el = await open(url, token);
    await waitUntil(() => $$(el, '[part=chapters] tbody tr').length >= 40, 'the chapters were not counted');
    const paris = text($(el, '[part=chapters] tr[data-chapter=paris]'));
    expect(paris).to.match(/Vague Climat Paris \d+ \d+ \d+/);
    const select = $<HTMLSelectElement>(el, 'select[name=chapter]');
    select.value = 'lyon';
    select.dispatchEvent(new Event('change'));
    await waitUntil(() => rows(el).length > 0 && rows(el).every((r) => !r.includes('Paris')), 'choosing a chapter did not narrow the list');
    await accessible(el);
  });
});

describe('a stranger at the console', () => {
  it('is told plainly that the key was refused, and sees nobody', async () => {
    const { url } = await reference('paris');
    const el = await open(url, 'arch_not-a-real-key');
    expect(text($(el, '[role=alert]'))).to.contain('This key was not accepted');
    expect(query(el, '[part=list]')).to.equal(null);
    expect(text(el)).not.to.contain('@example.org');
    await accessible(el);
  });
  it('without the server as its source, is told what the console needs', async () => {
    const el = await fixture<ArchipelConsole>(html`<archipel-console source="demo/data/" lang="en"></archipel-console>`);
    expect(text(el)).to.contain('works with the Archipel server only');
  });
});
