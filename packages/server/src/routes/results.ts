/**
 * Survey results: public only for a survey with `public_results`, and then as
 * counts only; free-text answers are personal and need a staff token.
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

async function chapterRegions(store: Storage): Promise<Map<string, string | undefined>> {
  const rows = await store.list('chapters', { limit: 100_000 });
  return new Map(rows.map((r) => [r.id, (JSON.parse(r.data) as Chapter).region]));
}

async function allResponses(store: Storage, surveyId: string): Promise<SurveyResponse[]> {
  return (await store.responses(surveyId)).map((data) => JSON.parse(data) as SurveyResponse);
}

export const resultsRoutes: Routes = async (app, { store }) => {
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
      const regions = await chapterRegions(store);
      const regionOf = (r: SurveyResponse) => r.region ?? (r.chapter ? regions.get(r.chapter) : undefined);
      const responses = filterResponses(await allResponses(store, survey.id), { chapter, region, from, to }, regionOf);
      const results = aggregate(survey, responses, {}, regionOf);
      if (request.staff) await store.logAccess(request.staff, 'read', `results of survey ${survey.id}${chapter ? ` (chapter ${chapter})` : ''}`, responses.length);
      // Free-text answers are personal: public results give counts only.
      if (!isStaff) for (const q of results.questions) delete q.texts;
      // Free-text answers are personal: a cross-tab of one would show them, so only staff may ask for it.
      const asked = survey.questions.find((q) => q.id === question);
      if (asked?.type === 'text' && !isStaff) throw new Problem(401, 'Staff token needed', 'A cross-tab of a free-text question shows the answers themselves; it needs a staff token.');
      const cross = question && (by === 'chapter' || by === 'region') ? crossTab(survey, responses, question, by === 'chapter' ? (r) => r.chapter : regionOf) : undefined;
      reply.headers({
        // A staff reader sees free-text answers: that answer must never sit in a shared cache.
        'cache-control': survey.public_results && !isStaff ? 'public, max-age=30' : 'private, no-store',
        vary: 'Authorization, Origin',
      });
      return sendJson(reply, JSON.stringify({ ...results, ...(cross ? { crossTab: { question, by, counts: cross } } : {}) }));
    },
  );
};
