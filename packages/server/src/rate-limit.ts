import type { FastifyRequest } from 'fastify';
import { clientAddress, rateKey } from './client-address.js';
import { Problem } from './problems.js';
import type { Storage } from './storage.js';

/**
 * Writes per client address: a token bucket that refills `perMinute` tokens a
 * minute and holds at most that many, so a stall's phone can flush a morning
 * of queued sign-ups in bursts while a script cannot flood the database.
 */
export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(private readonly perMinute: number) {}

  /** Takes one token; returns 0 when allowed, else the seconds to wait. */
  take(key: string, now = Date.now()): number {
    if (this.perMinute <= 0) return 0;
    const rate = this.perMinute / 60_000;
    const b = this.buckets.get(key) ?? { tokens: this.perMinute, at: now };
    b.tokens = Math.min(this.perMinute, b.tokens + (now - b.at) * rate);
    b.at = now;
    this.buckets.set(key, b);
    if (this.buckets.size > 50_000) this.prune(now);
    if (b.tokens >= 1) {
      b.tokens -= 1;
      return 0;
    }
    return Math.ceil((1 - b.tokens) / rate / 1000);
  }

  private prune(now: number) {
    for (const [k, b] of this.buckets) if (now - b.at > 60_000) this.buckets.delete(k);
  }
}

/** A route hook taking one token for the request's client (an IPv6 /64 counts as one), before its body is read. */
export const rateLimited = (store: Storage, { trustProxy, writesPerMinute }: { trustProxy: boolean; writesPerMinute: number }) => async (request: FastifyRequest) => {
  const wait = await store.takeWrite(rateKey(clientAddress(request, trustProxy)), writesPerMinute);
  if (wait > 0) throw new Problem(429, 'Too many requests', `Too many submissions from this address; try again in ${wait} seconds.`, {}, { 'retry-after': String(wait) });
};
