import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { html as lit } from 'lit';
import { ArchipelElement } from '../../packages/core/src/element.ts';
import { FormController } from '../../packages/core/src/form.ts';
import { outbox } from '../../packages/core/src/outbox.ts';
import { registerAdapter, resolveAdapter } from '../../packages/core/src/adapter.ts';
import { sendWords, type SendKey } from '../../packages/core/src/strings/send.ts';
import { signupReader, type Signup } from '../../packages/core/src/schemas/signups.ts';
import { sinkKind, sinkSource } from '../support/sink-adapter.ts';
import { MemoryAdapter } from '../../packages/core/src/adapters/memory.ts';
import type { SubmitMeta } from '../../packages/core/src/adapter.ts';

registerAdapter(sinkKind);

interface SinkState {
  posts: number;
  ids: string[];
}
const sink = (action?: 'down' | 'up' | 'reset') => executeServerCommand<SinkState, { action?: string }>('sink', { action });

let n = 0;
const signup = (extra: Record<string, unknown> = {}) => ({
  id: `formtest${Date.now()}${n++}`,
  email: 'lea@example.org',
  consent: [{ purpose: 'contact', version: '2026-11', at: new Date().toISOString() }],
  created: new Date().toISOString(),
  ...extra,
});

/** A form as small as a form can be: one email field, its problem, the notice and the honeypot. */
class TestForm extends ArchipelElement<SendKey> {
  static override words = [sendWords];
  readonly form = new FormController<Signup>(this, { collection: 'signups', reader: signupReader });
  override render() {
    const { invalid, describedBy } = this.form.invalid('email');
    return lit`<form>
      <label for="email">Email</label><input id="email" aria-invalid=${invalid} aria-describedby=${describedBy} />${this.form.renderError('email')}
      ${this.form.renderHoneypot()} ${this.form.renderLive()} ${this.form.renderNotice()}
    </form>`;
  }
}
TestForm.define('test-form');

const mount = (lang = 'en') => fixture<TestForm>(html`<test-form lang=${lang} source=${sinkSource()}></test-form>`);

describe('FormController', () => {
  beforeEach(() => sink('reset'));

  it('says each field’s problem in the visitor’s words, and checks with the schema every source runs', async () => {
    const el = await mount('fr');
    expect(el.form.check(signup({ email: 'lea@' }))).to.equal(undefined);
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('#e-email')!.textContent).to.equal('Écrivez une adresse e-mail comme nom@exemple.fr.');
    expect(el.shadowRoot!.querySelector('#email')!.getAttribute('aria-describedby')).to.equal('e-email');
    await el.form.focusFirstProblem();
    expect(el.shadowRoot!.activeElement?.id).to.equal('email');
    await expect(el).to.be.accessible();
    expect(el.form.check(signup({ email: undefined, phone: undefined }), { required: [] })).to.equal(undefined);
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('#e-email')!.textContent).to.equal('Indiquez une adresse e-mail ou un numéro de téléphone.');
  });

  it('sends the value as the schema reads it, not as the form held it', async () => {
    const el = await mount();
    const record = el.form.check(signup({ email: '  lea@example.org ', isAdmin: true }))!;
    expect(record.email).to.equal('lea@example.org');
    expect(record).to.not.have.property('isAdmin');
    let heard: Record<string, unknown> | undefined;
    el.addEventListener('archipel-submitted', (e) => (heard = e.detail.record as Record<string, unknown>));
    expect((await el.form.send(record)).status).to.equal('sent');
    await waitUntil(() => heard, 'archipel-submitted never fired');
    expect(heard).to.deep.equal(record);
    expect((await sink()).ids).to.deep.equal([`signups/${record.id}`]);
  });

  it('fires submit, then, once the form has taken the outcome in, submitted', async () => {
    const el = await mount();
    const order: string[] = [];
    el.addEventListener('archipel-submit', () => order.push('submit'));
    el.addEventListener('archipel-submitted', (e) => order.push(`submitted:${e.detail.status}`));
    const outcome = await el.form.send(el.form.check(signup())!);
    order.push(`outcome:${outcome.status}`);
    await waitUntil(() => order.length === 3);
    expect(order).to.deep.equal(['submit', 'outcome:sent', 'submitted:sent']);
  });

  it('stores nothing when a listener cancels archipel-submit', async () => {
    const el = await mount();
    el.addEventListener('archipel-submit', (e) => e.preventDefault(), { once: true });
    expect((await el.form.send(el.form.check(signup())!)).status).to.equal('cancelled');
    expect(await outbox().list(sinkSource())).to.deep.equal([]);
    expect((await sink()).posts).to.equal(0);
  });

  it('sends directly when this browser will not store anything, and says it was not kept when that fails too', async () => {
    const box = outbox();
    const add = box.add.bind(box);
    box.add = () => Promise.reject(new DOMException('The user denied permission to access the database.', 'SecurityError'));
    try {
      const el = await mount();
      expect((await el.form.send(el.form.check(signup())!)).status).to.equal('sent');
      expect((await sink()).posts).to.equal(1);

      await sink('down');
      let error: { collection?: string } | undefined;
      el.addEventListener('archipel-error', (e) => (error = e.detail));
      const failed = await el.form.send(el.form.check(signup())!);
      expect(failed.status === 'failed' && failed.kept).to.equal(false);
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector('[role=alert]')!.textContent).to.equal('Not sent. The campaign could not be reached. This browser does not let the form keep it, so send it again in a moment.');
      await waitUntil(() => error, 'archipel-error never fired');
      expect(error!.collection).to.equal('signups');
    } finally {
      box.add = add;
      await sink('up');
    }
  });

  it('fires submitted again when a queued record is delivered, and counts what waits', async () => {
    await sink('down');
    const el = await mount();
    const heard: string[] = [];
    el.addEventListener('archipel-submitted', (e) => heard.push(e.detail.status));
    const record = el.form.check(signup())!;
    expect((await el.form.send(record)).status).to.equal('queued');
    await waitUntil(() => el.form.waiting === 1 && el.form.isQueued(record.id), 'the queued record is not counted');
    await sink('up');
    await outbox().retry(record.id);
    await waitUntil(() => heard.join() === 'queued,sent', `heard ${heard.join()}`);
    expect([el.form.waiting, el.form.isQueued(record.id)]).to.deep.equal([0, false]);
  });

  it('asks the source for its token when the form is shown, and sends it back with the record', async () => {
    const adapter = new MemoryAdapter({}, { source: `memory:token-${Math.random()}` });
    const tokens: string[] = [];
    Object.assign(adapter, { formToken: async () => (tokens.push(`t${tokens.length + 1}`), tokens.at(-1)!) });
    const seen: (SubmitMeta | undefined)[] = [];
    const submit = adapter.submit.bind(adapter);
    adapter.submit = (c, r, meta) => (seen.push(meta), submit(c, r, meta));
    const el = await fixture<TestForm>(html`<test-form lang="en" .adapter=${adapter}></test-form>`);
    await el.updateComplete;
    expect(tokens, 'asked once, when the form was shown').to.deep.equal(['t1']);
    await el.form.send(el.form.check(signup())!);
    expect(seen[0]!.started).to.equal('t1');
    el.form.restart();
    await el.form.send(el.form.check(signup())!);
    expect(seen[1]!.started, 'the next person at a stall gets a token of their own').to.equal('t2');
  });

  it('carries the honeypot’s value and the time the form was shown, for the source’s spam checks', async () => {
    const el = await mount();
    const adapter = new MemoryAdapter({}, { source: `memory:form-${Math.random()}` });
    const seen: (SubmitMeta | undefined)[] = [];
    const submit = adapter.submit.bind(adapter);
    adapter.submit = (c, r, meta) => (seen.push(meta), submit(c, r, meta));
    el.adapter = adapter;
    await el.updateComplete;
    await new Promise((r) => setTimeout(r, 300));
    el.shadowRoot!.querySelector<HTMLInputElement>('input[name=website]')!.value = 'http://spam.example';
    await el.form.send(el.form.check(signup())!);
    expect(seen[0]!.hp).to.equal('http://spam.example');
    expect(seen[0]!.elapsed).to.be.within(250, 5000);
  });
});
