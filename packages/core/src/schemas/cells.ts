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

/**
 * What moderators type in a post's status column, by meaning, in the nine languages Archipel speaks (en fr es pt de
 * it nl ar sw), written as `statusKey` leaves them: no case, accents or spaces. Code.gs holds the same lists
 * (tests/apps-script/moderation-words.node.test.ts checks that they agree).
 */
export const STATUS_WORDS: Record<'approved' | 'hidden' | 'pending', readonly string[]> = {
  approved: ['approved', 'approve', 'published', 'yes', 'y', 'ok', 'x', '1', 'true', 'approuve', 'approuvee', 'publie', 'publiee', 'oui', 'vrai', 'aprobado', 'aprobada', 'publicado', 'publicada', 'si', 'aprovado', 'aprovada', 'sim', 'genehmigt', 'freigegeben', 'veroffentlicht', 'ja', 'approvato', 'approvata', 'pubblicato', 'pubblicata', 'goedgekeurd', 'gepubliceerd', 'موافق', 'مقبول', 'منشور', 'نعم', 'imeidhinishwa', 'imechapishwa', 'ndiyo', 'ndio'],
  hidden: ['hidden', 'hide', 'rejected', 'no', 'n', '0', 'false', 'masque', 'masquee', 'cache', 'cachee', 'rejete', 'rejetee', 'non', 'faux', 'oculto', 'oculta', 'rechazado', 'rechazada', 'rejeitado', 'rejeitada', 'nao', 'versteckt', 'abgelehnt', 'nein', 'nascosto', 'nascosta', 'rifiutato', 'rifiutata', 'verborgen', 'afgewezen', 'nee', 'مخفي', 'مرفوض', 'لا', 'imefichwa', 'imekataliwa', 'hapana'],
  pending: ['pending', 'enattente', 'attente', 'arevoir', 'arelire', 'pendiente', 'pendente', 'ausstehend', 'inattesa', 'inafwachting', 'معلق', 'قيدالمراجعة', 'inasubiri'],
};

/** A status as its lists hold it: no case, accents, spaces or punctuation; letters of any script kept. */
export const statusKey = (v: string) => v.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');

/** A post's status as a moderator typed it ("approuvé", "sí", "masqué"…): the word the schema knows, else the cell as it is. */
export function statusCell(v: unknown): unknown {
  if (typeof v !== 'string') return v;
  const key = statusKey(v);
  return (Object.keys(STATUS_WORDS) as (keyof typeof STATUS_WORDS)[]).find((status) => STATUS_WORDS[status].includes(key)) ?? v;
}
