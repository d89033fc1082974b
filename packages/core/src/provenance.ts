/**
 * Where an action comes from, in words a supporter can read: the site's name when the sources are on
 * different sites, and the part of the address that tells them apart when they share one
 * ("example.org › lyon", "example.org › paris"), never a host name that two sources share.
 */

const readable = (segment: string) => {
  try {
    return decodeURIComponent(segment).replace(/\.(json|csv)$/i, '');
  } catch {
    return segment;
  }
};

/** The label of `origin` among all the page's `sources` (space-separated, as in the `source` attribute). */
export function sourceLabel(origin: string, sources: readonly string[]): string {
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return origin;
  }
  const host = url.hostname.replace(/^www\./, '');
  const sameHost = sources.filter((s) => URL.canParse(s) && new URL(s).hostname.replace(/^www\./, '') === host);
  if (sameHost.length <= 1) return host;
  const segments = url.pathname.split('/').filter(Boolean);
  // The last segment that not every source shares names this one ("…/lyon/actions.json" → "lyon").
  const shared = (i: number, seg: string) => sameHost.every((s) => new URL(s).pathname.split('/').filter(Boolean).at(i - segments.length) === seg);
  const own = segments.findLast((seg, i) => !shared(i, seg));
  return own ? `${host} › ${readable(own)}` : host;
}
