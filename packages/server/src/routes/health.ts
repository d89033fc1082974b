/**
 * Health for load balancers and uptime checks: 200 when the database answers a
 * query and has every migration this server knows, 503 otherwise. It is polled, so its answers are logged only when they
 * go wrong, and it is never rate-limited.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { sendJson } from '../caching.js';
import { API } from '../paths.js';
import { Problem } from '../problems.js';
import type { Routes } from './plugin.js';

export const healthRoutes: Routes = async (app, { store }) => {
  async function health(request: FastifyRequest, reply: FastifyReply) {
    let migrations: { applied: number; known: number };
    try {
      migrations = await store.migrations();
    } catch (err) {
      request.log.error({ err }, 'the database does not answer');
      throw new Problem(503, 'Service Unavailable', 'The database does not answer; this instance cannot serve requests.');
    }
    // An instance whose code expects migrations the database lacks (or the reverse, during an upgrade) is not ready.
    if (migrations.applied !== migrations.known) {
      throw new Problem(503, 'Service Unavailable', `The database has ${migrations.applied} migrations and this server expects ${migrations.known}; restart it to migrate.`);
    }
    return sendJson(reply.header('cache-control', 'no-store'), JSON.stringify({ status: 'ok', database: 'ok', migrations: migrations.applied }));
  }

  app.get('/health', { config: { polled: true } }, health);
  app.get(`${API}/health`, { config: { polled: true } }, health);
};
