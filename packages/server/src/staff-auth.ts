/** Staff bearer tokens: random, stored hashed (db.ts), sent in the Authorization header and never in a URL. */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Storage } from './storage.js';
import { Problem } from './problems.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** The staff member whose token the request carries, once a route has checked it; null for anyone else. */
    staff: string | null;
  }
}

export const readsStaffTokens = (app: FastifyInstance) => app.decorateRequest('staff', null);

const bearerOf = (request: FastifyRequest) => /^Bearer\s+(\S+)$/i.exec(String(request.headers.authorization ?? ''))?.[1];

/** Whether the request claims to be staff's: a Bearer credential, right or wrong (Basic auth from a staging site is not one). */
export const claimsStaff = (request: FastifyRequest) => /^Bearer\s+\S/i.test(String(request.headers.authorization ?? ''));

/** The name of the staff member whose token the request carries; 401 without a valid one. */
export async function staffName(store: Storage, request: FastifyRequest): Promise<string> {
  const token = bearerOf(request);
  const name = token && (await store.checkToken(token));
  if (!name) {
    throw new Problem(
      401,
      'Staff token needed',
      token ? 'This token is unknown or revoked. Ask an administrator for a new one (archipel-server token create).' : 'Send a staff token: Authorization: Bearer <token>.',
      {},
      { 'www-authenticate': 'Bearer realm="archipel"' },
    );
  }
  return name;
}

/** The staff member's name when the request carries a valid token; an invalid one counts as none. */
export async function staffOrNull(store: Storage, request: FastifyRequest): Promise<string | null> {
  if (!claimsStaff(request)) return null;
  try {
    return await staffName(store, request);
  } catch {
    return null;
  }
}

/** A route hook that lets only staff through, before the body is read. */
export const staffOnly = (store: Storage) => async (request: FastifyRequest) => {
  request.staff = await staffName(store, request);
};
