/**
 * <hub-signup> against the real reference server: what is stored, what is
 * refused, what the staff export shows, and a sign-up made while the server
 * was down that reaches it exactly once after a reload.
 */
import { aTimeout, expect, fixture, html, waitUntil } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import '../../packages/hub-signup/src/hub-signup.ts';
import type { HubSignup } from '../../packages/hub-signup/src/hub-signup.ts';
import { $, fill, send, text, tick } from './helpers.ts';

interface Server {
  url: string;
  token: string;
  running: boolean;
}
const server = (action: 'start' | 'stop') => executeServerCommand<Server, { action: string }>('reference-server', { action });

/** The reference server refuses forms sent faster than a person fills them (1.5 s). */
const MIN_FILL = 1600;

const unique = (who: string) => `${who}.${Date.now()}.${Math.random().toString(36).slice(2, 7)}@example.org`;

/** Every stored sign-up with this email, read as staff. */
async function signupsOf(s: Server, email: string): Promise<Record<string, unknown>[]> {
  const found: Record<string, unknown>[] = [];
  let cursor: string | null = null;
  do {
    const res = await fetch(`${s.url}/signups?limit=500${cursor ? `&cursor=${cursor}` : ''}`, { headers: { authorization: `Bearer ${s.token}` } });
    const body = (await res.json()) as { items: Record<string, unknown>[]; next: string | null };
    found.push(...body.items.filter((r) => r.email === email));
    cursor = body.next;
  } while (cursor);
  return found;
}

async function signUp(el: HubSignup, values: Record<string, string>): Promise<void> {
  await fill(el, values);
  await tick(el);
  await aTimeout(MIN_FILL);
  await send(el);
}

describe('<hub-signup> with the reference server', function () {
  // Stopping and restarting a server process: each wait below names what did not happen, within this limit.
  this.timeout(30_000);
  let s: Server;
  let original: string;
  before(async () => {
    s = await server('start');
  });
  beforeEach(() => (original = location.href));
  afterEach(() => history.replaceState(null, '', original));

  it('stores the sign-up with the recruiter’s code, its own share code and the UTM tags', async () => {
    history.replaceState(null, '', `${location.pathname}?ref=recruit42&utm_source=instagram&utm_campaign=dec12`);
    const email = unique('ref');
    const el = await fixture<HubSignup>(html`<hub-signup lang="fr" fields="name email postcode" source=${s.url}></hub-signup>`);
    await signUp(el, { name: 'Nadia', email, postcode: '13001' });
    await waitUntil(() => el.shadowRoot!.querySelector('[part=thanks]'), 'no thank-you step', { timeout: 5000 });
    expect(text(el)).to.contain('Merci, Nadia').and.contain('Vous êtes inscrit·e.');
    await expect(el).to.be.accessible();
    const [record, ...more] = await signupsOf(s, email);
    expect(more).to.have.length(0);
    expect(record).to.include({ name: 'Nadia', postcode: '13001', referrer: 'recruit42', locale: 'fr' });
    expect(record!.utm).to.deep.equal({ source: 'instagram', campaign: 'dec12' });
    expect(new URL($(el, '[part=share-link]').value).searchParams.get('ref')).to.equal(record!.ref);
  });

  it('is sent from a page served over plain http, where crypto.randomUUID does not exist', async () => {
    // As on http://: the browser has no randomUUID outside a secure context (getRandomValues stays).
    Object.defineProperty(crypto, 'randomUUID', { value: undefined, configurable: true });
    try {
      const email = unique('http');
      const el = await fixture<HubSignup>(html`<hub-signup lang="en" source=${s.url}></hub-signup>`);
      await signUp(el, { name: 'Ama', email, postcode: '69003' });
      await waitUntil(() => el.shadowRoot!.querySelector('[part=thanks]'), 'no thank-you step', { timeout: 5000 });
      const [record, ...more] = await signupsOf(s, email);
      expect(more).to.have.length(0);
      expect(record).to.include({ name: 'Ama', postcode: '69003' });
      // 128 random bits in hex, made with getRandomValues: an id the server takes (8 to 64 letters, digits, - and _).
      expect(record!.id).to.match(/^[0-9a-f]{32}$/);
    } finally {
      delete (crypto as { randomUUID?: unknown }).randomUUID;
    }
    expect(crypto.randomUUID, 'the browser’s own is back').to.be.a('function');
  });

  it('is refused by the server when the hidden honeypot field is filled', async () => {
    const email = unique('bot');
    const el = await fixture<HubSignup>(html`<hub-signup lang="en" source=${s.url}></hub-signup>`);
    await fill(el, { website: 'http://spam.example' });
    await signUp(el, { name: 'Bot', email });
    await waitUntil(() => text(el).includes('Not sent.'), 'the refusal was not shown', { timeout: 5000 });
    expect(text(el)).not.to.contain('automated');
    expect(el.shadowRoot!.querySelector('[part=thanks]')).to.equal(null);
    await expect(el).to.be.accessible();
    expect(await signupsOf(s, email)).to.have.length(0);
  });

  it('stores a name that looks like a formula, which the CSV export neutralises', async () => {
    const email = unique('csv');
    const el = await fixture<HubSignup>(html`<hub-signup lang="en" source=${s.url}></hub-signup>`);
    await signUp(el, { name: '=HYPERLINK("http://x")', email });
    await waitUntil(() => el.shadowRoot!.querySelector('[part=thanks]'), 'not sent', { timeout: 5000 });
    const csv = await (await fetch(`${s.url}/signups?format=csv`, { headers: { authorization: `Bearer ${s.token}` } })).text();
    const line = csv.split('\r\n').find((l) => l.includes(email));
    expect(line, 'the sign-up is in the export').to.be.a('string');
    expect(line).to.contain(`"'=HYPERLINK(""http://x"")"`);
    expect(line).to.not.match(/(^|,)=HYPERLINK/);
  });

  it('keeps a sign-up made while the server is down, and after a reload sends it exactly once', async () => {
    const email = unique('offline');
    await server('stop');
    try {
      const first = await openPage(s.url);
      await signUp(first, { name: 'Hors Ligne', email });
      await waitUntil(() => text(first).includes('Saved on this device; it will be sent automatically.'), 'not queued', { timeout: 5000 });
      expect(text(first)).to.contain('1 waiting to be sent');
      first.ownerDocument.defaultView!.frameElement!.remove();
    } finally {
      await server('start');
    }
    const second = await openPage(s.url);
    await waitUntil(async () => (await signupsOf(s, email)).length > 0, 'the reloaded page did not send the saved sign-up', { timeout: 8000 });
    await waitUntil(() => text(second).includes('all sent'), 'the kiosk count did not reach zero', { timeout: 5000 });
    await aTimeout(500);
    const records = await signupsOf(s, email);
    expect(records).to.have.length(1);
    expect(records[0]).to.include({ name: 'Hors Ligne' });
    second.ownerDocument.defaultView!.frameElement!.remove();
  });
});

/** A fresh page (its own modules, its own outbox) holding a kiosk <hub-signup>, as after a reload. */
async function openPage(source: string): Promise<HubSignup> {
  const frame = document.createElement('iframe');
  frame.src = new URL(`./fixtures/signup-page.html?source=${encodeURIComponent(source)}`, import.meta.url).href;
  document.body.append(frame);
  let el: HubSignup | null = null;
  await waitUntil(() => (el = frame.contentDocument?.querySelector('hub-signup') ?? null)?.shadowRoot?.querySelector('form'), 'the page did not start', { timeout: 8000 });
  return el!;
}
