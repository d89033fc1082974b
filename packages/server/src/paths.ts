/** Where the API lives, and a request's path as the router reads it (no query string, no doubled or trailing slash). */
export const API = '/api';

export function pathOf(url: string): string {
  const q = url.indexOf('?');
  const path = (q === -1 ? url : url.slice(0, q)).replace(/\/{2,}/g, '/');
  return path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path;
}

export const isApi = (path: string) => path === API || path.startsWith(`${API}/`);

/** A path as the contract names it: relative to the API's base. */
export const apiRelative = (path: string) => (isApi(path) ? path.slice(API.length) || '/' : path);
