/**
 * Abuse: exports that open safely in any locale's spreadsheet, a time trap on the server's clock, a honeypot that
 * takes nothing but an empty string, and rate limits that count an IPv6 /64 as one client.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { RestAdapter } from '../../packages/core/src/adapters/rest.ts';
import { formToken } from '../../packages/server/src/spam.ts';
import { rateKey } from '../../packages/server/src/client-address.ts';
import { meta, post, signup, startTestServer, type TestServer, sqliteOf } from './support.ts';

/** The cells of a CSV document as a spreadsheet splits them with this separator (RFC 4180 quoting). */
function cells(csv: string, separator: string): string[][] {
  const rows: string[][] = [[]];
  let field = '';
  let quoted = false;
  for (let i = csv.charCodeAt(0) === 0xfeff ? 1 : 0; i < csv.length; i++) {
    const c = csv[i]!;
    if (quoted) {
      if (c === '"' && csv[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === separator) rows.at(-1)!.push(field), (field = '');
    else if (c === '\r' && csv[i + 1] === '\n') rows.at(-1)!.push(field), (field = ''), rows.push([]), i++;
    else field += c;
  }
  if (field || rows.at(-1)!.length) rows.at(-1)!.push(field);
  return rows.filter((r) => r.length);
}

/**
 * What Excel and LibreOffice run as a formula: = + - @ first, once spaces and double quotes are stripped, or a tab
 * or CR first. A leading apostrophe makes the cell text.
 */
const live = (cell: string) => /^[\t\r]/.test(cell) || /^[\s"]*[=+\-@]/.test(cell);

const ATTACKS = ['=HYPERLINK("http://evil.example","click")', '  =1+1', '"=1+1', "'=1+1", 'Paris;=1+1', '\t=1', '@SUM(A1)', '-2+3', '+33 6 12 34 56 78', 'lyon;+cmd|" /C calc"!A0'];

describe('CSV exports', () => {
  let s: TestServer;
  before(async () => {
    s = await startTestServer();
    for (const [i, attack] of ATTACKS.entries()) {
      const r = signup({ name: attack.slice(0, 120), message: attack, postcode: String(i), interests: [attack.slice(0, 60), 'x'] });
      assert.equal((await post(s.url, '/signups', { ...r, _meta: meta })).status, 201, attack);
    }
  });
  after(() => s.close());

  const exported = async (query: string) => {
    const res = await fetch(`${s.url}/api/signups?format=csv${query}`, { headers: { authorization: `Bearer ${s.token}` } });
    assert.equal(res.status, 200);
    // Decoded keeping the BOM, which fetch's text() would strip.
    return new TextDecoder('utf-8', { ignoreBOM: true }).decode(await res.arrayBuffer());
  };

  // French or Spanish Excel cuts any CSV at semicolons, even the comma-separated one.
  for (const [name, query, separator, openedWith] of [['comma export', '', ',', [';', ',']], ['semicolon export', '&sep=semicolon', ';', [';']]] as const) {
    it(`holds no live formula in a ${name}, opened with ${openedWith.map((o) => `"${o}"`).join(' or ')}`, async () => {
      const csv = await exported(query);
      assert.equal(csv.charCodeAt(0), 0xfeff, 'UTF-8 with BOM');
      for (const opened of openedWith) {
        const table = cells(csv, opened);
        const bad = table.flat().filter(live);
        assert.deepEqual(bad, [], `opened with "${opened}"`);
      }
      // Read with its own separator, every attack is one whole cell, kept whole but for the apostrophes.
      const table = cells(csv, separator);
      const header = table[0]!;
      assert.ok(header.includes('name') && header.includes('email'));
      const messages = table.slice(1).map((r) => r[header.indexOf('message')]);
      // (The schema trims a value's surrounding spaces before it is stored.)
      for (const attack of ATTACKS) assert.ok(messages.some((m) => m?.replaceAll(";'", ';').replace(/^'/, '') === attack.trim()), attack);
    });
  }

  it('refuses an unknown separator', async () => {
    const res = await fetch(`${s.url}/api/signups?format=csv&sep=tab`, { headers: { authorization: `Bearer ${s.token}` } });
    assert.equal(res.status, 400);
  });
});

describe('the time trap', () => {
  let s: TestServer;
  before(async () => (s = await startTestServer({ minFillMs: 1500 })));
  after(() => s.close());

  const token = async () => ((await (await fetch(`${s.url}/api/form-token`)).json()) as { token: string }).token;

  it('runs on the server’s clock: a form token fetched now is too fresh, whatever the browser claims', async () => {
    const started = await token();
    const res = await post(s.url, '/signups', { ...signup(), _meta: { hp: '', elapsed: 60_000, started } });
    assert.equal(res.status, 422);
    assert.match(((await res.json()) as { detail: string }).detail, /faster than a person/);
  });

  it('accepts a form shown long enough ago, and refuses a forged or foreign token', async () => {
    const twoSecondsAgo = formToken(sqliteOf(s), Date.now() - 2000);
    assert.equal((await post(s.url, '/signups', { ...signup(), _meta: { hp: '', elapsed: 0, started: twoSecondsAgo } })).status, 201);
    const forged = `${(Date.now() - 60_000).toString(36)}.${twoSecondsAgo.split('.')[1]}`;
    const res = await post(s.url, '/signups', { ...signup(), _meta: { hp: '', started: forged } });
    assert.equal(res.status, 422);
    assert.match(((await res.json()) as { detail: string }).detail, /token is not this server/);
    const old = formToken(sqliteOf(s), Date.now() - 8 * 86_400_000);
    assert.equal((await post(s.url, '/signups', { ...signup(), _meta: { hp: '', started: old } })).status, 422);
  });

  it('is fetched by the REST adapter, as forms do', async () => {
    const t = await new RestAdapter(`${s.url}/api`).formToken();
    assert.match(t, /^[0-9a-z]+\.[\w-]{43}$/);
    assert.equal((await fetch(`${s.url}/api/form-token`)).headers.get('cache-control'), 'no-store');
  });
});

describe('the honeypot', () => {
  let s: TestServer;
  before(async () => (s = await startTestServer()));
  after(() => s.close());

  it('refuses anything but an empty string: spaces, a number, a list', async () => {
    for (const hp of [' ', 0, 1, ['x'], false]) {
      const res = await post(s.url, '/signups', { ...signup(), _meta: { ...meta, hp } });
      assert.equal(res.status, 422, JSON.stringify(hp));
    }
    assert.equal((await post(s.url, '/signups', { ...signup(), _meta: { elapsed: 4000 } })).status, 201);
  });
});

describe('rate limits', () => {
  it('count every address of an IPv6 /64 as one client, and IPv4 addresses one by one', async () => {
    assert.equal(rateKey('2001:db8:1:2:aaaa::1'), rateKey('2001:0db8:0001:0002:ffff:1:2:3'));
    assert.notEqual(rateKey('2001:db8:1:2::1'), rateKey('2001:db8:1:3::1'));
    assert.equal(rateKey('::ffff:192.0.2.1'), '192.0.2.1');
    assert.equal(rateKey('::1'), '0:0:0:0::/64');
    const s = await startTestServer({ writesPerMinute: 2, trustProxy: true });
    try {
      const from = (address: string) => post(s.url, '/signups', { ...signup(), _meta: meta }, { 'x-forwarded-for': address });
      assert.equal((await from('2001:db8:1:2::1')).status, 201);
      assert.equal((await from('2001:db8:1:2::2')).status, 201);
      assert.equal((await from('2001:db8:1:2:ffff:ffff:ffff:ffff')).status, 429);
      assert.equal((await from('2001:db8:1:3::1')).status, 201);
      assert.equal((await from('192.0.2.1')).status, 201);
      assert.equal((await from('192.0.2.2')).status, 201);
    } finally {
      await s.close();
    }
  });
});
