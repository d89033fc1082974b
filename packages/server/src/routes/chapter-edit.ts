/**
 * Editing a chapter's hub: `PATCH /chapters/{id}` with the fields to change (name, slogan, description, website,
 * email, links, leaders, colours). A chapter's lead edits their own chapter only (403 for another), campaign staff
 * any; without a token, 401. The record is checked with core's chapter reader, the one the widgets read it with,
 * and the colours with the contrast rules of everything they touch: the header band and the buttons are filled
 * with the brand colour, so it must stand out from the page (3:1, WCAG 1.4.11), and text on it always reaches
 * 4.5:1 because the widgets pick black or white for it (core/theme.ts). Leaders' emails are stored and never
 * served publicly (public-fields.ts).
 */
import { contrast, describeIssue, parseColour, readers } from '@archipel/core/server';
import { bodyOf } from '../body.js';
import { sendJson } from '../caching.js';
import { API } from '../paths.js';
import { Problem } from '../problems.js';
import { idParams } from '../query.js';
import { scopeOf, staffOnly } from '../staff-auth.js';
import type { Routes } from './plugin.js';

/** What a lead may change; the place, the id and the translations stay the campaign's import. */
export const EDITABLE = ['name', 'slogan', 'description', 'website', 'email', 'links', 'leaders', 'color', 'accent', 'logo'] as const;

/** The contrast a filled area (header band, button) needs against the page around it. */
export const FILL_CONTRAST = 3;
const SURFACE = parseColour('#ffffff')!;

interface FieldProblem {
  field: string;
  message: string;
  problem?: string;
}

const floor2 = (n: number) => Math.floor(n * 100) / 100;

/**
 * The colours' problems. The brand colour fills the header band and the buttons on the page, so it needs 3:1
 * against a white page; the accent fills the join button on that band, so it needs 3:1 against the brand colour.
 */
export function colourProblems(record: Record<string, unknown>): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const rgb = (field: string) => (typeof record[field] === 'string' ? parseColour(record[field] as string) : undefined);
  const brand = rgb('color');
  const accent = rgb('accent');
  if (brand && contrast(brand, SURFACE) < FILL_CONTRAST) {
    problems.push({
      field: 'color',
      problem: 'contrast',
      message: `color: ${String(record.color)} has a contrast of ${floor2(contrast(brand, SURFACE))}:1 with a white page; the header band and the buttons it fills need ${FILL_CONTRAST}:1. Choose a darker colour.`,
    });
  }
  const band = brand ?? parseColour('#1a7f5a')!;
  if (accent && contrast(accent, band) < FILL_CONTRAST) {
    problems.push({
      field: 'accent',
      problem: 'contrast-brand',
      message: `accent: ${String(record.accent)} has a contrast of ${floor2(contrast(accent, band))}:1 with the brand colour; the join button it fills on the header band needs ${FILL_CONTRAST}:1. Choose a colour further from the brand colour.`,
    });
  }
  return problems;
}

export const chapterEditRoutes: Routes = async (app, { store }) => {
  app.patch(`${API}/chapters/:id`, { onRequest: staffOnly(store), schema: { params: idParams } }, async (request, reply) => {
    const { id } = request.params;
    scopeOf(request.staff!, id);
    const row = await store.get('chapters', id);
    if (!row) throw new Problem(404, 'No such chapter', `There is no chapter "${id}".`);
    const body = bodyOf(request);
    const unknown = Object.keys(body).filter((k) => !(EDITABLE as readonly string[]).includes(k));
    if (unknown.length) throw new Problem(422, 'Not editable', `Only ${EDITABLE.join(', ')} can be changed here, not ${unknown.join(', ')}.`, { errors: unknown.map((field) => ({ field, message: `${field} cannot be changed here.` })) });
    const merged: Record<string, unknown> = { ...(JSON.parse(row.data) as object) };
    // null or an empty string removes an optional field.
    for (const [k, v] of Object.entries(body)) if (v === null || v === '') delete merged[k];
    else merged[k] = v;
    const result = readers.chapters.read(merged);
    const errors: FieldProblem[] = result.success ? [] : result.error.issues.map((i) => ({ field: i.path.join('.'), message: describeIssue(i) }));
    errors.push(...colourProblems(merged));
    if (errors.length || !result.success) throw new Problem(422, 'Invalid chapter', errors.map((e) => e.message).join('; '), { errors });
    await store.upsert('chapters', [result.data as { id: string }]);
    await store.logAccess(request.staff!, 'edit', `chapter ${id}`, 1);
    return sendJson(reply.header('cache-control', 'private, no-store'), (await store.get('chapters', id))!.data);
  });
};
