/**
 * Errors as RFC 9457 problem details (application/problem+json) whose detail
 * says what to fix. Routes throw a Problem; Fastify's own refusals (a body of
 * the wrong type or size, a broken address) are translated into the same
 * documents, and anything unexpected becomes a 500 that gives nothing away.
 */
import { STATUS_CODES } from 'node:http';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { problemTypes } from './metrics.js';
import { API_CSP } from './every-answer.js';
import { API, apiRelative, isApi, pathOf } from './paths.js';

export class Problem extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail: string,
    /** Members added to the document; `problem` names its type when the status alone does not. */
    readonly extra: Record<string, unknown> = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(detail);
  }
}

export function notFound(url: string): Problem {
  const path = pathOf(url);
  return new Problem(404, 'Not Found', isApi(path) ? `Nothing at ${path}. See ${API}/openapi.yaml for the routes.` : `Nothing at ${path}.`);
}

export function sendProblem(reply: FastifyReply, p: Problem): FastifyReply {
  const { problem, ...extra } = p.extra;
  problemTypes.set(reply, String(problem ?? p.status));
  return reply
    .code(p.status)
    .headers({ 'content-type': 'application/problem+json; charset=utf-8', 'cache-control': 'no-store', 'content-security-policy': API_CSP, ...p.headers })
    .send(JSON.stringify({ type: `https://archipel.example.org/problems/${String(problem ?? p.status)}`, title: p.title, status: p.status, detail: p.detail, ...extra }));
}

/** Fastify's own refusals, in the words the contract gives them. */
function translate(error: FastifyError, request: FastifyRequest, maxBody: number): Problem {
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new Problem(415, 'Unsupported Media Type', 'Send the record as JSON, with Content-Type: application/json (or text/plain).');
    case 'FST_ERR_CTP_BODY_TOO_LARGE': {
      const declared = Number(request.headers['content-length'] ?? 0);
      return new Problem(413, 'Content Too Large', declared > maxBody ? `The body is ${declared} bytes; the limit is ${maxBody}.` : `The body is over the limit of ${maxBody} bytes.`);
    }
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return new Problem(400, 'Malformed body', 'The body is not as long as its Content-Length says.');
    case 'FST_ERR_BAD_URL':
      // Outside the API a broken escape names no file: that is a 404 like any other missing file.
      return isApi(pathOf(request.url)) ? new Problem(400, 'Bad address', `${apiRelative(pathOf(request.url))} is not a valid address (a % escape is broken).`) : notFound(request.url);
    case 'FST_ERR_MAX_PARAM_LENGTH':
      return notFound(request.url);
  }
  const status = error.statusCode ?? 500;
  if (status >= 400 && status < 500) return new Problem(status, STATUS_CODES[status] ?? 'Bad request', error.message);
  return new Problem(500, 'Server error', 'Something went wrong on the server; the record was not stored. Try again later.');
}

function problemOf(error: unknown, request: FastifyRequest, maxBody: number): Problem {
  if (error instanceof Problem) return error;
  const p = translate(error as FastifyError, request, maxBody);
  if (p.status >= 500) request.log.error({ err: error }, 'unexpected error');
  return p;
}

/** Every error a route throws, and every refusal Fastify makes before a route runs, as a problem document. */
export function answerWithProblems(app: FastifyInstance, maxBody: number) {
  app.setErrorHandler((error, request, reply) => sendProblem(reply, problemOf(error, request, maxBody)));
}

/**
 * For Fastify's `frameworkErrors`: refusals made before routing (a broken % escape), which reach no hook,
 * no error handler and no request log, so `prepare` does what they would have.
 */
export const frameworkErrors =
  (maxBody: number, prepare: (request: FastifyRequest, reply: FastifyReply) => void) => (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    prepare(request, reply);
    sendProblem(reply, problemOf(error, request, maxBody));
  };
