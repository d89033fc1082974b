/**
 * Survey results: counts and percentages per question and option, readiness
 * by chapter and region, and one cross-tab. The same code runs on the server
 * (GET /surveys/{id}/results) and in the results view, so both agree.
 */
import type { Survey, Question } from './schemas/surveys.js';
import { TRUE } from './coerce.js';
import type { SurveyResponse } from './schemas/responses.js';

export interface ResultFilters {
  chapter?: string;
  region?: string;
  /** ISO 8601 instants; `to` is exclusive. */
  from?: string;
  to?: string;
}

export interface QuestionResult {
  id: string;
  type: Question['type'];
  label: string;
  /** People who answered this question. */
  answered: number;
  /** Count per option (choices, yes/no) or per value (scales). */
  counts: Record<string, number>;
  /** Scales: the mean answer. */
  mean?: number;
  /** Free text: every answer, newest first. */
  texts?: string[];
}

export interface ReadinessRow {
  /** Chapter id or region name. */
  key: string;
  respondents: number;
  /** People who said yes to a readiness question, by its `readiness` value ("host", "lead"). */
  ready: Record<string, number>;
  /** Yes to any readiness question. */
  readyAny: number;
}

export interface SurveyResults {
  survey: string;
  total: number;
  questions: QuestionResult[];
  byChapter: ReadinessRow[];
  byRegion: ReadinessRow[];
}

/** The same "yes" as the schemas read in cells. */
export const isYes = (v: unknown) => v === true || v === 1 || (typeof v === 'string' && TRUE.test(v.trim()));

export function filterResponses(responses: readonly SurveyResponse[], f: ResultFilters, regionOf: (r: SurveyResponse) => string | undefined = (r) => r.region): SurveyResponse[] {
  return responses.filter(
    (r) =>
      (!f.chapter || r.chapter === f.chapter) &&
      (!f.region || regionOf(r) === f.region) &&
      (!f.from || r.created >= f.from) &&
      (!f.to || r.created < f.to),
  );
}

export function aggregate(
  survey: Survey,
  all: readonly SurveyResponse[],
  filters: ResultFilters = {},
  /** The region of a response: its own, or its chapter's. */
  regionOf: (r: SurveyResponse) => string | undefined = (r) => r.region,
  /** The chapter a response counts for in "where is the energy": its own, or the nearest to its postcode. */
  chapterOf: (r: SurveyResponse) => string | undefined = (r) => r.chapter,
): SurveyResults {
  const responses = filterResponses(all, filters, regionOf).filter((r) => r.survey === survey.id);
  const questions: QuestionResult[] = survey.questions.map((q) => ({
    id: q.id,
    type: q.type,
    label: q.label,
    answered: 0,
    // A scale's options, if any, name its ends; its counts are keyed by the values given.
    counts: Object.fromEntries((q.type === 'yesno' ? ['yes', 'no'] : q.type === 'scale' ? [] : q.options ?? []).map((o) => [o, 0])),
    ...(q.type === 'text' ? { texts: [] as string[] } : {}),
  }));
  const sums = new Float64Array(questions.length);
  const readiness = survey.questions.filter((q) => q.type === 'yesno' && q.readiness);
  const chapters = new Map<string, ReadinessRow>();
  const regions = new Map<string, ReadinessRow>();
  const row = (map: Map<string, ReadinessRow>, key: string) => {
    let r = map.get(key);
    if (!r) map.set(key, (r = { key, respondents: 0, ready: {}, readyAny: 0 }));
    return r;
  };

  for (const r of responses) {
    survey.questions.forEach((q, i) => {
      const v = r.answers[q.id];
      if (v === undefined || v === '' || (Array.isArray(v) && !v.length)) return;
      const res = questions[i]!;
      res.answered += 1;
      if (q.type === 'multi') for (const o of Array.isArray(v) ? v : [String(v)]) res.counts[o] = (res.counts[o] ?? 0) + 1;
      else if (q.type === 'yesno') res.counts[isYes(v) ? 'yes' : 'no']! += 1;
      else if (q.type === 'text') res.texts!.push(String(v));
      else {
        const key = String(v);
        res.counts[key] = (res.counts[key] ?? 0) + 1;
        if (q.type === 'scale') sums[i]! += Number(v);
      }
    });
    const ready = readiness.filter((q) => isYes(r.answers[q.id]));
    const region = regionOf(r);
    for (const [map, key] of [[chapters, chapterOf(r)], [regions, region]] as const) {
      if (!key) continue;
      const agg = row(map, key);
      agg.respondents += 1;
      for (const q of ready) agg.ready[q.readiness!] = (agg.ready[q.readiness!] ?? 0) + 1;
      if (ready.length) agg.readyAny += 1;
    }
  }
  questions.forEach((q, i) => {
    if (q.type === 'scale' && q.answered) q.mean = sums[i]! / q.answered;
    q.texts?.reverse();
  });
  const ranked = (m: Map<string, ReadinessRow>) => [...m.values()].sort((a, b) => b.readyAny - a.readyAny || b.respondents - a.respondents || a.key.localeCompare(b.key));
  return { survey: survey.id, total: responses.length, questions, byChapter: ranked(chapters), byRegion: ranked(regions) };
}

/** Counts of one question's answers split by chapter or region: { group: { option: n } }. */
export function crossTab(
  survey: Survey,
  responses: readonly SurveyResponse[],
  questionId: string,
  by: (r: SurveyResponse) => string | undefined,
): Record<string, Record<string, number>> {
  const q = survey.questions.find((x) => x.id === questionId);
  const out: Record<string, Record<string, number>> = {};
  if (!q) return out;
  for (const r of responses) {
    const group = by(r);
    const v = r.answers[q.id];
    if (!group || v === undefined || v === '') continue;
    const cell = (out[group] ??= {});
    const values = q.type === 'yesno' ? [isYes(v) ? 'yes' : 'no'] : Array.isArray(v) ? v : [String(v)];
    for (const value of values) cell[value] = (cell[value] ?? 0) + 1;
  }
  return out;
}
