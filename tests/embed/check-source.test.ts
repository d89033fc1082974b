import { expect } from '@open-wc/testing';
import { checkSource } from '../../packages/embed/src/check-source.ts';
import { registerAdapter } from '../../packages/core/src/adapter.ts';
import { SheetsAdapter } from '../../packages/core/src/adapters/sheets.ts';

// The test server mounts Google's formats under /__google/; teach resolution that, as one would for a proxy.
registerAdapter({ kind: 'sheets', writable: false, test: (u) => u.pathname.startsWith('/__google/spreadsheets/d/'), create: (s) => new SheetsAdapter(s) });

const sheet = (id: string) => `${location.origin}/__google/spreadsheets/d/${id}/edit`;

describe('checking a source before pasting it into a widget', () => {
  it('reports, per collection, what was read, what was skipped and why, and what failed', async () => {
    const report = await checkSource(new URL('../fixtures/json-folder/', import.meta.url).href);
    const by = Object.fromEntries(report.map((r) => [r.collection, r]));
    expect(by.actions!.count).to.equal(3);
    expect(by.actions!.skipped.map((s) => s.row)).to.deep.equal([3, 4]);
    expect(by.chapters!.count).to.equal(2);
    expect(by.posts!.error).to.match(/posts\.json \(404\)/);
    expect(report.some((r) => r.personal)).to.equal(false);
  });

  it('names the unrecognised columns of a Google Sheet tab', async () => {
    const report = await checkSource(sheet('sheet-us'));
    const chapters = report.find((r) => r.collection === 'chapters')!;
    expect(chapters.error).to.match(/No row has a "name" column/);
  });
});

describe('checking that a shared Google Sheet holds nothing personal', () => {
  it('finds nothing to say of a sheet with public tabs only', async () => {
    const report = await checkSource(sheet('sheet-fr'));
    expect(report.map((r) => r.collection)).to.deep.equal(['actions', 'chapters', 'posts', 'surveys']);
    expect(report.filter((r) => r.personal)).to.deep.equal([]);
    expect(report.find((r) => r.collection === 'actions')!.error).to.equal(undefined);
  });

  it('refuses a sheet with sign-ups and responses tabs, and says to move them', async () => {
    const report = await checkSource(sheet('sheet-personal'));
    const signups = report.find((r) => r.collection === 'signups')!;
    const responses = report.find((r) => r.collection === 'responses')!;
    expect(signups.personal).to.deep.equal(['*']);
    expect(signups.count).to.equal(2);
    expect(signups.error).to.equal(
      'Anyone with this sheet\'s address can download its "signups" tab (2 rows). Open the sheet and click Archipel → Move personal data out of this sheet (the Apps Script\'s movePersonalData), or delete the tab.',
    );
    expect(responses.count).to.equal(1);
    expect(responses.error).to.match(/its "responses" tab \(1 row\)\./);
  });

  it('refuses email and phone columns in public tabs, naming them, but not a chapter’s own address', async () => {
    const report = await checkSource(sheet('sheet-personal'));
    const by = Object.fromEntries(report.map((r) => [r.collection, r]));
    expect(by.chapters!.personal).to.deep.equal(['Téléphone du responsable', 'Contact référent', 'responsables']);
    expect(by.chapters!.error).to.contain(
      'Anyone with this sheet\'s address can read the personal data in "Téléphone du responsable", "Contact référent", "responsables". Remove these columns from the shared sheet. A chapter’s public address goes in its "email" column; leaders, with their names and roles only.',
    );
    expect(by.chapters!.count).to.be.above(0, 'the tab is still read, and what it holds reported');
    expect(by.posts!.personal).to.deep.equal(["E-mail de l'auteur"]);
    expect(by.posts!.error).to.match(/the personal data in "E-mail de l'auteur"\. Remove this column from the shared sheet\.$/);
    expect(by.actions!.personal).to.equal(undefined);
    expect(by.surveys!.personal).to.equal(undefined);
  });

  it('says nothing of a sheet nobody can read, since nothing leaks from it', async () => {
    const report = await checkSource(sheet('private'));
    expect(report.filter((r) => r.personal)).to.deep.equal([]);
    expect(report.map((r) => r.collection)).to.deep.equal(['actions', 'chapters', 'posts', 'surveys']);
  });
});

describe('checking calendars', () => {
  const calendars = `${location.origin}/__calendars`;

  it('reads an iCalendar feed’s events as actions, and says which events cannot be shown and why', async () => {
    const report = await checkSource(`${calendars}/collectif-a-corriger.ics`);
    expect(report.map((r) => r.collection)).to.deep.equal(['actions'], 'a calendar holds actions only');
    const [actions] = report;
    expect(actions!.count).to.equal(1);
    expect(actions!.skipped.map((s) => s.row)).to.deep.equal([2, 3]);
    expect(actions!.skipped[0]!.reason).to.match(/^title/);
    expect(actions!.skipped[1]!.reason).to.match(/^start/);
  });

  it('reads an organisation’s public events on Mobilize and an OSDI feed, leaving private and cancelled ones out', async () => {
    const [mobilize, osdi] = await checkSource(`${calendars}/mobilize/v1/organizations/1234/events ${calendars}/osdi/api/v2/events`);
    expect([mobilize!.collection, mobilize!.count, mobilize!.error]).to.deep.equal(['actions', 4, undefined], 'three public events, one of them twice');
    expect([osdi!.collection, osdi!.count, osdi!.error]).to.deep.equal(['actions', 2, undefined]);
  });

  it('checks merged sources one by one, naming the one that fails', async () => {
    const sources = [`${calendars}/alternatiba-lyon.ics`, `${calendars}/mobilizon/@alternatiba_lyon`, `${calendars}/mobilizon/@nobody_here`, `${calendars}/down.ics`];
    const report = await checkSource(sources.join(' '));
    expect(report.map((r) => r.source)).to.deep.equal(sources);
    const [ics, group, nobody, down] = report;
    expect(ics!.count).to.be.above(0);
    expect(ics!.error).to.equal(undefined);
    expect(group!.count).to.equal(3);
    expect(nobody!.error).to.match(/Group not found.*Check the group's name/);
    expect(down!.error).to.match(/503/);
  });
});
