/**
 * The console's requests to the Archipel server: every one carries the token in the Authorization header (never
 * in the address), and the token itself is kept in the tab's sessionStorage only, so it is gone when the tab closes.
 */
export interface Member {
  name: string;
  chapter: string | null;
}
export interface ChapterCounts {
  id: string;
  name: string;
  signups: number;
  responses: number;
  pending: number;
}
export interface ConsoleSignup {
  id: string;
  name?: string;
  email?: string;
  phone?: string;
  postcode?: string;
  chapter?: string;
  interests?: string[];
  created: string;
  contacted?: { at: string; by: string };
}
export interface ReadyPerson {
  response: string;
  chapter?: string;
  created: string;
  ready: string[];
  contact?: { name?: string; email?: string; phone?: string };
  postcode?: string;
}
/** A supporter whose share link brought others in, with enough to call them. */
export interface Recruiter {
  id: string;
  name?: string;
  email?: string;
  phone?: string;
  chapter?: string;
  recruits: number;
}
export interface QueuedPost {
  id: string;
  author: string;
  text?: string;
  chapter?: string;
  created: string;
}

/** A refusal or a failure, with the server's own words (its problem detail) when it gave some. */
export class ConsoleError extends Error {
  constructor(
    readonly status: number,
    message: string,
    /** A refused record's problems, field by field (`problem: 'contrast'` for a colour that would vanish). */
    readonly errors: { field: string; message: string; problem?: string }[] = [],
  ) {
    super(message);
  }
}

const KEY = 'archipel-console-token';

export const storedToken = (base: string) => sessionStorage.getItem(`${KEY} ${base}`) ?? undefined;
export function storeToken(base: string, token: string | undefined): void {
  if (token) sessionStorage.setItem(`${KEY} ${base}`, token);
  else sessionStorage.removeItem(`${KEY} ${base}`);
}

export class ConsoleApi {
  constructor(
    readonly base: string,
    private readonly token: string,
  ) {}

  async request(path: string, init: RequestInit = {}): Promise<Response> {
    let res: Response;
    try {
      // Never from the browser's cache: what the console shows follows every change (a published action's count too).
      res = await fetch(`${this.base}${path}`, { cache: 'no-store', ...init, headers: { authorization: `Bearer ${this.token}`, ...(init.body ? { 'content-type': init.body instanceof Blob ? init.body.type : 'application/json' } : {}) } });
    } catch (e) {
      throw new ConsoleError(0, (e as Error).message);
    }
    if (!res.ok) {
      const problem = (await res.json().catch(() => ({}))) as { detail?: string; title?: string; errors?: ConsoleError['errors'] };
      throw new ConsoleError(res.status, problem.detail ?? problem.title ?? res.statusText, problem.errors);
    }
    return res;
  }

  async json<T>(path: string): Promise<T> {
    return (await (await this.request(path)).json()) as T;
  }

  me = () => this.json<Member>('/console/me');
  chapters = () => this.json<{ items: ChapterCounts[] }>('/console/chapters').then((r) => r.items);
  signups = (query: URLSearchParams) => this.json<{ items: ConsoleSignup[] }>(`/console/signups?${query}`).then((r) => r.items);
  ready = (chapter?: string) => this.json<{ items: ReadyPerson[] }>(`/console/ready${chapter ? `?chapter=${encodeURIComponent(chapter)}` : ''}`).then((r) => r.items);
  recruiters = (chapter?: string) => this.json<{ items: Recruiter[] }>(`/console/recruiters${chapter ? `?chapter=${encodeURIComponent(chapter)}` : ''}`).then((r) => r.items);
  queue = (chapter?: string) => this.json<{ items: QueuedPost[] }>(`/moderation${chapter ? `?chapter=${encodeURIComponent(chapter)}` : ''}`).then((r) => r.items);
  contacted = (id: string, contacted: boolean) => this.request(`/console/signups/${encodeURIComponent(id)}/contacted`, { method: 'POST', body: JSON.stringify({ contacted }) });
  erase = (id: string) => this.request(`/console/signups/${encodeURIComponent(id)}/erase`, { method: 'POST' });
  moderate = (id: string, action: 'approve' | 'hide') => this.request(`/posts/${encodeURIComponent(id)}`, { method: 'PATCH', body: JSON.stringify({ action }) });
  /** Uploads a chapter's logo (a PNG); answers where the hub now reads it. */
  logo = (chapter: string, png: Blob) => this.request(`/chapters/${encodeURIComponent(chapter)}/logo`, { method: 'POST', body: png }).then((r) => r.json() as Promise<{ logo: string }>);
  csv = (query: URLSearchParams) => this.request(`/console/signups?${query}&format=csv`).then((r) => r.blob());
}
