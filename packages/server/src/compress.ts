/**
 * API answers travel compressed when the client takes it: Brotli, else gzip. A phone on a slow network reads the
 * demo's 260 actions as about 30 KB rather than 200 KB. Small answers go as they are (compressing them saves
 * less than its headers cost). Every compressible answer says `Vary: Accept-Encoding`, so a CDN keeps one copy
 * an encoding, and a compressed answer's ETag is weak, as nginx makes it: the bytes differ from the plain
 * answer's, the content does not, so either revalidates the other (caching.ts compares them weakly).
 */
import { promisify } from 'node:util';
import { brotliCompress, gzip, constants } from 'node:zlib';
import type { FastifyInstance, FastifyReply } from 'fastify';

/** Types worth compressing: text, JSON, JavaScript, SVG. */
export const COMPRESSIBLE = /^(text\/|application\/(json|problem\+json|yaml|x-protobuf)|image\/svg)/;

/** Brotli when the client takes it, else gzip, else nothing. */
export type Encoding = 'br' | 'gzip';
export const encodingFor = (accepted: string): Encoding | undefined => (/\bbr\b/.test(accepted) ? 'br' : /\bgzip\b/.test(accepted) ? 'gzip' : undefined);

/** Below this many bytes an answer goes as it is. */
export const SMALL = 1024;

const brotli = promisify(brotliCompress);
const gzipped = promisify(gzip);

/**
 * Quality 5 by default: within a few per cent of Brotli's best on JSON, at a small part of its time. An answer
 * sent many times is worth 10 (caching.ts): the demo's actions are 19.9 KB rather than 24.2 KB, for 130 ms once.
 */
export const compress = (encoding: Encoding, payload: string | Buffer, quality = 5): Promise<Buffer> =>
  encoding === 'br' ? brotli(payload, { params: { [constants.BROTLI_PARAM_QUALITY]: quality, [constants.BROTLI_PARAM_SIZE_HINT]: Buffer.byteLength(payload) } }) : gzipped(payload);

/** Adds `Accept-Encoding` to the answer's Vary header, keeping what is there (CORS's `Origin`). */
export function varyOnEncoding(reply: FastifyReply): void {
  const vary = reply.getHeader('vary');
  const list = vary === undefined ? [] : String(vary).split(',').map((v) => v.trim()).filter(Boolean);
  if (!list.some((v) => v.toLowerCase() === 'accept-encoding')) reply.header('vary', [...list, 'Accept-Encoding'].join(', '));
}

export function compressAnswers(app: FastifyInstance): void {
  app.addHook('onSend', (request, reply, payload, done) => {
    // Streams (static files) compress themselves; an answer already encoded is left alone.
    if ((typeof payload !== 'string' && !Buffer.isBuffer(payload)) || reply.hasHeader('content-encoding')) return done(null, payload);
    if (!COMPRESSIBLE.test(String(reply.getHeader('content-type') ?? ''))) return done(null, payload);
    varyOnEncoding(reply);
    const encoding = encodingFor(String(request.headers['accept-encoding'] ?? ''));
    if (!encoding || Buffer.byteLength(payload) < SMALL) return done(null, payload);
    compress(encoding, payload).then((body) => {
      const etag = reply.getHeader('etag');
      if (typeof etag === 'string' && !etag.startsWith('W/')) reply.header('etag', `W/${etag}`);
      reply.removeHeader('content-length');
      reply.header('content-encoding', encoding);
      done(null, body);
    }, done);
  });
}
