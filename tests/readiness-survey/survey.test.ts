import { expect, fixture, html, waitUntil, aTimeout, oneEvent } from '@open-wc/testing';
import { executeServerCommand, sendKeys, setViewport } from '@web/test-runner-commands';
import '../../packages/readiness-survey/src/readiness-survey.ts';
import type { ReadinessSurvey, SubmittedDetail } from '../../packages/readiness-survey/src/readiness-survey.component.ts';
import { MemoryAdapter } from '../../packages/core/src/adapters/memory.ts';
import { resolveAdapter } from '../../packages/core/src/adapter.ts';
import { outbox } from '../../packages/core/src/outbox.ts';
import { AdapterError } from '../../packages/core/src/errors.ts';
import { SURVEY, CHAPTERS, TRANSLATED_SURVEY } from './fixture.ts';
import { $$, query, text } from '../support/dom.ts';
import type { SubmitMeta } from '../../packages/core/src/adapter.ts';

let n = 0;
const memory = (opts: { writable?: boolean } = {}) =>
  new MemoryAdapter({ surveys: [SURVEY], chapters: CHAPTERS }, { source: `memory:survey-${Date.now()}-${n++}`, ...opts });

async function mount(adapter: MemoryAdapter, layout = 'page', share?: string): Promise<ReadinessSurvey> {
  const el = await fixture<ReadinessSurvey>(html`<readiness-survey lang="en" survey="fx" layout=${layout} share-url=${share ?? ''} .adapter=${adapter}></readiness-survey>`);
  await waitUntil(() => query(el, 'form'), 'the form did not appear');
  return el;
}

const click = async (el: ReadinessSurvey, sel: string) => {
  const target = query(el, sel);
  if (!target) throw new Error(`nothing matches ${sel}`);
  target.click();
  await el.updateComplete;
};
const type = async (el: ReadinessSurvey, sel: string, value: string) => {
  const input = query<HTMLInputElement>(el, sel)!;
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true }));
  await el.updateComplete;
};
const submit = (el: ReadinessSurvey) => click(el, 'button[type=submit]');
const written = (a: MemoryAdapter) => [...(a.written.get('responses')?.values() ?? [])] as Record<string, unknown>[];

/** Answers every required question of the fixture on a one-page form. */
async function fillRequired(el: ReadinessSurvey) {
  await click(el, 'input[name=q-role][value=Signed]');
  await click(el, 'input[name=q-acts][value=March]');
  await click(el, 'input[name=q-acts][value=Door]');
  await click(el, 'input[name=q-ready][value="4"]');
  await click(el, 'input[name=q-host][value=true]');
}

describe('<readiness-survey>: the questions', () => {
  it('asks each question type with its own controls, named by the question', async () => {
    const el = await mount(memory());
    expect(text(el)).to.contain('Ready for December?').and.contain('Two minutes to tell');
    expect($$<HTMLInputElement>(el, 'input[name=q-role]').map((i) => [i.type, i.value])).to.deep.equal([['radio', 'New'], ['radio', 'Signed'], ['radio', 'Organiser']]);
    expect($$<HTMLInputElement>(el, 'input[name=q-acts]').map((i) => i.type)).to.deep.equal(['checkbox', 'checkbox', 'checkbox']);
    expect($$<HTMLInputElement>(el, 'input[name=q-ready]').map((i) => i.getAttribute('aria-label'))).to.deep.equal(['1 out of 5', '2 out of 5', '3 out of 5', '4 out of 5', '5 out of 5']);
    expect($$<HTMLInputElement>(el, 'input[name=q-host]').map((i) => i.closest('label')!.textContent!.trim())).to.deep.equal(['Yes', 'No']);
    expect(query(el, 'textarea[name=q-note]')).to.exist;
    expect(query(el, 'fieldset[data-question=role] legend')!.textContent).to.contain('Your involvement so far').and.contain('(required)');
    expect(query(el, 'fieldset[data-question=lead] legend')!.textContent).to.contain('(optional)');
    // The local groups come from the source's chapters, sorted by name.
    await waitUntil(() => $$(el, '#chapter option').length === 3, 'the chapters did not load');
    expect($$<HTMLOptionElement>(el, '#chapter option').map((o) => o.textContent!.trim())).to.deep.equal(["I don’t know", 'Vague Lyon', 'Vague Paris']);
    await expect(el).to.be.accessible();
  });

  it('speaks French and Spanish', async () => {
    const el = await mount(memory());
    el.setAttribute('lang', 'fr');
    await el.updateComplete;
    expect(text(el)).to.contain('Envoyer mes réponses').and.contain('(obligatoire)').and.contain('Oui');
    el.setAttribute('lang', 'es');
    await el.updateComplete;
    expect(text(el)).to.contain('Enviar mis respuestas').and.contain('Sí');
  });
});

describe('<readiness-survey>: questions in the visitor’s language', () => {
  const translated = () => new MemoryAdapter({ surveys: [TRANSLATED_SURVEY], chapters: CHAPTERS }, { source: `memory:survey-es-${Date.now()}-${n++}` });
  const mountEs = async (adapter: MemoryAdapter) => {
    const el = await fixture<ReadinessSurvey>(html`<readiness-survey lang="es" survey="fx" layout="page" .adapter=${adapter}></readiness-survey>`);
    await waitUntil(() => query(el, 'form'), 'the form did not appear');
    return el;
  };
  /** The survey's own words in a question's legend or an option: the text and its lang, if any. */
  const words = (el: ReadinessSurvey, sel: string) => $$(el, sel).map((s) => [s.textContent, s.getAttribute('lang')]);

  it('shows a Spanish visitor the Spanish title, questions and options, and what was not translated in English, marked', async () => {
    const el = await mountEs(translated());
    expect(words(el, '[part=header] h2')).to.deep.equal([['¿Lista o listo para diciembre?', null]]);
    expect(words(el, '[part=header] p')).to.deep.equal([['Two minutes to tell your local group how you want to help.', 'en']]);
    expect(words(el, 'fieldset[data-question=role] legend > span[dir=auto]')).to.deep.equal([['Tu implicación hasta ahora', null]]);
    expect(words(el, 'fieldset[data-question=role] .option span')).to.deep.equal([['Nueva', null], ['Inscrita', null], ['Organizadora', null]]);
    // The values stay the original options: they are what the answers hold.
    expect($$<HTMLInputElement>(el, 'input[name=q-role]').map((i) => i.value)).to.deep.equal(['New', 'Signed', 'Organiser']);
    expect(words(el, 'fieldset[data-question=host] legend > span[dir=auto]')).to.deep.equal([['Ready to host an action?', 'en']]);
    // The widget's own words are Spanish around them.
    expect(query(el, 'fieldset[data-question=role] legend')!.textContent).to.contain('(obligatorio)');
    await expect(el).to.be.accessible();
  });

  it('stores the original options of a survey answered in Spanish', async () => {
    const adapter = translated();
    const el = await mountEs(adapter);
    await click(el, 'input[name=q-role][value=Signed]');
    await click(el, 'input[name=q-acts][value=March]');
    await click(el, 'input[name=q-acts][value=Door]');
    await click(el, 'input[name=q-ready][value="4"]');
    await click(el, 'input[name=q-host][value=true]');
    await type(el, '#postcode', '69001');
    const sent = oneEvent(el, 'archipel-submitted');
    await submit(el);
    await sent;
    const [record] = written(adapter);
    expect(record!.answers).to.deep.equal({ role: 'Signed', acts: ['March', 'Door'], ready: 4, host: true });
    expect(record!.locale).to.equal('es');
  });

  it('names a missing question in Spanish when it was translated', async () => {
    const el = await mountEs(translated());
    await submit(el);
    expect(text(el)).to.contain('Tu implicación hasta ahora');
  });
});

describe('<readiness-survey>: validation', () => {
  it('names what is missing, marks each field and moves focus to the first one', async () => {
    const el = await mount(memory());
    await submit(el);
    expect(text(el)).to.contain('Some answers are missing: Your involvement so far');
    expect($$(el, '.error').map((e) => e.textContent!.trim())).to.deep.equal([
      'Please answer this question.',
      'Please answer this question.',
      'Please answer this question.',
      'Please answer this question.',
      'Give your postcode or choose a local group.',
    ]);
    expect(el.shadowRoot!.activeElement).to.equal(query(el, 'input[name=q-role]'));
    expect(query(el, 'fieldset[data-question=role]')!.getAttribute('aria-describedby')).to.equal('q-role-error');
    await expect(el).to.be.accessible();
  });

  it('asks for consent before keeping contact details, and checks the email', async () => {
    const adapter = memory();
    const el = await mount(adapter);
    await fillRequired(el);
    await type(el, '#postcode', '69003');
    await type(el, '#email', 'not-an-email');
    await submit(el);
    expect(query(el, '#email-error')!.textContent).to.equal('This is not an email address.');
    expect(query(el, '#consent-error')!.textContent).to.contain('Tick the box');
    expect(el.shadowRoot!.activeElement).to.equal(query(el, '#email'));
    await expect(el).to.be.accessible();
    await type(el, '#email', 'lea@example.org');
    await click(el, 'input[name=consent]');
    const sent = oneEvent(el, 'archipel-submitted');
    await submit(el);
    const { detail } = (await sent) as CustomEvent<SubmittedDetail>;
    expect(detail.status).to.equal('sent');
    const [record] = written(adapter);
    expect((record!.contact as { email: string; consent: { purpose: string; version: string; text: string } }).email).to.equal('lea@example.org');
    expect((record!.contact as { consent: { purpose: string } }).consent.purpose).to.equal('survey-contact');
  });
});

describe('<readiness-survey>: sending', () => {
  it('sends one record with the answers and the place, then thanks with a share link', async () => {
    const adapter = memory();
    const el = await mount(adapter, 'page', 'https://campaign.example/raise-your-hand');
    await fillRequired(el);
    await type(el, 'textarea[name=q-note]', 'Saturdays are best');
    const select = query<HTMLSelectElement>(el, '#chapter')!;
    select.value = 'lyon';
    select.dispatchEvent(new Event('change'));
    let before: unknown;
    el.addEventListener('archipel-submit', (e) => (before = e.detail.record), { once: true });
    const sent = oneEvent(el, 'archipel-submitted');
    await submit(el);
    await sent;
    const records = written(adapter);
    expect(records).to.have.length(1);
    const r = records[0]!;
    expect(before).to.deep.equal(r);
    expect(r.answers).to.deep.equal({ role: 'Signed', acts: ['March', 'Door'], ready: 4, host: true, note: 'Saturdays are best' });
    expect(r).to.include({ survey: 'fx', chapter: 'lyon', region: 'Auvergne-Rhône-Alpes', locale: 'en' });
    expect(r.contact).to.equal(undefined);
    await el.updateComplete;
    expect(text(el)).to.contain('Thank you!');
    expect(query<HTMLAnchorElement>(el, '.thanks a')!.href).to.equal('https://campaign.example/raise-your-hand');
    expect(el.shadowRoot!.activeElement).to.equal(query(el, '.thanks h3'));
    await expect(el).to.be.accessible();
    // Nothing of the answers stays in the draft once sent.
    expect(localStorage.getItem(`archipel-survey:${adapter.source}:fx`)).to.not.contain('Saturdays');
    await click(el, '.thanks button.secondary');
    expect(query<HTMLInputElement>(el, 'input[name=q-role][value=Signed]')!.checked).to.equal(false);
  });

  it('can be cancelled by a listener of archipel-submit', async () => {
    const adapter = memory();
    const el = await mount(adapter);
    await fillRequired(el);
    await type(el, '#postcode', '75011');
    el.addEventListener('archipel-submit', (e) => e.preventDefault(), { once: true });
    await submit(el);
    await aTimeout(50);
    expect(written(adapter)).to.have.length(0);
    expect(text(el)).to.not.contain('Thank you!');
  });

  it('says when the source refuses the answers, fires archipel-error and not archipel-submitted', async () => {
    const adapter = memory();
    adapter.submit = () => Promise.reject(new AdapterError('rejected', 'answers.role: "Signed" is not one of the options'));
    const el = await mount(adapter);
    await fillRequired(el);
    await type(el, '#postcode', '75011');
    let submitted = 0;
    el.addEventListener('archipel-submitted', () => submitted++);
    const error = oneEvent(el, 'archipel-error');
    await submit(el);
    const { detail } = (await error) as CustomEvent<{ collection: string; record: { survey: string }; error: Error }>;
    expect([detail.collection, detail.record.survey]).to.deep.equal(['responses', 'fx']);
    expect(detail.error.message).to.contain('is not one of the options');
    await el.updateComplete;
    expect(text(el)).to.contain('Not sent. The campaign did not accept what was written').and.not.contain('is not one of the options').and.not.contain('Thank you!');
    expect(submitted).to.equal(0);
  });

  it('says a read-only source cannot take answers, and does not pretend to send', async () => {
    const el = await mount(memory({ writable: false }));
    expect(text(el)).to.contain('This form is not open yet. Please come back later.');
    expect(query<HTMLButtonElement>(el, 'button[type=submit]')!.disabled).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('says when the source has no such survey', async () => {
    const el = await fixture<ReadinessSurvey>(html`<readiness-survey lang="en" survey="nope" .adapter=${memory()}></readiness-survey>`);
    await waitUntil(() => text(el).includes('There is no survey "nope"'));
    await expect(el).to.be.accessible();
  });
});

describe('<readiness-survey>: one question per step on small screens', () => {
  afterEach(() => setViewport({ width: 800, height: 600 }));

  it('shows progress, checks each step, and every step passes axe', async () => {
    await setViewport({ width: 360, height: 740 });
    const adapter = memory();
    const el = await mount(adapter, 'auto');
    await waitUntil(() => query(el, '.progress'), 'a phone should get one question per step');
    const steps = SURVEY.questions.length + 2;
    expect(query(el, '.progress')!.textContent).to.contain(`Step 1 of ${steps}`);
    expect($$(el, '.question:not([hidden])')).to.have.length(1);
    await submit(el);
    expect(query(el, '.progress')!.textContent).to.contain('Step 1 of');
    expect(query(el, '.error')!.textContent).to.equal('Please answer this question.');
    await expect(el).to.be.accessible();
    const answer: Record<string, () => Promise<void>> = {
      role: () => click(el, 'input[name=q-role][value=New]'),
      acts: () => click(el, 'input[name=q-acts][value=Phone]'),
      ready: () => click(el, 'input[name=q-ready][value="2"]'),
      host: () => click(el, 'input[name=q-host][value=false]'),
      lead: async () => undefined,
      note: async () => undefined,
    };
    for (const [i, q] of SURVEY.questions.entries()) {
      expect(query(el, '.progress')!.textContent).to.contain(`Step ${i + 1} of ${steps}`);
      expect(query(el, `[data-question=${q.id}]`)).to.exist;
      await answer[q.id]!();
      await expect(el).to.be.accessible();
      await submit(el);
    }
    expect(text(el)).to.contain('Where are you?');
    await submit(el);
    expect(text(el)).to.contain('Give your postcode or choose a local group.');
    await type(el, '#postcode', '75020');
    await expect(el).to.be.accessible();
    await submit(el);
    expect(text(el)).to.contain('Can we contact you?');
    expect(query(el, 'button[type=submit]')!.textContent).to.contain('Send my answers');
    await expect(el).to.be.accessible();
    await click(el, 'button.secondary');
    expect(text(el)).to.contain('Where are you?');
    expect(query<HTMLInputElement>(el, '#postcode')!.value).to.equal('75020');
    await submit(el);
    await submit(el);
    await waitUntil(() => text(el).includes('Thank you!'));
    expect(written(adapter)[0]!.answers).to.deep.equal({ role: 'New', acts: ['Phone'], ready: 2, host: false });
    await expect(el).to.be.accessible();
  });

  it('keeps the answers and the step when the page reloads mid-way', async () => {
    const adapter = memory();
    const first = await mount(adapter, 'steps');
    await click(first, 'input[name=q-role][value=Organiser]');
    await submit(first);
    await click(first, 'input[name=q-acts][value=Door]');
    first.remove();

    const again = await mount(adapter, 'steps');
    expect(query(again, '.progress')!.textContent).to.contain('Step 2 of');
    expect(query<HTMLInputElement>(again, 'input[name=q-acts][value=Door]')!.checked).to.equal(true);
    await click(again, 'button.secondary');
    expect(query<HTMLInputElement>(again, 'input[name=q-role][value=Organiser]')!.checked).to.equal(true);
  });
});

describe('<readiness-survey>: keyboard only', () => {
  /** Presses Tab until the focused control inside the survey matches. */
  async function tabTo(el: ReadinessSurvey, sel: string) {
    for (let i = 0; i < 25; i++) {
      await sendKeys({ press: 'Tab' });
      if (el.shadowRoot!.activeElement?.matches(sel)) return;
    }
    throw new Error(`Tab never reached ${sel}`);
  }
  const next = async (el: ReadinessSurvey) => {
    await tabTo(el, 'button[type=submit]');
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
  };

  it('can be completed with Tab, Space, arrows and Enter', async () => {
    const adapter = memory();
    const el = await mount(adapter, 'steps');
    await tabTo(el, 'input[name=q-role]');
    await sendKeys({ press: 'Space' });
    await next(el);
    await tabTo(el, 'input[name=q-acts][value=March]');
    await sendKeys({ press: 'Space' });
    await next(el);
    await tabTo(el, 'input[name=q-ready]');
    await sendKeys({ press: 'Space' });
    for (let i = 0; i < 3; i++) await sendKeys({ press: 'ArrowRight' });
    await next(el);
    await tabTo(el, 'input[name=q-host]');
    await sendKeys({ press: 'Space' });
    await next(el);
    await next(el);
    await tabTo(el, 'textarea');
    await sendKeys({ type: 'By keyboard' });
    await next(el);
    await tabTo(el, '#postcode');
    await sendKeys({ type: '69001' });
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(text(el)).to.contain('Can we contact you?');
    await next(el);
    await waitUntil(() => text(el).includes('Thank you!'));
    const r = written(adapter)[0]!;
    expect(r.answers).to.deep.equal({ role: 'New', acts: ['March'], ready: 4, host: true, note: 'By keyboard' });
    expect(r.postcode).to.equal('69001');
  });
});

describe('<readiness-survey>: offline, with the reference server', function () {
  // Stopping and restarting a server process: each wait below names what did not happen, within this limit.
  this.timeout(30_000);
  it('keeps an answer sent offline and stores it exactly once when the server is back', async () => {
    const { url, token } = await executeServerCommand<{ url: string; token: string }, { action: string }>('reference-server', { action: 'start' });
    const el = await fixture<ReadinessSurvey>(html`<readiness-survey lang="en" survey="pret-a-agir" layout="page" source=${url}></readiness-survey>`);
    await waitUntil(() => query(el, 'form'), 'the server survey did not load', { timeout: 5000 });
    await click(el, 'input[name=q-implication]');
    await click(el, 'input[name=q-actions]');
    await click(el, 'input[name=q-pret_organiser][value="3"]');
    await click(el, 'input[name=q-accueillir][value=true]');
    await click(el, 'input[name=q-animer][value=false]');
    await type(el, '#postcode', '69007');
    // The server refuses forms filled in under 1.5 s as automated.
    await aTimeout(1600);
    await executeServerCommand('reference-server', { action: 'stop' });
    try {
      const sent = oneEvent(el, 'archipel-submitted');
      await submit(el);
      const { detail } = (await sent) as CustomEvent<SubmittedDetail>;
      expect(detail.status).to.equal('queued');
      await el.updateComplete;
      expect(text(el)).to.contain('Thank you!').and.contain('Saved on this device; it will be sent automatically.');
      await expect(el).to.be.accessible();
      const id = detail.record.id;

      await executeServerCommand('reference-server', { action: 'start' });
      window.dispatchEvent(new Event('online'));
      const api = resolveAdapter(url);
      const stored = async () => (await api.list('responses', {}, { token })).rows.filter((r) => (r as { id: string }).id === id);
      await waitUntil(async () => (await stored()).length > 0, 'the queued answer never reached the server', { timeout: 8000 });
      // A second send of the same record (another tab, a retry) is the same write.
      await outbox().add(api, 'responses', detail.record, { elapsed: 5000 });
      expect(await stored()).to.have.length(1);
      expect(((await stored())[0] as { answers: Record<string, unknown> }).answers).to.deep.include({ pret_organiser: 3, accueillir: true, animer: false });
    } finally {
      await executeServerCommand('reference-server', { action: 'start' });
    }
  });
});

describe('<readiness-survey>: a public poll', () => {
  it('sends the same random device id with every answer to one poll, and none with a survey whose results are private', async () => {
    const metas: (SubmitMeta | undefined)[] = [];
    const poll = { ...SURVEY, id: 'poll', public_results: true };
    const adapter = new MemoryAdapter({ surveys: [SURVEY, poll], chapters: CHAPTERS }, { source: `memory:poll-${Date.now()}` });
    const store = adapter.submit.bind(adapter);
    adapter.submit = (c, r, meta) => (metas.push(meta), store(c, r, meta));
    for (const survey of ['poll', 'poll', 'fx']) {
      const el = await fixture<ReadinessSurvey>(html`<readiness-survey lang="en" survey=${survey} layout="page" .adapter=${adapter}></readiness-survey>`);
      await waitUntil(() => query(el, 'form') || query(el, '[part=thanks]'), 'the survey did not appear');
      // The same browser coming back to a poll it answered finds the thank-you step, and may answer again.
      if (query(el, '[part=thanks]')) await click(el, '[part=thanks] button.secondary');
      await waitUntil(() => query(el, 'form'), 'the form did not appear');
      await fillRequired(el);
      await type(el, '#postcode', '69003');
      const sent = oneEvent(el, 'archipel-submitted');
      await submit(el);
      await sent;
      el.remove();
    }
    const [first, second, privateOne] = metas;
    expect(first!.device).to.match(/^[0-9a-f-]{36}$/);
    expect(second!.device, 'one device, one id for the poll').to.equal(first!.device);
    expect(privateOne!.device, 'a survey with private results needs no device id').to.equal(undefined);
    expect(JSON.stringify(Object.entries(localStorage))).to.not.contain('69003');
  });
});
