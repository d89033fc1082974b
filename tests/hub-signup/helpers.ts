/** Shared steps for the <hub-signup> tests: what a person does with the form, and what they see. */
import { MemoryAdapter } from '../../packages/core/src/adapters/memory.ts';
import { AdapterError } from '../../packages/core/src/errors.ts';
import type { HubSignup } from '../../packages/hub-signup/src/hub-signup.ts';

export const $ = <T extends Element = HTMLInputElement>(el: HubSignup, selector: string): T => {
  const found = el.shadowRoot!.querySelector<T>(selector);
  if (!found) throw new Error(`nothing matches ${selector} in <hub-signup>`);
  return found;
};
export const $$ = (el: HubSignup, selector: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(selector)];

/** What a person reads: the flattened text of the shadow root, slotted text included. */
export const text = (el: HubSignup): string => {
  const walk = (node: Node): string => {
    if (node instanceof HTMLSlotElement) {
      const assigned = node.assignedNodes({ flatten: true });
      return (assigned.length ? assigned : [...node.childNodes]).map(walk).join('');
    }
    if (node instanceof HTMLStyleElement) return '';
    if (node.nodeType === Node.TEXT_NODE) return node.textContent ?? '';
    return [...node.childNodes].map(walk).join(node instanceof HTMLElement && /^(A|B|I|EM|STRONG|SPAN)$/.test(node.tagName) ? '' : ' ');
  };
  return walk(el.shadowRoot!).replace(/\s+/g, ' ').trim();
};

/** Types into fields the way an input event reports it. */
export async function fill(el: HubSignup, values: Record<string, string>): Promise<void> {
  for (const [name, value] of Object.entries(values)) {
    const input = $<HTMLInputElement>(el, `[name="${name}"]`);
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  }
  await el.updateComplete;
}

export async function tick(el: HubSignup, purpose = 'contact'): Promise<void> {
  $(el, `input[name="consent"][value="${purpose}"]`).click();
  await el.updateComplete;
}

export async function send(el: HubSignup): Promise<void> {
  $<HTMLButtonElement>(el, 'button[type="submit"]').click();
  await el.updateComplete;
}

/** The element focused inside the widget, if any. */
export const focused = (el: HubSignup) => el.shadowRoot!.activeElement as HTMLElement | null;

export const memory = (data: ConstructorParameters<typeof MemoryAdapter>[0] = {}, options: { writable?: boolean } = {}) =>
  new MemoryAdapter(data, { source: `memory:signup-${Math.random().toString(36).slice(2)}`, ...options });

/** A source that cannot be reached until `up()`: sign-ups wait in the outbox meanwhile. */
export function flaky(data: ConstructorParameters<typeof MemoryAdapter>[0] = {}) {
  const adapter = memory(data);
  let down = true;
  const submit = adapter.submit.bind(adapter);
  adapter.submit = (...args) => (down ? Promise.reject(new AdapterError('network', 'memory source unreachable')) : submit(...args));
  return Object.assign(adapter, { up: () => (down = false) });
}

/** The sign-ups a memory source holds. */
export const stored = (adapter: MemoryAdapter) => [...(adapter.written.get('signups')?.values() ?? [])] as Record<string, unknown>[];
