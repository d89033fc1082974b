/**
 * What an enclosing <chapter-hub> gives every Archipel widget inside it.
 * Keys come from Symbol.for so that two copies of Archipel on one page (a
 * theme's bundle and the CDN script) still find each other.
 */
import { createContext } from '@lit/context';
import type { Adapter } from './adapter.js';
import type { Chapter } from './schemas/chapters.js';
import type { Locale } from './i18n.js';
import type { Theme } from './theme.js';

export const adapterContext = createContext<Adapter | undefined>(Symbol.for('archipel.adapter'));
export const chapterContext = createContext<Chapter | undefined>(Symbol.for('archipel.chapter'));
export const themeContext = createContext<Theme | undefined>(Symbol.for('archipel.theme'));
export const localeContext = createContext<Locale | undefined>(Symbol.for('archipel.locale'));
