/**
 * Answers a CDN or a browser may keep: an ETag from the body, 304 when the
 * client already has it.
 */
import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';

export const sendJson = (reply: FastifyReply, text: string) => reply.header('content-type', 'application/json; charset=utf-8').send(text);

/**
 * A public read, cacheable by CDNs. A `since` read is revalidated every time: a client polling with the
 * same instant must not be served a copy that predates a change.
 */
export function sendCacheable(request: FastifyRequest, reply: FastifyReply, body: unknown, revalidate = false): FastifyReply {
  const text = JSON.stringify(body);
  const etag = `"${createHash('sha1').update(text).digest('base64url')}"`;
  reply.headers({ etag, 'cache-control': revalidate ? 'no-cache' : 'public, max-age=30, stale-while-revalidate=300' });
  const wanted = String(request.headers['if-none-match'] ?? '').split(',').map((t) => t.trim().replace(/^W\//, ''));
  if (wanted.includes(etag) || wanted.includes('*')) return reply.code(304).send();
  return sendJson(reply, text);
}
