/**
 * The leads' and staff's console (<archipel-console>): who the token is, counts per chapter, sign-ups found and
 * filtered (JSON, or a CSV export), the "contacted" mark, erasing one sign-up on the person's request, and who is
 * ready to host what. Every route needs a token; a chapter's lead is held to their chapter (scopeOf: another
 * chapter is a 403), campaign staff see every chapter. Reads and exports of personal data go to the access log.
 */
import { toCsv } from '@archipel/core/server';
import * as z from 'zod';
import { bodyOf } from '../body.js';
import { sendJson } from '../caching.js';
import { countsPerChapter, findSignups, markContacted, readyPeople, signupRow } from '../console-store.js';
import { eraseRecords } from '../people.js';
import { API } from '../paths.js';
import { Problem } from '../problems.js';
import { idParams, listQuery } from '../query.js';
import { scopeOf, staffOnly } from '../staff-auth.js';
import type { Routes } from './plugin.js';

const CSV_COLUMNS = ['id', 'created', 'name', 'email', 'phone', 'postcode', 'chapter', 'interests', 'message', 'locale', 'referrer', 'contacted'];

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Dates are written YYYY-MM-DD, such as 2026-12-01.')
  .optional();

const signupsQuery = listQuery.pick({ chapter: true }).extend({
  q: z.string().max(200).optional(),
  interest: z.string().max(80).optional(),
  from: day,
  to: day,
  format: z.string().optional(),
});

const contactedBody = z.object({ contacted: z.boolean() });

const noStore = { 'cache-control': 'private, no-store' };

/** The day after a YYYY-MM-DD date, at midnight UTC: `to` includes its whole day. */
const dayAfter = (d: string) => new Date(Date.parse(`${d}T00:00:00Z`) + 86_400_000).toISOString();

export const consoleRoutes: Routes = async (app, { store }) => {
  const onRequest = staffOnly(store);

  /** A sign-up the token may act on: 404 when unknown, 403 when another chapter's. */
  const ownSignup = async (staff: { chapter: string | null }, id: string) => {
    const row = await signupRow(store, id);
    if (!row) throw new Problem(404, 'No such sign-up', `There is no sign-up "${id}".`);
    if (staff.chapter && row.chapter !== staff.chapter) throw new Problem(403, 'Not your chapter', `This token is for the chapter "${staff.chapter}"; this sign-up is another chapter's.`);
    return row;
  };

  app.get(`${API}/console/me`, { onRequest }, async (request, reply) => sendJson(reply.headers(noStore), JSON.stringify(request.staff)));

  app.get(`${API}/console/chapters`, { onRequest, schema: { querystring: listQuery.pick({ chapter: true }) } }, async (request, reply) => {
    const chapter = scopeOf(request.staff!, request.query.chapter);
    return sendJson(reply.headers(noStore), JSON.stringify({ items: await countsPerChapter(store, chapter) }));
  });

  app.get(`${API}/console/signups`, { onRequest, schema: { querystring: signupsQuery } }, async (request, reply) => {
    const { q, interest, from, to, format } = request.query;
    const chapter = scopeOf(request.staff!, request.query.chapter);
    const items = await findSignups(store, { chapter, q, interest, from: from && `${from}T00:00:00.000Z`, to: to && dayAfter(to) });
    const csv = format === 'csv';
    const filters = [chapter && `chapter ${chapter}`, q && 'words', interest && `interest ${interest}`, from && `from ${from}`, to && `to ${to}`].filter(Boolean).join(', ');
    await store.logAccess(request.staff!, csv ? 'export' : 'read', `signups${filters ? ` (${filters})` : ''}`, items.length);
    if (!csv) return sendJson(reply.headers(noStore), JSON.stringify({ items }));
    const rows = items.map((s) => ({ ...s, contacted: s.contacted?.at ?? '' }));
    return reply
      .headers({ ...noStore, 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="signups${chapter ? `-${chapter}` : ''}.csv"` })
      .send(toCsv(CSV_COLUMNS, rows));
  });

  // `{"contacted": true}` marks a sign-up as contacted, `false` clears the mark (POST: what CORS lets through).
  app.post(`${API}/console/signups/:id/contacted`, { onRequest, schema: { params: idParams } }, async (request, reply) => {
    await ownSignup(request.staff!, request.params.id);
    const parsed = contactedBody.safeParse(bodyOf(request));
    if (!parsed.success) throw new Problem(422, 'Invalid request', 'Send {"contacted": true} to mark this sign-up as contacted, or false to clear the mark.');
    await markContacted(store, request.params.id, request.staff!.name, parsed.data.contacted);
    return reply.headers(noStore).code(204).send();
  });

  app.post(`${API}/console/signups/:id/erase`, { onRequest, schema: { params: idParams } }, async (request, reply) => {
    const row = await ownSignup(request.staff!, request.params.id);
    await eraseRecords(store, [row], request.staff!.name, 'request of the person');
    await store.logAccess(request.staff!, 'erase', 'one sign-up, by id', 1);
    return reply.headers(noStore).code(204).send();
  });

  // The whole record of one chapter, leaders' emails included, for the hub's editor.
  app.get(`${API}/console/chapter`, { onRequest, schema: { querystring: listQuery.pick({ chapter: true }) } }, async (request, reply) => {
    const id = scopeOf(request.staff!, request.query.chapter);
    const row = id ? await store.get('chapters', id) : undefined;
    if (!row) throw new Problem(404, 'No such chapter', id ? `There is no chapter "${id}".` : 'Say which chapter: ?chapter=ID.');
    return sendJson(reply.headers(noStore), row.data);
  });

  app.get(`${API}/console/ready`, { onRequest, schema: { querystring: listQuery.pick({ chapter: true }) } }, async (request, reply) => {
    const chapter = scopeOf(request.staff!, request.query.chapter);
    const items = await readyPeople(store, chapter);
    await store.logAccess(request.staff!, 'read', `ready to act${chapter ? ` (chapter ${chapter})` : ''}`, items.length);
    return sendJson(reply.headers(noStore), JSON.stringify({ items }));
  });
};
