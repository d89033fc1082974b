/**
 * A person's rights through the API. Campaign staff find, export, correct and erase one person by email or phone
 * (each logged, without saying whom); a supporter opens, and erases, what their private link's secret opens. People
 * and secrets travel in a request's body or headers, never in its address, which logs and proxies keep.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import * as z from 'zod';
import { bodyOf } from '../body.js';
import { sendJson } from '../caching.js';
import { rateLimited } from '../rate-limit.js';
import { correctPerson, countOf, erasePerson, findPerson, forgetMe, logPersonAccess, mine, type PersonQuery } from '../people.js';
import { API } from '../paths.js';
import { personOf, type RecruitSignup } from '../recruits.js';
import { Problem } from '../problems.js';
import { campaignStaffOnly, staffOnly } from '../staff-auth.js';
import type { Store } from '../db.js';
import { SqliteStorage } from '../storage-sqlite.js';
import type { Routes } from './plugin.js';

const person = z.object({ email: z.string().trim().min(3).optional(), phone: z.string().trim().min(6).optional() }).refine((p) => p.email || p.phone, 'Send "email" or "phone": whom to look for.');
const correction = z.object({
  email: z.string().trim().optional(),
  phone: z.string().trim().optional(),
  set: z.object({ name: z.string().max(120).optional(), email: z.string().max(254).optional(), phone: z.string().max(40).optional() }).strict(),
});

function parse<T>(schema: z.ZodType<T>, body: unknown): T {
  const r = schema.safeParse(body);
  if (!r.success) throw new Problem(422, 'Invalid request', r.error.issues.map((i) => i.message).join('; '));
  return r.data;
}

/** The secret of a private link, from the X-Archipel-Secret header or the body's `secret`. */
function secretOf(request: FastifyRequest): string {
  const header = request.headers['x-archipel-secret'];
  const secret = typeof header === 'string' ? header : request.body && typeof (request.body as { secret?: unknown }).secret === 'string' ? (request.body as { secret: string }).secret : '';
  if (!secret) throw new Problem(401, 'Private link needed', 'Send the secret of the private link in the X-Archipel-Secret header or as "secret" in the body, never in the address.');
  return secret;
}

const UNKNOWN_LINK = () => new Problem(403, 'Unknown private link', 'This private link is unknown, or everything it opened was erased.');
const noStore = (reply: FastifyReply) => reply.header('cache-control', 'private, no-store');

export const peopleRoutes: Routes = async (app, { store: storage, settings }) => {
  const onRequest = staffOnly(storage);
  // Finding, correcting and erasing a person run on SQLite; on PostgreSQL they are still to be ported (#21).
  const sqlite = storage instanceof SqliteStorage ? storage.store : undefined;
  const notYet = () => new Problem(501, 'Not on PostgreSQL yet', 'Finding, exporting, correcting and erasing a person work on SQLite only for now; this server runs on PostgreSQL (#21).');
  const people = (): Store => sqlite ?? (() => { throw notYet(); })();
  const campaignOnly = async (request: FastifyRequest) => campaignStaffOnly(request.staff!, 'Looking up one person across chapters');

  const find = (request: FastifyRequest, action: string) => {
    const who = parse(person, bodyOf(request)) as PersonQuery;
    const found = findPerson(people(), who);
    logPersonAccess(people(), request.staff!, action, who, countOf(found));
    return found;
  };

  app.post(`${API}/people/find`, { onRequest, preHandler: campaignOnly }, async (request, reply) => sendJson(noStore(reply), JSON.stringify(find(request, 'find'))));
  app.post(`${API}/people/export`, { onRequest, preHandler: campaignOnly }, async (request, reply) =>
    sendJson(noStore(reply).header('content-disposition', 'attachment; filename="person.json"'), JSON.stringify({ exported: new Date().toISOString(), ...find(request, 'export') }, null, 2)),
  );
  app.post(`${API}/people/correct`, { onRequest, preHandler: campaignOnly }, async (request, reply) => {
    const { set, ...who } = parse(correction, bodyOf(request));
    parse(person, who);
    const corrected = correctPerson(people(), who, set);
    logPersonAccess(people(), request.staff!, 'correct', who, corrected);
    return sendJson(noStore(reply), JSON.stringify({ corrected }));
  });
  app.post(`${API}/people/erase`, { onRequest, preHandler: campaignOnly }, async (request, reply) => {
    const who = parse(person, bodyOf(request)) as PersonQuery;
    const erased = erasePerson(people(), who, request.staff!.name);
    logPersonAccess(people(), request.staff!, 'erase', who, erased);
    return sendJson(noStore(reply), JSON.stringify({ erased }));
  });

  // A supporter's own data: rate-limited like writes, so that secrets cannot be tried in bulk.
  const rateLimit = rateLimited(storage, settings);
  const open = async (request: FastifyRequest, reply: FastifyReply) => {
    const found = mine(people(), secretOf(request));
    if (!found) throw UNKNOWN_LINK();
    const persons = new Set((found.signups as RecruitSignup[]).map((s) => personOf(storage.keyring(), s)));
    if (persons.size) found.recruits = (await Promise.all([...persons].map((p) => storage.recruits.count(p)))).reduce((a, b) => a + b, 0);
    return sendJson(noStore(reply), JSON.stringify(found));
  };
  const forget = async (request: FastifyRequest, reply: FastifyReply) => {
    const body = (request.body ?? {}) as { purpose?: unknown };
    const purpose = typeof body.purpose === 'string' && body.purpose ? body.purpose : undefined;
    if (!forgetMe(people(), secretOf(request), purpose)) throw UNKNOWN_LINK();
    return noStore(reply).code(204).send();
  };
  app.post(`${API}/me`, { onRequest: rateLimit }, open);
  app.get(`${API}/me`, { onRequest: rateLimit }, open);
  app.post(`${API}/me/forget`, { onRequest: rateLimit }, forget);
  app.delete(`${API}/me`, { onRequest: rateLimit }, forget);
};
