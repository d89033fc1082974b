/**
 * The rally screen (#24): on a projector at 1280×720 or 1920×1080, two rows of cards and the call to post fit the
 * window with no scrolling; the QR code read by a real decoder (jsQR) opens the share form; full screen is one
 * press; the screen is kept awake (the browser's real Screen Wake Lock API), and asked again when the page shows.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendMouse, setViewport } from '@web/test-runner-commands';
import '../../packages/hashtag-wall/src/hashtag-wall.ts';
import type { HashtagWall } from '../../packages/hashtag-wall/src/hashtag-wall.component.ts';
import { memory } from '../support/dom.ts';

declare global {
  interface Window {
    jsQR?: (data: Uint8ClampedArray, width: number, height: number) => { data: string } | null;
  }
}

const long = 'Nous étions des centaines devant la mairie, sous la pluie, et personne n’est parti avant la fin. '.repeat(8);
const posts = Array.from({ length: 24 }, (_, i) => ({
  id: `r${i}`,
  author: `Soutien ${i}`,
  text: i % 3 ? long : 'Court.',
  image: i % 2 ? `${location.origin}/demo/data/images/post-${String((i % 10) + 1).padStart(2, '0')}.svg` : undefined,
  alt: 'Une foule devant la mairie',
  hashtags: ['VagueClimat'],
  created: new Date(Date.UTC(2026, 9, 1, 0, i)).toISOString(),
  status: 'approved',
}));

const shadow = (el: HashtagWall) => el.shadowRoot!;
const cards = (el: HashtagWall) => [...shadow(el).querySelectorAll<HTMLElement>('[role=feed] > article')];

async function screen(extra: { shareUrl?: string } = {}): Promise<HashtagWall> {
  const el = await fixture<HashtagWall>(html`<hashtag-wall lang="fr" hashtag="VagueClimat" screen advance="600" share-url=${extra.shareUrl ?? 'vagueclimat.example.org/mur'}
    .adapter=${memory({ posts }, { name: 'wall' })}></hashtag-wall>`);
  await waitUntil(() => cards(el).length > 0 && shadow(el).querySelector('[part=qr]'), 'the rally screen did not render', { timeout: 5000 });
  await Promise.all(shadow(el).getAnimations().map((a) => a.finished));
  await Promise.all([...shadow(el).querySelectorAll('img')].map((img) => img.decode().catch(() => undefined)));
  return el;
}

/** jsQR, loaded as the plain script it ships as. */
async function decoder(): Promise<NonNullable<Window['jsQR']>> {
  if (!window.jsQR) {
    const script = Object.assign(document.createElement('script'), { src: '/node_modules/jsqr/dist/jsQR.js' });
    document.head.append(script);
    await new Promise((resolve, reject) => {
      script.addEventListener('load', resolve);
      script.addEventListener('error', reject);
    });
  }
  return window.jsQR!;
}

/** What a phone's camera would read: the QR code as drawn, rasterised at its size on screen. */
async function readQr(el: HashtagWall): Promise<string | undefined> {
  const svg = shadow(el).querySelector<SVGSVGElement>('[part=qr]')!;
  const { width, height } = svg.getBoundingClientRect();
  const img = new Image();
  img.src = `data:image/svg+xml,${encodeURIComponent(new XMLSerializer().serializeToString(svg))}`;
  await img.decode();
  const canvas = Object.assign(document.createElement('canvas'), { width: Math.round(width), height: Math.round(height) });
  const context = canvas.getContext('2d')!;
  context.drawImage(img, 0, 0, canvas.width, canvas.height);
  const jsQR = await decoder();
  return jsQR(context.getImageData(0, 0, canvas.width, canvas.height).data, canvas.width, canvas.height)?.data;
}

describe('<hashtag-wall screen> on a projector (#24)', function () {
  this.timeout(30000);
  afterEach(async () => {
    if (document.fullscreenElement) await document.exitFullscreen();
    await setViewport({ width: 800, height: 600 });
  });

  for (const [width, height] of [[1280, 720], [1920, 1080]] as const) {
    it(`fits ${width}×${height} without scrolling: two rows, the call to post and its QR code`, async () => {
      await setViewport({ width, height });
      document.body.style.margin = '0';
      const el = await screen();
      const root = document.scrollingElement!;
      expect(root.scrollHeight, 'the page scrolls').to.be.at.most(innerHeight);
      expect(root.scrollWidth, 'the page scrolls sideways').to.be.at.most(innerWidth);
      const boxes = cards(el).map((c) => c.getBoundingClientRect());
      const rows = new Set(boxes.map((b) => Math.round(b.top)));
      expect(rows.size, 'rows of cards').to.equal(2);
      for (const b of boxes) expect(b.bottom, 'a card runs off the screen').to.be.at.most(innerHeight);
      const cta = shadow(el).querySelector('[part=cta]')!.getBoundingClientRect();
      expect(cta.top).to.be.at.least(Math.max(...boxes.map((b) => b.bottom)));
      expect(cta.bottom).to.be.at.most(innerHeight);
      expect(shadow(el).querySelector('[part=cta]')!.textContent).to.contain('Partagez la vôtre sur vagueclimat.example.org/mur');
      const qr = shadow(el).querySelector('[part=qr]')!;
      expect(qr.getAttribute('aria-label')).to.equal('Code QR : scannez-le pour partager votre histoire sur vagueclimat.example.org/mur');
      expect(qr.getBoundingClientRect().height).to.be.at.least(80);
      expect(await readQr(el)).to.equal('https://vagueclimat.example.org/mur');
    });
  }

  it('keeps a full address in its QR code, and shows none without an address', async () => {
    const el = await screen({ shareUrl: 'https://lyon.vagueclimat.example.org/mur?via=ecran' });
    expect(await readQr(el)).to.equal('https://lyon.vagueclimat.example.org/mur?via=ecran');
    el.shareUrl = '';
    await el.updateComplete;
    expect(shadow(el).querySelector('[part=qr]')).to.equal(null);
    expect(shadow(el).querySelector('[part=cta]')!.textContent).to.contain('Partagez la vôtre avec #VagueClimat');
  });

  it('goes full screen at a press, and back', async () => {
    await setViewport({ width: 1280, height: 720 });
    const el = await screen();
    const button = shadow(el).querySelector<HTMLButtonElement>('[part=fullscreen]')!;
    expect(button.textContent).to.equal('Plein écran');
    const press = async () => {
      const box = button.getBoundingClientRect();
      await sendMouse({ type: 'click', position: [Math.round(box.x + box.width / 2), Math.round(box.y + box.height / 2)] });
    };
    await press();
    await waitUntil(() => document.fullscreenElement === el, 'the wall did not go full screen');
    await waitUntil(() => button.getAttribute('aria-pressed') === 'true');
    expect(document.scrollingElement!.scrollHeight).to.be.at.most(innerHeight);
    await press();
    await waitUntil(() => document.fullscreenElement === null, 'the wall stayed full screen');
    await waitUntil(() => button.getAttribute('aria-pressed') === 'false');
  });

  it('keeps the screen awake, asks again when the page shows, and lets go when it stops being a screen', async () => {
    const requested: WakeLockSentinel[] = [];
    const request = navigator.wakeLock.request.bind(navigator.wakeLock);
    navigator.wakeLock.request = async (type) => {
      const lock = await request(type);
      requested.push(lock);
      return lock;
    };
    try {
      const el = await screen();
      await waitUntil(() => requested.length === 1, 'no wake lock was asked for');
      const first = requested[0]!;
      expect(first.released).to.equal(false);
      // The browser lets go of a lock whenever the page is hidden; showing it again asks anew.
      await first.release();
      document.dispatchEvent(new Event('visibilitychange'));
      await waitUntil(() => requested.length === 2, 'the lock was not asked for again');
      el.screen = false;
      await waitUntil(() => requested[1]!.released, 'the lock was kept after the wall stopped being a screen');
    } finally {
      navigator.wakeLock.request = request;
    }
  });
});

describe('<hashtag-wall screen mastodon> (#24)', () => {
  it('shows reviewed posts only: reads nothing from Mastodon itself, and tells the webmaster how to collect them', async () => {
    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => void warnings.push(args.join(' '));
    try {
      const before = performance.getEntriesByType('resource').length;
      const mastodon = new URL('../fixtures/mastodon/', import.meta.url).href;
      const el = await fixture<HashtagWall>(html`<hashtag-wall lang="fr" hashtag="VagueClimat" screen mastodon=${mastodon}
        .adapter=${memory({ posts }, { name: 'wall' })}></hashtag-wall>`);
      await waitUntil(() => cards(el).length > 0);
      await new Promise((resolve) => setTimeout(resolve, 300));
      const asked = performance.getEntriesByType('resource').slice(before).map((e) => e.name);
      expect(asked.filter((u) => u.includes('/api/v1/timelines/tag/'))).to.deep.equal([]);
      expect(warnings.filter((w) => w.includes('archipel-server collect --tag VagueClimat --mastodon'))).to.have.length(1);
    } finally {
      console.warn = warn;
    }
  });
});
