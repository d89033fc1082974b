/**
 * Public reads: what the API is, its contract, and the cacheable lists and
 * records anyone may read, with their public fields only: leaders' email
 * addresses, posts' consent records and private notes never leave through here.
 */
import { createReadStream } from 'node:fs';
import { publicRecord, type PublicCollection, type Survey } from '@archipel/core/server';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { PreparedAnswers, sendJson, sendPrepared } from '../caching.js';
import { CONTRACT } from '../contract.js';
import type { Storage } from '../storage.js';
import { page, type Page } from '../pages.js';
import { API } from '../paths.js';
import { Problem } from '../problems.js';
import { actionsQuery, idParams, listQuery, MAX_PAGE, postsQuery } from '../query.js';
import type { Routes } from './plugin.js';

/** Public fields only (core's public schemas): leaders' emails, consent records and anything else stored stay here. */
const only = (collection: PublicCollection) => (record: Record<string, unknown>) => publicRecord(collection, record);

export async function surveyOr404(store: Storage, id: string): Promise<Survey> {
  const row = await store.get('surveys', id);
  if (!row) throw new Problem(404, 'No such survey', `There is no survey "${id}".`);
  return JSON.parse(row.data) as Survey;
}

export const publicRoutes: Routes = async (app, { store }) => {
  app.get(API, async (_request, reply) =>
    sendJson(reply, JSON.stringify({ name: 'Archipel', contract: `${API}/openapi.yaml`, collections: ['actions', 'chapters', 'posts', 'surveys'] })),
  );

  app.get(`${API}/openapi.yaml`, async (_request, reply) =>
    reply.headers({ 'content-type': 'application/yaml; charset=utf-8', 'cache-control': 'public, max-age=300' }).send(createReadStream(CONTRACT)),
  );

  const answers = new PreparedAnswers();
  /** A public read, from the answer prepared since the last change to public records when there is one. */
  const prepared = async (request: FastifyRequest, reply: FastifyReply, make: () => Promise<unknown>, revalidate: boolean) => {
    const key = `${request.routeOptions.url}?${JSON.stringify(request.query)}${JSON.stringify(request.params)}`;
    return sendPrepared(request, reply, await answers.get(key, store.publicVersion(), make), revalidate);
  };

  app.get(`${API}/actions`, { schema: { querystring: actionsQuery } }, async (request, reply) => {
    const { since, cursor, ...o } = request.query;
    const actions = async () => {
      const body: Page & { total?: number } = page(await store.list('actions', { ...o, since, after: cursor }), o.limit, only('actions'));
      // How many people said they come: a count, never who.
      const going = await store.rsvpCounts(body.items.map((a) => (a as { id: string }).id));
      for (const a of body.items as { id: string; going?: number }[]) if (going.has(a.id)) a.going = going.get(a.id);
      // The first page says how many there are in all: a map learns that a campaign is too large to download whole.
      if (cursor === undefined) body.total = body.next === null ? body.items.length : await store.countMatching('actions', { ...o, since });
      return body;
    };
    return prepared(request, reply, actions, since !== undefined);
  });

  app.get(`${API}/chapters`, { schema: { querystring: listQuery } }, async (request, reply) => {
    const { since, cursor, limit } = request.query;
    return prepared(request, reply, async () => page(await store.list('chapters', { limit, since, after: cursor }), limit, only('chapters')), since !== undefined);
  });

  app.get(`${API}/posts`, { schema: { querystring: postsQuery } }, async (request, reply) => {
    const { since, cursor, limit, chapter } = request.query;
    const hashtag = request.query.hashtag?.replace(/^#/, '').toLowerCase();
    const o = { limit, since, chapter, hashtag, after: cursor };
    const posts = async () => {
      const body = page(await store.list('posts', { ...o, status: ['approved'] }), limit, only('posts'));
      // A client syncing with `since` learns which posts left the wall (hidden, or their author blocked).
      if (since && cursor === undefined) body.removed = (await store.list('posts', { ...o, limit: MAX_PAGE, status: ['hidden'] })).map((r) => r.id);
      return body;
    };
    return prepared(request, reply, posts, since !== undefined);
  });

  app.get(`${API}/surveys`, { schema: { querystring: listQuery } }, async (request, reply) => {
    const { since, cursor, limit } = request.query;
    return prepared(request, reply, async () => page(await store.list('surveys', { limit, since, after: cursor }), limit, only('surveys')), since !== undefined);
  });

  app.get(`${API}/surveys/:id`, { schema: { params: idParams } }, async (request, reply) => prepared(request, reply, async () => publicRecord('surveys', await surveyOr404(store, request.params.id)), false));
};
