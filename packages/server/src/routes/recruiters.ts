/**
 * Who recruits: the people most others joined through, per chapter, for a chapter's lead (their chapter only) and
 * campaign staff to call and thank. Personal data: a token is needed, and each read goes to the access log.
 */
import { sendJson } from '../caching.js';
import { API } from '../paths.js';
import { listQuery } from '../query.js';
import { scopeOf, staffOnly } from '../staff-auth.js';
import type { Routes } from './plugin.js';
import * as z from 'zod';

const recruitersQuery = listQuery.pick({ chapter: true }).extend({ limit: z.coerce.number().int().min(1).max(500).optional() });

/** What a lead sees of a recruiter: enough to call them. */
export interface RecruiterRow {
  id: string;
  name?: string;
  email?: string;
  phone?: string;
  chapter?: string;
  recruits: number;
}

export const recruiterRoutes: Routes = async (app, { store }) => {
  app.get(`${API}/console/recruiters`, { onRequest: staffOnly(store), schema: { querystring: recruitersQuery } }, async (request, reply) => {
    const chapter = scopeOf(request.staff!, request.query.chapter);
    const top = await store.recruits.top({ chapter, limit: request.query.limit ?? 50 });
    const items = top.map(({ signup, recruits }): RecruiterRow => {
      const s = JSON.parse(signup) as Omit<RecruiterRow, 'recruits'>;
      return { id: s.id, name: s.name, email: s.email, phone: s.phone, chapter: s.chapter, recruits };
    });
    await store.logAccess(request.staff!, 'read', `top recruiters${chapter ? ` (chapter ${chapter})` : ''}`, items.length);
    return sendJson(reply.headers({ 'cache-control': 'private, no-store' }), JSON.stringify({ items }));
  });
};
