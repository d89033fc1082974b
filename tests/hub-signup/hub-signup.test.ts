import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { LitElement, html as lit } from 'lit';
import { ContextProvider } from '@lit/context';
import '../../packages/hub-signup/src/hub-signup.ts';
import type { HubSignup, SignupSubmittedDetail } from '../../packages/hub-signup/src/hub-signup.ts';
import { chapterContext } from '../../packages/core/src/context.ts';
import { outbox } from '../../packages/core/src/outbox.ts';
import { AdapterError } from '../../packages/core/src/errors.ts';
import type { Chapter } from '../../packages/core/src/schemas/chapters.ts';
import { $, $$, fill, flaky, focused, memory, send, stored, text, tick } from './helpers.ts';
import { warnings } from '../support/dom.ts';

const place = {
  chapters: [
    { id: 'paris', name: 'Vague Climat Paris', lat: 48.8566, lng: 2.3522 },
    { id: 'lyon', name: 'Vague Climat Lyon', lat: 45.764, lng: 4.8357 },
    { id: 'lille', name: 'Vague Climat Lille', lat: 50.6292, lng: 3.0573 },
  ],
  actions: [
    { id: 'a1', title: 'Marche', start: '2026-12-12 14:00', postcode: '69003', lat: 45.76, lng: 4.85 },
    { id: 'a2', title: 'Phoning', start: '2026-12-13 19:00', postcode: '75020', lat: 48.8638, lng: 2.3985 },
    { id: 'a3', title: 'Tractage', start: '2026-12-14 10:00', postcode: '59650', lat: 50.6243, lng: 3.1413 },
  ],
};

describe('<hub-signup>: the form', () => {
  it('shows name, email and postcode by default, marked, with autocomplete tokens and the right keyboards', async () => {
    const el = await fixture<HubSignup>(html`<hub-signup lang="en" .adapter=${memory()}></hub-signup>`);
    expect($$(el, 'input:not([type=checkbox]):not([name=website])').map((i) => i.getAttribute('name'))).to.deep.equal(['name', 'email', 'postcode']);
    expect($(el, '#name').autocomplete).to.equal('name');
    expect($(el, '#email').type).to.equal('email');
    expect($(el, '#email').autocomplete).to.equal('email');
    expect($(el, '#email').inputMode).to.equal('email');
    expect($(el, '#postcode').autocomplete).to.equal('postal-code');
    expect($(el, '#name').required && $(el, '#email').required).to.equal(true);
    expect($(el, '#postcode').required).to.equal(false);
    expect($(el, 'label[for=email]').textContent).to.contain('Email').and.contain('(required)');
    expect($(el, 'label[for=postcode]').textContent).not.to.contain('(required)');
    const consent = $(el, 'input[name=consent]');
    expect(consent.checked, 'consent starts unticked').to.equal(false);
    expect(text(el)).to.contain('I agree to be contacted by this campaign about its actions.');
    await expect(el).to.be.accessible();
  });

  it('shows the fields the fields attribute asks for, phone with a phone keypad, and a numeric postcode keypad on request', async () => {
    const el = await fixture<HubSignup>(
      html`<hub-signup lang="en" fields="email phone postcode interests message" numeric-postcode interests="canvassing:Door-to-door|phonebank:Phone banking" .adapter=${memory()}></hub-signup>`,
    );
    expect($$(el, '[part~=input]').map((i) => i.id)).to.deep.equal(['email', 'phone', 'postcode', 'message']);
    expect($(el, '#phone').type).to.equal('tel');
    expect($(el, '#phone').inputMode).to.equal('tel');
    expect($(el, '#phone').autocomplete).to.equal('tel');
    expect($(el, '#postcode').inputMode).to.equal('numeric');
    expect($$(el, 'input[name=interests]').map((i) => (i as HTMLInputElement).value)).to.deep.equal(['canvassing', 'phonebank']);
    expect(text(el)).to.contain('Door-to-door').and.contain('I would like to help with');
    await expect(el).to.be.accessible();
  });
});

describe('<hub-signup>: required fields and consent block sending', () => {
  it('sends nothing while required fields are empty, focuses the first one and says what to fix', async () => {
    const adapter = memory();
    const el = await fixture<HubSignup>(html`<hub-signup lang="en" .adapter=${adapter}></hub-signup>`);
    await send(el);
    expect(stored(adapter)).to.have.length(0);
    expect(focused(el)?.id).to.equal('name');
    expect($(el, '#name').getAttribute('aria-invalid')).to.equal('true');
    expect($(el, '#name').getAttribute('aria-describedby')).to.equal('e-name');
    expect($(el, '#e-name').textContent).to.equal('Please fill in this field.');
    expect($(el, '[role=alert]').textContent).to.equal('Please correct 3 fields.');
    await expect(el).to.be.accessible();

    await fill(el, { name: 'Léa', email: 'lea@example.org' });
    await send(el);
    expect(stored(adapter)).to.have.length(0);
    expect(focused(el)?.getAttribute('name'), 'the unticked consent box gets the focus').to.equal('consent');
    expect(text(el)).to.contain('Tick this box to sign up.');
    await expect(el).to.be.accessible();

    await tick(el);
    await send(el);
    await waitUntil(() => stored(adapter).length === 1, 'the sign-up was not stored');
    const [record] = stored(adapter) as [Record<string, unknown>];
    expect(record).to.include({ name: 'Léa', email: 'lea@example.org', locale: 'en' });
    expect(record, 'only what the form asked for is stored').to.not.have.any.keys('phone', 'postcode', 'message', 'interests', 'chapter');
    expect(record.page).to.equal(location.origin + location.pathname);
    const [consent] = record.consent as [{ purpose: string; version: string; text: string; at: string }];
    expect(consent.purpose).to.equal('contact');
    expect(consent.text).to.equal('I agree to be contacted by this campaign about its actions.');
    expect(consent.version).to.match(/^t[0-9a-z]+$/);
    expect(consent.at).to.match(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  });

  it('checks again as the person types after a first attempt, with the schema’s rules', async () => {
    const el = await fixture<HubSignup>(html`<hub-signup lang="en" fields="name email phone" .adapter=${memory()}></hub-signup>`);
    await fill(el, { email: 'lea@' });
    expect($$(el, '.error'), 'no message before the first attempt').to.have.length(0);
    await send(el);
    expect($(el, '#e-email').textContent).to.equal('Write an email address such as name@example.org.');
    await fill(el, { email: 'lea@example.org' });
    expect(el.shadowRoot!.querySelector('#e-email'), 'the message goes as soon as the address is right').to.equal(null);
    await fill(el, { phone: 'call me' });
    expect($(el, '#e-phone').textContent).to.equal('Write a phone number: digits, spaces and +.');
    await expect(el).to.be.accessible();
  });

  it('asks for an email or a phone when neither is required and both are empty', async () => {
    const adapter = memory();
    const el = await fixture<HubSignup>(html`<hub-signup lang="en" fields="name email phone" required-fields="name" .adapter=${adapter}></hub-signup>`);
    await fill(el, { name: 'Léa' });
    await tick(el);
    await send(el);
    expect($(el, '#e-email').textContent).to.equal('Give an email address or a phone number.');
    await fill(el, { phone: '+33 6 12 34 56 78' });
    await send(el);
    await waitUntil(() => stored(adapter).length === 1);
    expect(stored(adapter)[0]).to.include({ phone: '+33 6 12 34 56 78' }).and.not.have.property('email');
  });
});

describe('<hub-signup>: in the person’s language', () => {
  const cases = [
    ['fr', 'Rejoignez-nous', 'Veuillez remplir ce champ.', 'Veuillez corriger 3 champs.', 'Je m’inscris', 'Cochez cette case pour vous inscrire.'],
    ['en', 'Join us', 'Please fill in this field.', 'Please correct 3 fields.', 'Sign up', 'Tick this box to sign up.'],
    ['es', 'Únete', 'Rellena este campo.', 'Corrige 3 campos.', 'Inscribirme', 'Marca esta casilla para inscribirte.'],
  ] as const;
  for (const [lang, heading, missing, fix, button, consent] of cases) {
    it(`speaks ${lang}`, async () => {
      const el = await fixture<HubSignup>(html`<hub-signup lang=${lang} .adapter=${memory()}></hub-signup>`);
      expect($(el, 'h2').textContent).to.equal(heading);
      expect($(el, 'button[type=submit]').textContent).to.equal(button);
      await send(el);
      expect($(el, '#e-name').textContent).to.equal(missing);
      expect($(el, '[role=alert]').textContent).to.equal(fix);
      expect($(el, '#e-consent-contact').textContent).to.equal(consent);
      await expect(el).to.be.accessible();
    });
  }

  it('follows the page’s language and lets a webmaster replace any string', async () => {
    const el = await fixture<HubSignup>(html`<div lang="es"><hub-signup strings='{"heading": "Súmate a la ola"}' .adapter=${memory()}></hub-signup></div>`).then((d) => d.firstElementChild as HubSignup);
    await el.updateComplete;
    expect($(el, 'h2').textContent).to.equal('Súmate a la ola');
    expect($(el, 'label[for=email]').textContent).to.contain('Correo electrónico');
  });
});

describe('<hub-signup>: keyboard only', () => {
  it('can be filled in, ticked and sent with the keyboard alone, then focuses the thank-you', async () => {
    const adapter = memory();
    const before = document.createElement('button');
    before.textContent = 'before';
    document.body.append(before);
    const el = await fixture<HubSignup>(html`<hub-signup lang="en" .adapter=${adapter}></hub-signup>`);
    before.focus();
    await sendKeys({ press: 'Tab' });
    expect(focused(el)?.id).to.equal('name');
    await sendKeys({ type: 'Karim' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: 'karim@example.org' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: '69003' });
    await sendKeys({ press: 'Tab' });
    expect(focused(el)?.getAttribute('name')).to.equal('consent');
    await sendKeys({ press: 'Space' });
    await sendKeys({ press: 'Tab' });
    expect(focused(el)?.getAttribute('type'), 'the honeypot is skipped').to.equal('submit');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => stored(adapter).length === 1, 'not sent');
    expect(stored(adapter)[0]).to.include({ name: 'Karim', email: 'karim@example.org', postcode: '69003' });
    await el.updateComplete;
    expect(focused(el)?.tagName).to.equal('H2');
    expect(focused(el)?.textContent).to.equal('Thank you, Karim!');
    before.remove();
  });
});

describe('<hub-signup>: consent done right', () => {
  it('has one unticked box per purpose, stores only the ticked ones with the wording shown, its version and the time', async () => {
    const adapter = memory();
    const el = await fixture<HubSignup>(html`<hub-signup
      lang="fr"
      consent="contact:J’accepte d’être recontacté·e par Vague Climat|news:Je veux recevoir la lettre d’info"
      consent-version="2026-11"
      privacy-url="https://vagueclimat.example.org/confidentialite"
      .adapter=${adapter}
    ></hub-signup>`);
    const boxes = $$(el, 'input[name=consent]') as HTMLInputElement[];
    expect(boxes.map((b) => [b.value, b.checked, b.required])).to.deep.equal([
      ['contact', false, true],
      ['news', false, false],
    ]);
    const privacy = $<HTMLAnchorElement>(el, 'a[href]');
    expect(privacy.href).to.equal('https://vagueclimat.example.org/confidentialite');
    expect(privacy.textContent).to.contain('Comment nous utilisons vos données');
    await expect(el).to.be.accessible();
    await fill(el, { name: 'Inès', email: 'ines@example.org' });
    await tick(el, 'contact');
    await send(el);
    await waitUntil(() => stored(adapter).length === 1);
    const consent = stored(adapter)[0]!.consent as { purpose: string; version: string; text: string }[];
    expect(consent.map((c) => [c.purpose, c.version, c.text])).to.deep.equal([['contact', '2026-11', 'J’accepte d’être recontacté·e par Vague Climat']]);
  });

  it('takes the wording from a slot, links included, and stores the text shown', async () => {
    const adapter = memory();
    const el = await fixture<HubSignup>(html`<hub-signup lang="en" .adapter=${adapter}>
      <span slot="consent-contact">I agree to be contacted by <b>Vague Climat</b>.</span>
      <span slot="consent-sms">Text me before big actions (<a href="https://vagueclimat.example.org/sms">details</a>).</span>
    </hub-signup>`);
    expect(($$(el, 'input[name=consent]') as HTMLInputElement[]).map((b) => b.value)).to.deep.equal(['contact', 'sms']);
    expect(text(el)).to.contain('I agree to be contacted by Vague Climat.').and.not.contain('this campaign');
    await expect(el).to.be.accessible();
    await fill(el, { name: 'Ana', email: 'ana@example.org' });
    await tick(el, 'contact');
    await tick(el, 'sms');
    await send(el);
    await waitUntil(() => stored(adapter).length === 1);
    const consent = stored(adapter)[0]!.consent as { purpose: string; text: string; version: string }[];
    expect(consent.map((c) => [c.purpose, c.text])).to.deep.equal([
      ['contact', 'I agree to be contacted by Vague Climat.'],
      ['sms', 'Text me before big actions (details).'],
    ]);
    expect(consent[0]!.version, 'an unversioned wording gets a version from its text').to.not.equal(consent[1]!.version);
  });

  it('never links a privacy policy that is not http, https or mailto', async () => {
    const el = await fixture<HubSignup>(html`<hub-signup lang="en" privacy-url="javascript:alert(1)" .adapter=${memory()}></hub-signup>`);
    expect(el.shadowRoot!.querySelector('a')).to.equal(null);
  });
});

describe('<hub-signup>: prefill, referrer and campaign tags', () => {
  let original: string;
  beforeEach(() => (original = location.href));
  afterEach(() => history.replaceState(null, '', original));

  it('prefills from the address, stores who recruited them and the UTM tags, then gives a share link of their own', async () => {
    history.replaceState(null, '', `${location.pathname}?email=sam%40example.org&postcode=75011&ref=abc23xyz&utm_source=newsletter&utm_medium=email&utm_campaign=dec12`);
    const adapter = memory();
    const el = await fixture<HubSignup>(html`<hub-signup lang="en" .adapter=${adapter}></hub-signup>`);
    expect($(el, '#email').value).to.equal('sam@example.org');
    expect($(el, '#postcode').value).to.equal('75011');
    await fill(el, { name: 'Sam' });
    await tick(el);
    const submitted = oneEvent(el, 'archipel-submitted');
    await send(el);
    const { detail } = (await submitted) as CustomEvent<SignupSubmittedDetail>;
    expect(detail.status).to.equal('sent');
    const [record] = stored(adapter) as [Record<string, unknown>];
    expect(record.referrer).to.equal('abc23xyz');
    expect(record.utm).to.deep.equal({ source: 'newsletter', medium: 'email', campaign: 'dec12' });
    expect(record.ref).to.match(/^[2-9a-hjkmnp-z]{8}$/);
    expect(record.page, 'the page is stored without the address’s personal data').to.equal(location.origin + location.pathname);
    await el.updateComplete;

    const link = new URL($(el, '[part=share-link]').value);
    expect(link.searchParams.get('ref')).to.equal(record.ref);
    expect([...link.searchParams.keys()], 'email, postcode and tags are not passed on').to.deep.equal(['ref']);
    const hrefs = $$(el, '.targets a').map((a) => (a as HTMLAnchorElement).href);
    expect(hrefs[0]).to.match(/^https:\/\/wa\.me\/\?text=/).and.contain(encodeURIComponent(link.href));
    expect(hrefs[1]).to.match(/^https:\/\/t\.me\/share\/url\?url=/);
    expect(hrefs[2]).to.match(/^mailto:\?subject=/);
    expect(text(el)).to.contain('Thank you, Sam!').and.contain('You are signed up.').and.contain('Copy link');
    await expect(el).to.be.accessible();
  });

  it('reads ?source= as the UTM source, prefills from attributes, and shares the share-url page', async () => {
    history.replaceState(null, '', `${location.pathname}?source=stand-lyon`);
    const adapter = memory();
    const el = await fixture<HubSignup>(
      html`<hub-signup lang="en" email="kim@example.org" postcode="69003" share-url="https://vagueclimat.example.org/rejoindre?x=1" .adapter=${adapter}></hub-signup>`,
    );
    expect($(el, '#email').value).to.equal('kim@example.org');
    await fill(el, { name: 'Kim' });
    await tick(el);
    await send(el);
    await waitUntil(() => stored(adapter).length === 1);
    expect(stored(adapter)[0]!.utm).to.deep.equal({ source: 'stand-lyon' });
    expect(stored(adapter)[0]).to.not.have.property('referrer');
    await el.updateComplete;
    expect($(el, '[part=share-link]').value).to.equal(`https://vagueclimat.example.org/rejoindre?x=1&ref=${stored(adapter)[0]!.ref}`);
  });
});

describe('<hub-signup>: the chapter', () => {
  it('lists the chapters and preselects the one nearest to the postcode, until the person picks one', async () => {
    const adapter = memory(place);
    const el = await fixture<HubSignup>(html`<hub-signup lang="fr" fields="name email postcode chapter" .adapter=${adapter}></hub-signup>`);
    await waitUntil(() => el.shadowRoot!.querySelectorAll('#chapter option').length === 4, 'chapters not listed');
    expect($$(el, '#chapter option').map((o) => o.textContent)).to.deep.equal(['Choisir…', 'Vague Climat Lille', 'Vague Climat Lyon', 'Vague Climat Paris']);
    await fill(el, { postcode: '69100' });
    await waitUntil(() => $<HTMLSelectElement>(el, '#chapter').value === 'lyon', 'Villeurbanne (69100) should go to Lyon through the 69 département');
    await fill(el, { postcode: '75020' });
    await waitUntil(() => $<HTMLSelectElement>(el, '#chapter').value === 'paris');
    await expect(el).to.be.accessible();
    const select = $<HTMLSelectElement>(el, '#chapter');
    select.value = 'lille';
    select.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
    await fill(el, { postcode: '69003', name: 'Zoé', email: 'zoe@example.org' });
    expect(select.value, 'a chapter picked by hand stays').to.equal('lille');
    await tick(el);
    await send(el);
    await waitUntil(() => stored(adapter).length === 1);
    expect(stored(adapter)[0]).to.include({ chapter: 'lille', postcode: '69003' });
  });

  it('uses the chapter set by the chapter attribute, without asking', async () => {
    const adapter = memory(place);
    const el = await fixture<HubSignup>(html`<hub-signup lang="en" fields="name email chapter" chapter="lyon" .adapter=${adapter}></hub-signup>`);
    expect(el.shadowRoot!.querySelector('#chapter')).to.equal(null);
    await fill(el, { name: 'Noé', email: 'noe@example.org' });
    await tick(el);
    await send(el);
    await waitUntil(() => stored(adapter).length === 1);
    expect(stored(adapter)[0]!.chapter).to.equal('lyon');
  });

  it('uses the chapter of an enclosing hub', async () => {
    class TestHub extends LitElement {
      provider = new ContextProvider(this, { context: chapterContext, initialValue: { id: 'lille', name: 'Vague Climat Lille' } as Chapter });
      override render() {
        return lit`<slot></slot>`;
      }
    }
    customElements.define('signup-test-hub', TestHub);
    const adapter = memory(place);
    const hub = await fixture(html`<signup-test-hub><hub-signup lang="en" .adapter=${adapter}></hub-signup></signup-test-hub>`);
    const el = hub.querySelector('hub-signup')!;
    await el.updateComplete;
    await fill(el, { name: 'Yan', email: 'yan@example.org' });
    await tick(el);
    await send(el);
    await waitUntil(() => stored(adapter).length === 1);
    expect(stored(adapter)[0]!.chapter).to.equal('lille');
  });
});

describe('<hub-signup>: events', () => {
  it('fires a cancelable archipel-submit with the record: cancelled, nothing is stored', async () => {
    const adapter = memory();
    const el = await fixture<HubSignup>(html`<hub-signup lang="en" .adapter=${adapter}></hub-signup>`);
    let seen: Record<string, unknown> | undefined;
    el.addEventListener('archipel-submit', (e) => {
      seen = (e as CustomEvent<{ record: Record<string, unknown> }>).detail.record;
      e.preventDefault();
    });
    await fill(el, { name: 'Léo', email: 'leo@example.org' });
    await tick(el);
    await send(el);
    await el.updateComplete;
    expect(seen).to.include({ name: 'Léo', email: 'leo@example.org' });
    expect(el.shadowRoot!.querySelector('[part=thanks]')).to.equal(null);
    // Sent again without cancelling, the write goes through: the cancelled one never did.
    const cancelledId = seen!.id;
    el.addEventListener('archipel-submit', (e) => e.stopImmediatePropagation(), { capture: true, once: true });
    const submitted = oneEvent(el, 'archipel-submitted');
    await send(el);
    await submitted;
    expect(stored(adapter).map((r) => (r as { id: string }).id)).to.have.length(1).and.not.include(cancelledId);
  });

  it('says when the source refuses, keeps the form, and fires archipel-error', async () => {
    const adapter = memory();
    adapter.submit = () => Promise.reject(new AdapterError('rejected', 'email: this address is blocked.'));
    const el = await fixture<HubSignup>(html`<hub-signup lang="en" .adapter=${adapter}></hub-signup>`);
    await fill(el, { name: 'Bo', email: 'bo@example.org' });
    await tick(el);
    const error = oneEvent(el, 'archipel-error');
    let detail!: { collection: string; record: { email: string }; error: Error };
    const said = await warnings(async () => {
      await send(el);
      ({ detail } = (await error) as CustomEvent<typeof detail>);
    });
    expect(said.join('\n')).to.contain('the source did not take the signups record: email: this address is blocked.');
    expect([detail.collection, detail.record.email]).to.deep.equal(['signups', 'bo@example.org']);
    expect(detail.error.message).to.contain('blocked');
    await el.updateComplete;
    expect(text(el)).to.contain('Not sent. The campaign did not accept what was written: check it, then send it again. It is kept on this device.');
    expect(text(el)).not.to.contain('blocked');
    await expect(el).to.be.accessible();
  });
});

describe('<hub-signup>: nothing lost offline', () => {
  it('says the sign-up is saved on the device, then that it is sent once the source is back', async () => {
    const adapter = flaky();
    const el = await fixture<HubSignup>(html`<hub-signup lang="fr" .adapter=${adapter}></hub-signup>`);
    await fill(el, { name: 'Malik', email: 'malik@example.org' });
    await tick(el);
    const submitted = oneEvent(el, 'archipel-submitted');
    await send(el);
    expect(((await submitted) as CustomEvent<SignupSubmittedDetail>).detail.status).to.equal('queued');
    await el.updateComplete;
    expect(text(el)).to.contain('Enregistré sur cet appareil ; l’envoi se fera automatiquement.');
    await expect(el).to.be.accessible();
    adapter.up();
    const delivered = oneEvent(el, 'archipel-submitted');
    const [entry] = await outbox().list(adapter.source);
    await outbox().retry(entry!.id);
    await waitUntil(() => text(el).includes('Vous êtes inscrit·e.'), 'the thank-you did not learn that it was sent');
    expect(stored(adapter)).to.have.length(1);
    // Listeners (a campaign's analytics) hear when the queued sign-up actually arrives.
    const { detail } = (await delivered) as CustomEvent<SignupSubmittedDetail>;
    expect([detail.status, detail.record.email]).to.deep.equal(['sent', 'malik@example.org']);
  });
});

describe('<hub-signup kiosk>', () => {
  it('starts again after each sign-up, counts them and shows how many wait to be sent', async () => {
    const adapter = flaky();
    const el = await fixture<HubSignup>(html`<hub-signup lang="en" kiosk email="first@example.org" .adapter=${adapter}></hub-signup>`);
    expect(text(el)).to.contain('0 sign-ups on this device · all sent');
    await fill(el, { name: 'Ada' });
    await tick(el);
    await send(el);
    await waitUntil(() => text(el).includes('1 sign-up on this device · 1 waiting to be sent'), 'no waiting count');
    expect(text(el)).to.contain('Signed up. Next person, please! Saved on this device; it will be sent automatically.');
    expect($(el, '#name').value, 'the form is blank for the next person').to.equal('');
    expect($(el, '#email').value, 'the prefill was for the first person only').to.equal('');
    expect($(el, 'input[name=consent]').checked).to.equal(false);
    expect(focused(el)?.id).to.equal('name');
    await expect(el).to.be.accessible();

    await fill(el, { name: 'Bea', email: 'bea@example.org' });
    await tick(el);
    await send(el);
    await waitUntil(() => text(el).includes('2 sign-ups on this device · 2 waiting to be sent'));
    adapter.up();
    await outbox().flush();
    await waitUntil(() => text(el).includes('2 sign-ups on this device · all sent'), 'the count did not follow the outbox');
    expect(stored(adapter).map((r) => r.name)).to.deep.equal(['Ada', 'Bea']);
    expect($(el, '[part=status]').textContent).to.equal('Signed up. Next person, please!');
    // A shared device keeps nothing of the people once their sign-ups are delivered.
    expect(await outbox().list(adapter.source)).to.deep.equal([]);
    const kept = Object.keys(localStorage).map((k) => localStorage.getItem(k)).join(' ');
    expect(kept).to.not.contain('bea@example.org').and.not.contain('Ada');
  });

  it('shows a sign-up the source refused with its reason, never its content, to send again or discard', async () => {
    const adapter = memory();
    let refuse = true;
    const submit = adapter.submit.bind(adapter);
    adapter.submit = (...args) => (refuse ? Promise.reject(new AdapterError('rejected', 'email: this address is blocked.')) : submit(...args));
    const el = await fixture<HubSignup>(html`<hub-signup lang="en" kiosk .adapter=${adapter}></hub-signup>`);
    await fill(el, { name: 'Cyd', email: 'cyd@example.org' });
    await tick(el);
    await send(el);
    await waitUntil(() => el.shadowRoot!.querySelector('[part=refused] li'), 'the refused sign-up is not shown');
    const refused = $(el, '[part=refused]');
    expect(refused.textContent).to.contain('The campaign did not accept what was written').and.not.contain('cyd@example.org').and.not.contain('Cyd');
    await expect(el).to.be.accessible();
    refuse = false;
    [...refused.querySelectorAll('button')].find((b) => b.textContent === 'Try again')!.click();
    await waitUntil(() => stored(adapter).length === 1, 'sending it again did not deliver it');
    await waitUntil(() => !el.shadowRoot!.querySelector('[part=refused] li'), 'the delivered sign-up is still listed as refused');

    refuse = true;
    // The refused sign-up was not sent, so the form still holds it, ticked: the next person writes over it.
    await fill(el, { name: 'Dee', email: 'dee@example.org' });
    expect($(el, 'input[name=consent]').checked).to.equal(true);
    await send(el);
    await waitUntil(() => el.shadowRoot!.querySelector('[part=refused] li'));
    [...$(el, '[part=refused]').querySelectorAll('button')].find((b) => b.textContent === 'Discard')!.click();
    await waitUntil(async () => (await outbox().list(adapter.source)).length === 0, 'the discarded sign-up is still kept');
    expect(stored(adapter)).to.have.length(1);
  });
});

describe('<hub-signup>: sources that cannot take a sign-up', () => {
  it('explains that a read-only source cannot send, and shows no send button', async () => {
    const el = await fixture<HubSignup>(html`<hub-signup lang="en" .adapter=${memory({}, { writable: false })}></hub-signup>`);
    expect(el.shadowRoot!.querySelector('button[type=submit]')).to.equal(null);
    expect(text(el)).to.contain('This form is not open yet. Please come back later.');
    await expect(el).to.be.accessible();
  });

  it('says there is no source', async () => {
    const el = await fixture<HubSignup>(html`<hub-signup lang="en"></hub-signup>`);
    expect(text(el)).to.contain('This is not ready yet. Please come back later.');
    await expect(el).to.be.accessible();
  });
});

describe('<hub-signup>: a supporter’s own data, through their private link', () => {
  let original: string;
  beforeEach(() => (original = location.href));
  afterEach(() => history.replaceState(null, '', original));

  it('gives a private link on the thank-you step, which opens what is held, to withdraw a consent or erase it all', async () => {
    const adapter = memory();
    const el = await fixture<HubSignup>(html`<hub-signup lang="en" consent="contact:Contact me|news:Send me the news" .adapter=${adapter}></hub-signup>`);
    await fill(el, { name: 'Maïa', email: 'maia@example.org' });
    await tick(el, 'contact');
    await tick(el, 'news');
    await send(el);
    await waitUntil(() => el.shadowRoot!.querySelector('#mine'), 'no private link on the thank-you step');
    const link = new URL($(el, '#mine').value);
    expect(link.hash).to.match(/^#archipel-me=[A-Za-z0-9_-]{16,}$/);
    expect(link.href, 'the private link is not the share link').to.not.equal($(el, '[part=share-link]').value);
    await expect(el).to.be.accessible();

    history.replaceState(null, '', link.href);
    const mine = await fixture<HubSignup>(html`<hub-signup lang="en" .adapter=${adapter}></hub-signup>`);
    await waitUntil(() => text(mine).includes('maia@example.org'), 'the private link did not open the data');
    expect(text(mine)).to.contain('What we hold about you').and.contain('Maïa').and.contain('Send me the news');
    await expect(mine).to.be.accessible();
    [...mine.shadowRoot!.querySelectorAll<HTMLButtonElement>('.consents button')][1]!.click();
    await waitUntil(() => !text(mine).includes('Send me the news'), 'the consent was not withdrawn');
    expect((stored(adapter)[0]!.consent as { purpose: string }[]).map((c) => c.purpose)).to.deep.equal(['contact']);

    const erase = () => [...mine.shadowRoot!.querySelectorAll<HTMLButtonElement>('button')].find((b) => /Delete all my data|Yes, delete everything/.test(b.textContent!))!;
    erase().click();
    await mine.updateComplete;
    expect(text(mine)).to.contain('This cannot be undone');
    expect(stored(adapter), 'one press does not erase').to.have.length(1);
    erase().click();
    await waitUntil(() => text(mine).includes('Your data has been deleted.'));
    expect(stored(adapter)).to.have.length(0);
    expect(location.hash, 'the spent link leaves the address').to.equal('');
  });

  it('opens nothing with a secret it does not know', async () => {
    history.replaceState(null, '', `${location.pathname}#archipel-me=notasecretthisonejustguessed`);
    const adapter = memory();
    await adapter.submit('signups', { id: 'someone1', email: 'someone@example.org', consent: [], created: new Date().toISOString() });
    const el = await fixture<HubSignup>(html`<hub-signup lang="fr" .adapter=${adapter}></hub-signup>`);
    await waitUntil(() => text(el).includes('Ce lien personnel n’ouvre plus rien'), 'a guessed link was not refused');
    expect(text(el)).to.not.contain('someone@example.org');
    await expect(el).to.be.accessible();
  });
});
