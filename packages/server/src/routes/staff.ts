/**
 * Staff reads and moderation, behind a bearer token checked before anything
 * else is read; a chapter's lead reads and moderates their own chapter only.
 * Sign-ups, survey responses and the moderation queue (JSON
 * pages, or whole CSV exports with formula-like values neutralised), and the
 * moderation actions on a post. Every read and export of personal data is
 * written to the access log, which campaign staff read at /access-log.
 */
import { answerCell, answerColumn, toCsv, type Survey, type SurveyResponse } from '@archipel/core/server';
import type { FastifyReply, FastifyRequest } from 'fastify';
import * as z from 'zod';
import { bodyOf } from '../body.js';
import { sendJson } from '../caching.js';
import { postAuthorKey, type Row, type StaffMember } from '../storage.js';
import { page } from '../pages.js';
import { API } from '../paths.js';
import { Problem } from '../problems.js';
import { accessLogQuery, idParams, staffQuery } from '../query.js';
import { campaignStaffOnly, scopeOf, staffOnly } from '../staff-auth.js';
import type { Routes } from './plugin.js';

const RESPONSE_COLUMNS = ['id', 'created', 'survey', 'chapter', 'region', 'postcode', 'locale'];
const CONTACT_COLUMNS = ['name', 'email', 'phone', 'consent'];

const SIGNUP_COLUMNS = ['id', 'created', 'name', 'email', 'phone', 'postcode', 'chapter', 'interests', 'message', 'locale', 'referrer', 'ref', 'utm', 'page', 'consent'];

const ACTIONS = ['approve', 'hide', 'pin', 'unpin', 'block-author', 'unblock-author'] as const;
const moderation = z.object({ action: z.enum(ACTIONS) });
/** Many posts at once: approve or hide, up to 200 a request. */
const bulk = z.object({ action: z.enum(['approve', 'hide']), ids: z.array(z.string().min(1)).min(1).max(200) });
const logQuery = z.object({ cursor: z.coerce.number().int().min(0).optional(), limit: z.coerce.number().int().min(1).max(1000).default(200), chapter: z.string().optional() });

type StaffList = 'signups' | 'responses' | 'moderation';

/**
 * What blocking a post's author names: the key stored with it (a native post's contact hash; a collected post's
 * account). A supporter's post sent without a contact names no one: never its display name.
 */
function authorKeyOf(row: Row & { author_key?: string | null }): string | null {
  const data = JSON.parse(row.data) as { source?: string; author?: unknown; account?: unknown };
  return row.author_key || (data.source === 'archipel' ? null : postAuthorKey(data));
}

export const staffRoutes: Routes = async (app, { store, metrics }) => {
  const onRequest = staffOnly(store);

  async function list(name: StaffList, request: FastifyRequest, query: z.output<typeof staffQuery>, reply: FastifyReply) {
    const { format, status, survey, since, cursor, limit, sep } = query;
    const accept = request.headers.accept;
    const chapter = scopeOf(request.staff!, query.chapter);
    const csv = format === 'csv' || String(accept ?? '').startsWith('text/csv');
    // An export is the whole collection; JSON reads are paged.
    const o = csv ? { limit: 1_000_000_000, since, chapter } : { limit, since, chapter, after: cursor };
    const rows = await store.list(name === 'moderation' ? 'posts' : name, {
      ...o,
      status: name === 'moderation' ? (status ?? 'pending').split(',') : undefined,
      survey: name === 'responses' ? survey : undefined,
    });
    const body = page(rows, o.limit);
    const filters = [chapter && `chapter ${chapter}`, survey && name === 'responses' && `survey ${survey}`, since && `since ${since}`].filter(Boolean).join(', ');
    await store.logAccess(request.staff!, csv ? 'export' : 'read', `${name}${filters ? ` (${filters})` : ''}`, rows.length);
    if (!csv) return sendJson(reply.header('cache-control', 'private, no-store'), JSON.stringify(body));
    metrics.exports.add({ collection: name });
    let items = body.items as Record<string, unknown>[];
    let columns = name === 'signups' ? SIGNUP_COLUMNS : [...new Set(['id', 'created', ...items.flatMap((i) => Object.keys(i))])];
    if (name === 'responses') [columns, items] = await responseRows(items as SurveyResponse[]);
    return reply
      .headers({ 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="${name}.csv"`, 'cache-control': 'private, no-store' })
      .send(toCsv(columns, items, { separator: sep === 'semicolon' ? ';' : ',' }));
  }

  /**
   * Responses as a sheet: one column per question, headed by its stable id, in the survey's order (surveys in
   * the order their first response came), then the contact details. A question no longer in its survey keeps a
   * column of its own after the others, so no answer is lost from an export.
   */
  async function responseRows(responses: SurveyResponse[]): Promise<[string[], Record<string, unknown>[]]> {
    const surveys = new Map<string, Survey | undefined>();
    for (const r of responses) {
      if (surveys.has(r.survey)) continue;
      const row = await store.get('surveys', r.survey);
      surveys.set(r.survey, row ? (JSON.parse(row.data) as Survey) : undefined);
    }
    const questionColumns = [...surveys.values()].flatMap((s) => s?.questions.map(answerColumn) ?? []);
    const extra = responses.flatMap((r) => Object.keys(r.answers).filter((id) => !surveys.get(r.survey)?.questions.some((q) => q.id === id)).map((id) => answerColumn({ id })));
    const columns = [...new Set([...RESPONSE_COLUMNS, ...questionColumns, ...extra, ...CONTACT_COLUMNS])];
    const rows = responses.map((r) => {
      const row: Record<string, unknown> = { ...r, name: r.contact?.name, email: r.contact?.email, phone: r.contact?.phone, consent: r.contact?.consent.at };
      for (const [id, v] of Object.entries(r.answers)) row[answerColumn({ id })] = answerCell(v);
      return row;
    });
    return [columns, rows];
  }

  const schema = { querystring: staffQuery };
  app.get(`${API}/signups`, { onRequest, schema }, async (request, reply) => list('signups', request, request.query, reply));
  app.get(`${API}/responses`, { onRequest, schema }, async (request, reply) => list('responses', request, request.query, reply));
  app.get(`${API}/moderation`, { onRequest, schema }, async (request, reply) => list('moderation', request, request.query, reply));

  // The log itself: campaign staff only, and reading it is not logged (it holds no personal data of supporters).
  app.get(`${API}/access-log`, { onRequest, schema: { querystring: accessLogQuery } }, async (request, reply) => {
    campaignStaffOnly(request.staff!, 'The access log');
    const { since, cursor, limit } = request.query;
    const items = await store.accessLog({ since, after: cursor, limit });
    const next = items.length === limit ? String(items.at(-1)!.id) : null;
    return sendJson(reply.header('cache-control', 'private, no-store'), JSON.stringify({ items, next }));
  });

  /** A post to moderate, refused (404, 403) when it is unknown or, for a chapter's lead, another chapter's. */
  async function postToModerate(staff: StaffMember, id: string): Promise<Row> {
    const row = await store.get('posts', id);
    if (!row) throw new Problem(404, 'No such post', `There is no post "${id}".`);
    if (staff.chapter && row.chapter !== staff.chapter) throw new Problem(403, 'Not your chapter', `This token moderates the chapter "${staff.chapter}"'s posts only; "${id}" is not one of them.`);
    return row;
  }

  app.patch(`${API}/posts/:id`, { onRequest, schema: { params: idParams } }, async (request, reply) => {
    const body = bodyOf(request);
    const { id } = request.params;
    const staff = request.staff!;
    const row = await postToModerate(staff, id);
    // Checked after the post is found, as the contract orders it: an unknown post is a 404 whatever the action.
    const parsed = moderation.safeParse(body);
    if (!parsed.success) throw new Problem(422, 'Unknown action', `action must be one of ${ACTIONS.join(', ')}.`);
    const { action } = parsed.data;
    if (action === 'approve') await store.moderate(id, { status: 'approved' });
    else if (action === 'hide') await store.moderate(id, { status: 'hidden', pinned: false });
    else if (action === 'pin') await store.moderate(id, { status: 'approved', pinned: true });
    else if (action === 'unpin') await store.moderate(id, { pinned: false });
    else {
      // Blocking an author hides their posts in every chapter: a campaign decision.
      campaignStaffOnly(staff, action === 'block-author' ? 'Blocking an author' : 'Unblocking an author');
      const key = authorKeyOf(row);
      if (!key) throw new Problem(422, 'No author to block', 'This post gives no contact nor account, so its author cannot be told from others: hide the post instead.', { problem: 'no-author-key' });
      if (action === 'block-author') await store.blockAuthor(key);
      else await store.unblockAuthor(key);
    }
    await store.logDecision(staff, action, { id, chapter: row.chapter });
    return sendJson(reply.header('cache-control', 'no-store'), (await store.get('posts', id))!.data);
  });

  // Many posts at once: every post is checked first, so a refusal changes nothing.
  app.post(`${API}/moderation/bulk`, { onRequest }, async (request, reply) => {
    const parsed = bulk.safeParse(bodyOf(request));
    if (!parsed.success) throw new Problem(422, 'Invalid bulk action', 'Send {"action": "approve" or "hide", "ids": [1 to 200 post ids]}.');
    const { action, ids } = parsed.data;
    const staff = request.staff!;
    const rows = [];
    for (const id of new Set(ids)) rows.push(await postToModerate(staff, id));
    for (const row of rows) {
      await store.moderate(row.id, action === 'approve' ? { status: 'approved' } : { status: 'hidden', pinned: false });
      await store.logDecision(staff, action, { id: row.id, chapter: row.chapter });
    }
    return sendJson(reply.header('cache-control', 'no-store'), JSON.stringify({ action, ids: rows.map((r) => r.id), waiting: await store.waiting(scopeOf(staff)) }));
  });

  // How many posts wait for a moderator: the campaign's, a chapter's, or a lead's own chapter's.
  app.get(`${API}/moderation/count`, { onRequest, schema: { querystring: z.object({ chapter: z.string().optional() }) } }, async (request, reply) =>
    sendJson(reply.header('cache-control', 'private, no-store'), JSON.stringify({ waiting: await store.waiting(scopeOf(request.staff!, request.query.chapter)) })),
  );

  // Every decision, who made it and when: campaign staff read all, a chapter's lead their chapter's posts'.
  app.get(`${API}/moderation/log`, { onRequest, schema: { querystring: logQuery } }, async (request, reply) => {
    const { cursor, limit } = request.query;
    const items = await store.moderationLog({ chapter: scopeOf(request.staff!, request.query.chapter), after: cursor, limit });
    const next = items.length === limit ? String(items.at(-1)!.id) : null;
    return sendJson(reply.header('cache-control', 'private, no-store'), JSON.stringify({ items, next }));
  });
};
