/**
 * Headers on every answer, whatever route or error produced it: the security
 * headers, and the request id so that a person reporting a problem can quote it.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { isApi, pathOf } from './paths.js';

const SECURITY_HEADERS = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'strict-origin-when-cross-origin',
  'cross-origin-resource-policy': 'cross-origin',
};

/** API answers are data, never a document to render: nothing may load or frame them. */
export const API_CSP = "default-src 'none'; frame-ancestors 'none'";

export function stamp(request: FastifyRequest, reply: FastifyReply) {
  reply.headers(SECURITY_HEADERS).header('x-request-id', request.id);
  // Static files keep their own policy (or none): a worker script served with this one could load nothing.
  const path = pathOf(request.url);
  if (isApi(path) || path === '/health') reply.header('content-security-policy', API_CSP);
}
