/**
 * A person's rights, with Code.gs on its fake services: staff find, export and
 * erase one person (from the spreadsheet's menu or through the web app), a
 * supporter sees and erases their own record with the secret of their private
 * link, and old data goes after a set number of months.
 */
import { describe, it, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { FakeUi } from './fake-gas.ts';
import { campaign, signup, response, post, consent, ids, staffRead, type Campaign } from './campaign.ts';

let app: Campaign;
beforeEach(() => {
  app = campaign();
});

const contact = (email: string, extra: Record<string, unknown> = {}) => ({ name: 'Léa M.', email, consent: { purpose: 'contact', version: '2026-09', at: '2026-10-03T18:00:00Z' }, ...extra });

/** Léa signed up twice (once by phone only) and answered a survey with her email; Sam signed up once. */
function lea() {
  const first = app.post(signup('signup-lea-1', { phone: '06 12 34 56 78' }));
  const second = app.post(signup('signup-lea-2', { email: undefined, phone: '+33 6 12 34 56 78', chapter: 'paris' }));
  const answered = app.post(response('response-lea-1', { contact: contact('LEA@example.org ') }));
  app.post(signup('signup-sam-1', { name: 'Sam Dubois', email: 'sam@example.org', phone: '07 00 00 00 01' }));
  app.post(response('response-anon-1'));
  return { first, second, answered };
}

const everywhere = () => app.private.allText() + '\n' + app.gas.book.allText() + '\n' + app.gas.consoleLines.join('\n');
const keyed = (kind: string, value: string) => createHmac('sha256', app.gas.properties.SECRET_KEY!).update(`${kind}:${value}`).digest('hex');

describe('staff, through the web app', () => {
  it('find everything held about a person by email or phone, whichever way the number was written', () => {
    lea();
    const byEmail = app.post({ action: 'find-person', token: app.staff, email: ' Lea@Example.org' });
    assert.equal(byEmail.ok, true);
    assert.deepEqual(ids(byEmail.person!.signups), ['signup-lea-1']);
    assert.deepEqual(ids(byEmail.person!.responses), ['response-lea-1']);
    assert.deepEqual(byEmail.person!.posts, []);
    assert.ok(byEmail.person!.signups.every((s) => !('secret_hash' in s)));
    const byPhone = app.post({ action: 'find-person', token: app.staff, phone: '0612345678' });
    assert.deepEqual(ids(byPhone.person!.signups), ['signup-lea-1', 'signup-lea-2']);
    assert.deepEqual(app.post({ action: 'find-person', token: app.staff, email: 'nobody@example.org' }).person, { signups: [], responses: [], posts: [] });
    assert.equal(app.post({ action: 'find-person', token: app.staff }).status, 422);
    assert.equal(app.post({ action: 'find-person', token: app.staff, phone: '12' }).status, 422);
  });

  it('erase a person from every tab, and keep a record of the erasure without their email', () => {
    lea();
    const answer = app.post({ action: 'erase-person', token: app.staff, email: 'lea@example.org' });
    assert.deepEqual(answer, { ok: true, erased: 2 });
    const left = everywhere();
    for (const trace of ['lea@example.org', 'LEA@example.org', 'signup-lea-1', 'response-lea-1']) assert.ok(!left.includes(trace), trace);
    assert.deepEqual(ids(app.private.tab('signups').records()), ['signup-lea-2', 'signup-sam-1'], 'a sign-up without that email stays');
    assert.deepEqual(ids(app.private.tab('responses').records()), ['response-anon-1']);

    const [erasure] = app.private.tab('erasures').records();
    assert.equal(erasure!.by, 'Camille (staff)');
    assert.equal(erasure!.how, 'staff request');
    assert.equal(erasure!.records, 2);
    assert.equal(erasure!.email_hash, keyed('email', 'lea@example.org'));
    assert.ok(Date.parse(String(erasure!.at)) <= Date.now());
    assert.deepEqual([app.private.tab('access_log').records().at(-1)!.action, app.private.tab('access_log').records().at(-1)!.records], ['erase person', 2]);

    assert.deepEqual(app.post({ action: 'erase-person', token: app.staff, phone: '06 12 34 56 78' }), { ok: true, erased: 1 });
    assert.ok(!everywhere().includes('12 34 56 78'));
    assert.deepEqual(ids(app.private.tab('signups').records()), ['signup-sam-1']);
  });

  it('erase the posts whose consent record names the person, with that record', () => {
    app.post(post('post-0100', { contact: { email: 'lea@example.org' } }));
    app.post({ action: 'moderate', id: 'post-0100', moderation: 'approve', token: app.staff });
    assert.ok(ids(app.get({ collection: 'posts' }).items).includes('post-0100'));
    const found = app.post({ action: 'find-person', token: app.staff, email: 'lea@example.org' });
    assert.deepEqual(found.person!.posts.map((p) => [p.id, p.author, p.locale]), [['post-0100', 'Léa M.', 'fr']]);
    assert.deepEqual(app.post({ action: 'erase-person', token: app.staff, email: 'lea@example.org' }), { ok: true, erased: 1 });
    assert.ok(!ids(app.get({ collection: 'posts' }).items).includes('post-0100'));
    assert.deepEqual(app.private.tab('post_consents').records(), []);
    assert.ok(!app.gas.book.allText().includes('post-0100'));
  });

  it('is for campaign staff: a chapter lead can neither find nor erase a person', () => {
    lea();
    for (const action of ['find-person', 'erase-person']) {
      const answer = app.post({ action, token: app.lyonLead, email: 'lea@example.org' });
      assert.equal(answer.status, 403, action);
      assert.equal(answer.person, undefined);
    }
    assert.equal(app.post({ action: 'erase-person', token: 'wrong', email: 'lea@example.org' }).status, 401);
    assert.equal(app.private.tab('signups').records().length, 3);
  });
});

describe('staff, from the spreadsheet’s menu', () => {
  beforeEach(() => {
    app.gas.ui = new FakeUi();
  });

  it('find a person: where their records are, not the records themselves', () => {
    lea();
    app.gas.ui!.answers.push('lea@example.org');
    const person = app.call<{ signups: unknown[]; responses: unknown[] }>('findPerson');
    assert.equal(person.signups.length + person.responses.length, 2);
    const [ask, said] = app.gas.ui!.shown;
    assert.equal(ask!.kind, 'prompt');
    assert.equal(said!.text, 'Held about this person: 1 sign-ups, 1 survey answers, 0 posts.\nWhere: signups 2, responses 2 (tab and row in the private spreadsheet; posts in this sheet).');
  });

  it('export a person as JSON, in a window to copy from, and in the log only when run without the spreadsheet', () => {
    lea();
    app.gas.ui!.answers.push('lea@example.org');
    app.call('exportPerson');
    const dialog = app.gas.ui!.shown.find((d) => d.kind === 'dialog')!;
    const json = /<textarea[^>]*>([\s\S]*)<\/textarea>/.exec(dialog.text)![1]!.replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
    const exported = JSON.parse(json);
    assert.deepEqual(ids(exported.signups), ['signup-lea-1']);
    assert.deepEqual(ids(exported.responses), ['response-lea-1']);
    assert.ok(!app.gas.consoleLines.some((l) => l.includes('lea@example.org')), 'nothing personal in the log');
    assert.equal(app.private.tab('access_log').records().at(-1)!.action, 'export person');

    app.gas.ui = null;
    app.call('exportPerson', 'sam@example.org');
    assert.deepEqual(ids(JSON.parse(app.gas.consoleLines.at(-1)!).signups), ['signup-sam-1']);
  });

  it('erase a person after asking, or keep everything when the answer is no', () => {
    lea();
    app.gas.ui!.answers.push('sam@example.org', { button: 'NO' });
    assert.equal(app.call('erasePerson'), 0);
    assert.match(app.gas.ui!.shown[1]!.text, /Erase everything held about this person \(1 records\)\?/);
    assert.ok(everywhere().includes('sam@example.org'));

    app.gas.ui!.answers.push('sam@example.org', { button: 'YES' });
    assert.equal(app.call('erasePerson'), 1);
    assert.ok(!everywhere().includes('sam@example.org'));
    assert.ok(!everywhere().includes('Sam Dubois'));
    const erasure = app.private.tab('erasures').records().at(-1)!;
    assert.deepEqual([erasure.by, erasure.how, erasure.records, erasure.email_hash], ['Apps Script editor', 'editor', 1, keyed('email', 'sam@example.org')]);
  });

  it('speak the spreadsheet’s language, French or Spanish, English otherwise', () => {
    app.gas.locale = 'fr_FR';
    app.call('onOpen');
    const menu = app.gas.ui!.menus.at(-1)!;
    assert.equal(menu.caption, 'Archipel');
    assert.deepEqual(menu.items[0], ['Créer le classeur privé', 'setUp']);
    assert.deepEqual(menu.items.filter((i) => i).map((i) => i![1]), ['setUp', 'movePersonalData', 'createToken', 'revokeToken', 'listTokens', 'findPerson', 'exportPerson', 'erasePerson', 'eraseOlderThan', 'eraseOlderThanEveryDay']);
    app.gas.ui!.answers.push('personne@example.org');
    app.call('findPerson');
    assert.equal(app.gas.ui!.shown.at(-2)!.text, 'L’adresse e-mail ou le numéro de téléphone de la personne :');
    assert.equal(app.gas.ui!.shown.at(-1)!.text, 'Aucune donnée n’est conservée sur cette personne.');
    app.gas.locale = 'es_ES';
    app.call('onOpen');
    assert.deepEqual(app.gas.ui!.menus.at(-1)!.items[0], ['Crear la hoja privada', 'setUp']);
    app.gas.locale = 'de_DE';
    app.call('onOpen');
    assert.deepEqual(app.gas.ui!.menus.at(-1)!.items[0], ['Set up the private spreadsheet', 'setUp']);
  });

  it('say to use the menu when run where nobody can be asked', () => {
    app.gas.ui = null;
    for (const name of ['createToken', 'revokeToken', 'findPerson', 'eraseOlderThan']) {
      assert.equal(app.call(name), null);
      assert.match(app.gas.consoleLines.at(-1)!, /Archipel menu of the spreadsheet/);
    }
  });
});

describe('a supporter’s private link', () => {
  it('comes with each sign-up and survey answer: 32 unguessable bytes, kept only as a fingerprint, never the share code', () => {
    const { first, answered } = lea();
    for (const receipt of [first, answered]) {
      assert.match(receipt.secret!, /^[A-Za-z0-9_-]{43}$/);
      assert.equal(Buffer.from(receipt.secret!, 'base64url').length, 32);
      assert.ok(!everywhere().includes(receipt.secret!));
    }
    assert.notEqual(first.secret, answered.secret);
    const withRef = app.post(signup('signup-ref-1', { ref: 'LEA-7Q2', email: 'r@example.org' }));
    assert.notEqual(withRef.secret, 'LEA-7Q2');
    assert.ok(!withRef.secret!.includes('LEA-7Q2'));
    assert.equal(app.post(post('post-0100')).secret, undefined, 'posts have none');
  });

  it('shows what is held with it, and only that: not the same person’s other records', () => {
    const { first, answered } = lea();
    const mine = app.post({ action: 'mine', secret: first.secret });
    assert.equal(mine.ok, true);
    assert.deepEqual(ids(mine.person!.signups), ['signup-lea-1']);
    assert.equal(mine.person!.signups[0]!.email, 'lea@example.org');
    assert.ok(!('secret_hash' in mine.person!.signups[0]!));
    assert.deepEqual(mine.person!.responses, []);
    assert.deepEqual(ids(app.post({ action: 'mine', secret: answered.secret }).person!.responses), ['response-lea-1']);
  });

  it('refuses a wrong secret, a share code or an id, and says nothing of anyone', () => {
    const { first } = lea();
    const wrong = first.secret!.slice(0, -1) + (first.secret!.endsWith('A') ? 'B' : 'A');
    for (const secret of [wrong, '', 'signup-lea-1', 'LEA-7Q2', undefined, first.secret + 'x']) {
      for (const action of ['mine', 'forget-me']) {
        const answer = app.post({ action, secret });
        assert.equal(answer.ok, false, `${action} ${secret}`);
        assert.equal(answer.status, 404);
        assert.equal(answer.person, undefined);
        assert.equal(answer.error, 'Nothing is held with this private link: it was mistyped, or what it pointed to was already erased.');
      }
    }
    assert.equal(app.private.tab('signups').records().length, 3);
  });

  it('erases what it points to with forget-me, once, keeping a record without the email', () => {
    const { first } = lea();
    assert.deepEqual(app.post({ action: 'forget-me', secret: first.secret }), { ok: true, erased: 1, withdrawn: 0 });
    assert.deepEqual(ids(app.private.tab('signups').records()), ['signup-lea-2', 'signup-sam-1']);
    assert.equal(app.post({ action: 'mine', secret: first.secret }).status, 404);
    assert.equal(app.post({ action: 'forget-me', secret: first.secret }).status, 404);
    const erasure = app.private.tab('erasures').records().at(-1)!;
    assert.deepEqual([erasure.by, erasure.how, erasure.records, erasure.email_hash], ['the person, through their private link', 'private link', 1, keyed('email', 'lea@example.org')]);
    assert.ok(!app.private.tab('erasures').cells.flat().some((c) => String(c).includes('lea@')));
  });

  it('withdraws one consent and keeps the others; the last one withdrawn erases the sign-up', () => {
    const both = [...consent, { purpose: 'sms', version: '2026-09', at: '2026-10-01T10:00:00Z' }];
    const receipt = app.post(signup('signup-two-1', { consent: both }));
    assert.deepEqual(app.post({ action: 'forget-me', secret: receipt.secret, purpose: 'sms' }), { ok: true, erased: 0, withdrawn: 1 });
    assert.deepEqual(JSON.parse(String(app.private.tab('signups').records()[0]!.consent)), consent);
    assert.deepEqual(app.post({ action: 'forget-me', secret: receipt.secret, purpose: 'sms' }), { ok: true, erased: 0, withdrawn: 0 });
    assert.deepEqual(app.post({ action: 'forget-me', secret: receipt.secret, purpose: 'updates' }), { ok: true, erased: 1, withdrawn: 0 });
    assert.equal(app.private.tab('signups').records().length, 0);
  });

  it('withdraws the consent to be contacted from survey answers, which stay, anonymous', () => {
    const receipt = app.post(response('response-c-1', { contact: contact('lea@example.org') }));
    assert.deepEqual(app.post({ action: 'forget-me', secret: receipt.secret, purpose: 'contact' }), { ok: true, erased: 0, withdrawn: 1 });
    const [row] = app.private.tab('responses').records();
    assert.equal(row!.contact, '');
    // One column per question: the answers stay where they were.
    assert.deepEqual([row!.implication, row!.pret], ['Je découvre', 4]);
    assert.ok(!app.private.allText().includes('lea@example.org'));
    assert.equal(app.private.tab('erasures').records().at(-1)!.email_hash, keyed('email', 'lea@example.org'));
  });
});

describe('keeping data for a limited time', () => {
  const ago = (months: number) => {
    const d = new Date();
    d.setMonth(d.getMonth() - months);
    return d.toISOString();
  };

  it('erases sign-ups, and survey contacts, older than the months given; answers stay', () => {
    app.post(signup('signup-old-1', { created: ago(30) }));
    app.post(signup('signup-new-1', { created: ago(2), email: 'new@example.org' }));
    app.post(response('response-old-1', { created: ago(30), contact: contact('old@example.org') }));
    app.post(response('response-old-2', { created: ago(30) }));
    assert.deepEqual(app.call('eraseOlderThan', 24), { signups: 1, responses: 1 });
    assert.deepEqual(ids(app.private.tab('signups').records()), ['signup-new-1']);
    assert.deepEqual(ids(app.private.tab('responses').records()), ['response-old-1', 'response-old-2']);
    assert.ok(!app.private.allText().includes('old@example.org'));
    const erasure = app.private.tab('erasures').records().at(-1)!;
    assert.deepEqual([erasure.records, erasure.note, erasure.email_hash], [2, 'older than 24 months', '']);
  });

  it('runs every night once asked to, until asked to stop with 0', () => {
    assert.equal(app.call('eraseOlderThanEveryDay', 12), 12);
    assert.equal(app.call('eraseOlderThanEveryDay', '18'), 18);
    assert.deepEqual(app.gas.triggers.map((t) => [t.getHandlerFunction(), t.everyDays, t.atHour]), [['runRetention', 1, 3]]);
    assert.equal(app.gas.properties.RETENTION_MONTHS, '18');
    app.post(signup('signup-old-1', { created: ago(20) }));
    const night = app.call<{ signups: number }>(app.gas.triggers[0]!.getHandlerFunction());
    assert.equal(night.signups, 1);
    assert.equal(app.private.tab('erasures').records().at(-1)!.how, 'nightly retention');
    assert.equal(app.call('eraseOlderThanEveryDay', 0), 0);
    assert.deepEqual(app.gas.triggers, []);
    assert.equal(app.call('runRetention'), null);
  });

  it('refuses what is not a whole number of months', () => {
    app.gas.ui = new FakeUi();
    app.post(signup('signup-old-1', { created: ago(30) }));
    for (const months of ['deux ans', '-3', '1.5', '0']) assert.equal(app.call('eraseOlderThan', months), null, months);
    assert.equal(app.private.tab('signups').records().length, 1);
    assert.match(app.gas.ui.shown.at(-1)!.text, /whole number of months/);
  });
});

describe('staff reads after erasures', () => {
  it('no longer list what was erased', () => {
    lea();
    app.post({ action: 'erase-person', token: app.staff, email: 'sam@example.org' });
    assert.deepEqual(ids(staffRead(app, 'signups', app.staff).items), ['signup-lea-1', 'signup-lea-2']);
  });
});
