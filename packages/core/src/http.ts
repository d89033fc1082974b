import { AdapterError } from './errors.js';

export interface HttpOptions extends RequestInit {
  /** Milliseconds before the request is given up as a network failure. */
  timeout?: number;
}

/**
 * fetch with a timeout, and failures turned into AdapterErrors that say
 * whether trying again can help: 408, 429 and 5xx can, other 4xx cannot.
 */
export async function request(url: string, { timeout = 15_000, ...init }: HttpOptions = {}): Promise<Response> {
  let res: Response;
  try {
    res = await fetch(url, { ...init, signal: AbortSignal.timeout(timeout), credentials: 'omit' });
  } catch (e) {
    const cause = (e as { cause?: { code?: string } }).cause?.code;
    throw new AdapterError('network', `${url} did not answer (${(e as Error).name === 'TimeoutError' ? 'timed out' : cause ?? 'network error'}).`);
  }
  if (res.ok || res.status === 304) return res;
  const retryAfter = Number(res.headers.get('retry-after')) || undefined;
  let detail = '';
  try {
    const body = (await res.json()) as { detail?: string; title?: string; error?: string };
    detail = body.detail ?? body.title ?? body.error ?? '';
  } catch {
    // Not every server answers errors in JSON; the status then says enough.
  }
  const message = detail || `${url} answered ${res.status} ${res.statusText}`.trim();
  if (res.status === 408 || res.status === 429 || res.status >= 500) throw new AdapterError('network', message, res.status, retryAfter);
  if (res.status === 401 || res.status === 403) throw new AdapterError('unauthorized', message, res.status);
  if (res.status === 404) throw new AdapterError('config', `Nothing at ${url} (404). Check the source address.`, 404);
  throw new AdapterError('rejected', message, res.status);
}
