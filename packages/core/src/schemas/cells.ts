/** Cells that need reading their own way, shared by the schemas that have such fields. */
import { hostOf } from '../safe-url.js';

/** "fr" → "FR". */
export const upperCase = (v: unknown) => (typeof v === 'string' ? v.trim().toUpperCase() : v);

/** Hashtags without their "#", from ["a", "#b"] or a cell "#a #b, c". */
export function hashtagCell(v: unknown): unknown {
  const items = typeof v === 'string' ? v.split(/[\s,;]+/) : v;
  if (!Array.isArray(items)) return v;
  return items.map((h) => (typeof h === 'string' ? h.trim().replace(/^#/, '') : h)).filter((h) => h !== '');
}

/** Links as records, as addresses (["https://…"]) or as one cell ("https://… https://…"); an address is labelled with its site. */
export function linksCell(v: unknown): unknown {
  const items = typeof v === 'string' ? v.split(/[\s,;]+/).filter(Boolean) : v;
  if (!Array.isArray(items)) return v;
  return items.map((l) => (typeof l === 'string' ? { label: hostOf(l.trim()), url: l.trim() } : l));
}
