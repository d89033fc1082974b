/**
 * Public results from the real reference server: a group of fewer than five answers is shown as such, in the
 * visitor's words, never as a number.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import '../../packages/readiness-survey/src/readiness-survey.ts';
import type { ReadinessSurvey } from '../../packages/readiness-survey/src/readiness-survey.component.ts';
import { text } from '../support/dom.ts';

interface Server {
  url: string;
  token: string;
}
const server = () => executeServerCommand<Server, { action: string }>('reference-server', { action: 'start' });

describe('<readiness-survey view="results"> on public results', () => {
  it('says "fewer than 5" for a local group with fewer than five votes, in English and in French', async function () {
    // The first test to ask for the reference server waits for it to be built.
    this.timeout(90_000);
    const s = await server();
    // The demo's public poll, as a stranger reads it: a chapter whose count the server keeps to itself.
    const results = (await (await fetch(`${s.url}/surveys/choix-du-12/results`)).json()) as { fewerThan: number; byChapter: { key: string; respondents: number | null }[] };
    expect(results.fewerThan).to.equal(5);
    const small = results.byChapter.find((c) => c.respondents === null);
    expect(small, 'the demo poll has a chapter with fewer than five votes').to.exist;

    for (const [lang, words] of [['en', 'Fewer than 5 responses'], ['fr', 'Moins de 5 réponses']] as const) {
      const el = await fixture<ReadinessSurvey>(html`<readiness-survey lang=${lang} source=${s.url} survey="choix-du-12" view="results"></readiness-survey>`);
      await waitUntil(() => el.shadowRoot!.querySelector('select[name="chapter"] option[value="' + small!.key + '"]'), 'the filters did not appear', { timeout: 8000 });
      const select = el.shadowRoot!.querySelector<HTMLSelectElement>('select[name="chapter"]')!;
      select.value = small!.key;
      select.dispatchEvent(new Event('change', { bubbles: true }));
      await waitUntil(() => text(el).includes(words), `"${words}" is not shown`, { timeout: 8000 });
      expect(text(el)).to.not.match(/\bnull\b|NaN/);
      await expect(el).to.be.accessible();
    }
  });
});
