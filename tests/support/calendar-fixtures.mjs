/**
 * Other calendars' answers, byte for byte as recorded by hand from each API's documented format
 * (tests/fixtures/calendars/README.md). The browser tests' server serves them under /__calendars/
 * (server-plugins.mjs); Node tests start their own loopback server with `startCalendarServer()`.
 *
 * - <name>.ics: text/calendar; "down.ics" answers 503, as a calendar host having trouble does;
 * - mobilizon/api: Mobilizon's GraphQL endpoint (POST), answering a group's events from
 *   mobilizon/group-<name>.json (a group it does not know: group-not-found.json) or a tag's from tag-<tag>.json;
 * - any other path: the JSON file of that path (mobilize/v1/organizations/<id>/events.json…).
 * Every answer allows any origin, as those public APIs do.
 */
import { readFileSync, existsSync } from 'node:fs';
import { createServer } from 'node:http';

const CALENDARS = new URL('../fixtures/calendars/', import.meta.url);

/** The answer to a request for `path` (relative to the calendars' root): status, headers and body. */
export function calendarAnswer(method, path, requestBody = '') {
  const headers = { 'access-control-allow-origin': '*' };
  if (method === 'OPTIONS') return { status: 204, headers: { ...headers, 'access-control-allow-headers': 'content-type' } };
  if (path.includes('..')) return { status: 400, headers };
  if (path === 'down.ics') return { status: 503, headers, body: 'Service Unavailable' };
  let file;
  if (path === 'mobilizon/api' && method === 'POST') {
    const { variables = {} } = JSON.parse(requestBody);
    file = new URL(variables.preferredUsername ? `mobilizon/group-${variables.preferredUsername}.json` : `mobilizon/tag-${variables.tags}.json`, CALENDARS);
    if (!existsSync(file)) file = new URL('mobilizon/group-not-found.json', CALENDARS);
  } else {
    file = new URL(path.endsWith('.ics') ? path : `${path.replace(/\/$/, '')}.json`, CALENDARS);
  }
  if (!existsSync(file)) return { status: 404, headers };
  const type = path.endsWith('.ics') ? 'text/calendar; charset=utf-8' : 'application/json; charset=utf-8';
  return { status: 200, headers: { ...headers, 'content-type': type }, body: readFileSync(file) };
}

/**
 * The same answers on a loopback port of their own, for Node tests. `down` makes every answer a 503; `replace`
 * serves other bytes at a path (a feed after an event was deleted from it).
 */
export async function startCalendarServer() {
  const state = { down: false, replace: new Map(), requests: 0 };
  const server = createServer(async (req, res) => {
    state.requests += 1;
    let requestBody = '';
    for await (const chunk of req) requestBody += chunk;
    const path = new URL(req.url, 'http://x').pathname.slice(1);
    const answer = state.down
      ? { status: 503, headers: {}, body: 'Service Unavailable' }
      : state.replace.has(path)
        ? { status: 200, headers: { 'content-type': 'text/calendar; charset=utf-8' }, body: state.replace.get(path) }
        : calendarAnswer(req.method, path, requestBody);
    res.writeHead(answer.status, answer.headers);
    res.end(answer.body);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${server.address().port}`;
  return Object.assign(state, { url, close: () => new Promise((resolve) => server.close(resolve)) });
}
