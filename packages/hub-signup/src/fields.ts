/**
 * The form's model: which fields exist and how a phone should present them,
 * how "key:text|key:text" attributes are read, and what a visitor brought
 * with them in the address (prefill, referrer, campaign tags).
 */

/** Every field the form can show, in the order it shows them. */
export const FIELDS = ['name', 'email', 'phone', 'postcode', 'chapter', 'interests', 'message'] as const;
export type Field = (typeof FIELDS)[number];

/** Input type, autocomplete token and mobile keyboard of each text field. */
export const INPUTS: Partial<Record<Field, [type: string, autocomplete: string, inputmode: string, maxlength: number]>> = {
  name: ['text', 'name', 'text', 120],
  email: ['email', 'email', 'email', 254],
  phone: ['tel', 'tel', 'tel', 40],
  postcode: ['text', 'postal-code', 'text', 16],
};

/** "contact:I agree…|news:Send me…" → [["contact", "I agree…"], ["news", "Send me…"]]; an entry without a key gets `fallback(i)`. */
export function pairs(value: string | undefined, fallback: (i: number) => string): [string, string][] {
  return (value ?? '')
    .split('|')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((s, i) => {
      const m = /^([\w-]{1,60}):\s*(.+)$/s.exec(s);
      return m ? [m[1]!, m[2]!] : [fallback(i), s];
    });
}

export interface Arrival {
  email?: string;
  postcode?: string;
  referrer?: string;
  utm?: Record<string, string>;
}

/** What the address brings: `?email=`, `?postcode=`, `?ref=` (who recruited them), `?utm_*=` and `?source=`. */
export function arrival(search: string): Arrival {
  const q = new URLSearchParams(search);
  const utm: Record<string, string> = {};
  for (const k of ['source', 'medium', 'campaign', 'term', 'content']) {
    const v = (q.get(`utm_${k}`) ?? (k === 'source' ? q.get('source') : null))?.trim().slice(0, 100);
    if (v) utm[k] = v;
  }
  const get = (k: string, max: number) => q.get(k)?.trim().slice(0, max) || undefined;
  return { email: get('email', 254), postcode: get('postcode', 16), referrer: get('ref', 40), utm: Object.keys(utm).length ? utm : undefined };
}
