import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { RestAdapter } from '../../packages/core/src/adapters/rest.ts';

interface Ref {
  url: string;
  token: string;
  running: boolean;
}
const server = (action: 'start' | 'stop') => executeServerCommand<Ref, { action: string }>('reference-server', { action });

describe('the reference server, from the browser', () => {
  it('serves the demo campaign cross-origin to a page on another port', async () => {
    const { url } = await server('start');
    const res = await new RestAdapter(url).list('chapters');
    expect(res.rows).to.have.length(40);
  });

  it('reads public lists again from the browser’s cache, as the server’s Cache-Control allows, even once it is gone', async () => {
    const { url } = await server('start');
    const adapter = new RestAdapter(url);
    const first = await adapter.list('chapters');
    await server('stop');
    try {
      const again = await adapter.list('chapters');
      expect(again.rows).to.deep.equal(first.rows);
    } finally {
      await server('start');
    }
  });

  it('can be stopped and started again on the same address with the same data', async () => {
    const { url, token } = await server('start');
    const adapter = new RestAdapter(url);
    const id = `wtr${Date.now()}`;
    await adapter.submit('signups', { id, email: 'a@example.org', consent: [{ purpose: 'contact', version: '1', at: new Date().toISOString() }], created: new Date().toISOString() }, { hp: '', elapsed: 3000 });
    const down = await server('stop');
    expect(down.running).to.equal(false);
    const failed = await fetch(`${url}/actions?limit=1`).then(() => 'answered', () => 'refused');
    expect(failed).to.equal('refused');
    const up = await server('start');
    expect(up.url).to.equal(url);
    const { rows } = await adapter.list('signups', {}, { token });
    expect(rows.filter((r) => (r as { id: string }).id === id)).to.have.length(1);
  });
});
