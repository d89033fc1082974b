/**
 * Public reads: what the API is, its contract, and the cacheable lists and
 * records anyone may read, with their public fields only: leaders' email
 * addresses, posts' consent records and private notes never leave through here.
 */
import { createReadStream } from 'node:fs';
import { publicRecord, type PublicCollection, type Survey } from '@archipel/core/server';
import { sendCacheable, sendJson } from '../caching.js';
import { CONTRACT } from '../contract.js';
import type { Store } from '../db.js';
import { page } from '../pages.js';
import { API } from '../paths.js';
import { Problem } from '../problems.js';
import { idParams, listQuery, MAX_PAGE, postsQuery } from '../query.js';
import type { Routes } from './plugin.js';

/** Public fields only (core's public schemas): leaders' emails, consent records and anything else stored stay here. */
const only = (collection: PublicCollection) => (record: Record<string, unknown>) => publicRecord(collection, record);

export function surveyOr404(store: Store, id: string): Survey {
  const row = store.get('surveys', id);
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

  app.get(`${API}/actions`, { schema: { querystring: listQuery } }, async (request, reply) => {
    const { since, cursor, ...o } = request.query;
    const rows = store.list('actions', { ...o, since, after: cursor });
    return sendCacheable(request, reply, page(rows, o.limit, only('actions')), since !== undefined);
  });

  app.get(`${API}/chapters`, { schema: { querystring: listQuery } }, async (request, reply) => {
    const { since, cursor, limit } = request.query;
    const rows = store.list('chapters', { limit, since, after: cursor });
    return sendCacheable(request, reply, page(rows, limit, only('chapters')), since !== undefined);
  });

  app.get(`${API}/posts`, { schema: { querystring: postsQuery } }, async (request, reply) => {
    const { since, cursor, limit, chapter } = request.query;
    const hashtag = request.query.hashtag?.replace(/^#/, '').toLowerCase();
    const o = { limit, since, chapter, hashtag, after: cursor };
    const body = page(store.list('posts', { ...o, status: ['approved'] }), limit, only('posts'));
    // A client syncing with `since` learns which posts left the wall (hidden, or their author blocked).
    if (since && cursor === undefined) body.removed = store.list('posts', { ...o, limit: MAX_PAGE, status: ['hidden'] }).map((r) => r.id);
    return sendCacheable(request, reply, body, since !== undefined);
  });

  app.get(`${API}/surveys`, { schema: { querystring: listQuery } }, async (request, reply) => {
    const { since, cursor, limit } = request.query;
    return sendCacheable(request, reply, page(store.list('surveys', { limit, since, after: cursor }), limit, only('surveys')), since !== undefined);
  });

  app.get(`${API}/surveys/:id`, { schema: { params: idParams } }, async (request, reply) => sendCacheable(request, reply, publicRecord('surveys', surveyOr404(store, request.params.id))));
};
