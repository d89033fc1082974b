/**
 * Its own page (test file), so that <chapter-hub> is defined only when a test says so: the loader imports a
 * page's tags in any order, and a widget slotted in a hub may be defined before the hub.
 */
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../packages/hub-signup/src/hub-signup.ts';
import { MemoryAdapter } from '../../packages/core/src/adapters/memory.ts';
import type { Chapter } from '../../packages/core/src/schemas/chapters.ts';
import type { Theme } from '../../packages/core/src/theme.ts';
import type { HubSignup } from '../../packages/hub-signup/src/hub-signup.ts';
import type { ChapterHub } from '../../packages/chapter-hub/src/chapter-hub.ts';
import { fill, send, tick } from '../hub-signup/helpers.ts';
import { shown } from './helpers.ts';

/** What a form consumed from the hub around it. The theme changes nothing a person sees on a form (its colours come through CSS), so it is read here. */
const given = (form: HubSignup) => form as unknown as { contextChapter?: Chapter; contextTheme?: Theme };

async function signUp(form: HubSignup, name: string): Promise<void> {
  await waitUntil(() => form.shadowRoot?.querySelector('[name="email"]'), 'the form did not render');
  await fill(form, { name, email: `${name.toLowerCase()}@example.org` });
  await tick(form);
  const done = oneEvent(form, 'archipel-submitted');
  await send(form);
  await done;
}

describe('<chapter-hub> defined after the widgets inside it', () => {
  it('gives its chapter and theme to a sign-up form whose tag was defined first, and a hub inside a hub answers its own', async function () {
    this.timeout(20000);
    expect(customElements.get('chapter-hub'), 'this page must define <chapter-hub> late').to.equal(undefined);
    const adapter = new MemoryAdapter(
      { chapters: [{ id: 'lyon', name: 'Vague Climat Lyon', color: '#c2185b', accent: '#ffe0ec' }, { id: 'paris', name: 'Vague Climat Paris', color: '#1565c0' }] },
      { source: `memory:hub-defined-late-${Math.random().toString(36).slice(2)}` },
    );
    const wrapper = await fixture<HTMLDivElement>(html`<div></div>`);
    wrapper.innerHTML = `<chapter-hub lang="en" chapter="lyon" sections="about">
      <hub-signup id="outer"></hub-signup>
      <chapter-hub chapter="paris" sections="about"><hub-signup id="inner"></hub-signup></chapter-hub>
    </chapter-hub>`;
    const outer = wrapper.querySelector<HubSignup>('#outer')!;
    const inner = wrapper.querySelector<HubSignup>('#inner')!;
    await outer.updateComplete;
    await inner.updateComplete;
    expect([given(outer).contextChapter, given(inner).contextChapter, outer.dataAdapter]).to.deep.equal([undefined, undefined, undefined]);

    const [lyonHub, parisHub] = [...wrapper.querySelectorAll('chapter-hub')] as [ChapterHub, ChapterHub];
    lyonHub.adapter = adapter;
    await import('../../packages/chapter-hub/src/chapter-hub.ts');
    await shown(lyonHub);
    await shown(parisHub);

    await waitUntil(() => given(outer).contextChapter?.name === 'Vague Climat Lyon', 'the early form never got the hub’s chapter');
    await waitUntil(() => given(inner).contextChapter?.name === 'Vague Climat Paris', 'the form in the inner hub did not get the inner hub’s chapter');
    expect(given(outer).contextTheme).to.equal(lyonHub.branding!.theme);
    expect(given(outer).contextTheme!.brand).to.equal('#c2185b');
    expect(given(inner).contextTheme).to.equal(parisHub.branding!.theme);
    expect(given(inner).contextTheme!.brand).to.equal('#1565c0');
    expect([outer.locale, inner.locale]).to.deep.equal(['en', 'en']);

    await signUp(outer, 'Léa');
    await signUp(inner, 'Noé');
    const stored = [...adapter.written.get('signups')!.values()] as { name: string; chapter: string }[];
    expect(stored.map((s) => [s.name, s.chapter])).to.deep.equal([
      ['Léa', 'lyon'],
      ['Noé', 'paris'],
    ]);
  });
});
