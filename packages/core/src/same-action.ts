/**
 * One action, however many calendars list it: when sources are merged (a coalition's server, a member's
 * Google Calendar, its Mobilizon group), the same march is shown once, naming every place it was published.
 * Two actions are the same when their titles match (case, accents and punctuation aside), they start at the
 * same minute and, when both have a pin, they are within a kilometre of each other. Loaded only for merged
 * sources.
 */
import type { Action } from './schemas/actions.js';
import { distanceKm, fold } from './geo.js';

type Origin = NonNullable<Action['origins']>[number];

const keyOf = (a: Action) => `${fold(a.title).replace(/[^\p{L}\p{N}]+/gu, '')}|${a.start.slice(0, 16)}`;
const near = (a: Action, b: Action) =>
  a.lat === undefined || a.lng === undefined || b.lat === undefined || b.lng === undefined || distanceKm({ lat: a.lat, lng: a.lng }, { lat: b.lat, lng: b.lng }) <= 1;
const sameOrigin = (a: Origin, b: Origin) => (a.url ?? '') === (b.url ?? '') && (a.label ?? '') === (b.label ?? '');

/** Every origin of both, once each, in the order they came. */
function originsOf(a: Action, b: Action): Origin[] {
  const all: Origin[] = [];
  for (const o of [...(a.origins ?? []), ...(b.origins ?? [])]) if (!all.some((known) => sameOrigin(known, o))) all.push(o);
  return all;
}

/**
 * Merges actions that are the same into the first one seen: its fields win, the others fill what it lacks
 * (a pin, an address, a link), and it lists every origin.
 */
export function mergeSameActions(actions: Action[]): Action[] {
  const byKey = new Map<string, Action[]>();
  const out: Action[] = [];
  for (const a of actions) {
    const key = keyOf(a);
    const candidates = byKey.get(key) ?? [];
    const i = candidates.findIndex((b) => near(a, b));
    if (i < 0) {
      candidates.push(a);
      byKey.set(key, candidates);
      out.push(a);
      continue;
    }
    const first = candidates[i]!;
    const merged = { ...a, ...Object.fromEntries(Object.entries(first).filter(([, v]) => v !== undefined)), origins: originsOf(first, a) } as Action;
    candidates[i] = merged;
    out[out.indexOf(first)] = merged;
  }
  return out;
}
