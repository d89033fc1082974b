/**
 * The page around a widget, as a supporter's phone has it: right to left, narrow, larger text. Each helper
 * changes the test page and `restorePage()` puts it back, so tests after it see the page they expect.
 */
import { a11ySnapshot, setViewport } from '@web/test-runner-commands';

const root = document.documentElement;

/** An Arabic page (`lang="ar" dir="rtl"`) on a phone `width` pixels wide. */
export async function rtlPhone(width = 320, height = 640): Promise<void> {
  root.lang = 'ar';
  root.dir = 'rtl';
  await setViewport({ width, height });
}

/** Text at `percent` % of its size: the page's root font size, as a browser's text-size setting sets it. */
export function textSize(percent: number): void {
  root.style.fontSize = `${percent}%`;
}

export async function restorePage(): Promise<void> {
  root.removeAttribute('lang');
  root.removeAttribute('dir');
  root.style.fontSize = '';
  window.scrollTo(0, 0);
  await setViewport({ width: 800, height: 600 });
}

/** How wide the page scrolls: more than the viewport means a supporter must scroll sideways. */
export const pageScrollWidth = () => document.scrollingElement!.scrollWidth;

/** Whether `inner` sits against the start edge of `outer` in a right-to-left page: their right edges meet. */
export const startsRight = (inner: Element, outer: Element, tolerance = 1) =>
  Math.abs(outer.getBoundingClientRect().right - inner.getBoundingClientRect().right) <= tolerance;

/**
 * Elements of `root` that cut off their own content: they hide what overflows and what they hold is larger than
 * they are. Screen-reader-only text (clipped to nothing on purpose) and text clamped with its ellipsis are not cut off.
 */
export function clipped(root: ShadowRoot | Element): Element[] {
  return [...root.querySelectorAll('*')].filter((el) => {
    if (el.closest('.visually-hidden, .skip, .end, .clamp, [hidden]') || !(el instanceof HTMLElement) || !el.offsetParent) return false;
    const style = getComputedStyle(el);
    const hides = (v: string) => v === 'hidden' || v === 'clip';
    return (hides(style.overflowY) && el.scrollHeight > el.clientHeight + 1) || (hides(style.overflowX) && el.scrollWidth > el.clientWidth + 1);
  });
}

/** Pairs of the given boxes that cover each other (by more than a pixel), named by `label`; an element holding the other is not a pair. */
export function overlapping(elements: readonly Element[], label = (el: Element) => el.textContent!.trim().slice(0, 40)): string[] {
  const boxes = elements.map((el) => [el, el.getBoundingClientRect()] as const).filter(([, b]) => b.width && b.height);
  const found: string[] = [];
  boxes.forEach(([a, ra], i) => {
    for (const [b, rb] of boxes.slice(i + 1)) {
      if (a.contains(b) || b.contains(a)) continue;
      const x = Math.min(ra.right, rb.right) - Math.max(ra.left, rb.left);
      const y = Math.min(ra.bottom, rb.bottom) - Math.max(ra.top, rb.top);
      if (x > 1 && y > 1) found.push(`“${label(a)}” covers “${label(b)}”`);
    }
  });
  return found;
}

/** A node of Chromium's accessibility tree, as `a11ySnapshot` gives it. */
export interface AxNode {
  role: string;
  name?: string;
  children?: AxNode[];
}

/** The nodes of the page's accessibility tree (what a screen reader reads) with `role`. */
export async function inAccessibilityTree(role: string): Promise<AxNode[]> {
  const tree = (await a11ySnapshot({})) as unknown as AxNode;
  const found: AxNode[] = [];
  const walk = (node: AxNode) => {
    if (node.role === role) found.push(node);
    node.children?.forEach(walk);
  };
  walk(tree);
  return found;
}
