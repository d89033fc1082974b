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

/** What moderators type in a post's status column, by meaning, in the languages sheets are written in. */
const STATUS_WORDS: Record<string, readonly string[]> = {
  approved: ['approved', 'approve', 'approuve', 'approuvee', 'aprobado', 'aprobada', 'publie', 'publiee', 'published', 'publicado', 'yes', 'y', 'oui', 'si', 'ok', 'x', '1', 'true', 'vrai'],
  hidden: ['hidden', 'hide', 'masque', 'masquee', 'cache', 'cachee', 'oculto', 'oculta', 'rejected', 'rejete', 'rejetee', 'rechazado', 'rechazada', 'no', 'non', 'n', '0', 'false', 'faux'],
  pending: ['pending', 'enattente', 'attente', 'pendiente', 'arevoir', 'arelire'],
};

/** A post's status as a moderator typed it ("approuvé", "sí", "masqué"…): the word the schema knows, else the cell as it is. */
export function statusCell(v: unknown): unknown {
  if (typeof v !== 'string') return v;
  const key = v.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^a-z0-9]/g, '');
  return Object.keys(STATUS_WORDS).find((status) => STATUS_WORDS[status]!.includes(key)) ?? v;
}
