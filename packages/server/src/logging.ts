/**
 * Request logs: JSON lines through Fastify's logger (pino), one a request,
 * with its id, method, path, status and duration. Nothing personal is
 * written: no query string (a parameter can carry what a person typed), no
 * body, no header (so no token), no client address.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { LogController, type FastifyReply, type FastifyRequest, type FastifyServerOptions } from 'fastify';
import { pathOf } from './paths.js';
import type { LogLevel } from './options.js';

/** An id a proxy or a client sent (X-Request-Id), when it is a plain token; otherwise a new one. */
export function requestId(req: IncomingMessage): string {
  const sent = req.headers['x-request-id'];
  return typeof sent === 'string' && /^[\w.:/+=@-]{1,128}$/.test(sent) ? sent : randomUUID();
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Asked every few seconds by a machine (health checks): its answers are logged at debug, unless they fail. */
    polled?: boolean;
  }
}

/** The one line a request gets, once its answer is sent. */
export function logAnswer(request: FastifyRequest, reply: FastifyReply, error?: Error | null) {
  const line = { method: request.method, path: pathOf(request.url), status: reply.statusCode, ms: Math.round(reply.elapsedTime * 10) / 10 };
  if (error) reply.log.error({ ...line, err: error }, 'request failed');
  else if (reply.statusCode >= 500) reply.log.error(line, 'request');
  else if (request.routeOptions.config.polled) reply.log.debug(line, 'request');
  else reply.log.info(line, 'request');
}

/** Fastify's two lines a request (received, completed) become one. */
class RequestLog extends LogController {
  constructor() {
    super({ requestIdLogLabel: 'requestId' });
  }

  override incomingRequest() {}

  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply) {
    logAnswer(request, reply, error);
  }
}

export function loggerOptions(level: LogLevel, stream?: { write(line: string): unknown }): Pick<FastifyServerOptions, 'logger' | 'logController' | 'genReqId'> {
  return {
    logger: {
      level,
      ...(stream ? { stream } : {}),
      formatters: { level: (label: string) => ({ level: label }) },
      // Fastify's other lines (a stream cut short, a server closing) name the request the same sparing way.
      serializers: {
        req: (req: { method?: string; url?: string }) => ({ method: req.method, path: pathOf(req.url ?? '') }),
        res: (reply: { statusCode?: number }) => ({ statusCode: reply.statusCode }),
      },
    },
    logController: new RequestLog(),
    genReqId: requestId,
  };
}
