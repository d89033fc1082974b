import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { SheetsAdapter, normaliseDayMonth } from '../../packages/core/src/adapters/sheets.ts';
import { AppsScriptAdapter } from '../../packages/core/src/adapters/apps-script.ts';
import { adapterKind } from '../../packages/core/src/adapter.ts';
import { read, type ReadResult } from '../../packages/core/src/read.ts';
import { AdapterError } from '../../packages/core/src/errors.ts';
import { actionReader, type Action } from '../../packages/core/src/schemas/actions.ts';
import { chapterReader } from '../../packages/core/src/schemas/chapters.ts';
import { surveyReader, type Survey } from '../../packages/core/src/schemas/surveys.ts';
import { inWords } from '../support/issues.ts';
import type { Collection, ReaderOf } from '../../packages/core/src/schema-types.ts';

const sheet = (id: string, hash = '') => `${location.origin}/__google/spreadsheets/d/${id}/edit${hash}`;

async function readAll<C extends Collection>(adapter: SheetsAdapter | AppsScriptAdapter, collection: C, reader: ReaderOf<C>) {
  let last!: ReadResult<unknown>;
  await read(adapter, collection, reader, {}, (r) => (last = r), { force: true });
  return last;
}

describe('recognising Google sources', () => {
  it('reads a sheet URL as a read-only sheet and an Apps Script /exec URL as read-write', () => {
    const s = adapterKind('https://docs.google.com/spreadsheets/d/1AbC_dEf-123/edit#gid=0');
    expect([s.kind, s.writable]).to.deep.equal(['sheets', false]);
    const a = adapterKind('https://script.google.com/macros/s/AKfycbx123_abc/exec');
    expect([a.kind, a.writable]).to.deep.equal(['apps-script', true]);
  });
});

describe('reading a shared Google Sheet (gviz CSV)', () => {
  it('reads French headers, quoted commas and quotes, line breaks in cells, decimal commas, VRAI/FAUX and local dates', async () => {
    const r = await readAll(new SheetsAdapter(sheet('sheet-fr')), 'actions', actionReader);
    const items = r.items as Action[];
    expect(items.map((a) => a.id)).to.deep.equal(['act-1', 'act-2', 'act-3']);
    const [lyon, liege, online] = items as [Action, Action, Action];
    expect(lyon.start).to.equal('2026-12-12T13:00:00.000Z');
    expect(lyon.lat).to.equal(45.7578);
    expect(lyon.virtual).to.equal(false);
    expect(lyon.description).to.equal('Départ place Bellecour, arrivée Hôtel de Ville.\nVenez avec vos banderoles !');
    expect(lyon.url).to.equal('https://vagueclimat.example.org/rsvp/act-1');
    expect(liege.title).to.equal('Atelier "banderoles", peinture et slogans');
    expect(liege.start).to.equal('2026-12-05T09:00:00.000Z');
    expect(online.virtual).to.equal(true);
    expect(online.start).to.equal('2026-12-13T23:30:00.000Z');
  });

  it('skips the bad row with its sheet row number, and passes over empty rows', async () => {
    const r = await readAll(new SheetsAdapter(sheet('sheet-fr')), 'actions', actionReader);
    expect(inWords(r.skipped)).to.deep.equal([{ row: 6, reason: 'start: "bientôt" is not a date (write 2026-12-12 14:00)' }]);
  });

  it('reads month-first dates from a sheet in a United States locale', async () => {
    const r = await readAll(new SheetsAdapter(sheet('sheet-us')), 'actions', actionReader);
    expect((r.items as Action[]).map((a) => a.start)).to.deep.equal(['2026-12-05T19:00:00.000Z', '2026-12-13T23:00:00.000Z']);
  });

  it('builds surveys from one row per question', async () => {
    const r = await readAll(new SheetsAdapter(sheet('sheet-fr')), 'surveys', surveyReader);
    const [s] = r.items as Survey[];
    expect(s!.title).to.equal('Prêt·e à agir ?');
    expect(s!.questions.map((q) => [q.id, q.type])).to.deep.equal([['role', 'single'], ['ready', 'scale'], ['host', 'yesno']]);
    expect(s!.questions[0]!.options).to.deep.equal(['nouveau', 'bénévole', 'organisateur']);
    expect(s!.questions[0]!.required).to.equal(true);
  });

  it('reads texts in other languages from "<field>:<language>" columns, a survey’s questions and options too', async () => {
    const r = await readAll(new SheetsAdapter(sheet('sheet-translated')), 'actions', actionReader);
    const [march, workshop] = r.items as Action[];
    expect(march!.lang).to.equal('fr');
    expect(march!.translations).to.deep.equal({ es: { title: 'Marcha por el clima', description: 'Salida desde la plaza Bellecour.' }, en: { title: 'March for the climate' } });
    expect(workshop!.translations).to.equal(undefined);
    // A place is not translated: the column is named, like any column Archipel does not know.
    expect(r.unknownColumns).to.deep.equal(['Lieu:es']);
    const surveys = await readAll(new SheetsAdapter(sheet('sheet-translated')), 'surveys', surveyReader);
    const [s] = surveys.items as Survey[];
    expect(s!.questions[0]!.options).to.deep.equal(['nouveau', 'bénévole', 'organisateur']);
    expect(s!.translations).to.deep.equal({
      es: {
        title: '¿Lista o listo para actuar?',
        intro: 'Tres minutos.',
        questions: { role: { label: 'Tu implicación', options: ['nueva', 'voluntaria', 'organizadora'] }, ready: { label: '¿Lista o listo para organizar?' } },
      },
    });
  });

  it('says which tab to fix when a tab is missing (gviz answers the first tab instead)', async () => {
    const r = await readAll(new SheetsAdapter(sheet('sheet-fr')), 'chapters', chapterReader);
    expect(r.error).to.equal(undefined);
    const posts = new SheetsAdapter(sheet('sheet-us'));
    const missing = await readAll(posts, 'chapters', chapterReader);
    expect(missing.error!.message).to.match(/chapters: No row has a "name" column.*Columns not recognised: "title", "start"/);
  });

  it('says the sheet must be shared when Google answers a sign-in page', async () => {
    const e = await new SheetsAdapter(sheet('private')).list('actions').catch((err: AdapterError) => err);
    expect((e as AdapterError).message).to.contain('Anyone with the link');
  });

  it('backs off after a 429 and does not call Google again meanwhile', async () => {
    await executeServerCommand('google', { action: 'reset' });
    const a = new SheetsAdapter(sheet('busy'));
    const first = await a.list('actions').catch((err: AdapterError) => err);
    const second = await a.list('actions').catch((err: AdapterError) => err);
    expect((first as AdapterError).retryable).to.equal(true);
    expect((second as AdapterError).message).to.match(/slow down; trying again in \d+ s/);
    const { calls } = await executeServerCommand<{ calls: number }, { action?: string }>('google');
    expect(calls).to.equal(1);
  });

  it('never asks again within its interval, configurable after #, even before its code has loaded', async () => {
    const { resolveAdapter } = await import('../../packages/core/src/adapter.ts');
    expect(resolveAdapter('https://docs.google.com/spreadsheets/d/1AbC/edit').freshFor).to.equal(60);
    expect(resolveAdapter('https://docs.google.com/spreadsheets/d/1AbC/edit#interval=300').freshFor).to.equal(300);
    expect(resolveAdapter('https://script.google.com/macros/s/AKfy1/exec').freshFor).to.equal(30);
    expect(new SheetsAdapter(sheet('sheet-fr', '#interval=300')).freshFor).to.equal(300);
  });

  it('refuses to write, saying how to collect sign-ups', async () => {
    const e = await new SheetsAdapter(sheet('sheet-fr')).submit().catch((err: AdapterError) => err);
    expect((e as AdapterError).kind).to.equal('readonly');
    expect((e as AdapterError).message).to.contain('Apps Script');
  });
});

describe('reading gviz JSON', () => {
  it('reads typed values: Date(…) in the record’s zone, numbers, booleans, null cells', async () => {
    const r = await readAll(new SheetsAdapter(sheet('sheet-fr', '#format=json')), 'actions', actionReader);
    const items = r.items as Action[];
    expect(items.map((a) => [a.id, a.start, a.lat, a.virtual, a.priority])).to.deep.equal([
      ['act-1', '2026-12-12T13:00:00.000Z', 45.7578, false, 1],
      ['act-3', '2026-12-13T23:30:00.000Z', undefined, true, 2],
    ]);
  });

  it('passes on Google’s error message', async () => {
    const { parseGvizJson } = await import('../../packages/core/src/adapters/sheets.ts');
    const text = await (await fetch(new URL('../fixtures/google/sheet-fr/error.json.txt', import.meta.url))).text();
    expect(() => parseGvizJson(text, 'chapters')).to.throw(AdapterError, /Invalid query: NO_COLUMN: Z/);
  });
});

describe('the Apps Script web app', () => {
  const exec = () => `${location.origin}/__google/macros/s/AKfycbTest/exec`;

  it('reads through the 302 hop and maps French headers', async () => {
    const r = await readAll(new AppsScriptAdapter(exec()), 'actions', actionReader);
    expect((r.items as Action[]).map((a) => [a.id, a.city, a.start])).to.deep.equal([['as-1', 'Nantes', '2026-12-12T13:00:00.000Z']]);
    expect(inWords(r.skipped)).to.deep.equal([{ row: 3, reason: 'title: is missing' }]);
  });

  it('writes as text/plain through the 302 hop, and a repeated id is answered alike', async () => {
    await executeServerCommand('google', { action: 'reset' });
    const a = new AppsScriptAdapter(exec());
    const record = { id: 'signup-apps-1', email: 'a@example.org' };
    const first = await a.submit('signups', record, { hp: '', elapsed: 4000 });
    const again = await a.submit('signups', record, { hp: '', elapsed: 4000 });
    expect(first).to.deep.equal({ id: 'signup-apps-1', status: 'stored' });
    expect(again).to.deep.equal(first);
    const { posted } = await executeServerCommand<{ posted: string[] }, { action?: string }>('google');
    expect(posted).to.deep.equal(['signup-apps-1']);
  });
});

describe('day and month order', () => {
  it('switches a column to day-first only when one of its values proves it month-first', () => {
    const rows = [{ a: '12/5/2026 10:00', b: '12/5/2026' }, { a: '12/13/2026', b: '13/5/2026' }];
    normaliseDayMonth(rows);
    expect(rows).to.deep.equal([{ a: '5/12/2026 10:00', b: '12/5/2026' }, { a: '13/12/2026', b: '13/5/2026' }]);
  });
});
