/**
 * A campaign too large to download whole (#23): the reference server's first page says how many actions it
 * holds (`total`); past `view-reads-over`, <action-map> reads only the actions of its map's view (`bbox`), again
 * as the map moves, and says when a view holds more than it shows. The real server, on a loopback port, with
 * the demo campaign (362 actions, 326 with a place); the threshold is lowered so that this campaign is "large".
 */
import { expect, waitUntil } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import type { ActionMap } from '../../packages/action-map/src/action-map.component.ts';
import { mapIdle, mountMap, rows, setFilter } from '../support/action-map.ts';
import { text } from '../support/dom.ts';

/** The actions-list requests this page made, as the server received them. */
const asked = () =>
  performance
    .getEntriesByType('resource')
    .map((e) => new URL(e.name))
    .filter((u) => u.pathname.endsWith('/api/actions'));

/** The server's answer for a box, asked directly. */
async function inBox(api: string, bbox: string): Promise<{ total: number }> {
  return (await (await fetch(`${api}/actions?bbox=${bbox}&limit=1`)).json()) as { total: number };
}

const viewOf = (_el: ActionMap) => asked().filter((u) => u.searchParams.has('bbox')).at(-1)?.searchParams.get('bbox');

describe('<action-map> on a campaign too large to download whole (#23)', function () {
  this.timeout(90000);
  let api: string;

  before(async () => {
    ({ url: api } = (await executeServerCommand('reference-server', { action: 'start' })) as { url: string });
  });

  it('reads the first page only, then the actions of its view, and says when the view holds more than it shows', async () => {
    performance.clearResourceTimings();
    const el = await mountMap({ src: api, extra: 'view-reads-over="100"' });
    await setFilter(el, 'when', 'all');
    await mapIdle(el);
    await waitUntil(() => viewOf(el), 'the map never asked for its view', { timeout: 20000 });
    const [first] = asked();
    expect(first!.searchParams.get('limit'), 'the first read stops at the threshold').to.equal('100');
    expect(first!.searchParams.has('cursor') || asked().some((u) => u.searchParams.has('cursor')), 'no page after the first').to.equal(false);
    // The demo campaign's view holds more than 100 actions: 100 are shown, and the visitor is told so.
    await waitUntil(() => text(el).includes('Showing 100 of the'), 'no word that some actions are not shown', { timeout: 20000 });
    const whole = await inBox(api, viewOf(el)!);
    expect(text(el)).to.contain(`Showing 100 of the ${whole.total} actions in this part of the map. Zoom in to see them all.`);
    await expect(el).to.be.accessible();
  });

  it('reads again as the map moves, and lists exactly the actions of the new view', async () => {
    performance.clearResourceTimings();
    const el = await mountMap({ src: api, extra: 'view-reads-over="100"' });
    await setFilter(el, 'when', 'all');
    await mapIdle(el);
    await waitUntil(() => viewOf(el), 'the map never asked for its view', { timeout: 20000 });
    const before = viewOf(el);
    // Lyon, close enough that its view holds fewer than 100 actions.
    el.map!.jumpTo({ center: [4.835, 45.76], zoom: 11 });
    await waitUntil(() => viewOf(el) !== before, 'moving the map asked nothing', { timeout: 20000 });
    const box = viewOf(el)!;
    const expected = await inBox(api, box);
    expect(expected.total, 'a view of Lyon holds a few actions').to.be.within(1, 99);
    await waitUntil(() => el.shadowRoot!.querySelector('li.row')?.getAttribute('aria-setsize') === String(expected.total), `the list never held the ${expected.total} actions of the view`, {
      timeout: 20000,
    });
    expect(rows(el)).to.have.length(expected.total);
    expect(text(el)).not.to.contain('Zoom in to see them all');
  });
});
