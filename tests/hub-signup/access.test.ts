/**
 * <hub-signup> for every reader: a right-to-left phone, text at 200 %, a screen reader, required fields said in words.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../packages/hub-signup/src/hub-signup.ts';
import type { HubSignup } from '../../packages/hub-signup/src/hub-signup.ts';
import { $, accessible, memory, query } from '../support/dom.ts';
import { clipped, overlapping, pageScrollWidth, restorePage, rtlPhone, startsRight, textSize } from '../support/page.ts';

async function signup() {
  const el = await fixture<HubSignup>(html`<hub-signup fields="name email phone postcode chapter interests" interests="canvassing:طرق الأبواب|phonebank:Appels" .adapter=${memory({ chapters: [{ id: 'rabat', name: 'موجة الرباط' }, { id: 'lyon', name: 'Vague Climat Lyon, Croix-Rousse et Presqu’île' }] }, { name: 'signup', writable: true })}></hub-signup>`);
  await waitUntil(() => query(el, 'form'), 'the form did not appear');
  await el.updateComplete;
  return el;
}

describe('<hub-signup> on a right-to-left phone', () => {
  afterEach(restorePage);

  it('mirrors the form and never makes the page scroll sideways at 320 px', async () => {
    await rtlPhone(320);
    const el = await signup();
    expect(pageScrollWidth()).to.be.at.most(320);
    const trap = $(el, '[name=website]').getBoundingClientRect();
    expect(trap.left).to.be.at.least(0);
    expect(startsRight($(el, 'label[for]'), $(el, 'form'), 2)).to.equal(true, 'a label does not start on the right');
    const box = $(el, 'input[name=consent]').getBoundingClientRect();
    expect(box.right).to.be.greaterThan(320 / 2, 'the consent box is not on the right of its words');
    expect($(el, 'button[type=submit]').getBoundingClientRect().right).to.be.greaterThan(320 / 2);
    await waitUntil(() => query(el, 'option[value=lyon]'), 'the chapters did not load');
    expect(query(el, 'option[value=lyon]')!.getAttribute('dir')).to.equal('auto', 'a chapter’s name from the data has no dir="auto"');
    expect($(el, 'select').getBoundingClientRect().right).to.be.at.most(320);
    await accessible(el);
  });
});

describe('<hub-signup> with text at 200 %', () => {
  afterEach(restorePage);

  for (const width of [320, 800]) {
    it(`keeps every field, label and choice apart and whole, ${width} px wide`, async () => {
      await rtlPhone(width);
      textSize(200);
      const el = await signup();
      await waitUntil(() => query(el, 'option[value=lyon]'), 'the chapters did not load');
      const form = $(el, 'form');
      expect(overlapping([...form.querySelectorAll('label, input:not([name=website]), select, button, legend, p')].filter((e) => !e.closest('.visually-hidden')))).to.deep.equal([]);
      expect(clipped(el.shadowRoot!).map((c) => c.className || c.localName)).to.deep.equal([]);
      for (const control of form.querySelectorAll<HTMLElement>('button, input:not([type=checkbox]):not([type=radio]):not([name=website]), select'))
        expect(control.getBoundingClientRect().height, `${control.localName} is shorter than its text`).to.be.at.least(parseFloat(getComputedStyle(control).fontSize) * 1.2);
    });
  }
});

describe('<hub-signup> says which fields are required, in words', () => {
  const said = { en: '(required)', fr: '(obligatoire)', es: '(obligatorio)', pt: '(obrigatório)', de: '(Pflichtfeld)', it: '(obbligatorio)', nl: '(verplicht)', ar: '(مطلوب)', sw: '(lazima)' };
  for (const [lang, words] of Object.entries(said)) {
    it(`in ${lang}`, async () => {
      const el = await fixture<HubSignup>(html`<hub-signup lang=${lang} fields="name email postcode" .adapter=${memory({}, { name: 'signup', writable: true })}></hub-signup>`);
      await waitUntil(() => query(el, 'form'), 'the form did not appear');
      expect($(el, 'label[for=name]').textContent).to.contain(words);
      expect($(el, 'label[for=email]').textContent).to.contain(words);
      expect($(el, 'label[for=postcode]').textContent).not.to.contain(words);
      expect($(el, 'form').textContent).not.to.contain('*');
    });
  }
});
