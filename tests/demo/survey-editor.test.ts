/**
 * The survey editor page (demo/survey-editor.html) on the production build (dist/, made by `npm test` before the
 * browser tests): what an organiser types reaches the real <readiness-survey> preview, the JSON and the sheet rows.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { text } from '../support/dom.ts';

type Survey = { id: string; questions: { id: string; type: string; show_if?: object; other?: boolean }[] };

async function openEditor() {
  const frame = document.createElement('iframe');
  frame.src = '/demo/survey-editor.html';
  frame.style.width = '1200px';
  frame.style.height = '900px';
  document.body.append(frame);
  await new Promise((r) => frame.addEventListener('load', r, { once: true }));
  const doc = frame.contentDocument!;
  const $ = <T extends HTMLElement>(id: string) => doc.getElementById(id) as T;
  const preview = $('preview');
  await waitUntil(() => preview.shadowRoot?.querySelector('form'), 'the preview did not show the survey', { timeout: 15000 });
  const type = (id: string, value: string) => {
    const input = $<HTMLInputElement>(id);
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  };
  return { frame, doc, $, preview, type };
}

describe('the survey editor page', function () {
  this.timeout(30_000);

  it('shows the survey it writes in the real widget, with its conditions, and gives its JSON and sheet rows', async () => {
    const { frame, $, preview, type } = await openEditor();
    const shown = () => [...preview.shadowRoot!.querySelectorAll<HTMLElement>('[data-question]')].map((q) => q.dataset.question);
    expect(shown()).to.deep.equal(['accueillir', 'aide']);
    const json = () => JSON.parse($<HTMLTextAreaElement>('json').value) as Survey;
    expect(json().questions.find((q) => q.id === 'date')!.show_if).to.deep.equal({ question: 'accueillir', equals: true });
    const rows = $<HTMLTextAreaElement>('rows').value.split('\n').map((l) => l.split('\t'));
    expect(rows[0]).to.include('show_if').and.include('label:es');
    expect(rows[2]![rows[0]!.indexOf('show_if')]).to.equal('accueillir = yes');

    // A new question, then its label: the preview follows.
    $('add').click();
    type(`q${json().questions.length - 1}-label`, 'Une question de plus ?');
    await waitUntil(() => text(preview).includes('Une question de plus ?'), 'the new question did not reach the preview');
    expect(json().questions.at(-1)).to.include({ type: 'single', label: 'Une question de plus ?' });

    // In Spanish, the translated labels.
    const lang = $<HTMLSelectElement>('preview-lang');
    lang.value = 'es';
    lang.dispatchEvent(new Event('change'));
    await waitUntil(() => text(preview).includes('¿Puede acoger una acción?'), 'the preview did not read Spanish');
    frame.remove();
  });

  it('takes a survey pasted as JSON, and says when it cannot read it', async () => {
    const { frame, $, preview, type } = await openEditor();
    type('json', '{ "id": "court", "title": "Court", "questions": [{ "id": "n", "type": "number", "label": "Combien ?", "min": 1, "max": 9 }] }');
    await waitUntil(() => text(preview).includes('Combien ?'), 'the pasted survey did not reach the preview');
    expect($<HTMLInputElement>('s-title').value).to.equal('Court');
    type('json', '{ "id": ');
    expect($('problems').textContent).to.contain('Le JSON n’est pas lisible');
    frame.remove();
  });
});
