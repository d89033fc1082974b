/**
 * A photo from the phone (#24), in real Chromium against the real reference server: the story form resizes it
 * in the browser, keeps it in the outbox (IndexedDB) while offline, and sends it before the story; the server
 * strips what is left and keeps it from strangers until a moderator approves the story.
 */
import { expect, fixture, html, waitUntil, oneEvent, aTimeout } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import '../../packages/hashtag-wall/src/hashtag-wall.ts';
import type { HashtagWall } from '../../packages/hashtag-wall/src/hashtag-wall.component.ts';
import { resolveAdapter } from '../../packages/core/src/adapter.ts';
import { $, text } from '../support/dom.ts';

type Server = { url: string; token: string };
const server = (action: 'start' | 'stop') => executeServerCommand<Server, { action: string }>('reference-server', { action });
const tag = () => `PhotoTest${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

/** The fixture a phone would give: 2400×1600, taken sideways (EXIF orientation 6), with GPS in EXIF and XMP. */
async function phonePhoto(): Promise<File> {
  const blob = await (await fetch(new URL('../fixtures/photos/gps.jpg', import.meta.url))).blob();
  return new File([blob], 'IMG_0001.jpg', { type: 'image/jpeg' });
}

async function openAndFill(el: HashtagWall, photo: File, alt: string) {
  $(el, '[part=share-button]').click();
  await waitUntil(() => el.shadowRoot!.querySelector('[part=form]'), 'the form did not open');
  await el.updateComplete;
  $<HTMLInputElement>(el, '[name=name]').value = 'Zoé';
  $<HTMLInputElement>(el, '[name=contact]').value = 'zoe@example.org';
  const files = new DataTransfer();
  files.items.add(photo);
  $<HTMLInputElement>(el, '[name=photo]').files = files.files;
  $<HTMLTextAreaElement>(el, '[name=alt]').value = alt;
  $<HTMLInputElement>(el, '[name=consent]').checked = true;
  // The reference server refuses forms sent faster than a person fills them.
  await aTimeout(1600);
}

describe('<hashtag-wall> a photo from the phone', function () {
  this.timeout(40_000);

  it('asks for a description of the photo before sending anything', async () => {
    const { url } = await server('start');
    const el = await fixture<HashtagWall>(html`<hashtag-wall lang="es" source=${url} hashtag=${tag()}></hashtag-wall>`);
    await openAndFill(el, await phonePhoto(), '');
    $<HTMLButtonElement>(el, '[type=submit]').click();
    await waitUntil(() => text(el).includes('Describe tu foto en pocas palabras'), 'no plain-word request for a description, in Spanish');
  });

  it('resizes it, keeps it while offline, sends it with the story, and shows it to staff only until approval', async () => {
    const { url, token } = await server('start');
    const hashtag = tag();
    const el = await fixture<HashtagWall>(html`<hashtag-wall lang="en" source=${url} hashtag=${hashtag}></hashtag-wall>`);
    await waitUntil(() => text(el).includes('No posts yet'), 'the empty wall did not show', { timeout: 8000 });
    await openAndFill(el, await phonePhoto(), 'Banners on the bridge');
    await server('stop');
    const submitted = oneEvent(el, 'archipel-submitted');
    $<HTMLButtonElement>(el, '[type=submit]').click();
    const { detail } = await submitted;
    expect(detail.status).to.equal('queued');
    // Kept on the device as a file, already resized: upright and at most 1600 px on its longer side.
    const kept = detail.record.photo as Blob;
    expect(kept).to.be.instanceOf(Blob);
    const bitmap = await createImageBitmap(kept);
    expect([bitmap.width, bitmap.height]).to.deep.equal([1067, 1600]);
    expect(kept.size).to.be.below((await phonePhoto()).size * 10);

    await server('start');
    window.dispatchEvent(new Event('online'));
    const adapter = resolveAdapter(url);
    let post: { id: string; image?: string; alt?: string; contact?: string } | undefined;
    await waitUntil(
      async () => {
        const queue = await adapter.moderationQueue!({ token }, ['pending']);
        post = (queue.rows as (typeof post)[]).find((r) => r!.id === detail.record.id);
        return post;
      },
      'the queued story never reached the server',
      { timeout: 10_000, interval: 300 },
    );
    expect(post!.alt).to.equal('Banners on the bridge');
    expect(post!.contact, 'the contact is not kept').to.equal(undefined);
    expect(post!.image).to.match(/\/api\/photos\/[0-9a-f-]{36}$/);
    const image = post!.image!;
    expect((await fetch(`${image}/800`)).status, 'a stranger, before approval').to.equal(404);
    const staff = await fetch(`${image}/1600`, { headers: { authorization: `Bearer ${token}` } });
    expect(staff.status).to.equal(200);
    const bytes = new Uint8Array(await staff.arrayBuffer());
    const latin = Array.from(bytes, (b) => String.fromCharCode(b)).join('');
    expect(latin).not.to.contain('Exif');
    expect(latin).not.to.contain('GPS');
    const served = await createImageBitmap(new Blob([bytes]));
    expect([served.width, served.height]).to.deep.equal([1067, 1600]);

    await adapter.moderate!(post!.id, 'approve', { token });
    const pub = await fetch(`${image}/400`);
    expect(pub.status).to.equal(200);
    expect(pub.headers.get('cache-control')).to.contain('max-age=31536000');

    // The open wall finds the approved story at its next check, and its card loads the photo at the width its
    // column needs (400 px here), where the photo's address alone would bring the 1600 px one.
    el.refresh = 1;
    await waitUntil(() => el.shadowRoot!.querySelector('article img'), 'the approved photo did not reach the wall', { timeout: 10_000 });
    const img = el.shadowRoot!.querySelector<HTMLImageElement>('article img')!;
    expect(img.getAttribute('srcset')).to.equal(`${image}/400 400w,${image}/800 800w,${image}/1600 1600w`);
    await waitUntil(() => img.complete && img.naturalWidth > 0, 'the photo did not load', { timeout: 10_000 });
    expect(img.getBoundingClientRect().width).to.be.below(400);
    expect(img.currentSrc).to.equal(`${image}/400`);
  });
});
