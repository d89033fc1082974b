/**
 * Brand colours that stay readable. From one brand colour the theme derives
 * the text colour to put on it (contrast of at least 4.5:1, WCAG AA), a
 * hover shade and a version of the brand dark or light enough to be used as
 * text on the surface. Canvas widgets (map pins, charts) read the same values
 * from the theme context, since they cannot read CSS custom properties.
 */
export type Rgb = [number, number, number];

export interface Theme {
  /** The brand colour as filled areas use it (header band, buttons): the chosen one, or darkened (lightened on a dark surface) until it stands out from the surface at 3:1. */
  brand: string;
  /** The colour the chapter chose, as it was given. */
  brandChosen: string;
  /** Text on the brand colour. */
  brandContrast: string;
  /** The brand colour, darkened if needed, for text and borders on the surface. */
  brandOnSurface: string;
  /** The brand colour, lightened if needed, for text on the dark surface a page in dark mode gets. */
  brandOnDark: string;
  brandHover: string;
  /** The accent as filled areas use it: moved, if needed, until it stands out from the brand fill at 3:1 (a join button on the header band). */
  accent: string;
  accentContrast: string;
  surface: string;
  text: string;
}

export function parseColour(hex: string): Rgb | undefined {
  const m = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(hex.trim());
  if (!m) return undefined;
  const h = m[1]!.length === 3 ? [...m[1]!].map((c) => c + c).join('') : m[1]!;
  return [0, 2, 4].map((i) => parseInt(h.slice(i, i + 2), 16)) as Rgb;
}

export const toHex = (c: Rgb) => `#${c.map((v) => Math.round(Math.min(255, Math.max(0, v))).toString(16).padStart(2, '0')).join('')}`;

/** Relative luminance, WCAG 2.2. */
export function luminance([r, g, b]: Rgb): number {
  const lin = (v: number) => ((v /= 255) <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

export function contrast(a: Rgb, b: Rgb): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

export const mix = (a: Rgb, b: Rgb, t: number): Rgb => a.map((v, i) => v + (b[i]! - v) * t) as Rgb;

const WHITE: Rgb = [255, 255, 255];
const NEAR_BLACK: Rgb = [17, 17, 17];
/** The widgets' surface on a dark page (element.ts, `--_surface`). */
export const DARK_SURFACE: Rgb = [22, 25, 29];

/** White, near-black or, on mid-tones where neither reaches 4.5:1, black (which always does). */
export function textOn(bg: Rgb): Rgb {
  if (contrast(bg, WHITE) >= 4.5) return WHITE;
  return contrast(bg, NEAR_BLACK) >= 4.5 ? NEAR_BLACK : [0, 0, 0];
}

/** `colour` moved towards black or white, in small steps, until it reaches `ratio` against `against`. */
export function ensureContrast(colour: Rgb, against: Rgb, ratio = 4.5): Rgb {
  const target = luminance(against) > 0.18 ? [0, 0, 0] as Rgb : WHITE;
  let c = colour;
  for (let t = 0.05; contrast(c, against) < ratio && t <= 1; t += 0.05) c = mix(colour, target, t);
  return c;
}

/** `colour` moved towards black or towards white, whichever gets it to `ratio` against `against` with the smaller change. */
export function standOut(colour: Rgb, against: Rgb, ratio: number): Rgb {
  for (let t = 0; t <= 1.0001; t += 0.05) {
    for (const target of [[0, 0, 0], WHITE] as Rgb[]) {
      const c = mix(colour, target, t);
      if (contrast(c, against) >= ratio) return c;
    }
  }
  return textOn(against);
}

/** The contrast a filled area (header band, button) needs against what surrounds it, WCAG 1.4.11. */
export const FILL_CONTRAST = 3;

export function makeTheme(brandHex: string, accentHex?: string, surfaceHex = '#ffffff', textHex = '#1c2024'): Theme {
  const chosen = parseColour(brandHex) ?? [26, 127, 90];
  const surface = parseColour(surfaceHex) ?? WHITE;
  // A white (or any too light) colour would make the band and the buttons vanish into the page: they get a
  // darker version of it; text on them is then black or white, whichever reads.
  const brand = ensureContrast(chosen, surface, FILL_CONTRAST);
  const accent = standOut(parseColour(accentHex ?? '') ?? mix(brand, NEAR_BLACK, 0.35), brand, FILL_CONTRAST);
  return {
    brand: toHex(brand),
    brandChosen: toHex(chosen),
    brandContrast: toHex(textOn(brand)),
    brandOnSurface: toHex(ensureContrast(chosen, surface)),
    brandOnDark: toHex(ensureContrast(chosen, DARK_SURFACE)),
    brandHover: toHex(mix(brand, luminance(brand) > 0.3 ? NEAR_BLACK : WHITE, 0.15)),
    accent: toHex(accent),
    accentContrast: toHex(textOn(accent)),
    surface: toHex(surface),
    text: textHex,
  };
}

/** The theme as the global `--archipel-*` tokens, ready for a style attribute or `style.setProperty`. */
export function themeTokens(t: Theme): Record<string, string> {
  return {
    '--archipel-color-brand': t.brand,
    '--archipel-color-brand-contrast': t.brandContrast,
    '--archipel-color-brand-on-surface': t.brandOnSurface,
    '--archipel-color-brand-on-dark': t.brandOnDark,
    '--archipel-color-brand-hover': t.brandHover,
    '--archipel-color-accent': t.accent,
    '--archipel-color-accent-contrast': t.accentContrast,
  };
}
