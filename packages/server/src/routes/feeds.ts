/**
 * Giving the campaign's actions back: every action, or a chapter's, as an iCalendar feed to subscribe to and
 * as the JSON export GoGoCarto and Transiscope maps import. Public fields only; cacheable like the lists.
 */
import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import * as z from 'zod';
import { mergeSameActions } from '@archipel/core/server';
import { prepare, sendPrepared } from '../caching.js';
import type { Row, Storage } from '../storage.js';
import { toGogocarto, toIcs, type Stored } from '../feed-formats.js';
import { API } from '../paths.js';
import { Problem } from '../problems.js';
import { idParams, MAX_PAGE } from '../query.js';
import type { Routes } from './plugin.js';

const chapterQuery = z.object({ chapter: z.string().max(80).optional() });

/**
 * Every action (or a chapter's), page by page from the store, each once: one the campaign holds and a calendar
 * it synced lists too is given back as one, naming both (with when it last changed, for DTSTAMP and updatedAt).
 */
async function allActions(store: Storage, chapter?: string): Promise<{ actions: Stored[]; updated: (id: string) => string }> {
  const rows: Row[] = [];
  for (let page = await store.list('actions', { chapter, limit: MAX_PAGE }); page.length; page = await store.list('actions', { chapter, limit: MAX_PAGE, after: page.at(-1)!.seq })) {
    rows.push(...page);
  }
  const updated = new Map(rows.map((r) => [r.id, r.updated]));
  return { actions: mergeSameActions(rows.map((r) => JSON.parse(r.data) as Stored)) as Stored[], updated: (id) => updated.get(id)! };
}

async function chapterName(store: Storage, id: string): Promise<string> {
  const row = await store.get('chapters', id);
  if (!row) throw new Problem(404, 'No such chapter', `There is no chapter "${id}".`);
  return (JSON.parse(row.data) as { name: string }).name;
}

function sendIcs(request: FastifyRequest, reply: FastifyReply, { actions, updated }: Awaited<ReturnType<typeof allActions>>, name: string) {
  const text = toIcs(actions, { name, host: request.hostname.replace(/:\d+$/, ''), updated });
  const etag = `"${createHash('sha1').update(text).digest('base64url')}"`;
  reply.headers({ etag, 'cache-control': 'public, max-age=300' });
  if (String(request.headers['if-none-match'] ?? '').includes(etag)) return reply.code(304).send();
  return reply.header('content-type', 'text/calendar; charset=utf-8').send(text);
}

const LICENCE = 'https://opendatacommons.org/licenses/odbl/1-0/';

function exportOf({ actions, updated }: Awaited<ReturnType<typeof allActions>>) {
  return { licence: LICENCE, ontology: 'gogofull', data: actions.map((a) => toGogocarto(a, updated(a.id))) };
}

export const feedRoutes: Routes = async (app, { store }) => {
  app.get(`${API}/actions.ics`, { schema: { querystring: chapterQuery } }, async (request, reply) => {
    const { chapter } = request.query;
    return sendIcs(request, reply, await allActions(store, chapter), chapter ? await chapterName(store, chapter) : 'Archipel');
  });

  app.get(`${API}/chapters/:id/actions.ics`, { schema: { params: idParams } }, async (request, reply) =>
    sendIcs(request, reply, await allActions(store, request.params.id), await chapterName(store, request.params.id)),
  );

  app.get(`${API}/export/actions.json`, { schema: { querystring: chapterQuery } }, async (request, reply) => {
    const { chapter } = request.query;
    if (chapter) await chapterName(store, chapter);
    return sendPrepared(request, reply, prepare(exportOf(await allActions(store, chapter))));
  });
};
