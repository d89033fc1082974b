/**
 * A chapter's colours, made readable. The chapter picks one brand colour (and
 * maybe an accent); the campaign's surface and text colours come from the
 * page. Text on the brand colour, and the brand colour used as text on the
 * surface, always reach 4.5:1 (WCAG AA); when the chapter's own colour cannot,
 * the text version is moved towards black or white and the report says so.
 * The header band and the buttons are filled with the brand colour, so it
 * must stand out from the surface too (3:1): a white or pale colour is
 * darkened for them, never shown as it would vanish.
 */
import { contrast, makeTheme, parseColour, themeTokens, type Theme } from '@archipel/core';

/** The only colours a chapter may give: #rgb or #rrggbb, so no value can carry other CSS. */
export const COLOUR = /^#(?:[0-9a-f]{3}){1,2}$/i;

export const isColour = (value: unknown): value is string => typeof value === 'string' && COLOUR.test(value.trim());

/** Contrasts are reported the way WCAG writes them: 4.52:1 is not 4.5:1. */
const floor2 = (n: number) => Math.floor(n * 100) / 100;

export interface Branding {
  theme: Theme;
  /** The `--archipel-color-*` tokens the hub sets for everything inside it. */
  tokens: Record<string, string>;
  /** Contrast of the text on the brand colour (header, buttons). */
  onBrand: number;
  /** Contrast of the chapter's colour itself as text on the surface, before any adjustment. */
  asText: number;
  /** Contrast of the brand colour as text on the surface, after adjustment. */
  onSurface: number;
  /** Contrast of the text on the accent colour. */
  onAccent: number;
  /** Whether the brand colour had to be darkened or lightened to be used as text. */
  adjusted: boolean;
  /** Contrast of the filled areas (header band, buttons) with the surface, after adjustment. */
  fillOnSurface: number;
  /** Whether the brand colour had to be darkened or lightened to fill the header band and the buttons. */
  filled: boolean;
}

/** The theme for a chapter's colours on the campaign's surface (white unless an ancestor says otherwise). */
export function brandFor(brand: string, accent?: string, surface = '#ffffff', text?: string): Branding {
  const theme = makeTheme(brand, accent, parseColour(surface) ? surface : '#ffffff', text && parseColour(text) ? text : undefined);
  const c = (a: string, b: string) => floor2(contrast(parseColour(a)!, parseColour(b)!));
  const asText = c(theme.brandChosen, theme.surface);
  return {
    theme,
    tokens: themeTokens(theme),
    onBrand: c(theme.brand, theme.brandContrast),
    asText,
    onSurface: c(theme.brandOnSurface, theme.surface),
    onAccent: c(theme.accent, theme.accentContrast),
    adjusted: theme.brandOnSurface !== theme.brandChosen,
    fillOnSurface: c(theme.brand, theme.surface),
    filled: theme.brand !== theme.brandChosen,
  };
}

/** The one console message for a colour that could not be used as text as it is. */
export function adjustmentMessage(who: string, b: Branding): string {
  const t = b.theme;
  return (
    `${who}: the colour ${t.brandChosen} has a contrast of ${b.asText}:1 on ${t.surface}, too low for text (4.5:1 is needed). ` +
    `Text in the chapter's colour (links, headings) uses ${t.brandOnSurface} instead (${b.onSurface}:1); ` +
    `the header and buttons use ${t.brand} (${b.fillOnSurface}:1 on the page, 3:1 needed), with ${t.brandContrast} text (${b.onBrand}:1).`
  );
}
