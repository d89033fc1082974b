/**
 * Hosting and joining actions. Anyone may propose an action to host (`POST /actions/proposals`): a chapter lead's
 * own (their token, their chapter) or staff's is published at once; anyone else's waits in the console's queue
 * until the chapter's lead or staff approve it, and then it is an action like any other. Anyone may say they come
 * (`POST /actions/{id}/rsvps`): counted once per person, refused once the action is full. The proposer's and the
 * RSVPs' contacts are personal data: only the console reads them (lead of that chapter, or staff), and each read
 * goes to the access log. Every action is also one calendar file (`/actions/{id}/calendar.ics`) in its own zone.
 */
import { actionIcs, publicRecord, rsvpContactKey, toCsv, type Action, type Proposal } from '@archipel/core/server';
import * as z from 'zod';
import type { FastifyRequest } from 'fastify';
import { bodyOf } from '../body.js';
import { sendJson } from '../caching.js';
import { API } from '../paths.js';
import { Problem } from '../problems.js';
import { idParams, listQuery } from '../query.js';
import { rateLimited } from '../rate-limit.js';
import { validateRecord } from '../records.js';
import { checkSpam } from '../spam.js';
import { scopeOf, staffOnly, staffOrNull } from '../staff-auth.js';
import { sha256, type Row, type StaffMember, type Storage } from '../storage.js';
import type { Routes } from './plugin.js';

const noStore = { 'cache-control': 'private, no-store' };

/** What the schema's `placeNeeded` check means, in the server's words (the form has its own, in the person's language). */
const PLACE_NEEDED = 'give a place (a town or a point on the map), or say it is online with its link';

/** A proposal checked with the widgets' reader; a missing place is said in words rather than "is not valid". */
function validProposal(body: Record<string, unknown>): Proposal {
  try {
    return validateRecord('proposals', body) as unknown as Proposal;
  } catch (e) {
    if (!(e instanceof Problem) || !Array.isArray(e.extra.errors)) throw e;
    const errors = (e.extra.errors as { field: string; message: string }[]).map((x) => (x.field === 'place' ? { field: 'place', message: `place: ${PLACE_NEEDED}` } : x));
    throw new Problem(e.status, e.title, errors.map((x) => x.message).join('; '), { ...e.extra, errors });
  }
}

/** What of a proposal becomes the public action: its public fields, without the proposer, consent or locale. */
export const actionOf = (p: Proposal): Action & { id: string } => publicRecord('actions', p as unknown as Record<string, unknown>) as Action & { id: string };

/** Whether this staff member decides about a chapter's actions: its lead, or campaign staff. */
const decides = (staff: StaffMember | null, chapter: string | undefined) => Boolean(staff && (!staff.chapter || staff.chapter === chapter));

/** An action's stored record, or 404. */
async function actionOr404(store: Storage, id: string): Promise<Action & { id: string }> {
  const row = await store.get('actions', id);
  if (!row) throw new Problem(404, 'No such action', `There is no action "${id}".`);
  return JSON.parse(row.data) as Action & { id: string };
}

const proposalsQuery = listQuery.pick({ chapter: true }).extend({ status: z.enum(['pending', 'approved', 'refused']).optional() });
const rsvpsQuery = z.object({ format: z.string().optional() });
const CSV_COLUMNS = ['id', 'created', 'name', 'email', 'phone', 'locale'];

export const hostingRoutes: Routes = async (app, { store, settings }) => {
  const rateLimit = rateLimited(store, settings);
  const onRequest = staffOnly(store);

  async function publish(proposal: Proposal) {
    await store.upsert('actions', [actionOf(proposal) as { id: string }]);
  }

  app.post(`${API}/actions/proposals`, { onRequest: rateLimit }, async (request: FastifyRequest, reply) => {
    const body = bodyOf(request);
    request.staff = await staffOrNull(store, request);
    checkSpam(store.keyring(), body, request.staff !== null, settings.minFillMs);
    const proposal = validProposal(body);
    if (proposal.chapter && !(await store.get('chapters', proposal.chapter))) {
      throw new Problem(422, 'Invalid record', `chapter: there is no chapter "${proposal.chapter}"`, { errors: [{ field: 'chapter', message: `there is no chapter "${proposal.chapter}"` }] });
    }
    const status = decides(request.staff, proposal.chapter) ? 'approved' : 'pending';
    const stored = await store.insertOnce('proposals', proposal as unknown as { id: string }, { status, bodyHash: sha256(JSON.stringify(proposal)) }, { id: proposal.id, status });
    if (stored.conflict) throw new Problem(409, 'Conflict', `A different proposal was already stored with the id "${proposal.id}". Send a new one with a new id.`, { problem: 'conflict' });
    if (stored.created && status === 'approved') {
      await publish(proposal);
      await store.logAccess(request.staff!, 'publish', `action ${proposal.id}`, 1);
    }
    return sendJson(reply.code(201).header('cache-control', 'no-store'), stored.receipt);
  });

  app.post(`${API}/actions/:id/rsvps`, { onRequest: rateLimit, schema: { params: idParams } }, async (request, reply) => {
    const body = bodyOf(request);
    body.action ??= request.params.id;
    request.staff = await staffOrNull(store, request);
    checkSpam(store.keyring(), body, request.staff !== null, settings.minFillMs);
    const rsvp = validateRecord('rsvps', body) as { id: string; action: string; email?: string; phone?: string; created?: string };
    if (rsvp.action !== request.params.id) throw new Problem(422, 'Invalid record', `action: "${rsvp.action}" does not match the action in the address ("${request.params.id}")`, { errors: [{ field: 'action', message: 'does not match the address' }] });
    const action = await actionOr404(store, rsvp.action);
    const outcome = await store.addRsvp(action.id, rsvpContactKey(rsvp), { ...rsvp, chapter: action.chapter }, action.capacity, { id: rsvp.id, status: 'going' });
    if (outcome.full) {
      throw new Problem(409, 'Full', `This action is full: its ${action.capacity} places are taken.`, { problem: 'full', errors: [{ field: 'action', problem: 'full', message: 'this action is full' }], going: outcome.going, capacity: action.capacity });
    }
    const receipt = { ...(JSON.parse(outcome.receipt) as object), going: outcome.going, ...(action.capacity ? { capacity: action.capacity } : {}) };
    return sendJson(reply.code(outcome.created ? 201 : 200).header('cache-control', 'no-store'), JSON.stringify(receipt));
  });

  app.get(`${API}/actions/:id/calendar.ics`, { schema: { params: idParams } }, async (request, reply) => {
    const row = await store.get('actions', request.params.id);
    if (!row) throw new Problem(404, 'No such action', `There is no action "${request.params.id}".`);
    const action = publicRecord('actions', JSON.parse(row.data) as Record<string, unknown>) as Action & { id: string };
    const text = actionIcs(action, { host: request.hostname.replace(/:\d+$/, ''), stamp: row.updated });
    return reply
      .headers({ 'content-type': 'text/calendar; charset=utf-8', 'cache-control': 'public, max-age=300', 'content-disposition': `attachment; filename="${action.id}.ics"` })
      .send(text);
  });

  // The console: proposals waiting (or decided), and approving or refusing one.
  app.get(`${API}/console/proposals`, { onRequest, schema: { querystring: proposalsQuery } }, async (request, reply) => {
    const chapter = scopeOf(request.staff!, request.query.chapter);
    const rows = await store.list('proposals', { chapter, status: [request.query.status ?? 'pending'], limit: 1000 });
    await store.logAccess(request.staff!, 'read', `action proposals${chapter ? ` (chapter ${chapter})` : ''}`, rows.length);
    return sendJson(reply.headers(noStore), JSON.stringify({ items: rows.map((r) => ({ ...(JSON.parse(r.data) as object), status: r.status })) }));
  });

  async function ownProposal(staff: StaffMember, id: string): Promise<Row> {
    const row = await store.get('proposals', id);
    if (!row) throw new Problem(404, 'No such proposal', `There is no proposed action "${id}".`);
    if (!decides(staff, row.chapter ?? undefined)) throw new Problem(403, 'Not your chapter', `This token is for the chapter "${staff.chapter}"; this action is proposed to ${row.chapter ? `"${row.chapter}"` : 'the campaign'}.`);
    return row;
  }

  app.post(`${API}/console/proposals/:id/approve`, { onRequest, schema: { params: idParams } }, async (request, reply) => {
    const row = await ownProposal(request.staff!, request.params.id);
    await store.setStatus('proposals', row.id, 'approved');
    await publish(JSON.parse(row.data) as Proposal);
    await store.logAccess(request.staff!, 'publish', `action ${row.id}`, 1);
    return sendJson(reply.headers(noStore), (await store.get('actions', row.id))!.data);
  });

  app.post(`${API}/console/proposals/:id/refuse`, { onRequest, schema: { params: idParams } }, async (request, reply) => {
    const row = await ownProposal(request.staff!, request.params.id);
    if (row.status === 'approved') throw new Problem(409, 'Already published', `The action "${row.id}" is already on the map; change or remove it where the campaign's actions are kept.`);
    await store.setStatus('proposals', row.id, 'refused');
    return reply.headers(noStore).code(204).send();
  });

  // Who comes to an action: for its chapter's lead and staff, as JSON or a CSV export.
  app.get(`${API}/console/actions/:id/rsvps`, { onRequest, schema: { params: idParams, querystring: rsvpsQuery } }, async (request, reply) => {
    const action = await actionOr404(store, request.params.id);
    if (!decides(request.staff, action.chapter)) throw new Problem(403, 'Not your chapter', `This token is for the chapter "${request.staff!.chapter}"; this action is ${action.chapter ? `the chapter "${action.chapter}"` : 'the campaign'}'s.`);
    const items = (await store.rsvpsOf(action.id)).map((r) => JSON.parse(r.data) as Record<string, unknown>);
    const csv = request.query.format === 'csv';
    await store.logAccess(request.staff!, csv ? 'export' : 'read', `people coming to action ${action.id}`, items.length);
    if (!csv) return sendJson(reply.headers(noStore), JSON.stringify({ items, going: items.length, capacity: action.capacity ?? null }));
    return reply
      .headers({ ...noStore, 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="rsvps-${action.id}.csv"` })
      .send(toCsv(CSV_COLUMNS, items));
  });
};
