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
  const campaignOnly = async (request: FastifyRequest) => campaignStaffOnly(request.staff!, 'Looking up one person across chapters');

  const find = async (request: FastifyRequest, action: string) => {
    const who = parse(person, bodyOf(request)) as PersonQuery;
    const found = await findPerson(storage, who);
    await logPersonAccess(storage, request.staff!, action, who, countOf(found));
    return found;
  };

  app.post(`${API}/people/find`, { onRequest, preHandler: campaignOnly }, async (request, reply) => sendJson(noStore(reply), JSON.stringify(await find(request, 'find'))));
  app.post(`${API}/people/export`, { onRequest, preHandler: campaignOnly }, async (request, reply) =>
    sendJson(noStore(reply).header('content-disposition', 'attachment; filename="person.json"'), JSON.stringify({ exported: new Date().toISOString(), ...(await find(request, 'export')) }, null, 2)),
  );
  app.post(`${API}/people/correct`, { onRequest, preHandler: campaignOnly }, async (request, reply) => {
    const { set, ...who } = parse(correction, bodyOf(request));
    parse(person, who);
    const corrected = await correctPerson(storage, who, set);
    await logPersonAccess(storage, request.staff!, 'correct', who, corrected);
    return sendJson(noStore(reply), JSON.stringify({ corrected }));
  });
  app.post(`${API}/people/erase`, { onRequest, preHandler: campaignOnly }, async (request, reply) => {
    const who = parse(person, bodyOf(request)) as PersonQuery;
    const erased = await erasePerson(storage, who, request.staff!.name);
    await logPersonAccess(storage, request.staff!, 'erase', who, erased);
    return sendJson(noStore(reply), JSON.stringify({ erased }));
  });

  // A supporter's own data: rate-limited like writes, so that secrets cannot be tried in bulk.
  const rateLimit = rateLimited(storage, settings);
  const open = async (request: FastifyRequest, reply: FastifyReply) => {
    const found = await mine(storage, secretOf(request));
    if (!found) throw UNKNOWN_LINK();
    const persons = new Set((found.signups as RecruitSignup[]).map((s) => personOf(storage.keyring(), s)));
    if (persons.size) found.recruits = (await Promise.all([...persons].map((p) => storage.recruits.count(p)))).reduce((a, b) => a + b, 0);
    return sendJson(noStore(reply), JSON.stringify(found));
  };
  const forget = async (request: FastifyRequest, reply: FastifyReply) => {
    const body = (request.body ?? {}) as { purpose?: unknown };
    const purpose = typeof body.purpose === 'string' && body.purpose ? body.purpose : undefined;
    if (!(await forgetMe(storage, secretOf(request), purpose))) throw UNKNOWN_LINK();
    return noStore(reply).code(204).send();
  };
  app.post(`${API}/me`, { onRequest: rateLimit }, open);
  app.get(`${API}/me`, { onRequest: rateLimit }, open);
  app.post(`${API}/me/forget`, { onRequest: rateLimit }, forget);
  app.delete(`${API}/me`, { onRequest: rateLimit }, forget);
};
