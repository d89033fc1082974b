/** What every group of routes is given, and the type of such a group: a Fastify plugin whose schemas are zod's. */
import type { FastifyPluginAsync, RawServerDefault } from 'fastify';
import type { Store } from '../db.js';
import type { Settings } from '../options.js';
import type { RateLimiter } from '../rate-limit.js';
import type { ZodTypeProvider } from '../zod-schemas.js';

export interface RouteContext {
  store: Store;
  settings: Settings;
  limiter: RateLimiter;
}

export type Routes = FastifyPluginAsync<RouteContext, RawServerDefault, ZodTypeProvider>;
