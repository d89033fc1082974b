import type { FastifyRequest } from 'fastify';

/**
 * Who is writing, for the rate limit. Behind a proxy (`trustProxy`) the last X-Forwarded-For entry is the
 * one our own proxy added; earlier ones are the client's to forge, which is why Fastify's own `trustProxy:
 * true` (the first entry) is not used.
 */
export function clientAddress(request: FastifyRequest, trustProxy: boolean): string {
  const forwarded = trustProxy ? String(request.headers['x-forwarded-for'] ?? '').split(',').at(-1)!.trim() : '';
  return forwarded || request.socket.remoteAddress || 'unknown';
}
