/**
 * Answers a CDN or a browser may keep: an ETag from the body, 304 when the
 * client already has it. Public reads are prepared once per change: the text
 * and its ETag are kept until the storage says public records changed
 * (through this instance or any other), so a surge of identical reads costs
 * neither a query, nor JSON, nor a hash, nor the encoding of the text to bytes,
 * nor its compression (each encoding is made once, when first asked for).
 */
import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { compress, encodingFor, SMALL, varyOnEncoding, type Encoding } from './compress.js';

export const sendJson = (reply: FastifyReply, text: string | Buffer) => reply.header('content-type', 'application/json; charset=utf-8').send(text);

export interface PreparedAnswer {
  text: string;
  etag: string;
  /** The text as UTF-8, and compressed by each encoding asked for so far. */
  bytes?: Buffer;
  encoded?: Partial<Record<Encoding, Promise<Buffer>>>;
  /** How many times it was sent compressed with Brotli: the second time, a smaller Brotli is made for the next ones. */
  brotliSent?: number;
}

export const prepare = (body: unknown): PreparedAnswer => {
  const text = JSON.stringify(body);
  const bytes = Buffer.from(text);
  return { text, bytes, encoded: {}, etag: `"${createHash('sha1').update(bytes).digest('base64url')}"` };
};

/**
 * A public read, cacheable by CDNs. A `since` read is revalidated every time: a client polling with the
 * same instant must not be served a copy that predates a change.
 */
export async function sendPrepared(request: FastifyRequest, reply: FastifyReply, answer: PreparedAnswer, revalidate = false): Promise<FastifyReply> {
  const { etag } = answer;
  reply.headers({ etag, 'cache-control': revalidate ? 'no-cache' : 'public, max-age=30, stale-while-revalidate=300' });
  const wanted = String(request.headers['if-none-match'] ?? '').split(',').map((t) => t.trim().replace(/^W\//, ''));
  if (wanted.includes(etag) || wanted.includes('*')) return reply.code(304).send();
  const bytes = (answer.bytes ??= Buffer.from(answer.text));
  // As compress.ts would, once per answer rather than once per request: Vary, the encoding, a weak ETag.
  varyOnEncoding(reply);
  const encoding = bytes.length >= SMALL ? encodingFor(String(request.headers['accept-encoding'] ?? '')) : undefined;
  if (!encoding) return sendJson(reply, bytes);
  const encoded = (answer.encoded ??= {});
  const body = await (encoded[encoding] ??= compress(encoding, bytes));
  // An answer asked for twice will likely be asked for again (every visitor of a campaign's map reads the same
  // actions): Brotli at quality 10 is made once, in the background, and sent from then on, 18 % smaller on the
  // demo's actions. An answer read once (a map's own view, a `since` poll) never pays for it.
  if (encoding === 'br' && (answer.brotliSent = (answer.brotliSent ?? 0) + 1) === 2) {
    void compress('br', bytes, 10).then((better) => {
      if (better.length < body.length) encoded.br = Promise.resolve(better);
    }, () => undefined);
  }
  reply.headers({ etag: `W/${etag}`, 'content-encoding': encoding });
  return sendJson(reply, body);
}

/** Prepared answers by request (path and query), each valid for the version of the public records it was made from. */
export class PreparedAnswers {
  private readonly answers = new Map<string, PreparedAnswer & { version: string }>();
  private bytes = 0;

  /** At most `maxBytes` of answer text are kept; past that, the oldest answers go first. */
  constructor(private readonly maxBytes = 64 * 1024 * 1024) {}

  /**
   * The answer for `key` made at `version`, or a new one from `make`. The version is read before `make`
   * queries, so a change landing meanwhile leaves the answer already out of date, never wrongly current.
   * Without a version (the storage cannot tell about changes) nothing is kept.
   */
  async get(key: string, version: string | undefined, make: () => Promise<unknown>): Promise<PreparedAnswer> {
    const kept = this.answers.get(key);
    if (kept && version !== undefined && kept.version === version) return kept;
    const answer = prepare(await make());
    if (version === undefined) return answer;
    this.drop(key);
    // The one kept is the one sent: what a send notes on it (the Brotli count) is seen by the next request.
    const made = { ...answer, version };
    this.answers.set(key, made);
    this.bytes += answer.text.length;
    for (const oldest of this.answers.keys()) {
      if (this.bytes <= this.maxBytes) break;
      this.drop(oldest);
    }
    return made;
  }

  private drop(key: string) {
    const kept = this.answers.get(key);
    if (!kept) return;
    this.bytes -= kept.text.length;
    this.answers.delete(key);
  }
}
