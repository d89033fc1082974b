/**
 * Staff bearer tokens: one a person, random, stored hashed (db.ts), expiring, sent in the Authorization header
 * and never in a URL. Two roles: campaign staff see everything; a chapter's lead sees only their chapter's
 * sign-ups and responses and moderates only their chapter's posts (`scopeOf`).
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { StaffMember, Storage } from './storage.js';
import { Problem } from './problems.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** Whose token the request carries, once a route has checked it; null for anyone else. */
    staff: StaffMember | null;
  }
}

export const readsStaffTokens = (app: FastifyInstance) => app.decorateRequest('staff', null);

const bearerOf = (request: FastifyRequest) => /^Bearer\s+(\S+)$/i.exec(String(request.headers.authorization ?? ''))?.[1];

/** Whether the request claims to be staff's: a Bearer credential, right or wrong (Basic auth from a staging site is not one). */
export const claimsStaff = (request: FastifyRequest) => /^Bearer\s+\S/i.test(String(request.headers.authorization ?? ''));

/** The staff member whose token the request carries; 401 without a valid one. */
export async function staffMember(store: Storage, request: FastifyRequest): Promise<StaffMember> {
  const token = bearerOf(request);
  const member = token ? await store.checkToken(token) : undefined;
  if (!member) {
    throw new Problem(
      401,
      'Staff token needed',
      token
        ? 'This token is unknown, expired or revoked. Ask an administrator for a new one (archipel-server token create).'
        : 'Send a staff token in a header: Authorization: Bearer <token>. A token in the address is never read.',
      {},
      { 'www-authenticate': 'Bearer realm="archipel"' },
    );
  }
  return member;
}

/** The staff member when the request carries a valid token; an invalid one counts as none. */
export async function staffOrNull(store: Storage, request: FastifyRequest): Promise<StaffMember | null> {
  if (!claimsStaff(request)) return null;
  try {
    return await staffMember(store, request);
  } catch {
    return null;
  }
}

/** A route hook that lets only staff through, before the body is read. */
export const staffOnly = (store: Storage) => async (request: FastifyRequest) => {
  request.staff = await staffMember(store, request);
};

/**
 * The chapter a staff member's read is limited to: theirs for a chapter's lead (asking for another is a 403),
 * the one asked for (or none: everything) for campaign staff.
 */
export function scopeOf(staff: StaffMember, asked?: string): string | undefined {
  if (!staff.chapter) return asked || undefined;
  if (asked && asked !== staff.chapter) throw new Problem(403, 'Not your chapter', `This token is for the chapter "${staff.chapter}"; it cannot read "${asked}".`);
  return staff.chapter;
}

/** Campaign staff only: a chapter's lead is refused (403). */
export function campaignStaffOnly(staff: StaffMember, what: string): void {
  if (staff.chapter) throw new Problem(403, 'Campaign staff only', `${what} needs a campaign staff token; this one is for the chapter "${staff.chapter}".`);
}
