/**
 * 404 and 405 from the route table. Every route registered is recorded here,
 * so a path the table knows, asked with a method it does not accept, gets 405
 * with the methods it does accept in `Allow`; any other path gets 404. Both are
 * answered before a body is read: a path that takes no body must not first be
 * refused for the body's type or size.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { apiRelative, isApi, pathOf } from './paths.js';
import { notFound, Problem } from './problems.js';

const ORDER = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'];

/** A route's URL as a pattern: `:name` is one segment, `*` the rest of the path. */
function patternOf(url: string): RegExp {
  const source = url
    .split('/')
    .map((part) => (part.startsWith(':') ? '[^/]+' : part.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')))
    .join('/');
  return new RegExp(`^${source}/?$`);
}

export function notFoundOrNotAllowed(app: FastifyInstance) {
  const routes: { method: string; pattern: RegExp }[] = [];
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) routes.push({ method, pattern: patternOf(route.url) });
  });

  function methodsAt(path: string): string[] {
    const methods = new Set(routes.filter((r) => r.pattern.test(path)).map((r) => r.method));
    const known = ORDER.filter((m) => methods.has(m));
    // Every API path answers a CORS preflight (cors.ts).
    return known.length && isApi(path) ? [...known, 'OPTIONS'] : known;
  }

  function missing(request: FastifyRequest): Problem {
    const path = pathOf(request.url);
    const allow = methodsAt(path);
    if (!allow.length) return notFound(request.url);
    return new Problem(405, 'Method Not Allowed', `${request.method} is not accepted on ${apiRelative(path)}.`, {}, { allow: allow.join(', ') });
  }

  app.addHook('onRequest', (request, _reply, done) => done(request.is404 ? missing(request) : undefined));
  app.setNotFoundHandler(async (request) => {
    throw missing(request);
  });
}
