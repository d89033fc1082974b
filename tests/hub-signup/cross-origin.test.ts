/**
 * A page on one site (this test page, on localhost) and the campaign's reference server on another (127.0.0.1, its
 * own port), with and without this site in the server's `--cors` list: what the supporter reads, what the
 * webmaster's console says, and the widgets' files the server serves beside its API (`--static`).
 */
import { aTimeout, expect, fixture, html, waitUntil } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import '../../packages/hub-signup/src/hub-signup.ts';
import type { HubSignup } from '../../packages/hub-signup/src/hub-signup.ts';
import { warnings } from '../support/dom.ts';
import { fill, send, text, tick } from './helpers.ts';

interface Server {
  url: string;
  static: string;
  token: string;
}
const server = (cors: string) => executeServerCommand<Server, { action: string; cors: string }>('reference-server', { action: 'start', cors });

/** The reference server refuses forms sent faster than a person fills them (1.5 s). */
const MIN_FILL = 1600;

async function signUp(el: HubSignup, email: string): Promise<void> {
  await fill(el, { name: 'Awa', email, postcode: '75011' });
  await tick(el);
  await aTimeout(MIN_FILL);
  await send(el);
}

describe('a page on another site than the campaign’s server', function () {
  this.timeout(30_000);

  before(() => {
    expect(location.hostname, 'the page must be on localhost for the server on 127.0.0.1 to be another site').to.equal('localhost');
  });

  it('without this site in --cors: the supporter reads that the sign-up is kept, the console gives the exact fix', async () => {
    const s = await server('https://elsewhere.example');
    const email = `cors-refused.${Date.now()}@example.org`;
    let el!: HubSignup;
    const said = await warnings(async () => {
      el = await fixture<HubSignup>(html`<hub-signup lang="en" fields="name email postcode" source=${s.url}></hub-signup>`);
      await signUp(el, email);
      await waitUntil(() => text(el).includes('does not accept forms from this page yet'), `the form says "${text(el).slice(0, 300)}"`, { timeout: 10_000 });
    });
    expect(text(el)).to.contain('Saved on this device: the campaign’s server does not accept forms from this page yet.');
    expect(text(el), 'never the words of a network failure that will pass by itself').not.to.contain('it will be sent automatically');
    expect(said.join('\n')).to.contain(`archipel-server --cors ${location.origin}`);
    await expect(el).to.be.accessible();
  });

  it('with this site in --cors: the sign-up is sent, and the staff export holds it', async () => {
    const s = await server(location.origin);
    const email = `cors-allowed.${Date.now()}@example.org`;
    const el = await fixture<HubSignup>(html`<hub-signup lang="en" fields="name email postcode" source=${s.url}></hub-signup>`);
    const submitted = new Promise<string>((resolve) => el.addEventListener('archipel-submitted', (e) => resolve(e.detail.status)));
    await signUp(el, email);
    expect(await submitted).to.equal('sent');
    const res = await fetch(`${s.url}/signups?limit=500`, { headers: { authorization: `Bearer ${s.token}` } });
    const { items } = (await res.json()) as { items: { email: string }[] };
    expect(items.filter((r) => r.email === email)).to.have.length(1);
  });

  it('reads every file of the widgets the server serves, MapLibre’s .mjs worker and its pins script included, whatever --cors lists', async () => {
    const s = await server('https://elsewhere.example');
    // Each file with the least it must hold: the pins script is a few hundred bytes.
    for (const [file, least] of [['archipel.js', 1000], ['vendor/maplibre-gl-worker.mjs', 1000], ['archipel-map-pins.mjs', 300], ['basemap/countries-110m.json', 1000]] as const) {
      // A cors-mode fetch throws when the answer has no CORS header allowing this page; then a module or worker fails alike.
      const res = await fetch(new URL(file, s.static), { mode: 'cors', credentials: 'omit' });
      expect(res.ok, file).to.equal(true);
      expect((await res.text()).length, file).to.be.above(least);
    }
  });

  after(() => server('*'));
});
