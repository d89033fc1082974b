/**
 * Survey results: public only for a survey with `public_results`, and then as
 * counts only, groups of fewer than five shown as such (small-groups.ts);
 * free-text answers are personal and need a staff token. Anonymous answers are
 * kept per survey and filters, and computed again only when a response came in
 * since, and then at most once a second (or every 30 s when responses arrive on
 * another instance): readers changing filters cannot slow writes down, and a
 * person who has just voted sees their vote counted.
 */
import { aggregate, crossTab, filterResponses, type Chapter, type SurveyResponse } from '@archipel/core/server';
import { sendJson } from '../caching.js';
import type { Storage } from '../storage.js';
import { API } from '../paths.js';
import { Problem } from '../problems.js';
import { idParams, resultsQuery } from '../query.js';
import { claimsStaff, scopeOf, staffMember } from '../staff-auth.js';
import type { Routes } from './plugin.js';
import { surveyOr404 } from './public.js';
import { withoutSmallGroups } from '../small-groups.js';
import { chapterByPostcode } from '../places.js';

async function chapterRegions(store: Storage): Promise<{ regions: Map<string, string | undefined>; nearest: (postcode: string) => string | undefined }> {
  const chapters = (await store.list('chapters', { limit: 100_000 })).map((r) => JSON.parse(r.data) as Chapter);
  return { regions: new Map(chapters.map((c) => [c.id, c.region])), nearest: await chapterByPostcode(chapters) };
}

/**
 * Every response to a survey, parsed once and then read incrementally: only rows added since the last read are
 * fetched (by seq, which on PostgreSQL is read up to the horizon below which every insert has committed), and the
 * whole list is read again only after a record was changed in place (corrected, erased) through any instance.
 */
function responsesOf(storage: Storage): (surveyId: string) => Promise<SurveyResponse[]> {
  const kept = new Map<string, { rewrites: number; lastSeq: number; responses: SurveyResponse[] }>();
  return async (surveyId: string): Promise<SurveyResponse[]> => {
    const rewrites = storage.rewritesOf('responses');
    let entry = kept.get(surveyId);
    if (!entry || entry.rewrites !== rewrites) kept.set(surveyId, (entry = { rewrites, lastSeq: 0, responses: [] }));
    const rows = await storage.list('responses', { survey: surveyId, after: entry.lastSeq, limit: 1_000_000_000 });
    for (const r of rows) entry.responses.push(JSON.parse(r.data) as SurveyResponse);
    if (rows.length) entry.lastSeq = rows.at(-1)!.seq;
    return entry.responses;
  };
}

const PUBLIC_FOR_MS = 30_000;
const RECOMPUTE_AFTER_MS = 1000;

/**
 * Public results already computed, by survey and filters (at most 500 of them), with the writes they counted. On
 * PostgreSQL this instance cannot count the others' writes, so results are computed again at most once a second.
 */
function memory(storage: Storage) {
  const cached = new Map<string, { at: number; version: number; text: string }>();
  const versionOf = () => storage.writesTo('responses') ?? Number.NaN;
  return async (key: string, compute: () => Promise<string>, now = Date.now()): Promise<string> => {
    const version = versionOf();
    const hit = cached.get(key);
    const fresh = hit && now - hit.at < PUBLIC_FOR_MS && (hit.version === version || now - hit.at < RECOMPUTE_AFTER_MS);
    if (fresh) return hit.text;
    const text = await compute();
    cached.delete(key);
    cached.set(key, { at: now, version, text });
    if (cached.size > 500) cached.delete(cached.keys().next().value!);
    return text;
  };
}

export const resultsRoutes: Routes = async (app, { store }) => {
  const remembered = memory(store);
  const allResponses = responsesOf(store);
  app.get(
    `${API}/surveys/:id/results`,
    {
      schema: { params: idParams, querystring: resultsQuery },
      // The survey (404) and the reader (401) are checked before the query (400), so an unknown survey is a 404 even without a token.
      preValidation: async (request) => {
        const survey = await surveyOr404(store, request.params.id);
        // A staff token is checked whenever one is sent, public results or not: staff who typed a wrong one are
        // told so. Other credentials (a staging site's Basic auth) leave public results public.
        if (!survey.public_results || claimsStaff(request)) request.staff = await staffMember(store, request);
      },
    },
    async (request, reply) => {
      const survey = await surveyOr404(store, request.params.id);
      const isStaff = request.staff !== null;
      const { region, from, to, question, by } = request.query;
      // A chapter's lead reads their chapter's responses only, free-text answers included.
      const chapter = request.staff ? scopeOf(request.staff, request.query.chapter) : request.query.chapter;
      // Free-text answers are personal: a cross-tab of one would show them, so only staff may ask for it.
      const asked = survey.questions.find((q) => q.id === question);
      if (asked?.type === 'text' && !isStaff) throw new Problem(401, 'Staff token needed', 'A cross-tab of a free-text question shows the answers themselves; it needs a staff token.');
      const compute = async () => {
        const { regions, nearest } = await chapterRegions(store);
        // An answer with a postcode but no chapter counts for the nearest chapter in "where is the energy" (and its
        // region); it stays out of that chapter's own filtered results, which its lead reads whole.
        const chapterOf = (r: SurveyResponse) => r.chapter ?? (r.postcode ? nearest(r.postcode) : undefined);
        const regionOf = (r: SurveyResponse) => r.region ?? regions.get(chapterOf(r) ?? '');
        const responses = filterResponses(await allResponses(survey.id), { chapter, region, from, to }, regionOf);
        const results = aggregate(survey, responses, {}, regionOf, chapterOf);
        if (request.staff) await store.logAccess(request.staff, 'read', `results of survey ${survey.id}${chapter ? ` (chapter ${chapter})` : ''}`, responses.length);
        const counts = question && (by === 'chapter' || by === 'region') ? crossTab(survey, responses, question, by === 'chapter' ? (r) => r.chapter : regionOf) : undefined;
        const cross = counts ? { question: question!, by: by!, counts } : undefined;
        if (isStaff) return JSON.stringify({ ...results, ...(cross ? { crossTab: cross } : {}) });
        // Free-text answers are personal: public results give counts only, and no group smaller than five.
        for (const q of results.questions) delete q.texts;
        return JSON.stringify(withoutSmallGroups(results, cross));
      };
      reply.headers({
        // A staff reader sees free-text answers: that answer must never sit in a shared cache.
        'cache-control': survey.public_results && !isStaff ? 'public, max-age=30' : 'private, no-store',
        vary: 'Authorization, Origin',
      });
      const key = JSON.stringify([survey.id, chapter, region, from, to, question, by]);
      return sendJson(reply, isStaff ? await compute() : await remembered(key, compute));
    },
  );
};
