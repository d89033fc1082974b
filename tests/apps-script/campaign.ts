/**
 * A campaign as the Apps Script tests meet it: the public sheet a webmaster
 * filled in (French headers, date cells, gaps, and columns that must never be
 * served), Code.gs pasted in, setUp() run, and a personal token for campaign
 * staff and one for the Lyon chapter's lead.
 */
import { FakeGas, loadCodeGs, type AppsScript, type Cell, type FakeSpreadsheet } from './fake-gas.ts';

export const consent = [{ purpose: 'updates', version: '2026-09', at: '2026-10-01T10:00:00Z' }];
export const meta = { hp: '', elapsed: 5234 };

export const signup = (id: string, extra: Record<string, unknown> = {}) => ({
  collection: 'signups',
  record: { id, name: 'Léa Martin', email: 'lea@example.org', postcode: '01000', chapter: 'lyon', consent, created: '2026-10-01T10:00:00.000Z', ...extra },
  meta,
});
export const post = (id: string, extra: Record<string, unknown> = {}) => ({
  collection: 'posts',
  record: { id, author: 'Léa M.', text: 'On y va ! #VagueClimat', hashtags: ['VagueClimat'], chapter: 'lyon', consent: consent[0], locale: 'fr', created: '2026-10-02T09:00:00.000Z', ...extra },
  meta,
});
export const response = (id: string, extra: Record<string, unknown> = {}) => ({
  collection: 'responses',
  record: { id, survey: 'pret-a-agir', answers: { implication: 'Je découvre', pret: 4 }, chapter: 'lyon', created: '2026-10-03T18:00:00.000Z', ...extra },
  meta,
});

export const POSTS_HEADERS = ['id', 'created', 'author', 'text', 'image', 'alt', 'video', 'link', 'hashtags', 'chapter', 'status', 'pinned', 'source'];
export const postRow = (id: string, author: string, status: string, chapter = 'lyon', pinned: Cell = '') =>
  [id, '2026-10-01T10:00:00Z', author, `Texte de ${author}`, '', '', '', '', 'VagueClimat', chapter, status, pinned, 'archipel'];

/** The public tabs, without Code.gs: what a webmaster typed. */
export function publicSheet(gas = new FakeGas()): FakeGas {
  gas.book.addSheet('actions', [
    ['id', 'Titre', 'Date de début', 'timezone', 'Ville', 'chapter', 'virtual', 'lat', 'Notes internes', 'Téléphone de l’organisatrice'],
    ['act-1', 'Grande marche pour le climat', new Date('2026-12-12T13:00:00Z'), 'Europe/Paris', 'Lyon', 'lyon', false, 45.764, 'Préfecture pas encore prévenue', '06 98 76 54 32'],
    ['', '', '', '', '', '', '', '', '', ''],
    ['act-2', 'Atelier banderoles', new Date('2026-06-20T08:30:00Z'), 'Europe/Paris', 'Paris', 'paris', true, '', '', ''],
    ['', '', '', '', '', '', false, '', '', ''],
    ['act-3', 'Phoning', '2026-12-12 14:00', 'Europe/Paris', '', 'lyon', '', '', '', ''],
  ]);
  gas.book.addSheet('chapters', [
    ['id', 'name', 'city', 'color', 'email', 'Téléphone', 'leaders', 'notes'],
    ['lyon', 'Vague Climat Lyon', 'Lyon', '#c2185b', 'lyon@vagueclimat.example.org', '06 11 22 33 44', JSON.stringify([{ name: 'Amina K.', role: 'coordinatrice', email: 'amina.k@example.org' }, { name: 'Jo', pronouns: 'iel' }]), 'Amina part en mai'],
    ['paris', 'Vague Climat Paris', 'Paris', '#0b6e99', '', '07 55 44 33 22', 'Jordi (jordi@example.org)', ''],
  ]);
  gas.book.addSheet('posts', [
    POSTS_HEADERS,
    postRow('post-0001', 'Amina K.', 'approved'),
    postRow('post-0002', 'Jordi P.', 'Approuvé', 'paris', true),
    postRow('post-0003', 'Bastien R.', 'pending'),
    postRow('post-0004', ' Troll T. ', 'sí'),
    postRow('post-0005', 'Nora B.', 'hidden'),
    postRow('post-0006', 'Chloé D.', 'publié'),
    postRow('post-0007', 'Inès B.', ''),
  ]);
  gas.book.addSheet('surveys', [
    ['survey', 'title', 'intro', 'public_results', 'question', 'type', 'label', 'options', 'min', 'max', 'required', 'readiness'],
    ['pret-a-agir', 'Prêt·e à agir ?', 'Deux minutes pour nous dire comment agir.', false, 'implication', 'single', 'Votre implication ?', 'Je découvre | J’ai signé |  J’organise ', '', '', true, ''],
    ['pret-a-agir', '', '', '', 'pret', 'scale', 'Prêt·e à organiser ?', '', 1, 5, true, ''],
    ['', '', '', '', '', '', '', '', '', '', '', ''],
    ['pret-a-agir', 'ignored later title', '', '', 'accueillir', 'yesno', 'Accueillir une action ?', 'oui|non', '', '', '', 'host'],
    ['quiz', 'Quiz', '', true, 'q1', 'text', 'Un mot ?', '', '', '', false, ''],
  ]);
  return gas;
}

export interface Campaign extends AppsScript {
  /** The private spreadsheet setUp() created. */
  private: FakeSpreadsheet;
  staff: string;
  lyonLead: string;
}

export function campaign(): Campaign {
  const app = loadCodeGs(publicSheet());
  app.call('setUp');
  const book = app.gas.created()[0]!;
  book.tab('blocked').cells.push(['troll t.', '2026-09-30T00:00:00Z']);
  const staff = app.call<string>('createToken', 'Camille (staff)', '', 30);
  const lyonLead = app.call<string>('createToken', 'Amina (Lyon)', 'lyon', 30);
  return Object.assign(app, { private: book, staff, lyonLead });
}

export const ids = (items: Record<string, unknown>[] | undefined) => (items ?? []).map((i) => i.id);

/** A staff read, as the adapter sends it. */
export const staffRead = (app: AppsScript, collection: string, token: string | undefined, extra: Record<string, unknown> = {}) =>
  app.post({ action: 'read', collection, ...(token === undefined ? {} : { token }), ...extra });
