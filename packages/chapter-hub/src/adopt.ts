/**
 * Widgets a webmaster slots into a hub may be defined before the hub is (the
 * loader imports a page's tags at once and chunks arrive in any order). Such a
 * widget asked for the hub's contexts when nobody could answer, and
 * @lit/context does not ask again by itself. The hub asks on its behalf once
 * it can answer. (A ContextRoot in core would do the same for every page, but
 * would cost every page its bytes for what only a hub needs.)
 */
import { adapterContext, chapterContext, localeContext, themeContext } from '@archipel/core';
import { contextRequest } from './provider.js';

const FIELDS: [unknown, string][] = [
  [adapterContext, 'contextAdapter'],
  [chapterContext, 'contextChapter'],
  [themeContext, 'contextTheme'],
  [localeContext, 'contextLocale'],
];

/** Answers the Archipel widgets in `hub`'s light DOM that no hub has answered yet (a hub always provides a locale). */
export function adoptEarlyWidgets(hub: HTMLElement): void {
  for (const el of hub.querySelectorAll('*')) {
    // Recognised by their consumers rather than their class: a second copy of Archipel has other classes.
    if (!('contextLocale' in el) || (el as unknown as Record<string, unknown>).contextLocale !== undefined) continue;
    for (const [context, field] of FIELDS) {
      el.dispatchEvent(
        contextRequest(context, el, (value, unsubscribe) => {
          if (!hub.contains(el)) return unsubscribe?.();
          (el as unknown as Record<string, unknown>)[field] = value;
        }),
      );
    }
  }
}
