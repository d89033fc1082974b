/** The production build (dist/, made by `npm test` before the browser tests), loaded as a webmaster would. */
import { expect, waitUntil } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { chunkOf as chunkIn, closure, staticImports, type Chunk } from '../support/budgets.ts';

const { chunks: stats } = (await (await fetch('/dist/build-stats.json')).json()) as { chunks: Record<string, Chunk> };
const dist = (files: string[]) => files.map((f) => `/dist/${f}`).sort();
/** The built file that holds `module` (a path under packages/). */
const chunkOf = (module: string) => chunkIn(stats, module);

interface Page {
  frame: HTMLIFrameElement;
  window: Window & Record<symbol, { load(tag: string): Promise<unknown> }>;
  /** The module files the page requested, one entry a request. */
  scripts(): string[];
  /** The files the page's <link rel="modulepreload"> point to, one entry a link. */
  preloads(): string[];
}

async function open(path: string): Promise<Page> {
  const frame = document.createElement('iframe');
  frame.src = path;
  document.body.append(frame);
  await new Promise((r) => frame.addEventListener('load', r, { once: true }));
  const window = frame.contentWindow as Page['window'];
  const scripts = () =>
    window.performance.getEntriesByType('resource')
      .map((e) => new URL(e.name).pathname)
      .filter((p) => (p.endsWith('.js') || p.endsWith('.mjs')) && !p.startsWith('/__web-dev-server'))
      .sort();
  const preloads = () => [...window.document.head.querySelectorAll<HTMLLinkElement>('link[rel=modulepreload]')].map((l) => new URL(l.href).pathname).sort();
  return { frame, window, scripts, preloads };
}

describe('archipel.js from the production build', () => {
  it('downloads nothing more on a page without Archipel tags', async () => {
    const { frame, scripts } = await open('/tests/embed/fixtures/no-tags.html');
    await new Promise((r) => setTimeout(r, 300));
    expect(scripts()).to.deep.equal(['/dist/archipel.js']);
    frame.remove();
  });

  it('loads, on a page with only a sign-up form sending to the REST API, exactly the files its byte budget counts', async () => {
    const { url } = (await executeServerCommand<{ url: string }, { action: string }>('reference-server', { action: 'start' }))!;
    const { frame, scripts } = await open('/tests/embed/fixtures/signup-only.html');
    await waitUntil(() => frame.contentWindow!.customElements.get('hub-signup'), 'hub-signup was not defined', { timeout: 8000 });
    frame.contentDocument!.querySelector('hub-signup')!.setAttribute('source', url);
    await waitUntil(() => frame.contentDocument!.querySelector('hub-signup')!.shadowRoot?.querySelector('button[type=submit]'), 'the form did not show', { timeout: 8000 });
    expect(frame.contentDocument!.querySelector('hub-signup')!.shadowRoot!.querySelector('h2')!.textContent).to.equal('Rejoignez-nous');
    await new Promise((r) => setTimeout(r, 500));
    // The loader, the widget and what it imports, its words in the page's language with the core's and the
    // forms' words they include, and the REST adapter: what tests/hub-signup/budget.node.test.ts adds up.
    const rest = chunkOf('core/src/adapters/rest.ts');
    expect(scripts()).to.deep.equal(dist(closure(stats, ['archipel.js', 'hub-signup.js', rest], 'fr').files));
    frame.remove();
  });

  it('keeps a space between a field’s name and its “required” mark, which the build’s HTML minifier took out', async () => {
    const { url } = (await executeServerCommand<{ url: string }, { action: string }>('reference-server', { action: 'start' }))!;
    const { frame } = await open('/tests/embed/fixtures/signup-only.html');
    await waitUntil(() => frame.contentWindow!.customElements.get('hub-signup'), 'hub-signup was not defined', { timeout: 8000 });
    const signup = frame.contentDocument!.querySelector('hub-signup')!;
    signup.setAttribute('source', url);
    await waitUntil(() => signup.shadowRoot?.querySelector('.mark'), 'no field was marked required', { timeout: 8000 });
    const labels = [...signup.shadowRoot!.querySelectorAll('.mark')].map((mark) => mark.parentElement!);
    // "Nom(obligatoire)" in every form of the build: the template's leading space was minified away.
    for (const label of labels) expect(label.textContent!.replace(/\s+$/, '')).to.match(/\S\s\(obligatoire\)$/);
    frame.remove();
  });

  it('lets a page add a language with archipel.addWords, before the widgets arrive and after', async () => {
    const page = await open('/tests/embed/fixtures/add-words.html');
    const signup = () => page.frame.contentDocument!.querySelector('hub-signup')!.shadowRoot;
    await waitUntil(() => signup()?.querySelector('h2'), 'the form did not show', { timeout: 8000 });
    expect(signup()!.querySelector('h2')!.textContent).to.equal('Dołącz do nas');
    expect(signup()!.querySelector<HTMLElement>('[part~=base]')!.lang).to.equal('pl');
    page.window.archipel!.addWords!('pl', { 'hub-signup': { heading: 'Dołącz do nas dziś' } });
    await waitUntil(() => signup()!.querySelector('h2')?.textContent === 'Dołącz do nas dziś', 'words added later did not show', { timeout: 4000 });
    page.frame.remove();
  });

  it('ships the source checker as one file of its own that reads a source as the widgets do', async () => {
    const url = '/dist/archipel-check.js';
    const { checkSource } = (await import(/* @vite-ignore */ url)) as typeof import('../../packages/embed/src/check-source.ts');
    const report = await checkSource(new URL('../fixtures/json-folder/', import.meta.url).href);
    const actions = report.find((r) => r.collection === 'actions')!;
    expect(actions.count).to.equal(3);
    expect(actions.skipped.map((s) => s.row)).to.deep.equal([3, 4]);
    const loaded = performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname);
    expect(loaded.filter((p) => p.startsWith('/dist/') && p.endsWith('.js') && p !== url), 'the checker should need no other file').to.deep.equal([]);
  });
});

describe('preloading from the production build', () => {
  it('asks for every chunk a widget imports statically together with the widget, and for nothing else', async () => {
    // The road a hub takes for the widgets in its shadow root: no element, so no words are asked for either.
    const page = await open('/tests/embed/fixtures/no-tags.html');
    await page.window[Symbol.for('archipel.loader')]!.load('hub-signup');
    const imports = staticImports(stats, 'hub-signup.js');
    expect(imports).to.include('archipel-core.js');
    expect(page.preloads()).to.deep.equal(dist(imports));
    expect(page.scripts()).to.deep.equal(dist(['archipel.js', 'hub-signup.js', ...imports]));
    // One round: each was asked for before the widget's own file had arrived, not once it had been read.
    const timing = (file: string) => page.window.performance.getEntriesByName(new URL(`/dist/${file}`, location.href).href)[0] as PerformanceResourceTiming;
    for (const file of imports) expect(timing(file).startTime, file).to.be.at.most(timing('hub-signup.js').responseEnd);
    page.frame.remove();
  });

  it('asks, with a widget in the page, for its words in the page’s language and its source’s adapter', async () => {
    const page = await open('/tests/embed/fixtures/words-first.html');
    await waitUntil(() => page.frame.contentDocument!.querySelector('hub-signup')!.shadowRoot?.querySelector('h2')?.textContent === 'Rejoignez-nous', 'the form did not show', { timeout: 8000 });
    // fr-BE reads French: core's words, the form's, the sign-up's; the folder of JSON files, the JSON adapter.
    const first = ['core/src/strings/fr/core.ts', 'core/src/strings/fr/send.ts', 'hub-signup/src/strings/fr/hub-signup.ts', 'core/src/adapters/json.ts'].map(chunkOf);
    expect(page.preloads()).to.include.members(dist(first));
    const english = ['core/src/strings/en/core.ts', 'hub-signup/src/strings/en/hub-signup.ts', 'core/src/adapters/rest.ts'].map(chunkOf);
    for (const file of dist(english)) expect(page.preloads(), 'no other language, no other adapter').not.to.include(file);
    // In the widget's round: each asked for before the widget's own file had arrived.
    const timing = (file: string) => page.window.performance.getEntriesByName(new URL(`/dist/${file}`, location.href).href)[0] as PerformanceResourceTiming | undefined;
    await waitUntil(() => first.every(timing), 'a preloaded file never arrived', { timeout: 4000 });
    for (const file of first) expect(timing(file)!.startTime, file).to.be.at.most(timing('hub-signup.js')!.responseEnd);
    expect(page.scripts(), 'each file fetched once').to.deep.equal([...new Set(page.scripts())]);
    page.frame.remove();
  });

  it('adds one link a file for widgets that share chunks, and each file is fetched once', async () => {
    const page = await open('/tests/embed/fixtures/two-widgets.html');
    for (const tag of ['hub-signup', 'readiness-survey']) await waitUntil(() => page.window.customElements.get(tag), `${tag} was not defined`, { timeout: 8000 });
    await waitUntil(() => page.frame.contentDocument!.querySelector('hub-signup')!.shadowRoot?.querySelector('h2')?.textContent === 'Rejoignez-nous', 'the form did not show', { timeout: 8000 });
    await new Promise((r) => setTimeout(r, 300));
    const shared = staticImports(stats, 'hub-signup.js').filter((f) => staticImports(stats, 'readiness-survey.js').includes(f));
    expect(shared).to.include('archipel-core.js');
    const links = page.preloads();
    expect(links, 'one link a file').to.deep.equal([...new Set(links)]);
    expect(links).to.include.members(dist([...staticImports(stats, 'hub-signup.js'), ...staticImports(stats, 'readiness-survey.js')]));
    // A file asked for by a link and then imported is one request: the import finds the preloaded module.
    const scripts = page.scripts();
    expect(scripts, 'each file fetched once').to.deep.equal([...new Set(scripts)]);
    expect(scripts).to.include.members(links);
    page.frame.remove();
  });

  it('asks for a widget’s first data with its code, once: the widget takes that answer rather than asking again', async () => {
    const { url } = (await executeServerCommand<{ url: string }, { action: string }>('reference-server', { action: 'start' }))!;
    const page = await open(`/tests/embed/fixtures/begun-read.html?source=${encodeURIComponent(url)}`);
    const wall = () => page.frame.contentDocument!.querySelector('hashtag-wall')!.shadowRoot;
    await waitUntil(() => wall()?.querySelector('article'), 'the wall showed no post', { timeout: 8000 });
    const entries = (path: string) =>
      page.window.performance.getEntriesByType('resource').filter((e) => new URL(e.name).pathname.endsWith(path)) as PerformanceResourceTiming[];
    const posts = entries('/api/posts');
    expect(posts.map((e) => new URL(e.name).search), 'one request for the posts, with the wall’s query').to.deep.equal(['?hashtag=VagueClimat']);
    // Begun with the widget's code, not once that code had arrived and run.
    expect(posts[0]!.startTime).to.be.below(entries('/dist/hashtag-wall.js')[0]!.responseEnd);
    page.frame.remove();
  });

  it('asks for the map’s actions with its code and for its chapters once the actions are in, each once', async () => {
    const { url } = (await executeServerCommand<{ url: string }, { action: string }>('reference-server', { action: 'start' }))!;
    const page = await open(`/tests/embed/fixtures/begun-read.html?tag=action-map&source=${encodeURIComponent(url)}`);
    const map = () => page.frame.contentDocument!.querySelector('action-map')!.shadowRoot;
    await waitUntil(() => map()?.querySelector('li.row'), 'the map listed no action', { timeout: 8000 });
    await (page.frame.contentDocument!.querySelector('action-map') as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
    const entries = (path: string) =>
      page.window.performance.getEntriesByType('resource').filter((e) => new URL(e.name).pathname.endsWith(path)) as PerformanceResourceTiming[];
    await waitUntil(() => entries('/api/chapters').length, 'the map never asked for its chapters', { timeout: 8000 });
    // The map reads its first page of actions (`limit`) and keeps the answer; a read it did not take would be a second request.
    const actions = entries('/api/actions');
    expect(actions, 'one request for the actions').to.have.length(1);
    expect(actions[0]!.startTime, 'the actions asked for with the code').to.be.below(entries('/dist/action-map.js')[0]!.responseEnd);
    // On a slow network two answers share the line, and the rows need only the actions.
    const chapters = entries('/api/chapters');
    expect(chapters, 'one request for the chapters').to.have.length(1);
    expect(chapters[0]!.startTime, 'the chapters asked for once the actions were in').to.be.at.least(actions[0]!.responseEnd);
    page.frame.remove();
  });

  it('asks a calendar only for the calendar, never for a REST API’s first read, and not for the REST adapter', async () => {
    const ics = '/tests/fixtures/calendars/alternatiba-lyon.ics';
    const page = await open(`/tests/embed/fixtures/begun-read.html?tag=action-map&source=${encodeURIComponent(ics)}`);
    await waitUntil(() => page.frame.contentDocument!.querySelector('action-map')!.shadowRoot?.querySelector('li.row'), 'the map listed no action', { timeout: 8000 });
    const asked = page.window.performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname);
    // Taken for a REST API, the calendar was asked for `…/alternatiba-lyon.ics/actions?limit=5000`: a 404 on every page view.
    expect(asked.filter((p) => p.startsWith(ics)), 'the calendar, once').to.deep.equal([ics]);
    const rest = chunkOf('core/src/adapters/rest.ts');
    expect(page.preloads()).not.to.include(`/dist/${rest}`);
    page.frame.remove();
  });

  it('asks, with the map, for its own words and not for those of the forms it loads when opened', async () => {
    const page = await open('/tests/embed/fixtures/begun-read.html?tag=action-map&source=/tests/fixtures/map/');
    await waitUntil(() => page.frame.contentDocument!.querySelector('action-map')!.shadowRoot?.querySelector('li.row'), 'the map listed no action', { timeout: 8000 });
    expect(page.preloads()).to.include.members(dist(['action-map/src/strings/fr/action-map.ts', 'core/src/strings/fr/core.ts'].map(chunkOf)));
    for (const later of ['action-map/src/strings/fr/hosting.ts', 'core/src/strings/fr/send.ts']) expect(page.preloads(), later).not.to.include(`/dist/${chunkOf(later)}`);
    page.frame.remove();
  });
});
