/**
 * The kind of adapter a `source` needs, as core's adapters/kinds.ts tells it, for what the loader asks for early
 * only: the adapter's file and, from a REST API, a widget's first read. A wrong guess costs a file, never a wrong
 * reading, so this is a short copy of core's tests rather than core's module, which would pull the shared chunk into
 * the loader. Calendars and event feeds (iCalendar, Mobilizon, Mobilize, OSDI) are `feed`: nothing is asked early
 * for them. Taken for REST APIs, each page view asked their servers for `…/actions?limit=5000`, a 404 in the page's
 * console, and on a Mobilizon instance an error page downloaded beside the widget's code.
 * Any address on Google's two hosts is taken for a sheet or an Apps Script, as only those are sources there: core's
 * path tests cost every page's loader bytes for addresses that are no source at all.
 * tests/embed/source-kind.node.test.ts holds it to core's kinds.
 */
const FEED = /^webcals?:|\/(@[\w.-]+(@[\w.-]+)?|tag\/[^/]+)\/?$|\/v1\/organizations\/\d+\/events\/?$|\/api\/v\d+\/events\/?$/;

export function kindOf(source: string, base: string): string {
  const u = new URL(source, base);
  if (u.hostname === 'docs.google.com') return 'sheets';
  if (u.hostname === 'script.google.com') return 'apps-script';
  if (FEED.test(u.protocol + u.pathname) || /\.ics$/i.test(u.pathname)) return 'feed';
  const api = /(^|\/)api(\/|$)/.test(u.pathname);
  return u.pathname.endsWith('.json') || (u.pathname.endsWith('/') && !api) ? 'json' : 'rest';
}
