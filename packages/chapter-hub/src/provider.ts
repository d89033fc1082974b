/**
 * The provider side of the context protocol that @lit/context's consumers
 * speak (`context-request` and `context-provider` events), written out here
 * rather than imported: the build puts every @lit/context module into the
 * shared chunk that every page downloads, and only hubs provide. Behaves like
 * @lit/context's ContextProvider: answers requests from inside its host,
 * keeps subscribers up to date with one stable unsubscribe function each,
 * and hands its subscribers over to a provider that appears between them
 * (a hub inside a hub).
 */
type Callback = (value: unknown, unsubscribe?: () => void) => void;

interface Request extends Event {
  context: unknown;
  contextTarget?: Element;
  callback: Callback;
  subscribe?: boolean;
}

/** A `context-request` event, as a consumer would send it. */
export function contextRequest(context: unknown, target: Element, callback: Callback, subscribe = true): Event {
  return Object.assign(new Event('context-request', { bubbles: true, composed: true }), { context, contextTarget: target, callback, subscribe });
}

export class HubProvider<T> {
  private value?: T;
  private readonly subscribers = new Map<Callback, { target: Element; unsubscribe: () => void }>();

  constructor(
    private readonly host: HTMLElement,
    readonly context: unknown,
  ) {
    host.addEventListener('context-request', this.onRequest);
    host.addEventListener('context-provider', this.onProvider);
  }

  private readonly onRequest = (e: Event) => {
    const ev = e as Request;
    if (ev.context !== this.context) return;
    const target = ev.contextTarget ?? (ev.composedPath()[0] as Element);
    // The host's own request goes on to the providers above it.
    if (target === this.host) return;
    ev.stopPropagation();
    if (!ev.subscribe) return ev.callback(this.value);
    let sub = this.subscribers.get(ev.callback);
    if (!sub) {
      const callback = ev.callback;
      sub = { target, unsubscribe: () => void this.subscribers.delete(callback) };
      this.subscribers.set(callback, sub);
    }
    ev.callback(this.value, sub.unsubscribe);
  };

  /** A provider appeared inside: each subscriber asks again, and the nearest provider answers it. */
  private readonly onProvider = (e: Event) => {
    const ev = e as Event & { context: unknown; contextTarget?: Element };
    if (ev.context !== this.context) return;
    const child = ev.contextTarget ?? ev.composedPath()[0];
    if (child === this.host) return;
    ev.stopPropagation();
    for (const [callback, { target }] of [...this.subscribers]) target.dispatchEvent(contextRequest(this.context, target, callback));
  };

  get current(): T | undefined {
    return this.value;
  }

  set(value: T | undefined): void {
    if (Object.is(value, this.value)) return;
    this.value = value;
    for (const [callback, { unsubscribe }] of [...this.subscribers]) callback(value, unsubscribe);
  }

  /** Tells providers above that this one now answers for everything inside its host. */
  announce(): void {
    this.host.dispatchEvent(Object.assign(new Event('context-provider', { bubbles: true, composed: true }), { context: this.context, contextTarget: this.host }));
  }
}
