/**
 * What every widget test reads and does, written once: what a person reads in a widget, finding its parts,
 * the accessibility check, a memory source of its own, and the console warnings a webmaster would see.
 */
import { expect } from '@open-wc/testing';
import { MemoryAdapter } from '../../packages/core/src/adapters/memory.ts';

/** What a person reads: the widget's shadow root flattened to text, slotted text included, spaces collapsed. */
export function text(el: Element): string {
  const walk = (node: Node): string => {
    if (node instanceof HTMLSlotElement) {
      const assigned = node.assignedNodes({ flatten: true });
      return (assigned.length ? assigned : [...node.childNodes]).map(walk).join('');
    }
    if (node instanceof HTMLStyleElement) return '';
    if (node.nodeType === Node.TEXT_NODE) return node.textContent ?? '';
    return [...node.childNodes].map(walk).join(node instanceof HTMLElement && /^(A|B|I|EM|STRONG|SPAN)$/.test(node.tagName) ? '' : ' ');
  };
  return walk(el.shadowRoot ?? el).replace(/\s+/g, ' ').trim();
}

/** The first element of the widget's shadow root that matches; a test that expects it fails if it is not there. */
export function $<T extends Element = HTMLElement>(el: Element, selector: string): T {
  const found = el.shadowRoot!.querySelector<T>(selector);
  if (!found) throw new Error(`nothing matches ${selector} in <${el.localName}>`);
  return found;
}

/** The first match, or null: for a test that waits for something to appear or checks that it is gone. */
export const query = <T extends Element = HTMLElement>(el: Element, selector: string): T | null => el.shadowRoot!.querySelector<T>(selector);

export const $$ = <T extends Element = HTMLElement>(el: Element, selector: string): T[] => [...el.shadowRoot!.querySelectorAll<T>(selector)];

/** The element focused inside the widget, if any. */
export const focused = (el: Element) => el.shadowRoot!.activeElement as HTMLElement | null;

/** axe on the widget as it is once its animations have finished (a card fading in is checked at full colour). */
export async function accessible(el: Element): Promise<void> {
  await Promise.all(el.shadowRoot!.getAnimations().map((a) => a.finished));
  await expect(el).to.be.accessible();
}

/** A memory source of the test's own: sources are shared by address on a page, and their reads are saved. */
export const memory = (data: ConstructorParameters<typeof MemoryAdapter>[0] = {}, options: { writable?: boolean; name?: string } = {}) =>
  new MemoryAdapter(data, { source: `memory:${options.name ?? 'test'}-${Math.random().toString(36).slice(2)}`, writable: options.writable });

/** The console warnings said while `fn` runs. */
export async function warnings(fn: () => unknown): Promise<string[]> {
  const said: string[] = [];
  const original = console.warn;
  console.warn = (...args: unknown[]) => void said.push(args.map(String).join(' '));
  try {
    await fn();
  } finally {
    console.warn = original;
  }
  return said;
}
