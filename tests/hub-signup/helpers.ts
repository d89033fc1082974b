/** Shared steps for the <hub-signup> tests: what a person does with the form, and what they see. */
import { MemoryAdapter } from '../../packages/core/src/adapters/memory.ts';
import { AdapterError } from '../../packages/core/src/errors.ts';
import type { HubSignup } from '../../packages/hub-signup/src/hub-signup.ts';
import { $ as find, memory as shared } from '../support/dom.ts';

export { $$, text, focused } from '../support/dom.ts';

/** A control of the form: an input unless said otherwise. */
export const $ = <T extends Element = HTMLInputElement>(el: HubSignup, selector: string): T => find<T>(el, selector);

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

export const memory = (data: ConstructorParameters<typeof MemoryAdapter>[0] = {}, options: { writable?: boolean } = {}) => shared(data, { name: 'signup', ...options });

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
