/**
 * The page around a widget, as a supporter's phone has it: right to left, narrow, larger text. Each helper
 * changes the test page and `restorePage()` puts it back, so tests after it see the page they expect.
 */
import { setViewport } from '@web/test-runner-commands';

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
