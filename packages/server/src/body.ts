/**
 * Request bodies: one JSON object, sent as application/json or as text/plain
 * (which lets a browser send a CORS "simple request", with no preflight).
 * Fastify refuses other media types (415) and oversize bodies (413) before
 * a route runs.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Problem } from './problems.js';

export function acceptJsonObjects(app: FastifyInstance, maxBody: number) {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser(['application/json', 'text/plain'], { parseAs: 'string', bodyLimit: maxBody }, (_request, text, done) => {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text as string);
    } catch (e) {
      done(new Problem(400, 'Malformed JSON', `The body is not valid JSON: ${(e as Error).message}.`), undefined);
      return;
    }
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) done(new Problem(400, 'Malformed JSON', 'The body must be one JSON object: the record.'), undefined);
    else done(null, parsed);
  });
}

/** The request's JSON object; a request without a body has no media type to accept. */
export function bodyOf(request: FastifyRequest): Record<string, unknown> {
  if (request.body === undefined) throw new Problem(415, 'Unsupported Media Type', 'Send the record as JSON, with Content-Type: application/json (or text/plain).');
  return request.body as Record<string, unknown>;
}
