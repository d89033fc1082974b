/**
 * Collecting the fediverse and Bluesky into the moderation queue (#24): recorded answers of Mastodon, Pixelfed
 * and Bluesky (tests/fixtures/{mastodon,pixelfed,bluesky}, byte for byte as each API sends them), served from a
 * loopback HTTP server standing in for each network; the reference server's own routes read the result. On SQLite
 * here, and on PostgreSQL through server.postgres.node.test.ts.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { collect, htmlToText, type SocialSource } from '../../packages/server/src/collect.ts';
import { startTestServer, testDatabase, type TestServer } from './support.ts';

const FIXTURES = new URL('../fixtures/', import.meta.url);
const HOSTS: Record<string, string> = { 'mastodon.example': 'mastodon', 'pixelfed.example': 'pixelfed', 'bsky.example': 'bluesky' };

interface Network {
  server: Server;
  requests: URL[];
  /** The answer to send instead of a recorded one, by host. */
  override: Map<string, { status: number; body: string }>;
  /** A fetch that sends https://<network host>/… to the loopback stand-in, keeping the host in a header. */
  fetch: typeof fetch;
  /** Changes a recorded answer before it is sent (an edit on the network), by host. */
  rewrite: Map<string, (body: string) => string>;
}

async function networks(): Promise<Network> {
  const requests: URL[] = [];
  const override = new Map<string, { status: number; body: string }>();
  const rewrite = new Map<string, (body: string) => string>();
  const server = createServer((req, res) => {
    const host = String(req.headers['x-network-host']);
    const url = new URL(req.url!, `https://${host}`);
    requests.push(url);
    const forced = override.get(host);
    if (forced) return void res.writeHead(forced.status, { 'content-type': 'application/json' }).end(forced.body);
    readFile(new URL(`${HOSTS[host]}${decodeURIComponent(url.pathname)}`, FIXTURES), 'utf8').then(
      (body) => res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' }).end((rewrite.get(host) ?? ((b) => b))(body)),
      () => res.writeHead(404).end('{"error":"Record not found"}'),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const fetchVia: typeof fetch = (input, init) => {
    const url = new URL(String(input instanceof Request ? input.url : input));
    return fetch(`http://127.0.0.1:${port}${url.pathname}${url.search}`, { ...init, headers: { ...(init?.headers as Record<string, string>), 'x-network-host': url.host } });
  };
  return { server, requests, override, rewrite, fetch: fetchVia };
}

const sources: SocialSource[] = [
  { network: 'mastodon', base: 'https://mastodon.example' },
  { network: 'pixelfed', base: 'https://pixelfed.example' },
  { network: 'bluesky', base: 'https://bsky.example' },
];
const trusted = ['@vagueclimat@pixelfed.example', '@VagueClimat.bsky.social'];

describe(`collecting posts under a hashtag into the moderation queue (${testDatabase()})`, () => {
  let s: TestServer;
  let net: Network;
  const get = async (path: string, token?: string) => (await fetch(`${s.url}/api${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} })).json() as Promise<{ items: Record<string, string>[] }>;
  const publicWall = async () => (await get('/posts?limit=100')).items.filter((p) => p.source);
  const queue = async () => (await get('/moderation?limit=100', s.token)).items.filter((p) => p.source);
  const patch = (id: string, action: string) =>
    fetch(`${s.url}/api/posts/${id}`, { method: 'PATCH', headers: { authorization: `Bearer ${s.token}`, 'content-type': 'application/json' }, body: JSON.stringify({ action }) });
  const round = () => collect(s.store, { sources, tags: ['#VagueClimat'], trusted, fetch: net.fetch });

  before(async () => {
    s = await startTestServer();
    net = await networks();
  });
  after(async () => {
    await s.close();
    net.server.close();
  });

  it('puts strangers’ posts in the queue, publishes trusted accounts at once, and leaves untagged posts out', async () => {
    const reports = await round();
    assert.deepEqual(
      reports.map((r) => [r.source, r.tag, r.read, r.trusted, r.skipped.length, r.error]),
      [
        ['mastodon https://mastodon.example', 'VagueClimat', 3, 0, 0, undefined],
        ['pixelfed https://pixelfed.example', 'VagueClimat', 2, 1, 0, undefined],
        ['bluesky https://bsky.example', 'VagueClimat', 3, 1, 0, undefined],
      ],
    );
    assert.deepEqual(
      net.requests.map((u) => `${u.host}${u.pathname}${u.search}`),
      ['mastodon.example/api/v1/timelines/tag/VagueClimat?limit=40', 'pixelfed.example/api/v1/timelines/tag/VagueClimat?limit=40', 'bsky.example/xrpc/app.bsky.feed.searchPosts?q=%23VagueClimat&sort=latest&limit=50'],
    );
    // Published: the campaign's own Pixelfed and Bluesky accounts, except the post Bluesky's moderation labelled.
    const wall = await publicWall();
    assert.deepEqual(wall.map((p) => [p.source, p.account, p.text]).sort(), [
      ['bluesky', '@vagueclimat.bsky.social', 'Les photos de la marche de Nantes sont en ligne #VagueClimat'],
      ['pixelfed', '@vagueclimat@pixelfed.example', 'Rendez-vous à 14 h place Bellecour ! #VagueClimat'],
    ]);
    const waiting = await queue();
    const by = (account: string) => waiting.find((p) => p.account === account)!;
    assert.deepEqual(waiting.map((p) => p.account).sort(), ['@camille@mastodon.example', '@jo-nantes.bsky.social', '@maya@pixelfed.example', '@troll@evil.example', '@vagueclimat.bsky.social', '@noor@mastodon.example'].sort());
    assert.ok(waiting.every((p) => p.status === 'pending'));
    // Pixelfed's photo and its description, Bluesky's full-size picture and alt text, links back to each post.
    const maya = by('@maya@pixelfed.example');
    assert.equal(maya.text, "Notre banderole pour samedi, peinte par tout l'immeuble #VagueClimat");
    assert.equal(maya.image, 'https://pixelfed.example/storage/m/_v2/681299000000000101/banderole.jpg');
    assert.equal(maya.alt, 'Une banderole peinte « Le climat n’attend pas » étendue sur le trottoir devant une gare');
    assert.equal(maya.link, 'https://pixelfed.example/p/maya/681299000000000042');
    const jo = by('@jo-nantes.bsky.social');
    assert.equal(jo.author, 'Jo 🌊');
    assert.match(jo.image!, /^https:\/\/cdn\.bsky\.app\/img\/feed_fullsize\/plain\/did:plc:k2q3m4n5p6r7s8t9v0w1x2y3\//);
    assert.equal(jo.link, 'https://bsky.app/profile/jo-nantes.bsky.social/post/3lbvxq7k2cs2a');
    assert.ok(!waiting.some((p) => p.author === 'Météo fan'), 'a post that only says the words, without the hashtag, is left out');
    // Mastodon's HTML arrives as words: the long link whole, paragraphs kept, nothing of the hostile status's markup.
    const camille = by('@camille@mastodon.example');
    assert.equal(camille.text, 'Marche du 12 décembre à Lyon : on sera là avec @lea et tout le quartier ! #VagueClimat\n\nInfos : https://vagueclimat.example.org/agir/marche-du-12-decembre');
    for (const p of waiting) assert.doesNotMatch(p.text ?? '', /<|javascript:/i, `${p.account} kept markup`);
    // A content warning comes first, and its post waits whoever wrote it.
    assert.match(by('@noor@mastodon.example').text!, /^Police, tension\n\n/);
  });

  it('changes nothing when the same posts are read again, and follows an edit', async () => {
    const before = (await queue()).map((p) => JSON.stringify(p)).sort();
    await round();
    assert.deepEqual((await queue()).map((p) => JSON.stringify(p)).sort(), before);
    net.rewrite.set('pixelfed.example', (body) => body.replace('peinte par tout l&#039;immeuble', 'peinte par tout le quartier'));
    await round();
    net.rewrite.clear();
    assert.equal((await queue()).find((p) => p.account === '@maya@pixelfed.example')!.text, 'Notre banderole pour samedi, peinte par tout le quartier #VagueClimat');
  });

  it('approves like any post, and a decision stands when the network is read again', async () => {
    const maya = (await queue()).find((p) => p.account === '@maya@pixelfed.example')!;
    assert.equal((await patch(maya.id!, 'approve')).status, 200);
    await round();
    assert.ok((await publicWall()).some((p) => p.id === maya.id));
    assert.ok(!(await queue()).some((p) => p.id === maya.id));
  });

  it('blocks an account, not a name: a renamed account stays hidden, another with its name does not', async () => {
    const troll = (await queue()).find((p) => p.account === '@troll@evil.example')!;
    assert.equal((await patch(troll.id!, 'block-author')).status, 200);
    // The troll renames itself after a supporter, and posts again; the supporter's own post is untouched.
    net.rewrite.set('mastodon.example', (body) => body.replace('"display_name":"\\u003cimg src=x onerror=window.__xss=1\\u003e"', '"display_name":"Camille ✊"'));
    await round();
    net.rewrite.clear();
    const all = [...(await queue()), ...(await publicWall())];
    assert.ok(!all.some((p) => p.account === '@troll@evil.example'), 'the blocked account is back');
    assert.ok(all.some((p) => p.account === '@camille@mastodon.example'), 'blocking hid someone else');
  });

  it('says why a network was not read, and keeps what it brought before', async () => {
    net.override.set('mastodon.example', { status: 429, body: await readFile(new URL('mastodon/rate-limited.json', FIXTURES), 'utf8') });
    net.override.set('bsky.example', { status: 403, body: '{"error":"AuthMissing","message":"Authentication Required"}' });
    const reports = await round();
    net.override.clear();
    assert.equal(reports[0]!.error, 'mastodon.example asked to slow down (429); collect less often.');
    assert.match(reports[2]!.error!, /^bsky\.example answers only signed-in requests here \(403\)/);
    assert.equal(reports[1]!.error, undefined);
    assert.ok((await queue()).some((p) => p.account === '@camille@mastodon.example'));
  });

  it('keeps collected posts out of every public answer until approved', async () => {
    const pending = (await queue()).map((p) => p.id);
    assert.ok(pending.length >= 3);
    const text = await (await fetch(`${s.url}/api/posts?limit=1000`)).text();
    for (const id of pending) assert.ok(!text.includes(String(id)), `${id} is public before approval`);
  });
});

describe('htmlToText', () => {
  it('keeps words, paragraphs and line breaks, and decodes entities once', () => {
    assert.equal(htmlToText('<p>A &amp; B<br>C</p><p>&lt;script&gt; &#128578; &#x1F30A; &amp;lt;</p>'), 'A & B\nC\n\n<script> 🙂 🌊 &lt;');
  });
});
