/**
 * The relational loop in Chromium against the real reference server: a supporter's share link brings a friend,
 * and the supporter's private link then says how many joined through it (a friend signing up twice counts once),
 * gives the link again and invites them to a next step.
 */
import { aTimeout, expect, fixture, html, waitUntil } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import '../../packages/hub-signup/src/hub-signup.ts';
import type { HubSignup } from '../../packages/hub-signup/src/hub-signup.ts';
import { $, fill, send, text, tick } from './helpers.ts';

const server = () => executeServerCommand<{ url: string }, { action: string }>('reference-server', { action: 'start' });
/** The reference server refuses forms sent faster than a person fills them (1.5 s). */
const MIN_FILL = 1600;
const unique = (who: string) => `${who}.${Date.now()}.${Math.random().toString(36).slice(2, 7)}@example.org`;

async function signUp(url: string, values: Record<string, string>): Promise<HubSignup> {
  const el = await fixture<HubSignup>(html`<hub-signup lang="fr" fields="name email" source=${url} next-url="https://example.org/pret"></hub-signup>`);
  await fill(el, values);
  await tick(el);
  await aTimeout(MIN_FILL);
  await send(el);
  await waitUntil(() => el.shadowRoot!.querySelector('#mine'), 'no private link on the thank-you step', { timeout: 5000 });
  return el;
}

describe('<hub-signup>: the people who joined through a share link', function () {
  this.timeout(30_000);
  let original: string;
  beforeEach(() => (original = location.href));
  afterEach(() => history.replaceState(null, '', original));

  it('are counted in the recruiter’s private view, once a person, with a next step', async () => {
    const { url } = await server();
    const zoe = await signUp(url, { name: 'Zoé', email: unique('zoe') });
    const share = $(zoe, '[part=share-link]').value;
    const privateLink = $(zoe, '#mine').value;

    history.replaceState(null, '', privateLink);
    const before = await fixture<HubSignup>(html`<hub-signup lang="fr" source=${url}></hub-signup>`);
    await waitUntil(() => text(before).includes('Votre cercle'), 'the private link did not open', { timeout: 5000 });
    expect(text(before)).to.contain('Personne n’a encore rejoint la campagne grâce à votre lien.');
    expect(text(before), 'without next-url, the next step is to share').to.contain('envoyez votre lien à trois personnes');

    // A friend arrives through the share link, and signs up twice with the same address.
    history.replaceState(null, '', share);
    const friend = unique('ami');
    await signUp(url, { name: 'Ami', email: friend });
    history.replaceState(null, '', share);
    await signUp(url, { name: 'Ami encore', email: friend.toUpperCase() });

    history.replaceState(null, '', privateLink);
    const mine = await fixture<HubSignup>(html`<hub-signup lang="fr" source=${url} next-url="https://example.org/pret"></hub-signup>`);
    await waitUntil(() => mine.shadowRoot!.querySelector('[part=recruits]'), 'no count in the private view', { timeout: 5000 });
    expect($(mine, '[part=recruits]').textContent!.trim()).to.equal('1 personne a rejoint la campagne grâce à votre lien.');
    expect(text(mine), 'who joined is not shown').to.not.contain('Ami');
    expect(new URL($(mine, '[part=circle] [part=share-link]').value).searchParams.get('ref')).to.equal(new URL(share).searchParams.get('ref'));
    const next = mine.shadowRoot!.querySelector<HTMLAnchorElement>('[part=next-step] a')!;
    expect(next.href).to.equal('https://example.org/pret');
    expect(next.textContent).to.equal('Prochaine étape : dites-nous ce que vous êtes prêt·e à faire');
    await expect(mine).to.be.accessible();
  });
});
