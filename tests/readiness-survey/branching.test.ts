/**
 * Surveys organisers write: a branched, translated survey (tests/fixtures/branched-survey) answered in Spanish on
 * the real reference server, "Other" typed, dropdown, number and date questions, its answers exported one column
 * per question; a survey outside its dates; bounds said in each of the nine languages.
 */
import { expect, fixture, html, waitUntil, aTimeout, oneEvent } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import '../../packages/readiness-survey/src/readiness-survey.ts';
import type { ReadinessSurvey, SubmittedDetail } from '../../packages/readiness-survey/src/readiness-survey.component.ts';
import { MemoryAdapter } from '../../packages/core/src/adapters/memory.ts';
import { resolveAdapter } from '../../packages/core/src/adapter.ts';
import { format, LOCALES } from '../../packages/core/src/i18n.ts';
import { surveyFormWords } from '../../packages/readiness-survey/src/strings/survey-form.ts';
import { query, text } from '../support/dom.ts';

const click = async (el: ReadinessSurvey, sel: string) => {
  const target = query(el, sel);
  if (!target) throw new Error(`nothing matches ${sel}`);
  target.click();
  await el.updateComplete;
};
const type = async (el: ReadinessSurvey, sel: string, value: string) => {
  const input = query<HTMLInputElement>(el, sel);
  if (!input) throw new Error(`nothing matches ${sel}`);
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true }));
  await el.updateComplete;
};
const choose = async (el: ReadinessSurvey, sel: string, index: number) => {
  const select = query<HTMLSelectElement>(el, sel)!;
  select.selectedIndex = index;
  select.dispatchEvent(new Event('change', { bubbles: true }));
  await el.updateComplete;
};
const shown = (el: ReadinessSurvey) => [...el.shadowRoot!.querySelectorAll<HTMLElement>('[data-question]')].map((q) => q.dataset.question);

/** Sends the form (after the server's time trap) and waits for it to be stored. */
async function send(el: ReadinessSurvey): Promise<SubmittedDetail> {
  await aTimeout(1600);
  const sent = oneEvent(el, 'archipel-submitted');
  await click(el, 'button[type=submit]');
  return ((await sent) as CustomEvent<SubmittedDetail>).detail;
}

describe('<readiness-survey>: a branched survey answered in Spanish, on the reference server', function () {
  this.timeout(30_000);
  let url: string;
  let token: string;
  before(async () => {
    ({ url, token } = await executeServerCommand<{ url: string; token: string }, { action: string; folder: string }>('reference-server', { action: 'import', folder: 'tests/fixtures/branched-survey' }));
  });
  const staff = async (path: string) => (await fetch(`${url}${path}`, { headers: { authorization: `Bearer ${token}` } })).text();
  const storedAnswers = async (id: string) => {
    const { items } = JSON.parse(await staff('/responses?survey=accueil&limit=500')) as { items: { id: string; answers: object }[] };
    return items.find((i) => i.id === id)?.answers;
  };

  it('asks the follow-up questions only after "yes", in Spanish, and keeps what was typed for "Other"', async () => {
    const el = await fixture<ReadinessSurvey>(html`<readiness-survey lang="es" survey="accueil" layout="page" source=${url}></readiness-survey>`);
    await waitUntil(() => query(el, 'form'), 'the survey did not load', { timeout: 8000 });
    expect(text(el)).to.contain('Acoger una acción el 12 de diciembre').and.contain('¿Puede acoger una acción?').and.contain('Un salón, un patio, un local asociativo…');
    expect(shown(el)).to.deep.equal(['accueillir', 'aide']);
    await expect(el).to.be.accessible();

    await click(el, 'input[name=q-accueillir][value=true]');
    expect(shown(el)).to.deep.equal(['accueillir', 'date', 'lieu', 'personnes', 'aide']);
    expect(text(el)).to.contain('¿Qué día?').and.contain('¿Dónde?').and.contain('¿Cuántas personas?').and.contain('En mi casa');
    // Out of bounds: said in Spanish, and nothing sent.
    await type(el, '#q-personnes', '500');
    await type(el, '#q-date', '2027-01-05');
    await click(el, 'input[name=q-aide][value=Cuisiner]');
    expect(shown(el), 'a question shown once an option is chosen').to.include('plats');
    await type(el, '#postcode', '28004');
    await click(el, 'button[type=submit]');
    expect(text(el)).to.contain('Escriba 200 o menos.').and.contain('Elija el 31 de diciembre de 2026 o antes.');
    expect(query(el, '#q-personnes')!.getAttribute('aria-invalid')).to.equal('true');
    await expect(el).to.be.accessible();

    await type(el, '#q-personnes', '30');
    await type(el, '#q-date', '2026-12-20');
    // "Other" in a dropdown (the last option) and in a list, each with its text box.
    await choose(el, '#q-lieu', 4);
    expect(text(el)).to.contain('Otro').and.contain('Diga cuál');
    await type(el, '#q-lieu-other', 'Jardín compartido');
    await click(el, 'input[name=q-aide][value=""]');
    await type(el, '#q-aide-other', 'Carteles');
    await type(el, '#q-plats', 'Sopa');
    await expect(el).to.be.accessible();
    const detail = await send(el);
    expect(detail.status).to.equal('sent');
    expect(text(el)).to.contain('¡Gracias! Su grupo local le contactará.');
    expect(await storedAnswers(detail.record.id)).to.deep.equal({
      accueillir: true,
      date: '2026-12-20',
      lieu: 'Jardín compartido',
      personnes: 30,
      aide: ['Cuisiner', 'Carteles'],
      plats: 'Sopa',
    });

    // Again: "yes", a day, then "no" — the day is hidden and not sent.
    await click(el, '[part=thanks] button.secondary');
    await waitUntil(() => query(el, 'form'));
    await click(el, 'input[name=q-accueillir][value=true]');
    await type(el, '#q-date', '2026-12-12');
    await click(el, 'input[name=q-accueillir][value=false]');
    expect(shown(el)).to.deep.equal(['accueillir', 'aide']);
    await click(el, 'input[name=q-aide][value=Tracter]');
    await type(el, '#postcode', '28004');
    const second = await send(el);
    expect(second.record.answers).to.deep.equal({ accueillir: false, aide: ['Tracter'] });
    expect(await storedAnswers(second.record.id)).to.deep.equal({ accueillir: false, aide: ['Tracter'] });

    // The staff export: one column per question, in the survey's order.
    const csv = (await staff('/responses?survey=accueil&format=csv')).trim().split(/\r?\n/);
    expect(csv[0]).to.equal('id,created,survey,chapter,region,postcode,locale,accueillir,date,lieu,personnes,aide,plats,name,email,phone,consent');
    expect(csv.find((l) => l.startsWith(detail.record.id))).to.match(/,28004,es,yes,2026-12-20,Jardín compartido,30,"Cuisiner; Carteles",Sopa,,,,$/);
    expect(csv.find((l) => l.startsWith(second.record.id))).to.match(/,28004,es,no,,,,Tracter,,,,,$/);
  });

  it('says in the visitor’s language that a survey closed, or when it opens, and the server refuses answers', async () => {
    const closed = await fixture<ReadinessSurvey>(html`<readiness-survey lang="es" survey="bilan" source=${url}></readiness-survey>`);
    await waitUntil(() => /cerró/.test(text(closed)), 'the closed survey did not say so', { timeout: 8000 });
    expect(text(closed)).to.contain('Esta encuesta cerró el 1 de noviembre de 2026');
    expect(query(closed, 'form')).to.equal(null);
    await expect(closed).to.be.accessible();
    const later = await fixture<ReadinessSurvey>(html`<readiness-survey lang="fr" survey="plus-tard" source=${url}></readiness-survey>`);
    await waitUntil(() => /ouvre/.test(text(later)), 'the survey not open yet did not say so', { timeout: 8000 });
    expect(text(later)).to.contain('Ce questionnaire ouvre le 1 janvier 2099');
    const refused = await resolveAdapter(url)
      .submit('responses', { id: `closed-${Date.now()}`, survey: 'bilan', answers: { note: 3 }, postcode: '28004', created: new Date().toISOString() }, { hp: '', elapsed: 5000 })
      .catch((e: Error) => e);
    expect(String(refused)).to.match(/closed/);
  });
});

describe('<readiness-survey>: bounds in the visitor’s language', () => {
  const survey = {
    id: 'bornes',
    title: 'Bornes',
    questions: [
      { id: 'n', type: 'number', label: 'N', min: 1, max: 200, step: 1, required: true },
      { id: 'd', type: 'date', label: 'D', from: '2026-12-01', until: '2026-12-31' },
    ],
  };
  for (const lang of LOCALES) {
    it(`says a number is too large and a day too early in ${lang}`, async () => {
      const adapter = new MemoryAdapter({ surveys: [survey], chapters: [] }, { source: `memory:bornes-${lang}-${Date.now()}` });
      const el = await fixture<ReadinessSurvey>(html`<readiness-survey lang=${lang} survey="bornes" layout="page" .adapter=${adapter}></readiness-survey>`);
      await waitUntil(() => query(el, 'form'), 'the form did not appear');
      await type(el, '#q-n', '500');
      await type(el, '#q-d', '2026-11-02');
      await click(el, 'button[type=submit]');
      const load = surveyFormWords.languages[lang] as () => Promise<{ default: Record<string, string> }>;
      const words = (await load()).default;
      const day = new Intl.DateTimeFormat(lang, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date('2026-12-01T12:00:00Z'));
      expect(query(el, '#q-n-error')!.textContent).to.equal(format(words.tooLarge!, lang, { max: 200 }));
      expect(query(el, '#q-d-error')!.textContent).to.equal(format(words.tooEarly!, lang, { day }));
      if (lang !== 'en') expect(words.tooLarge).to.not.equal('Write {max} or less.');
      expect(written(adapter)).to.have.length(0);
    });
  }
});

const written = (a: MemoryAdapter) => [...(a.written.get('responses')?.values() ?? [])];
