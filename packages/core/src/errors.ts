/**
 * What can go wrong when talking to a source, in terms the outbox and the
 * widgets can act on: retry later, or tell the person what to fix.
 */
export type AdapterErrorKind =
  /** The network or the server is unreachable, or answered 5xx/429: try again later. */
  | 'network'
  /** The server answers, but not to this page: it does not allow the page's site (CORS). Its settings must change. */
  | 'blocked'
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
    /** The kind of problem the source named (the last segment of a problem document's `type`), such as `full`. */
    readonly problem?: string,
  ) {
    super(message);
  }

  /** Whether a read may be tried again at once: the network or the server may be back in a moment. */
  get retryable(): boolean {
    return this.kind === 'network';
  }

  /**
   * Whether a write should stay queued and be sent again later, rather than shown to the person as refused:
   * everything but a refusal of the record itself. A 403 from a proxy, a 404 while a survey is renamed, a
   * server that does not allow this site yet: the campaign can fix those, and the record must not be lost.
   */
  get temporary(): boolean {
    return this.kind === 'network' || this.kind === 'blocked' || this.status === 403 || this.status === 404;
  }
}

/**
 * Why a write did not go through, in terms a supporter can act on (their words are the send catalogue's
 * `refused*` keys): the error's own message is for the console and staff, never for them.
 */
export type Refusal = 'unreachable' | 'duplicate' | 'full' | 'tooLarge' | 'invalid' | 'setup';

export function refusalOf(error: AdapterError): Refusal {
  if (error.kind === 'network') return 'unreachable';
  if (error.status === 409) return error.problem === 'full' ? 'full' : 'duplicate';
  if (error.status === 413) return 'tooLarge';
  if (error.kind === 'rejected' && error.status !== 401 && error.status !== 403 && error.status !== 404) return 'invalid';
  return 'setup';
}

/** The send catalogue's sentence for a refusal. */
export const refusalKey = (r: Refusal) => `refused${r[0]!.toUpperCase()}${r.slice(1)}` as `refused${Capitalize<Refusal>}`;

/** Any thrown value as an AdapterError: a TypeError from fetch is the network failing. */
export function asAdapterError(e: unknown): AdapterError {
  if (e instanceof AdapterError) return e;
  if (e instanceof DOMException && e.name === 'AbortError') return new AdapterError('network', 'The request took too long.');
  return new AdapterError('network', e instanceof Error ? e.message : String(e));
}
