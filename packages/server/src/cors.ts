/**
 * CORS for the API: the server's own origin and the sites on its list
 * (`--cors`, where "*" allows any) may call it from a browser. A preflight
 * from anywhere else is refused, and so is a write: a GET from another site
 * is answered without CORS headers, so the browser keeps the answer from the page.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isApi, pathOf } from './paths.js';
import { Problem } from './problems.js';
import type { Settings } from './options.js';

function allowedOrigin(request: FastifyRequest, settings: Settings): string | undefined {
  const origin = request.headers.origin;
  if (!origin) return undefined;
  const proto = settings.trustProxy && request.headers['x-forwarded-proto'] ? request.headers['x-forwarded-proto'] : 'http';
  if (origin === `${String(proto)}://${request.headers.host}` || settings.cors.has('*') || settings.cors.has(origin)) return origin;
  try {
    if (new URL(origin).host === request.headers.host) return origin;
  } catch {
    // an Origin header that is not a URL is not allowed
  }
  return undefined;
}

/** The CORS headers of an API answer; returns the origin when it is allowed. */
export function corsHeaders(request: FastifyRequest, reply: FastifyReply, settings: Settings): string | undefined {
  if (!isApi(pathOf(request.url))) return undefined;
  const origin = allowedOrigin(request, settings);
  reply.header('vary', 'Origin');
  if (origin) reply.headers({ 'access-control-allow-origin': origin, 'access-control-expose-headers': 'ETag, Retry-After, Location' });
  return origin;
}

export function cors(app: FastifyInstance, settings: Settings) {
  app.addHook('onRequest', (request, reply, done) => {
    if (!isApi(pathOf(request.url))) return done();
    const origin = corsHeaders(request, reply, settings);
    if (request.method === 'OPTIONS') {
      if (!origin) return done(new Problem(403, 'Origin not allowed', request.headers.origin ? `${request.headers.origin} is not in this server's list of sites (--cors).` : 'A preflight request needs an Origin header.'));
      // Answered here: a hook that replies does not call done().
      reply
        .code(204)
        .headers({ 'access-control-allow-methods': 'GET, POST, PATCH, OPTIONS', 'access-control-allow-headers': 'Content-Type, Authorization, If-None-Match', 'access-control-max-age': '600' })
        .send();
      return;
    }
    if (request.headers.origin && !origin && request.method !== 'GET' && request.method !== 'HEAD') {
      return done(new Problem(403, 'Origin not allowed', `${request.headers.origin} is not in this server's list of sites (--cors).`));
    }
    done();
  });
}
