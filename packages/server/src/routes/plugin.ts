/** What every group of routes is given, and the type of such a group: a Fastify plugin whose schemas are zod's. */
import type { FastifyPluginAsync, RawServerDefault } from 'fastify';
import type { Storage } from '../storage.js';
import type { Metrics } from '../metrics.js';
import type { Settings } from '../options.js';
import type { ZodTypeProvider } from '../zod-schemas.js';

export interface RouteContext {
  store: Storage;
  settings: Settings;
  metrics: Metrics;
}

export type Routes = FastifyPluginAsync<RouteContext, RawServerDefault, ZodTypeProvider>;
