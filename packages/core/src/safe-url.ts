const ALLOWED = new Set(['http:', 'https:', 'mailto:']);

/**
 * A link from data, or undefined when it is not one a person may follow:
 * only http, https and mailto survive, so `javascript:` and `data:` never
 * become an href. Relative links resolve against the page.
 */
export function safeUrl(value: unknown, base: string = globalThis.document?.baseURI ?? 'http://localhost/'): string | undefined {
  if (typeof value !== 'string' || !value.trim()) return undefined;
  try {
    const url = new URL(value.trim(), base);
    return ALLOWED.has(url.protocol) ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** "https://www.example.org/x" → "example.org": a link's site, to name it. */
export function hostOf(u: string): string {
  try {
    return new URL(u).hostname.replace(/^www\./, '');
  } catch {
    return u;
  }
}
