import { expect, fixture, html, waitUntil, oneEvent, aTimeout } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import '../../packages/hashtag-wall/src/hashtag-wall.ts';
import type { HashtagWall } from '../../packages/hashtag-wall/src/hashtag-wall.component.ts';
import { resolveAdapter } from '../../packages/core/src/adapter.ts';
import { MemoryAdapter } from '../../packages/core/src/adapters/memory.ts';
import { AdapterError } from '../../packages/core/src/errors.ts';
import { $, accessible, query, text } from '../support/dom.ts';

type Server = { url: string; token: string; running: boolean };
const server = (action: 'start' | 'stop') => executeServerCommand<Server, { action: string }>('reference-server', { action });

/** A hashtag of this run only: the reference server is shared by every test file. */
const tag = () => `WallTest${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

async function openForm(el: HashtagWall) {
  $(el, '[part=share-button]').click();
  await waitUntil(() => el.shadowRoot!.querySelector('[part=form]'), 'the form did not open');
  await el.updateComplete;
}

function fill(el: HashtagWall, values: { name: string; text: string; link?: string }) {
  $<HTMLInputElement>(el, '[name=name]').value = values.name;
  $<HTMLTextAreaElement>(el, '[name=text]').value = values.text;
  $<HTMLInputElement>(el, '[name=link]').value = values.link ?? '';
  $<HTMLInputElement>(el, '[name=consent]').checked = true;
}

/** Types a staff token into the view's sign-in and sends it, as staff would. */
async function signIn(el: HashtagWall, token: string) {
  $<HTMLInputElement>(el, '[part=sign-in] input').value = token;
  $<HTMLFormElement>(el, '[part=sign-in]').requestSubmit();
  await el.updateComplete;
}

/** The reference server refuses forms sent faster than a person can fill them (1.5 s). */
const personPace = () => aTimeout(1600);

describe('<hashtag-wall> share your story', function () {
  // Stopping and restarting a server process: each wait below names what did not happen, within this limit.
  this.timeout(30_000);
  it('sends a story through the outbox and says it appears after review; a queued story lands once', async () => {
    const { url, token } = await server('start');
    const hashtag = tag();
    const el = await fixture<HashtagWall>(html`<hashtag-wall lang="en" source=${url} hashtag=${hashtag}></hashtag-wall>`);
    await waitUntil(() => text(el).includes('No posts yet'), 'the empty wall did not show', { timeout: 5000 });
    await openForm(el);
    await accessible(el);
    fill(el, { name: 'Léa M.', text: 'Offline story', link: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ' });
    await personPace();
    await server('stop');
    const submitted = oneEvent(el, 'archipel-submitted');
    $<HTMLButtonElement>(el, '[type=submit]').click();
    const { detail } = await submitted;
    expect(detail.status).to.equal('queued');
    expect(detail.record.video).to.equal('https://www.youtube.com/watch?v=dQw4w9WgXcQ');
    expect(detail.record.consent.purpose).to.equal('publish-post');
    await el.updateComplete;
    expect(text(el)).to.contain('Saved on this device; it will be sent automatically. It will appear on the wall after review.');
    await accessible(el);

    await server('start');
    window.dispatchEvent(new Event('online'));
    const adapter = resolveAdapter(url);
    let ids: string[] = [];
    await waitUntil(async () => {
      const queue = await adapter.moderationQueue!({ token }, ['pending']);
      ids = (queue.rows as { id: string }[]).map((r) => r.id).filter((id) => id === detail.record.id);
      return ids.length > 0;
    }, 'the queued story never reached the server', { timeout: 8000, interval: 300 });
    expect(ids).to.have.length(1);
    const publicList = await adapter.list('posts', { hashtag });
    expect(publicList.rows).to.have.length(0, 'a pending post is not public');
  });

  it('thanks the author when the story is sent at once, and can be cancelled', async () => {
    const { url } = await server('start');
    const el = await fixture<HashtagWall>(html`<hashtag-wall lang="fr" source=${url} hashtag=${tag()}></hashtag-wall>`);
    await openForm(el);
    fill(el, { name: 'Noé', text: 'Première fois en manif.' });
    await personPace();
    el.addEventListener('archipel-submit', (e) => e.preventDefault(), { once: true });
    $<HTMLButtonElement>(el, '[type=submit]').click();
    await aTimeout(200);
    expect(text(el)).not.to.contain('Merci');
    const submitted = oneEvent(el, 'archipel-submitted');
    $<HTMLButtonElement>(el, '[type=submit]').click();
    expect((await submitted).detail.status).to.equal('sent');
    await waitUntil(() => text(el).includes('Merci, Noé ! Votre histoire apparaîtra sur le mur dès qu’une personne de l’équipe l’aura lue.'));
    expect($<HTMLInputElement>(el, '[name=name]').value).to.equal('');
  });

  it('says when the source refuses a story, fires archipel-error and not archipel-submitted', async () => {
    const adapter = new MemoryAdapter({ posts: [] }, { source: `memory:refuse-${Math.random()}` });
    adapter.submit = () => Promise.reject(new AdapterError('rejected', 'text: is longer than 4000 characters'));
    const el = await fixture<HashtagWall>(html`<hashtag-wall lang="en" hashtag="X" .adapter=${adapter}></hashtag-wall>`);
    await openForm(el);
    fill(el, { name: 'Sam', text: 'Hello' });
    let submitted = 0;
    el.addEventListener('archipel-submitted', () => submitted++);
    const error = oneEvent(el, 'archipel-error');
    $<HTMLButtonElement>(el, '[type=submit]').click();
    const { detail } = (await error) as CustomEvent<{ collection: string; record: { author: string }; error: Error }>;
    expect([detail.collection, detail.record.author, detail.error.message]).to.deep.equal(['posts', 'Sam', 'text: is longer than 4000 characters']);
    await waitUntil(() => text(el).includes('The campaign did not accept what was written'), 'the refusal was not shown');
    expect(text(el)).not.to.contain('4000');
    expect(submitted).to.equal(0);
  });

  it('asks for a name, words and consent, and a real web address, before sending anything', async () => {
    const adapter = new MemoryAdapter({ posts: [] }, { source: `memory:form-${Math.random()}` });
    const el = await fixture<HashtagWall>(html`<hashtag-wall lang="en" hashtag="X" .adapter=${adapter}></hashtag-wall>`);
    await openForm(el);
    const send = () => $<HTMLButtonElement>(el, '[type=submit]').click();
    const focused = () => (el.shadowRoot!.activeElement as HTMLInputElement | null)?.name;
    send();
    await waitUntil(() => text(el).includes('Write your name as it should appear with your story.'), 'no message for a missing name');
    expect(focused()).to.equal('name');
    $<HTMLInputElement>(el, '[name=name]').value = 'Sam';
    send();
    await waitUntil(() => text(el).includes('Write a few words or add a link.'));
    $<HTMLInputElement>(el, '[name=link]').value = 'not a url';
    send();
    await waitUntil(() => text(el).includes('“not a url” is not a web address: paste one that starts with https://'), 'a link that is not an address was accepted');
    expect(focused()).to.equal('link');
    $<HTMLInputElement>(el, '[name=link]').value = '';
    $<HTMLTextAreaElement>(el, '[name=text]').value = 'Hello';
    send();
    await waitUntil(() => text(el).includes('Tick the box to agree to publication'));
    expect(adapter.written.size).to.equal(0);
    await accessible(el);
    // An address typed without https:// is completed, not refused.
    $<HTMLInputElement>(el, '[name=link]').value = 'www.example.org/photo.jpg';
    $<HTMLInputElement>(el, '[name=consent]').checked = true;
    send();
    await waitUntil(() => adapter.written.get('posts')?.size === 1, 'the story was not sent');
    expect(([...adapter.written.get('posts')!.values()][0] as { image?: string }).image).to.equal('https://www.example.org/photo.jpg');
  });

  it('explains a read-only source instead of pretending to send', async () => {
    const el = await fixture<HashtagWall>(html`<hashtag-wall lang="en" .adapter=${new MemoryAdapter({ posts: [] }, { source: `memory:ro-${Math.random()}`, writable: false })}></hashtag-wall>`);
    await openForm(el);
    expect(text(el)).to.contain('This form is not open yet. Please come back later.');
    expect(el.shadowRoot!.querySelector('[type=submit]')).to.equal(null);
    await accessible(el);
  });
});

describe('<hashtag-wall moderate> against the reference server', () => {
  it('lists the queue, approves, pins, hides and blocks; the public wall follows, live', async () => {
    const { url, token } = await server('start');
    const hashtag = tag();
    const adapter = resolveAdapter(url);
    const author = `Author ${hashtag}`;
    const send = (id: string, words: string) =>
      adapter.submit('posts', { id, author, contact: `${hashtag}@example.org`, text: words, hashtags: [hashtag], consent: { purpose: 'publish-post', version: '1', at: new Date().toISOString() }, created: new Date().toISOString() }, { hp: '', elapsed: 5000 });
    const a = `a${hashtag}`;
    const b = `b${hashtag}`;
    await send(a, 'First story to review');
    await send(b, 'Second story to review');

    const wall = await fixture<HashtagWall>(html`<hashtag-wall lang="en" source=${url} hashtag=${hashtag} refresh="1"></hashtag-wall>`);
    await waitUntil(() => text(wall).includes('No posts yet'), 'pending posts must not show', { timeout: 5000 });

    const mod = await fixture<HashtagWall>(html`<hashtag-wall lang="en" moderate source=${url}></hashtag-wall>`);
    await waitUntil(() => text(mod).includes('Staff only: enter your staff token'), 'no token explanation', { timeout: 5000 });
    await accessible(mod);
    expect(mod.shadowRoot!.querySelector('.tabs'), 'no tabs before signing in').to.equal(null);
    await signIn(mod, 'wrong-token');
    await waitUntil(() => text(mod).includes('This staff token was not accepted'), 'a wrong token must be refused', { timeout: 5000 });
    await accessible(mod);
    await waitUntil(() => mod.shadowRoot!.activeElement?.matches('[part=sign-in] input'), 'focus goes back to the field after a refusal');
    // A second refusal is a new alert, so it is announced again.
    const firstAlert = $(mod, '[role=alert]');
    await signIn(mod, 'wrong-token');
    await waitUntil(() => query(mod, '[role=alert]') && query(mod, '[role=alert]') !== firstAlert, 'the same refusal was not said again', { timeout: 5000 });
    await signIn(mod, token);
    await waitUntil(() => text(mod).includes('First story to review'), 'the queue did not show', { timeout: 5000 });
    await waitUntil(() => mod.shadowRoot!.activeElement?.matches('#mod-title'), 'focus goes to the view once the token is accepted');
    expect(mod.token).to.equal(token);
    expect(mod.shadowRoot!.querySelector('[part=sign-in]'), 'the sign-in goes once the token is accepted').to.equal(null);
    expect(mod.outerHTML + JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage })).to.not.contain(token);
    await accessible(mod);
    const card = (words: string) => [...mod.shadowRoot!.querySelectorAll('.queue article')].find((c) => c.textContent!.includes(words))!;

    card('First story to review').querySelector<HTMLButtonElement>('.approve')!.click();
    await waitUntil(() => text(mod).includes(`Approved: the post by ${author} is on the wall.`));
    await waitUntil(() => text(wall).includes('First story to review'), 'the approved post did not reach the live wall', { timeout: 5000 });
    expect(wall.shadowRoot!.querySelector('[role=status].visually-hidden')!.textContent).to.equal('1 new post');

    card('Second story to review').querySelector<HTMLButtonElement>('.approve')!.click();
    await waitUntil(() => !text(mod).includes('Second story to review'));
    // The approved post left the queue with the focused button: focus is not lost to the page.
    await waitUntil(() => mod.shadowRoot!.activeElement !== null, 'focus was lost when the post left the queue');
    [...mod.shadowRoot!.querySelectorAll<HTMLButtonElement>('.tabs button')][1]!.click();
    await waitUntil(() => text(mod).includes('Second story to review') && text(mod).includes('First story to review'));
    card('First story to review').querySelector<HTMLButtonElement>('.pin')!.click();
    await waitUntil(() => text(mod).includes(`Pinned: the post by ${author} leads the wall.`));
    expect(mod.shadowRoot!.querySelector('.queue article')!.textContent).to.contain('First story to review', 'pinned posts lead');

    const publicRows = async () => (await resolveAdapter(url).list('posts', { hashtag })).rows as { id: string; pinned?: boolean }[];
    expect((await publicRows()).find((r) => r.id === a)?.pinned).to.equal(true);

    await waitUntil(() => text(wall).includes('Second story to review'), 'the second approved post did not reach the live wall', { timeout: 5000 });

    card('Second story to review').querySelector<HTMLButtonElement>('.hide')!.click();
    await waitUntil(() => text(mod).includes(`Hidden: the post by ${author} is off the wall.`));
    expect((await publicRows()).map((r) => r.id)).to.deep.equal([a]);
    // The live wall drops it at its next check (each second here), not at the tenth, full one.
    await waitUntil(() => !text(wall).includes('Second story to review'), 'the hidden post stayed on the live wall', { timeout: 4000 });

    const block = () => card('First story to review').querySelector<HTMLButtonElement>('.block-author')!;
    block().click();
    await waitUntil(() => block().textContent!.includes('Yes, hide every post by'));
    block().click();
    await waitUntil(() => text(mod).includes(`Blocked: ${author}’s posts are hidden`));
    expect(await publicRows()).to.deep.equal([]);
    await waitUntil(() => text(wall).includes('No posts yet'), 'the blocked author’s post stayed on the live wall', { timeout: 4000 });
    await accessible(mod);
  });

  it('counts what waits, approves every post shown at once, and unblocks an author', async function () {
    this.timeout(30_000);
    const { url, token } = await server('start');
    const hashtag = tag();
    const adapter = resolveAdapter(url);
    // A chapter of this test only: its lead's queue is this test's posts.
    const chapter = hashtag.toLowerCase();
    const send = (id: string, author: string, words: string) =>
      adapter.submit('posts', { id, author, contact: `${hashtag}@example.org`, text: words, hashtags: [hashtag], chapter, consent: { purpose: 'publish-post', version: '1', at: new Date().toISOString() }, created: new Date().toISOString() }, { hp: '', elapsed: 5000 });
    const { leadToken } = await executeServerCommand<{ leadToken: string }, { action: string; chapter: string }>('reference-server', { action: 'lead-token', chapter });
    expect(await adapter.waiting!({ token: leadToken })).to.equal(0);
    for (const n of [1, 2, 3]) await send(`${n}${hashtag}`, `Author ${n}`, `Bulk story ${n}`);
    const mod = await fixture<HashtagWall>(html`<hashtag-wall lang="en" moderate source=${url}></hashtag-wall>`);
    await waitUntil(() => query(mod, '[part=sign-in] input'), 'no sign-in', { timeout: 5000 });
    await signIn(mod, leadToken);
    await waitUntil(() => text(mod).includes(`Waiting for review: 3`), 'no count of what waits', { timeout: 5000 });
    await accessible(mod);
    $<HTMLButtonElement>(mod, '.approve-all').click();
    await waitUntil(() => text(mod).includes(`Approved: 3. Still waiting: 0.`), 'the bulk approval was not said', { timeout: 5000 });
    const shown = ((await adapter.list('posts', { hashtag })).rows as { id: string }[]).map((r) => r.id).sort();
    expect(shown).to.deep.equal([1, 2, 3].map((n) => `${n}${hashtag}`));
    // Campaign staff block the author, whose next post is kept from the queue, then unblock them.
    await adapter.moderate!(`1${hashtag}`, 'block-author', { token });
    await send(`4${hashtag}`, 'Renamed', 'Sent while blocked');
    expect(((await adapter.moderationQueue!({ token }, ['pending'])).rows as { id: string }[]).some((r) => r.id === `4${hashtag}`)).to.equal(false);
    const staffView = await fixture<HashtagWall>(html`<hashtag-wall lang="en" moderate source=${url}></hashtag-wall>`);
    await waitUntil(() => query(staffView, '[part=sign-in] input'), 'no sign-in', { timeout: 5000 });
    await signIn(staffView, token);
    await waitUntil(() => staffView.shadowRoot!.querySelector('.tabs'), 'the staff view did not open', { timeout: 5000 });
    [...staffView.shadowRoot!.querySelectorAll<HTMLButtonElement>('.tabs button')][2]!.click();
    await waitUntil(() => text(staffView).includes('Sent while blocked'), 'the hidden tab did not list the blocked post', { timeout: 5000 });
    const hidden = [...staffView.shadowRoot!.querySelectorAll('.queue article')].find((c) => c.textContent!.includes('Sent while blocked'))!;
    hidden.querySelector<HTMLButtonElement>('.unblock-author')!.click();
    await waitUntil(() => text(staffView).includes('Unblocked: new posts by Renamed come to the queue again.'), 'the unblock was not said', { timeout: 5000 });
    expect(((await adapter.moderationQueue!({ token }, ['pending'])).rows as { id: string }[]).some((r) => r.id === `4${hashtag}`)).to.equal(true);
  });
});
