/**
 * The widgets a hub renders in its shadow root. archipel.js watches only the
 * page's own DOM, so the hub asks it for these tags itself, and imports them
 * directly when the page has no loader (a bundle of its own, tests). In the
 * production build both roads lead to the same file (dist/<tag>.js), so a tag
 * is never defined twice. Only the sections a hub shows are asked for.
 */
interface Loader {
  load(tag: string): Promise<unknown>;
  tags(): string[];
}

export const NESTED = {
  actions: 'action-map',
  signup: 'hub-signup',
  wall: 'hashtag-wall',
} as const;

const importers: Record<string, () => Promise<unknown>> = {
  'action-map': () => import('@archipel/action-map'),
  'hub-signup': () => import('@archipel/hub-signup'),
  'hashtag-wall': () => import('@archipel/hashtag-wall'),
};

const asked = new Map<string, Promise<unknown>>();

/** Resolves when `tag` is defined, loading its code if needed. */
export function defineNested(tag: string): Promise<unknown> {
  if (customElements.get(tag)) return Promise.resolve();
  let p = asked.get(tag);
  if (!p) {
    const loader = (globalThis as Record<symbol, unknown>)[Symbol.for('archipel.loader')] as Loader | undefined;
    p = (loader?.tags().includes(tag) ? loader.load(tag) : importers[tag]?.()) ?? Promise.resolve();
    p = p.catch((e: unknown) => {
      asked.delete(tag);
      console.error(`[archipel] <chapter-hub> could not load <${tag}>:`, e);
    });
    asked.set(tag, p);
  }
  return p;
}
