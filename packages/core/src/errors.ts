/**
 * What can go wrong when talking to a source, in terms the outbox and the
 * widgets can act on: retry later, or tell the person what to fix.
 */
export type AdapterErrorKind =
  /** The network or the server is unreachable, or answered 5xx/429: try again later. */
  | 'network'
  /** The source refused the data (4xx): retrying the same record will not help. */
  | 'rejected'
  /** The source does not accept writes (JSON files, a sheet without Apps Script). */
  | 'readonly'
  /** The source is not where it was said to be, or not shared, or not readable. */
  | 'config'
  /** A staff-only read without a valid token. */
  | 'unauthorized'
  /** The source cannot do this at all (e.g. server-side results on an Apps Script). */
  | 'unsupported';

export class AdapterError extends Error {
  override name = 'AdapterError';
  constructor(
    readonly kind: AdapterErrorKind,
    message: string,
    readonly status?: number,
    /** Seconds the source asked us to wait (Retry-After). */
    readonly retryAfter?: number,
  ) {
    super(message);
  }

  get retryable(): boolean {
    return this.kind === 'network';
  }
}

/** Any thrown value as an AdapterError: a TypeError from fetch is the network failing. */
export function asAdapterError(e: unknown): AdapterError {
  if (e instanceof AdapterError) return e;
  if (e instanceof DOMException && e.name === 'AbortError') return new AdapterError('network', 'The request took too long.');
  return new AdapterError('network', e instanceof Error ? e.message : String(e));
}
