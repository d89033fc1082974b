/**
 * Public survey results never show a group of fewer than five answers: such a count could point at a person (the
 * two people of a small chapter who said they would host). In a public answer every count from 1 to 4 becomes
 * `null`, and `fewerThan: 5` tells the results view to say "fewer than 5"; a scale's mean over fewer than five
 * answers goes too. Zero stays zero. Staff see the counts as they are.
 */
import type { SurveyResults } from '@archipel/core/server';

export const SMALLEST_GROUP = 5;

type Count = number | null;
const hide = (n: number): Count => (n > 0 && n < SMALLEST_GROUP ? null : n);
const hideAll = (counts: Record<string, number>) => Object.fromEntries(Object.entries(counts).map(([k, n]) => [k, hide(n)]));

export interface CrossTab {
  question: string;
  by: string;
  counts: Record<string, Record<string, number>>;
}

export function withoutSmallGroups(results: SurveyResults, cross?: CrossTab) {
  return {
    ...results,
    fewerThan: SMALLEST_GROUP,
    total: hide(results.total),
    questions: results.questions.map((q) => ({
      ...q,
      answered: hide(q.answered),
      counts: hideAll(q.counts),
      ...(q.mean !== undefined ? { mean: q.answered < SMALLEST_GROUP ? null : q.mean } : {}),
    })),
    byChapter: results.byChapter.map((r) => ({ ...r, respondents: hide(r.respondents), ready: hideAll(r.ready), readyAny: hide(r.readyAny) })),
    byRegion: results.byRegion.map((r) => ({ ...r, respondents: hide(r.respondents), ready: hideAll(r.ready), readyAny: hide(r.readyAny) })),
    ...(cross ? { crossTab: { ...cross, counts: Object.fromEntries(Object.entries(cross.counts).map(([g, cells]) => [g, hideAll(cells)])) } } : {}),
  };
}
