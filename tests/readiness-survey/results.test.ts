import { aTimeout, expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { emulateMedia, executeServerCommand } from '@web/test-runner-commands';
import { Chart } from 'chart.js';
import '../../packages/readiness-survey/src/readiness-survey.ts';
import type { ReadinessSurvey } from '../../packages/readiness-survey/src/readiness-survey.component.ts';
import { MemoryAdapter } from '../../packages/core/src/adapters/memory.ts';
import { AdapterError } from '../../packages/core/src/errors.ts';
import type { Collection } from '../../packages/core/src/schema-types.ts';
import { SURVEY, CHAPTERS, RESPONSES, TRANSLATED_SURVEY } from './fixture.ts';
import { $$, query, text } from '../support/dom.ts';

let n = 0;

/** A memory source (no server-side results: counted in the browser) that records what was read. */
function source(survey: object = SURVEY) {
  const adapter = new MemoryAdapter({ surveys: [survey], chapters: CHAPTERS, responses: RESPONSES }, { source: `memory:results-${Date.now()}-${n++}` });
  const reads: Collection[] = [];
  const list = adapter.list.bind(adapter);
  adapter.list = ((c: Collection, ...rest: unknown[]) => (reads.push(c), (list as (...a: unknown[]) => ReturnType<typeof list>)(c, ...rest))) as typeof adapter.list;
  return { adapter, reads };
}

async function mount(adapter: MemoryAdapter, token?: string, style = ''): Promise<ReadinessSurvey> {
  const el = await fixture<ReadinessSurvey>(html`<readiness-survey lang="en" survey="fx" view="results" style=${style} .adapter=${adapter} .token=${token}></readiness-survey>`);
  await waitUntil(() => query(el, '[part=results] .summary') || query(el, '[data-staff-only]'), 'the results view did not appear', { timeout: 5000 });
  return el;
}

/** The data table of a question as [answer, people, share] rows. */
const table = (el: ReadinessSurvey, id: string) =>
  $$(el, `section[aria-labelledby=r-${id}] tbody tr`).map((tr) => [...tr.children].map((c) => c.textContent!.trim()));
const canvas = (el: ReadinessSurvey, id: string) => query<HTMLCanvasElement>(el, `canvas[data-q=${id}]`)!;
const drawn = (el: ReadinessSurvey, id: string, times = 1) => waitUntil(() => Number(canvas(el, id)?.dataset.drawn ?? 0) >= times, `chart ${id} was not drawn`, { timeout: 5000 });

/** How many pixels of the canvas are exactly `rgb`. */
function pixelsOf(c: HTMLCanvasElement, [r, g, b]: [number, number, number]): number {
  const data = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
  let count = 0;
  for (let i = 0; i < data.length; i += 4) if (data[i] === r && data[i + 1] === g && data[i + 2] === b && data[i + 3] === 255) count++;
  return count;
}

async function filter(el: ReadinessSurvey, name: string, value: string) {
  const control = query<HTMLInputElement | HTMLSelectElement>(el, `.filters [name=${name}]`)!;
  control.value = value;
  control.dispatchEvent(new Event('change', { bubbles: true }));
  await el.updateComplete;
}

before(() => emulateMedia({ reducedMotion: 'reduce' }));
after(() => emulateMedia({ reducedMotion: 'no-preference' }));

describe('<readiness-survey view="results">: staff only', () => {
  it('without a token, says the results are for staff and reads no response', async () => {
    const { adapter, reads } = source();
    const el = await mount(adapter);
    expect(text(el)).to.contain('Staff only: enter a staff token to see these results.');
    expect($$(el, 'canvas, table')).to.have.length(0);
    await expect(el).to.be.accessible();
    expect(reads).to.not.include('responses');
  });

  it('offers a staff token field; what staff type becomes the token property, never an attribute or stored', async () => {
    const { adapter, reads } = source();
    const el = await mount(adapter);
    const field = query<HTMLInputElement>(el, '[part=sign-in] input[type=password]')!;
    expect(field, 'a password field').to.exist;
    expect(field.labels![0]!.textContent).to.contain('Staff token');
    field.value = '  typed-secret  ';
    query<HTMLFormElement>(el, '[part=sign-in]')!.requestSubmit();
    await waitUntil(() => query(el, '[part=results] .summary'), 'the results did not open with the typed token', { timeout: 5000 });
    await waitUntil(() => el.shadowRoot!.activeElement === query(el, '[part=results] .summary'), 'focus goes to the results once the token is accepted');
    expect(el.token).to.equal('typed-secret');
    expect(reads).to.include('responses');
    expect(query(el, '[part=sign-in]')).to.equal(null);
    expect(el.outerHTML + JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage })).to.not.contain('typed-secret');
  });

  it('the token is a property, never an attribute', async () => {
    const { adapter } = source();
    const el = await mount(adapter, 'secret-token');
    expect(el.getAttribute('token')).to.equal(null);
    expect(el.outerHTML).to.not.contain('secret-token');
  });

  it('with public results and no token, shows the counts but not the written answers', async () => {
    const { adapter } = source({ ...SURVEY, public_results: true });
    const el = await mount(adapter);
    expect(text(el)).to.contain('6 responses');
    expect(text(el)).to.not.contain('Evenings only');
    expect(query(el, 'button[data-csv]')).to.equal(null);
  });

  it('with public results, staff sign in from a closed door below them and get the written answers and the file', async () => {
    const { adapter } = source({ ...SURVEY, public_results: true });
    const el = await mount(adapter);
    const door = query<HTMLDetailsElement>(el, 'details[part=staff]')!;
    expect(door, 'a staff door').to.exist;
    expect(door.open, 'closed: the public sees no password field').to.equal(false);
    expect(door.querySelector('summary')!.textContent).to.contain('Campaign staff: sign in');
    await expect(el).to.be.accessible();
    door.open = true;
    const field = door.querySelector<HTMLInputElement>('[part=sign-in] input[type=password]')!;
    field.value = 'staff';
    door.querySelector<HTMLFormElement>('[part=sign-in]')!.requestSubmit();
    await waitUntil(() => text(el).includes('Evenings only'), 'the written answers did not appear once signed in', { timeout: 5000 });
    await waitUntil(() => el.shadowRoot!.activeElement === query(el, '[part=results] .summary'), 'focus goes to the results once the token is accepted');
    expect(query(el, 'button[data-csv]'), 'the download').to.exist;
    expect(query(el, 'details[part=staff]')).to.equal(null);
    expect(el.token).to.equal('staff');
  });

  it('with public results, a wrong token is refused at the door while the counts stay, and the right one opens', async () => {
    const { adapter } = source({ ...SURVEY, public_results: true });
    const list = adapter.list.bind(adapter);
    adapter.list = ((c: Collection, q?: object, access?: { token?: string }) =>
      c === 'responses' && access?.token && access.token !== 'staff' ? Promise.reject(new AdapterError('unauthorized', 'unknown token')) : (list as (...a: unknown[]) => ReturnType<typeof list>)(c, q, access)) as typeof adapter.list;
    const el = await mount(adapter);
    const door = () => query<HTMLDetailsElement>(el, 'details[part=staff]')!;
    const field = () => door().querySelector<HTMLInputElement>('[part=sign-in] input')!;
    door().open = true;
    field().value = 'wrong';
    door().querySelector<HTMLFormElement>('[part=sign-in]')!.requestSubmit();
    await waitUntil(() => door()?.querySelector('[role=alert]')?.textContent?.includes('This staff token was not accepted'), 'the refusal is said at the door', { timeout: 5000 });
    expect(text(el), 'the public counts stay').to.contain('6 responses');
    expect(query(el, 'button[data-csv]'), 'no download with a refused token').to.equal(null);
    await waitUntil(() => el.shadowRoot!.activeElement === field(), 'focus goes back to the field after a refusal');
    await expect(el).to.be.accessible();
    field().value = 'staff';
    door().querySelector<HTMLFormElement>('[part=sign-in]')!.requestSubmit();
    await waitUntil(() => text(el).includes('Evenings only'), 'the right token did not open the written answers', { timeout: 5000 });
    expect(query(el, '[role=alert]')).to.equal(null);
  });
});

describe('<readiness-survey view="results">: the figures', () => {
  it('equal the hand-counted fixture, question by question', async () => {
    const { adapter } = source();
    const el = await mount(adapter, 'staff');
    expect(text(el)).to.contain('6 responses');
    expect(table(el, 'role')).to.deep.equal([['New', '4', '66.7%'], ['Signed', '1', '16.7%'], ['Organiser', '1', '16.7%']]);
    // Several choices each: shares are of the people who answered, so they add up to more than 100%.
    expect(table(el, 'acts')).to.deep.equal([['March', '4', '66.7%'], ['Phone', '3', '50%'], ['Door', '2', '33.3%']]);
    expect(table(el, 'ready')).to.deep.equal([['1', '1', '16.7%'], ['2', '1', '16.7%'], ['3', '1', '16.7%'], ['4', '1', '16.7%'], ['5', '2', '33.3%']]);
    expect(text(el)).to.contain('Average: 3.33 out of 5');
    expect(table(el, 'host')).to.deep.equal([['Yes', '3', '50%'], ['No', '3', '50%']]);
    expect(table(el, 'lead')).to.deep.equal([['Yes', '2', '40%'], ['No', '3', '60%']]);
    expect($$(el, 'section[aria-labelledby=r-note] li').map((li) => li.textContent)).to.deep.equal(['Evenings only', '=HYPERLINK("http://evil.example","click")']);
    await expect(el).to.be.accessible();
  });

  it('says where the energy is: readiness by chapter and by region, ranked', async () => {
    const { adapter } = source();
    const el = await mount(adapter, 'staff');
    const energy = query(el, '.energy')!;
    const ranked = [...energy.querySelectorAll('ol li')].map((li) => li.textContent!.trim());
    expect(ranked).to.deep.equal([
      '2 people near Lyon are ready to host an action, 2 to lead a group',
      '1 person near Paris is ready to host an action',
      '2 people in Auvergne-Rhône-Alpes are ready to host an action, 2 to lead a group',
      '1 person in Île-de-France is ready to host an action',
    ]);
    const rows = (caption: string) =>
      [...energy.querySelectorAll('table')].find((t) => t.caption!.textContent === caption)!.querySelectorAll('tbody tr');
    expect([...rows('By local group')].map((tr) => [...tr.children].map((c) => c.textContent!.trim()))).to.deep.equal([
      ['Vague Lyon', '3', '2', '2', '3'],
      ['Vague Paris', '2', '1', '0', '1'],
    ]);
    expect([...rows('By region')].map((tr) => tr.children[0]!.textContent!.trim())).to.deep.equal(['Auvergne-Rhône-Alpes', 'Île-de-France', 'Bretagne']);
  });

  it('counts an answer with a postcode but no local group for the group nearest it, through the place index', async () => {
    const at = { lyon: { lat: 45.764, lng: 4.836 }, paris: { lat: 48.857, lng: 2.352 } } as Record<string, object>;
    const chapters = [...CHAPTERS.map((c) => ({ ...c, ...at[c.id] })), { id: 'rennes', name: 'Vague Rennes', city: 'Rennes', region: 'Bretagne', lat: 48.111, lng: -1.68 }];
    const adapter = new MemoryAdapter({ surveys: [SURVEY], chapters, responses: RESPONSES }, { source: `memory:placed-${Date.now()}` });
    const el = await mount(adapter, 'staff');
    const groups = () =>
      [...[...query(el, '.energy')!.querySelectorAll('table')].find((t) => t.caption!.textContent === 'By local group')!.querySelectorAll('tbody tr')].map((tr) =>
        [...tr.children].map((c) => c.textContent!.trim()),
      );
    // Response 5 gave the postcode 35000 (Rennes) and no group.
    await waitUntil(() => groups().some((g) => g[0] === 'Vague Rennes'), 'the postcode-only answer was not placed', { timeout: 8000 });
    expect(groups()).to.deep.include(['Vague Rennes', '1', '0', '0', '0']);
    expect(groups().find((g) => g[0] === 'Vague Lyon')).to.deep.equal(['Vague Lyon', '3', '2', '2', '3']);
    await expect(el).to.be.accessible();
  });

  it('places a postcode-only answer when the chapters arrive after the responses', async () => {
    const chapters = [...CHAPTERS, { id: 'rennes', name: 'Vague Rennes', city: 'Rennes', region: 'Bretagne', lat: 48.111, lng: -1.68 }];
    let responsesRead!: () => void;
    const read = new Promise<void>((resolve) => (responsesRead = resolve));
    // A source that answers for the chapters only once the responses are in hand: the order a slow sheet can give.
    const adapter = new (class extends MemoryAdapter {
      override async list(collection: Collection) {
        if (collection === 'chapters') await read;
        const got = await super.list(collection);
        if (collection === 'responses') setTimeout(responsesRead, 50);
        return got;
      }
    })({ surveys: [SURVEY], chapters, responses: RESPONSES }, { source: `memory:late-${Date.now()}` });
    const el = await mount(adapter, 'staff');
    const groups = () =>
      [...([...query(el, '.energy')?.querySelectorAll('table') ?? []].find((t) => t.caption!.textContent === 'By local group')?.querySelectorAll('tbody tr') ?? [])].map((tr) =>
        [...tr.children].map((c) => c.textContent!.trim()),
      );
    await waitUntil(() => groups().some((g) => g[0] === 'Vague Rennes'), 'the postcode-only answer was not placed once the chapters came', { timeout: 8000 });
    expect(groups()).to.deep.include(['Vague Rennes', '1', '0', '0', '0']);
  });

  it('cross-tabulates any question by region or chapter', async () => {
    const { adapter } = source();
    const el = await mount(adapter, 'staff');
    const cross = () => $$(el, 'table[data-cross] tbody tr').map((tr) => [...tr.children].map((c) => c.textContent!.trim()));
    expect(cross()).to.deep.equal([
      ['Auvergne-Rhône-Alpes', '2', '1', '0', '3'],
      ['Île-de-France', '1', '0', '1', '2'],
      ['Bretagne', '1', '0', '0', '1'],
    ]);
    const by = query<HTMLSelectElement>(el, '#cross-by')!;
    by.value = 'chapter';
    const question = query<HTMLSelectElement>(el, '#cross-question')!;
    question.value = 'host';
    question.dispatchEvent(new Event('change', { bubbles: true }));
    await el.updateComplete;
    expect(cross()).to.deep.equal([
      ['Vague Lyon', '2', '1', '3'],
      ['Vague Paris', '1', '1', '2'],
    ]);
    await expect(el).to.be.accessible();
  });
});

describe('<readiness-survey view="results">: in the staff member’s language', () => {
  it('labels questions and options in Spanish when the survey has them, and counts the original options', async () => {
    const { adapter } = source(TRANSLATED_SURVEY);
    const el = await mount(adapter, 'staff');
    el.setAttribute('lang', 'es');
    await waitUntil(() => text(el).includes('6 respuestas'), 'the results did not speak Spanish');
    const heading = (id: string) => query(el, `#r-${id}`)!;
    expect([heading('role').textContent, heading('role').getAttribute('lang')]).to.deep.equal(['Tu implicación hasta ahora', null]);
    expect([heading('host').textContent, heading('host').getAttribute('lang')]).to.deep.equal(['Ready to host an action?', 'en']);
    // The same figures as in English: answers hold "New", "Signed", "Organiser".
    expect(table(el, 'role').map(([option, people]) => [option, people])).to.deep.equal([['Nueva', '4'], ['Inscrita', '1'], ['Organizadora', '1']]);
    expect(table(el, 'acts').map(([option, people]) => [option, people])).to.deep.equal([['Marcha', '4'], ['Llamadas', '3'], ['Puerta a puerta', '2']]);
    // The cross-tab counts by the original options too, under Spanish headings: the same figures as in English.
    const english = await mount(source(TRANSLATED_SURVEY).adapter, 'staff');
    const crossOf = async (of: ReadinessSurvey) => {
      const question = query<HTMLSelectElement>(of, '#cross-question')!;
      question.value = 'acts';
      question.dispatchEvent(new Event('change', { bubbles: true }));
      await of.updateComplete;
      return $$(of, 'table[data-cross] tr').map((tr) => [...tr.children].map((c) => c.textContent!.trim()));
    };
    const [es, en] = [await crossOf(el), await crossOf(english)];
    expect(es[0]!.slice(1, 4)).to.deep.equal(['Marcha', 'Llamadas', 'Puerta a puerta']);
    expect(en[0]!.slice(1, 4)).to.deep.equal(['March', 'Phone', 'Door']);
    expect(es.slice(1)).to.deep.equal(en.slice(1));
    expect(es.slice(1).some((row) => row.slice(1, 4).some((cell) => cell !== '0'))).to.equal(true);
    await drawn(el, 'role');
    await expect(el).to.be.accessible();
  });
});

describe('<readiness-survey view="results">: charts', () => {
  it('draws each chart in the theme colour, with the same numbers as its table', async () => {
    const { adapter } = source();
    const el = await mount(adapter, 'staff', '--archipel-color-brand: #b0306a');
    await drawn(el, 'role');
    const c = canvas(el, 'role');
    expect(c.getAttribute('role')).to.equal('img');
    expect(c.getAttribute('aria-label')).to.contain('Your involvement so far');
    expect(pixelsOf(c, [0xb0, 0x30, 0x6a]), 'bars in the brand colour').to.be.greaterThan(200);
    const chart = Chart.getChart(c)!;
    expect(chart.data.labels).to.deep.equal(['New', 'Signed', 'Organiser']);
    // Cells keep their words whole (the table scrolls on a narrow screen), whatever the widget's reset says elsewhere.
    expect(getComputedStyle(el.shadowRoot!.querySelector('td')!).overflowWrap).to.equal('normal');
    expect(chart.data.datasets[0]!.data).to.deep.equal(table(el, 'role').map((r) => Number(r[1])));
    // A scale is one stacked bar, a segment per value.
    await drawn(el, 'ready');
    const scale = Chart.getChart(canvas(el, 'ready'))!;
    expect(scale.data.datasets.map((d) => d.data[0])).to.deep.equal([1, 1, 1, 1, 2]);
    expect((scale.options.scales!.x as { stacked?: boolean }).stacked).to.equal(true);
  });

  it('filters by chapter, region and date change the tables and the charts', async () => {
    const { adapter } = source();
    const el = await mount(adapter, 'staff', '--archipel-color-brand: #b0306a');
    await drawn(el, 'role');
    const pixelsBefore = pixelsOf(canvas(el, 'role'), [0xb0, 0x30, 0x6a]);

    await filter(el, 'chapter', 'lyon');
    expect(text(el)).to.contain('3 responses');
    expect(table(el, 'role')).to.deep.equal([['New', '2', '66.7%'], ['Signed', '1', '33.3%'], ['Organiser', '0', '0%']]);
    await drawn(el, 'role', 2);
    expect(Chart.getChart(canvas(el, 'role'))!.data.datasets[0]!.data).to.deep.equal([2, 1, 0]);
    expect(pixelsOf(canvas(el, 'role'), [0xb0, 0x30, 0x6a])).to.not.equal(pixelsBefore);
    await expect(el).to.be.accessible();

    await filter(el, 'chapter', '');
    await filter(el, 'region', 'Île-de-France');
    expect(text(el)).to.contain('2 responses');
    expect(table(el, 'host')).to.deep.equal([['Yes', '1', '50%'], ['No', '1', '50%']]);

    await filter(el, 'region', '');
    await filter(el, 'from', '2026-10-10');
    await filter(el, 'to', '2026-10-11');
    expect(text(el)).to.contain('2 responses');
    expect(table(el, 'role')).to.deep.equal([['New', '1', '50%'], ['Signed', '0', '0%'], ['Organiser', '1', '50%']]);
    await drawn(el, 'role', 4);
    expect(Chart.getChart(canvas(el, 'role'))!.data.datasets[0]!.data).to.deep.equal([1, 0, 1]);
  });

  it('refreshes live when the source has new responses', async () => {
    const { adapter } = source();
    const el = await fixture<ReadinessSurvey>(html`<readiness-survey lang="en" survey="fx" view="results" live .adapter=${adapter} .token=${'staff'}></readiness-survey>`);
    await waitUntil(() => text(el).includes('6 responses'), 'no results', { timeout: 5000 });
    adapter.set('responses', [...RESPONSES, { ...RESPONSES[1]!, id: 'fxresp-07' }]);
    await waitUntil(() => text(el).includes('7 responses'), 'the live view did not refresh', { timeout: 5000 });
  });

  it('follows live when it is turned on and off after the results are shown', async () => {
    const { adapter } = source();
    const el = await mount(adapter, 'staff');
    await waitUntil(() => text(el).includes('6 responses'), 'no results', { timeout: 5000 });
    el.live = true;
    await el.updateComplete;
    adapter.set('responses', [...RESPONSES, { ...RESPONSES[1]!, id: 'fxresp-07' }]);
    await waitUntil(() => text(el).includes('7 responses'), 'live, turned on, did not refresh', { timeout: 5000 });
    el.live = false;
    await el.updateComplete;
    adapter.set('responses', [...RESPONSES, { ...RESPONSES[1]!, id: 'fxresp-07' }, { ...RESPONSES[2]!, id: 'fxresp-08' }]);
    await aTimeout(300);
    expect(text(el)).to.contain('7 responses');
  });
});

describe('<readiness-survey view="results">: CSV export', () => {
  it('downloads the filtered responses with formula strings neutralised', async () => {
    const { adapter } = source();
    const el = await mount(adapter, 'staff');
    await filter(el, 'chapter', 'lyon');
    let blob: Blob | undefined;
    const original = URL.createObjectURL;
    URL.createObjectURL = (b: Blob | MediaSource) => ((blob = b as Blob), original.call(URL, b));
    let name = '';
    const onClick = (e: Event) => {
      const a = e.composedPath()[0] as HTMLAnchorElement;
      if (a.download) {
        name = a.download;
        e.preventDefault();
      }
    };
    el.shadowRoot!.addEventListener('click', onClick, true);
    try {
      query(el, 'button[data-csv]')!.click();
      await waitUntil(() => blob, 'no file was offered');
    } finally {
      URL.createObjectURL = original;
      el.shadowRoot!.removeEventListener('click', onClick, true);
    }
    expect(name).to.match(/^fx-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = await blob!.text();
    const lines = csv.replace(/^\ufeff/, '').trim().split('\r\n');
    expect(lines[0]).to.equal('id,created,chapter,region,postcode,locale,Your involvement so far,Which actions?,How ready are you to organise?,Ready to host an action?,Ready to lead a group?,Anything else?,name,email,phone,consent');
    expect(lines).to.have.length(4);
    expect(lines[1]).to.contain(`"'=HYPERLINK(""http://evil.example"",""click"")"`);
    expect(lines[1]).to.contain(",'@Léa,");
    // A value holding a semicolon is quoted, so that French or Spanish Excel does not cut it.
    expect(lines[1]).to.contain('"March; Phone",5,yes,yes');
    expect(lines.slice(1).map((l) => l.split(',')[0])).to.deep.equal(['fxresp-01', 'fxresp-02', 'fxresp-06']);
  });
});

describe('<readiness-survey view="results">: with the reference server', () => {
  it('shows the server-side figures with a staff token, and refuses a wrong one', async function () {
    // The first test to ask for the reference server waits for its database to be prepared, then for five reads.
    this.timeout(30_000);
    const { url, token } = await executeServerCommand<{ url: string; token: string }, { action: string }>('reference-server', { action: 'start' });
    const el = await fixture<ReadinessSurvey>(html`<readiness-survey lang="fr" survey="pret-a-agir" view="results" source=${url} .token=${token}></readiness-survey>`);
    await waitUntil(() => /\d+ réponses/.test(text(el)), 'no server results', { timeout: 8000 });
    const total = Number(/([\d  ]+) réponses/.exec(text(el))![1]!.replace(/\D/g, ''));
    expect(total).to.be.at.least(600);
    expect(text(el)).to.contain('Où est l’énergie').and.match(/personnes près de \S+ sont prêtes à accueillir une action/);
    await drawn(el, 'implication');
    await expect(el).to.be.accessible();
    await filter(el, 'chapter', 'lyon');
    await waitUntil(() => Number(/([\d  ]+) réponses?/.exec(text(el))?.[1]?.replace(/\D/g, '')) < total, 'the server did not filter', { timeout: 5000 });

    const wrong = await fixture<ReadinessSurvey>(html`<readiness-survey lang="fr" survey="pret-a-agir" view="results" source=${url} .token=${'not-a-token'}></readiness-survey>`);
    await waitUntil(() => text(wrong).includes('Ce jeton d’équipe n’a pas été accepté'), 'a wrong token was not refused', { timeout: 8000 });
    // In the page's language only: the server's own (English) explanation is not pasted into the sentence.
    expect(text(wrong)).not.to.contain('token create');
    await expect(wrong).to.be.accessible();
    // Staff correct it in place: the sign-in shows with the refusal, and each refusal is said.
    const field = () => query<HTMLInputElement>(wrong, '[part=sign-in] input')!;
    const firstAlert = query(wrong, '[role=alert]');
    field().value = 'still-not-a-token';
    query<HTMLFormElement>(wrong, '[part=sign-in]')!.requestSubmit();
    await waitUntil(() => query(wrong, '[role=alert]') && query(wrong, '[role=alert]') !== firstAlert, 'a second refusal was not said again', { timeout: 8000 });
    await waitUntil(() => wrong.shadowRoot!.activeElement === field(), 'focus goes back to the field after a refusal');
    field().value = token;
    query<HTMLFormElement>(wrong, '[part=sign-in]')!.requestSubmit();
    await waitUntil(() => /\d+ réponses/.test(text(wrong)), 'the right token typed after a wrong one did not open the results', { timeout: 8000 });
    expect(query(wrong, '[part=sign-in]')).to.equal(null);
  });

  it('counts a vote sent from a form on the same page at once, though the REST API cannot say responses changed', async function () {
    this.timeout(20_000);
    const { url } = await executeServerCommand<{ url: string; token: string }, { action: string }>('reference-server', { action: 'start' });
    const page = await fixture<HTMLElement>(html`<div>
      <readiness-survey lang="en" survey="choix-du-12" layout="page" source=${url}></readiness-survey>
      <readiness-survey lang="en" survey="choix-du-12" view="results" live source=${url}></readiness-survey>
    </div>`);
    const [poll, results] = [...page.querySelectorAll<ReadinessSurvey>('readiness-survey')] as [ReadinessSurvey, ReadinessSurvey];
    const total = () => Number(/([\d,  ]+) responses/.exec(text(results))?.[1]?.replace(/\D/g, '') ?? NaN);
    await waitUntil(() => total() >= 240, 'no public results', { timeout: 8000 });
    const before = total();
    await waitUntil(() => query(poll, 'form'), 'the poll did not load', { timeout: 5000 });
    query<HTMLInputElement>(poll, 'input[name=q-action]')!.click();
    query<HTMLInputElement>(poll, 'input[name=q-venir][value="4"]')!.click();
    const postcode = query<HTMLInputElement>(poll, '#postcode')!;
    postcode.value = '69007';
    postcode.dispatchEvent(new Event('input', { bubbles: true }));
    // The server refuses forms filled in under 1.5 s as automated.
    await aTimeout(1600);
    const sent = oneEvent(poll, 'archipel-submitted');
    query<HTMLButtonElement>(poll, 'button[type=submit]')!.click();
    expect(((await sent) as CustomEvent<{ status: string }>).detail.status).to.equal('sent');
    // Well before the 30-second refresh.
    await waitUntil(() => total() === before + 1, `the results still say ${total()} responses`, { timeout: 5000 });
  });
});
