import { AdapterError } from './errors.js';
import { warnOnce } from './warn.js';

export interface HttpOptions extends RequestInit {
  /** Milliseconds before the request is given up as a network failure. */
  timeout?: number;
  /**
   * Takes the answer archipel.js began for this address with the widget's code, when it did (a public read a
   * widget's first render waits for), rather than asking again; a begun read that failed is asked again here.
   */
  begun?: boolean;
}

type Loader = { take?(url: string): Promise<Response> | undefined };

/** The read the loader began for `url`, once; undefined when it began none or it failed. */
async function takeBegun(url: string): Promise<Response | undefined> {
  const loader = (globalThis as Record<symbol, Loader | undefined>)[Symbol.for('archipel.loader')];
  return loader?.take?.(url)?.catch(() => undefined);
}

/**
 * Whether a request that failed did so because the server does not allow this page's site (CORS) rather than
 * because it could not be reached: a browser gives both the same error, but a no-cors request, whose answer
 * the page may not read, still succeeds when the server answers. Asked only after a failure, and never when
 * the browser says it is offline.
 */
async function refusesThisSite(url: string): Promise<boolean> {
  if (globalThis.navigator?.onLine === false || typeof location === 'undefined' || new URL(url).origin === location.origin) return false;
  try {
    await fetch(url, { mode: 'no-cors', credentials: 'omit', cache: 'no-store', signal: AbortSignal.timeout(5_000) });
    return true;
  } catch {
    return false;
  }
}

/**
 * fetch with a timeout, and failures turned into AdapterErrors that say
 * whether trying again can help: 408, 429 and 5xx can, other 4xx cannot.
 */
export async function request(url: string, { timeout = 15_000, begun = false, ...init }: HttpOptions = {}): Promise<Response> {
  let res = begun ? await takeBegun(url) : undefined;
  try {
    res ??= await fetch(url, { ...init, signal: AbortSignal.timeout(timeout), credentials: 'omit' });
  } catch (e) {
    const timedOut = (e as Error).name === 'TimeoutError';
    if (!timedOut && (await refusesThisSite(url))) {
      const site = globalThis.location?.origin ?? 'this site';
      warnOnce(
        `cors:${new URL(url).origin}`,
        `${new URL(url).origin} answers, but not to pages of ${site}: its CORS settings do not list this site. On the Archipel server, add it: archipel-server --cors ${site} (or ARCHIPEL_CORS=${site}). Forms keep what people send until then.`,
      );
      throw new AdapterError('blocked', `${url} does not allow ${site} to call it (CORS).`);
    }
    const cause = (e as { cause?: { code?: string } }).cause?.code;
    throw new AdapterError('network', `${url} did not answer (${timedOut ? 'timed out' : cause ?? 'network error'}).`);
  }
  if (res.ok || res.status === 304) return res;
  const retryAfter = Number(res.headers.get('retry-after')) || undefined;
  let detail = '';
  let problem: string | undefined;
  try {
    const body = (await res.json()) as { detail?: string; title?: string; error?: string; type?: unknown };
    detail = body.detail ?? body.title ?? body.error ?? '';
    if (typeof body.type === 'string') problem = body.type.split('/').pop() || undefined;
  } catch {
    // Not every server answers errors in JSON; the status then says enough.
  }
  const message = detail || `${url} answered ${res.status} ${res.statusText}`.trim();
  if (res.status === 408 || res.status === 429 || res.status >= 500) throw new AdapterError('network', message, res.status, retryAfter);
  if (res.status === 401 || res.status === 403) throw new AdapterError('unauthorized', message, res.status);
  if (res.status === 404) throw new AdapterError('config', `Nothing at ${url} (404). Check the source address.`, 404);
  throw new AdapterError('rejected', message, res.status, undefined, problem);
}
