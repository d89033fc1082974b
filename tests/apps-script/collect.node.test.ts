/**
 * Code.gs collecting the fediverse and Bluesky on a timer (#24), as the reference server does
 * (tests/server/collect.node.test.ts): the recorded answers of Mastodon, Pixelfed and Bluesky
 * (tests/fixtures/{mastodon,pixelfed,bluesky}, byte for byte) served by the fake UrlFetchApp, the posts read
 * back through the web app's public read and its staff moderation queue.
 */
import { describe, it, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { hashText } from '../../packages/core/src/parse.ts';
import { campaign, staffRead, type Campaign } from './campaign.ts';

const FIXTURES = new URL('../fixtures/', import.meta.url);
const HOSTS: Record<string, string> = { 'mastodon.example': 'mastodon', 'pixelfed.example': 'pixelfed', 'bsky.example': 'bluesky' };

let app: Campaign;
/** Answers instead of the recorded ones, by host; and edits of the recorded ones (a post edited on its network). */
let override: Map<string, { status: number; body: string }>;
let rewrite: Map<string, (body: string) => string>;

beforeEach(() => {
  app = campaign();
  override = new Map();
  rewrite = new Map();
  app.gas.web = (url) => {
    const forced = override.get(url.host);
    if (forced) return forced;
    if (!HOSTS[url.host]) return undefined;
    try {
      const body = readFileSync(new URL(`${HOSTS[url.host]}${decodeURIComponent(url.pathname)}`, FIXTURES), 'utf8');
      return { status: 200, body: (rewrite.get(url.host) ?? ((b: string) => b))(body) };
    } catch {
      return { status: 404, body: '{"error":"Record not found"}' };
    }
  };
  Object.assign(app.gas.properties, {
    COLLECT_TAGS: '#VagueClimat',
    MASTODON: 'https://mastodon.example',
    PIXELFED: 'https://pixelfed.example/',
    BLUESKY: 'https://bsky.example',
    TRUSTED_ACCOUNTS: '@vagueclimat@pixelfed.example, @VagueClimat.bsky.social',
  });
});

const collected = (items: Record<string, unknown>[] | undefined) => (items ?? []).filter((p) => p.source && p.source !== 'archipel');
const wall = () => collected(app.get({ collection: 'posts' }).items);
const queue = () => collected(staffRead(app, 'moderation', app.staff).items);
const round = () => app.call<string[]>('collectSocial');

describe('collectSocial', () => {
  it('installs itself on a timer once, and says what to fill in when nothing is set', () => {
    assert.equal(app.call('installCollector'), 10);
    assert.equal(app.call('installCollector', 5), 5);
    assert.deepEqual(app.gas.triggers.map((t) => [t.getHandlerFunction(), t.everyMinutes]), [['collectSocial', 5]]);
    assert.equal(app.call('installCollector', 7), null);
    assert.match(app.gas.consoleLines.at(-1)!, /every 5, 10, 15 or 30 minutes/);
    assert.equal(app.call('installCollector', 0), 0);
    assert.deepEqual(app.gas.triggers, []);
    delete app.gas.properties.COLLECT_TAGS;
    assert.equal(app.call('installCollector'), null);
    assert.match(app.gas.consoleLines.at(-1)!, /COLLECT_TAGS/);
    assert.deepEqual(app.gas.triggers, []);
  });

  it('puts strangers’ posts in the queue, publishes trusted accounts at once, and leaves untagged posts out', () => {
    const lines = round();
    assert.deepEqual(app.gas.fetched, [
      'https://mastodon.example/api/v1/timelines/tag/VagueClimat?limit=40',
      'https://pixelfed.example/api/v1/timelines/tag/VagueClimat?limit=40',
      'https://bsky.example/xrpc/app.bsky.feed.searchPosts?q=%23VagueClimat&sort=latest&limit=50',
    ]);
    assert.deepEqual(lines, [
      'mastodon https://mastodon.example #VagueClimat: 3 new, 0 from trusted accounts published, 0 edited, the rest waiting for moderation.',
      'pixelfed https://pixelfed.example #VagueClimat: 2 new, 1 from trusted accounts published, 0 edited, the rest waiting for moderation.',
      'bluesky https://bsky.example #VagueClimat: 3 new, 1 from trusted accounts published, 0 edited, the rest waiting for moderation.',
    ]);
    assert.deepEqual(wall().map((p) => [p.source, p.account, p.text]).sort(), [
      ['bluesky', '@vagueclimat.bsky.social', 'Les photos de la marche de Nantes sont en ligne #VagueClimat'],
      ['pixelfed', '@vagueclimat@pixelfed.example', 'Rendez-vous à 14 h place Bellecour ! #VagueClimat'],
    ]);
    const waiting = queue();
    const by = (account: string) => waiting.find((p) => p.account === account)!;
    assert.deepEqual(waiting.map((p) => p.account).sort(), ['@camille@mastodon.example', '@jo-nantes.bsky.social', '@maya@pixelfed.example', '@noor@mastodon.example', '@troll@evil.example', '@vagueclimat.bsky.social']);
    assert.ok(waiting.every((p) => p.status === 'pending'));
    // The same ids as the reference server gives: the network's own URI, hashed by core's hashText.
    const maya = by('@maya@pixelfed.example');
    assert.equal(maya.id, `pixelfed-${hashText('https://pixelfed.example/p/maya/681299000000000042')}`);
    assert.equal(maya.text, "Notre banderole pour samedi, peinte par tout l'immeuble #VagueClimat");
    assert.equal(maya.image, 'https://pixelfed.example/storage/m/_v2/681299000000000101/banderole.jpg');
    assert.equal(maya.alt, 'Une banderole peinte « Le climat n’attend pas » étendue sur le trottoir devant une gare');
    assert.equal(maya.link, 'https://pixelfed.example/p/maya/681299000000000042');
    const jo = by('@jo-nantes.bsky.social');
    assert.equal(jo.author, 'Jo 🌊');
    assert.match(String(jo.image), /^https:\/\/cdn\.bsky\.app\/img\/feed_fullsize\/plain\/did:plc:k2q3m4n5p6r7s8t9v0w1x2y3\//);
    assert.equal(jo.link, 'https://bsky.app/profile/jo-nantes.bsky.social/post/3lbvxq7k2cs2a');
    assert.ok(!waiting.some((p) => p.author === 'Météo fan'), 'a post that only says the words, without the hashtag, is left out');
    const camille = by('@camille@mastodon.example');
    assert.equal(camille.text, 'Marche du 12 décembre à Lyon : on sera là avec @lea et tout le quartier ! #VagueClimat\n\nInfos : https://vagueclimat.example.org/agir/marche-du-12-decembre');
    for (const p of waiting) assert.doesNotMatch(String(p.text), /<|javascript:/i, `${p.account} kept markup`);
    for (const p of waiting) for (const url of [p.image, p.link].filter(Boolean)) assert.match(String(url), /^https:\/\//, `${p.account}: ${url}`);
    // A content warning comes first, and its post waits whoever wrote it.
    assert.match(String(by('@noor@mastodon.example').text), /^Police, tension\n\n/);
  });

  it('changes nothing when the same posts are read again, and follows an edit', () => {
    round();
    const before = JSON.stringify(app.gas.book.tab('posts').cells);
    const lines = round();
    assert.equal(JSON.stringify(app.gas.book.tab('posts').cells), before);
    assert.match(lines[0]!, /: 0 new, 0 from trusted accounts published, 0 edited/);
    rewrite.set('pixelfed.example', (body) => body.replace('peinte par tout l&#039;immeuble', 'peinte par tout le quartier'));
    assert.match(round()[1]!, /: 0 new, 0 from trusted accounts published, 1 edited/);
    assert.equal(queue().find((p) => p.account === '@maya@pixelfed.example')!.text, 'Notre banderole pour samedi, peinte par tout le quartier #VagueClimat');
    assert.equal(app.gas.book.tab('posts').records().length, 7 + 8);
  });

  it('approves and hides like any post, and a decision stands when the network is read again', () => {
    round();
    const maya = queue().find((p) => p.account === '@maya@pixelfed.example')!;
    const own = wall().find((p) => p.account === '@vagueclimat@pixelfed.example')!;
    assert.equal(app.post({ action: 'moderate', id: maya.id, moderation: 'approve', token: app.staff }).ok, true);
    assert.equal(app.post({ action: 'moderate', id: own.id, moderation: 'hide', token: app.staff }).ok, true);
    round();
    const shown = wall().map((p) => p.id);
    assert.ok(shown.includes(maya.id));
    assert.ok(!shown.includes(own.id), 'a trusted account’s hidden post came back');
    assert.ok(!queue().some((p) => p.id === maya.id));
  });

  it('blocks an account, not a name: a renamed account stays hidden, another with its name does not', () => {
    round();
    const troll = queue().find((p) => p.account === '@troll@evil.example')!;
    assert.equal(app.post({ action: 'moderate', id: troll.id, moderation: 'block-author', token: app.staff }).ok, true);
    assert.deepEqual(app.private.tab('blocked').cells.at(-1)![0], 'acct:@troll@evil.example');
    // The troll renames itself after a supporter and posts again; the supporter's own post is untouched.
    rewrite.set('mastodon.example', (body) =>
      body.replace('"display_name":"\\u003cimg src=x onerror=window.__xss=1\\u003e"', '"display_name":"Camille ✊"').replace('"uri":"https://mastodon.example/users/troll/statuses/113500000000000002"', '"uri":"https://mastodon.example/users/troll/statuses/113500000000000009"'),
    );
    const lines = round();
    assert.match(lines[0]!, /: 1 new/);
    const rows = app.gas.book.tab('posts').records().filter((r) => r.account === '@troll@evil.example');
    assert.deepEqual(rows.map((r) => [r.author, r.status]).sort(), [
      ['<img src=x onerror=window.__xss=1>', 'hidden'],
      ['Camille ✊', 'hidden'],
    ]);
    const all = [...queue(), ...wall()];
    assert.ok(!all.some((p) => p.account === '@troll@evil.example'), 'the blocked account is back');
    assert.ok(all.some((p) => p.account === '@camille@mastodon.example'), 'blocking hid someone else');
    // Approved by hand in the sheet, a blocked account's post still stays off the wall.
    const sheet = app.gas.book.tab('posts');
    const status = sheet.cells[0]!.indexOf('status');
    for (const row of sheet.cells) if (row.includes('@troll@evil.example')) row[status] = 'approved';
    assert.ok(!wall().some((p) => p.account === '@troll@evil.example'));
  });

  it('says why a network was not read, and keeps what it brought before', () => {
    round();
    override.set('mastodon.example', { status: 429, body: readFileSync(new URL('mastodon/rate-limited.json', FIXTURES), 'utf8') });
    override.set('bsky.example', { status: 403, body: '{"error":"AuthMissing","message":"Authentication Required"}' });
    const lines = round();
    assert.equal(lines[0], 'mastodon https://mastodon.example #VagueClimat: not read (mastodon.example asked to slow down (429); collect less often); what it brought before stays.');
    assert.match(lines[2]!, /^bluesky https:\/\/bsky\.example #VagueClimat: not read \(bsky\.example answers only signed-in requests here \(403\)/);
    assert.match(lines[1]!, /^pixelfed .*: 0 new/);
    assert.ok(queue().some((p) => p.account === '@camille@mastodon.example'));
    assert.deepEqual(app.gas.consoleLines.slice(-3), lines);
  });

  it('keeps collected posts out of every public answer until approved', () => {
    round();
    const pending = queue().map((p) => String(p.id));
    assert.ok(pending.length >= 3);
    const text = JSON.stringify(app.get({ collection: 'posts' }));
    for (const id of pending) assert.ok(!text.includes(id), `${id} is public before approval`);
  });
});
