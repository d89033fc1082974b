/**
 * The reference server: the REST contract of openapi.yaml on Fastify.
 *
 * Public reads are cacheable (ETag, Cache-Control) so a CDN or the browser
 * absorbs a surge. Writes are validated with the same schemas as the
 * widgets, stored once per client id, checked for spam (honeypot, minimum
 * fill time), rate-limited per client address and answered alike when
 * repeated. Staff reads need a bearer token. Errors are RFC 9457 problem
 * details that say what to fix. Each group of routes is a plugin in routes/;
 * this file puts them together with what applies to every request.
 */
import Fastify, { type FastifyInstance } from 'fastify';
import { acceptJsonObjects } from './body.js';
import { compressAnswers } from './compress.js';
import { cors, corsHeaders } from './cors.js';
import { eraseOlderThan } from './people.js';
import { stamp } from './every-answer.js';
import { logAnswer, loggerOptions } from './logging.js';
import { Metrics, metricsOf } from './metrics.js';
import { notFoundOrNotAllowed } from './not-found.js';
import { openStorage } from './open-storage.js';
import { settingsOf, type ServerOptions } from './options.js';
import { answerWithProblems, frameworkErrors } from './problems.js';
import { parseQuery } from './query.js';
import { feedRoutes } from './routes/feeds.js';
import { chapterEditRoutes } from './routes/chapter-edit.js';
import { consoleRoutes } from './routes/console.js';
import { healthRoutes } from './routes/health.js';
import { hostingRoutes } from './routes/hosting.js';
import type { RouteContext } from './routes/plugin.js';
import { peopleRoutes } from './routes/people.js';
import { publicRoutes } from './routes/public.js';
import { recruiterRoutes } from './routes/recruiters.js';
import { logoRoutes } from './routes/logo.js';
import { resultsRoutes } from './routes/results.js';
import { staffRoutes } from './routes/staff.js';
import { photoRoutes } from './routes/photos.js';
import { writeRoutes } from './routes/writes.js';
import { readsStaffTokens } from './staff-auth.js';
import { staticRoutes } from './static.js';
import type { Storage } from './storage.js';
import { zodValidatorCompiler } from './zod-schemas.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** The records, tokens, blocked authors and rate limits this server keeps. */
    store: Storage;
  }
}

/** Retention: what is older than the campaign keeps is erased when the server starts, then every day. */
function keepFor(app: FastifyInstance, storage: Storage, months: number) {
  const run = async () => {
    const erased = await eraseOlderThan(storage, months);
    if (Object.values(erased).some(Boolean)) app.log.info({ erased, months }, 'retention: old personal data erased');
  };
  let timer: NodeJS.Timeout | undefined;
  app.addHook('onReady', async () => {
    await run();
    // Every instance on a shared database runs it: erasing what is erased already changes nothing.
    timer = setInterval(() => void run().catch((err: unknown) => app.log.error({ err }, 'retention: could not erase old personal data; tried again tomorrow')), 86_400_000).unref();
  });
  app.addHook('onClose', async () => clearInterval(timer));
}

export function createApp(options: ServerOptions): FastifyInstance {
  const settings = settingsOf(options);
  const ownsDb = typeof options.db === 'string';
  const store = typeof options.db === 'object' && 'kind' in options.db ? options.db : openStorage(options.db);

  const app = Fastify({
    ...loggerOptions(options.logLevel ?? 'info', options.logStream),
    bodyLimit: settings.maxBody,
    keepAliveTimeout: 5000,
    // Node's own default, which Fastify turns off: a client sending its request slowly cannot hold a connection for ever.
    requestTimeout: 300_000,
    // While it closes, a request already on an open connection is still answered (with Connection: close), as
    // node:http did, rather than given Fastify's own 503, which is not a problem document.
    return503OnClosing: false,
    frameworkErrors: frameworkErrors(settings.maxBody, (request, reply) => {
      stamp(request, reply);
      corsHeaders(request, reply, settings);
      reply.raw.once('finish', () => logAnswer(request, reply));
    }),
    routerOptions: { ignoreTrailingSlash: true, ignoreDuplicateSlashes: true, maxParamLength: 500, querystringParser: parseQuery },
  });
  app.decorate('store', store);
  readsStaffTokens(app);
  app.setValidatorCompiler(zodValidatorCompiler);
  acceptJsonObjects(app, settings.maxBody);
  answerWithProblems(app, settings.maxBody);

  // In this order for every request, before its body is read: headers every answer carries, CORS (a preflight
  // is answered here, a write from a foreign site refused), then 404 or 405 for what the route table does not hold.
  // Hooks on every request take a callback rather than return a promise: one less promise and microtask each.
  app.addHook('onRequest', (request, reply, done) => {
    stamp(request, reply);
    done();
  });
  cors(app, settings);
  notFoundOrNotAllowed(app);
  compressAnswers(app);

  const metrics = new Metrics();
  metricsOf(app, metrics, settings.metrics);
  const context: RouteContext = { store, settings, metrics };
  // Migrations run before the server takes its first request.
  app.addHook('onReady', () => store.ready());
  app.register(healthRoutes, context);
  app.register(publicRoutes, context);
  app.register(feedRoutes, context);
  app.register(resultsRoutes, context);
  app.register(writeRoutes, context);
  app.register(staffRoutes, context);
  app.register(photoRoutes, context);
  app.register(peopleRoutes, context);
  app.register(consoleRoutes, context);
  app.register(chapterEditRoutes, context);
  app.register(hostingRoutes, context);
  app.register(recruiterRoutes, context);
  app.register(logoRoutes, context);
  app.register(staticRoutes, context);

  if (settings.retainMonths) keepFor(app, store, settings.retainMonths);
  if (ownsDb) app.addHook('onClose', () => store.close());
  return app;
}
