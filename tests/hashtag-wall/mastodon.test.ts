import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../packages/hashtag-wall/src/hashtag-wall.ts';
import type { HashtagWall } from '../../packages/hashtag-wall/src/hashtag-wall.component.ts';
import { accessible, memory, text } from '../support/dom.ts';

const FIXTURES = new URL('../fixtures/mastodon/', import.meta.url).href;
/** axe, once cards have finished fading in (a card caught mid-animation has no contrast yet). */
const cards = (el: HashtagWall) => [...el.shadowRoot!.querySelectorAll<HTMLElement>('[role=feed] > article')];
const own = { id: 'own1', author: 'Léa from the campaign', text: 'Our own post', hashtags: ['VagueClimat'], created: '2026-11-20T12:00:00Z', status: 'approved' };

async function wall(mastodon: string, refresh = '0') {
  const el = await fixture<HashtagWall>(html`<hashtag-wall lang="en" hashtag="VagueClimat" mastodon=${mastodon} refresh=${refresh}
    .adapter=${memory({ posts: [own] }, { name: 'masto' })}></hashtag-wall>`);
  return el;
}

/** Answers Mastodon's URL with a recorded body, the given status and headers; other requests go through. */
function answer(status: number, file: string, headers: Record<string, string> = {}) {
  const real = window.fetch;
  const seen: string[] = [];
  window.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input instanceof Request ? input.url : input);
    if (!url.includes('/api/v1/timelines/tag/')) return real(input, init);
    seen.push(url);
    const body = await (await real(new URL(file, FIXTURES))).text();
    return new Response(body, { status, headers: { 'content-type': 'application/json; charset=utf-8', ...headers } });
  };
  return { seen, restore: () => (window.fetch = real) };
}

describe('<hashtag-wall mastodon>', () => {
  it('merges the recorded public hashtag timeline, its HTML sanitised and its links safe', async () => {
    (window as { __xss?: number }).__xss = undefined;
    const el = await wall(FIXTURES);
    await waitUntil(() => text(el).includes('Camille'), 'the Mastodon statuses did not appear', { timeout: 5000 });
    await waitUntil(() => text(el).includes('Our own post'));
    const root = el.shadowRoot!;
    expect((window as { __xss?: number }).__xss).to.equal(undefined);
    expect(root.querySelectorAll('script, iframe, svg, form, input, .text b, [onerror], [onclick], [onload], [onmouseover], [style*=fixed], [data-x]')).to.have.length(0);
    for (const a of root.querySelectorAll('.text a[href]')) {
      expect(a.getAttribute('href') ?? '').to.match(/^https:\/\//);
      expect(a.getAttribute('target')).to.equal('_blank');
      expect(a.getAttribute('rel')).to.equal('noopener nofollow ugc');
    }
    expect([...root.querySelectorAll('.text a')].map((a) => a.textContent)).to.include('clique ici');
    expect(root.querySelector('.text a:not([href])')).to.not.equal(null, 'a javascript: link keeps its words but loses its href');
    for (const span of root.querySelectorAll('.text span[class]')) expect(['invisible', 'ellipsis']).to.include(span.className);
    for (const a of root.querySelectorAll('.text a[class]')) expect(a.className).to.match(/^(mention|hashtag| |u-url)+$/);
    // A long link reads as Mastodon shows it: the hidden parts stay hidden.
    const camille = cards(el).find((c) => c.textContent!.includes('Camille'))!;
    expect(camille.innerText).to.contain('vagueclimat.example.org/agir/m').and.not.contain('https://vagueclimat').and.not.contain('arche-du-12');
    expect(getComputedStyle(camille.querySelector('.ellipsis')!, '::after').content).to.equal('"…"');
    expect(camille.textContent).to.contain('Camille ✊ (@camille)');
    // Its author's app said the status is in French: an English wall reads it in a French voice.
    expect(camille.querySelector('.text')!.getAttribute('lang')).to.equal('fr');
    expect(camille.querySelector('img')!.alt).to.equal('Une banderole verte « Vague Climat » tenue par six personnes devant la mairie');
    // The display name holding HTML is text.
    expect(text(el)).to.contain('<img src=x onerror=window.__xss=1> (@troll@evil.example)');
    await accessible(el);
  });

  it('keeps a sensitive status behind its content warning until asked', async () => {
    const el = await wall(FIXTURES);
    await waitUntil(() => text(el).includes('Police, tension'), 'no content warning', { timeout: 5000 });
    const noor = cards(el).find((c) => c.textContent!.includes('Noor'))!;
    expect(noor.querySelector('img, video, .text')).to.equal(null);
    noor.querySelector<HTMLButtonElement>('.cw button')!.click();
    await waitUntil(() => noor.querySelector('.text'));
    expect(noor.textContent).to.contain('Vidéo de l’action d’hier');
    expect(noor.querySelector('video')).to.equal(null, 'the video file waits for play');
    await accessible(el);
    noor.querySelector<HTMLButtonElement>('.play')!.click();
    await waitUntil(() => noor.querySelector('video'));
    expect(noor.querySelector('video')!.src).to.equal('https://files.mastodon.example/media_attachments/files/113/500/000/000/000/102/original/action.mp4');
  });

  it('explains a server that requires sign-in for public timelines, and still shows the wall', async () => {
    const fake = answer(401, 'locked.json');
    try {
      const el = await wall('locked.example');
      await waitUntil(() => text(el).includes('shows its public posts only to people signed in there'), 'no explanation', { timeout: 5000 });
      expect(fake.seen[0]).to.equal('https://locked.example/api/v1/timelines/tag/VagueClimat?limit=40');
      expect(text(el)).to.contain('locked.example').and.contain('Our own post');
      await accessible(el);
    } finally {
      fake.restore();
    }
  });

  it('waits until the rate limit resets after a 429, and says until when', async () => {
    const reset = new Date(Date.now() + 10 * 60_000).toISOString();
    const fake = answer(429, 'rate-limited.json', { 'x-ratelimit-limit': '300', 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': reset });
    try {
      const el = await wall('busy.example', '1');
      await waitUntil(() => text(el).includes('asked us to slow down'), 'no rate-limit notice', { timeout: 5000 });
      // Each live check reads the wall's own posts (archipel-load), then asks Mastodon: four reads, at least two checks done.
      let reads = 0;
      el.addEventListener('archipel-load', () => reads++);
      await waitUntil(() => reads >= 4, 'the live checks did not run', { timeout: 6000 });
      expect(fake.seen).to.have.length(1, 'no request before the reset time');
    } finally {
      fake.restore();
    }
  });

  it('words its notice and a bare content warning in the language of the moment, when the page switches', async () => {
    // The recorded timeline, with the warning text of its sensitive status removed: Mastodon sends `"spoiler_text":""`
    // for a status only marked sensitive, and the wall then supplies the words.
    const real = window.fetch;
    window.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
      const url = String(input instanceof Request ? input.url : input);
      if (url.startsWith('https://locked.example/')) return new Response(await (await real(new URL('locked.json', FIXTURES))).text(), { status: 401 });
      if (!url.includes('/api/v1/timelines/tag/')) return real(input, init);
      const body = (await (await real(input, init)).text()).replace(/"spoiler_text":"[^"]+"/g, '"spoiler_text":""');
      return new Response(body, { headers: { 'content-type': 'application/json; charset=utf-8' } });
    };
    try {
      const el = await wall(FIXTURES);
      el.lang = 'fr';
      await waitUntil(() => text(el).includes('Contenu sensible'), 'no French content warning', { timeout: 5000 });
      el.lang = 'es';
      await waitUntil(() => text(el).includes('Contenido sensible'), 'the content warning stayed in French', { timeout: 5000 });
      expect(text(el)).not.to.contain('Contenu sensible');

      const locked = await wall('locked.example');
      locked.lang = 'fr';
      await waitUntil(() => text(locked).includes('locked.example ne montre ses publications publiques qu’aux personnes connectées'), 'no French notice', { timeout: 5000 });
      locked.lang = 'es';
      await waitUntil(() => text(locked).includes('locked.example solo muestra sus publicaciones públicas'), 'the notice stayed in French', { timeout: 5000 });
      expect(text(locked)).not.to.contain('connectées');
      await accessible(locked);
    } finally {
      window.fetch = real;
    }
  });
});
