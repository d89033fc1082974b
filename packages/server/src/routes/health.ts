/**
 * Health for load balancers and uptime checks: 200 when the database answers a
 * query, 503 otherwise. It is polled, so its answers are logged only when they
 * go wrong, and it is never rate-limited.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { sendJson } from '../caching.js';
import { API } from '../paths.js';
import { Problem } from '../problems.js';
import type { Routes } from './plugin.js';

export const healthRoutes: Routes = async (app, { store }) => {
  async function health(request: FastifyRequest, reply: FastifyReply) {
    let migrations: number;
    try {
      store.db.prepare('SELECT 1').get();
      migrations = store.db.pragma('user_version', { simple: true }) as number;
    } catch (err) {
      request.log.error({ err }, 'the database does not answer');
      throw new Problem(503, 'Service Unavailable', 'The database does not answer; this instance cannot serve requests.');
    }
    return sendJson(reply.header('cache-control', 'no-store'), JSON.stringify({ status: 'ok', database: 'ok', migrations }));
  }

  app.get('/health', { config: { polled: true } }, health);
  app.get(`${API}/health`, { config: { polled: true } }, health);
};
