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

/**
 * The key a client is rate-limited by: its IPv4 address, or the /64 of its IPv6 address, since one household or
 * one phone gets a whole /64 and can pick any address inside it.
 */
export function rateKey(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return mapped[1]!;
  if (!address.includes(':')) return address;
  const [head = '', tail = ''] = address.split('%')[0]!.toLowerCase().split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = address.includes('::') ? [...left, ...Array(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right] : left;
  return `${groups.slice(0, 4).map((g) => g.replace(/^0+(?=.)/, '')).join(':')}::/64`;
}
