/**
 * How a source URL is recognised. Each adapter's code is a separate chunk,
 * imported the first time a widget reads from a source of that kind.
 *
 * - a Google Sheets URL: read-only sheet
 * - an Apps Script `/exec` URL: the sheet's read-write web app
 * - an iCalendar feed: a path ending in `.ics`, or a `webcal:` address
 * - a Mobilizon group or tag page: `…/@group`, `…/tag/name`
 * - Mobilize's public events of an organisation: `…/v1/organizations/<id>/events`
 * - an OSDI events feed (Action Network's form): `…/api/v2/events`
 * - a path ending in `.json` (one file, keyed by collection) or in `/`
 *   (a folder of `<collection>.json` files): read-only JSON
 * - anything else, and any path with an `api` segment: a REST API
 */
import type { AdapterKind } from '../adapter.js';

const isApi = (u: URL) => /(^|\/)api(\/|$)/.test(u.pathname);
/** Calendars are read far more often than they change: a visitor's browser asks again after five minutes. */
const CALENDAR_FRESH = () => 300;

export const BUILTIN_KINDS: AdapterKind[] = [
  {
    kind: 'sheets',
    writable: false,
    test: (u) => u.hostname === 'docs.google.com' && u.pathname.startsWith('/spreadsheets/d/'),
    // Every visitor shares the sheet's quota: `#interval=<s>` at the end of the address, else a minute.
    freshFor: (u) => Math.max(10, Number(new URLSearchParams(u.hash.slice(1)).get('interval')) || 60),
    create: (s) => import('./sheets.js').then((m) => new m.SheetsAdapter(s)),
  },
  {
    kind: 'apps-script',
    writable: true,
    test: (u) => u.hostname === 'script.google.com' && /^\/macros\/s\/[^/]+\/exec$/.test(u.pathname),
    freshFor: () => 30,
    create: (s) => import('./apps-script.js').then((m) => new m.AppsScriptAdapter(s)),
  },
  {
    kind: 'ical',
    writable: false,
    collections: ['actions'],
    test: (u) => /^webcals?:$/.test(u.protocol) || ((u.protocol === 'https:' || u.protocol === 'http:') && /\.ics$/i.test(u.pathname)),
    freshFor: CALENDAR_FRESH,
    create: (s) => import('./ical.js').then((m) => new m.IcalAdapter(s)),
  },
  {
    kind: 'mobilizon',
    writable: false,
    collections: ['actions'],
    test: (u) => (u.protocol === 'https:' || u.protocol === 'http:') && /\/(?:@[\w.-]+(?:@[\w.-]+)?|tag\/[^/]+)\/?$/.test(u.pathname),
    freshFor: CALENDAR_FRESH,
    create: (s) => import('./mobilizon.js').then((m) => new m.MobilizonAdapter(s)),
  },
  {
    kind: 'mobilize',
    writable: false,
    collections: ['actions'],
    test: (u) => /\/v1\/organizations\/\d+\/events\/?$/.test(u.pathname),
    freshFor: CALENDAR_FRESH,
    create: (s) => import('./mobilize.js').then((m) => new m.MobilizeAdapter(s)),
  },
  {
    kind: 'osdi',
    writable: false,
    collections: ['actions'],
    test: (u) => /\/api\/v\d+\/events\/?$/.test(u.pathname),
    freshFor: CALENDAR_FRESH,
    create: (s) => import('./osdi.js').then((m) => new m.OsdiAdapter(s)),
  },
  {
    kind: 'json',
    writable: false,
    test: (u) => u.pathname.endsWith('.json') || (u.pathname.endsWith('/') && !isApi(u)),
    create: (s) => import('./json.js').then((m) => new m.JsonAdapter(s)),
  },
  {
    kind: 'rest',
    writable: true,
    filters: true,
    test: (u) => u.protocol === 'https:' || u.protocol === 'http:',
    create: (s) => import('./rest.js').then((m) => new m.RestAdapter(s)),
  },
];
