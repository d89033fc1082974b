/**
 * Survey results: public only for a survey with `public_results`, and then as
 * counts only; free-text answers are personal and need a staff token.
 */
import { aggregate, crossTab, filterResponses, type Chapter, type SurveyResponse } from '@archipel/core/server';
import { sendJson } from '../caching.js';
import type { Store } from '../db.js';
import { API } from '../paths.js';
import { Problem } from '../problems.js';
import { idParams, resultsQuery } from '../query.js';
import { claimsStaff, scopeOf, staffMember } from '../staff-auth.js';
import type { Routes } from './plugin.js';
import { surveyOr404 } from './public.js';

function chapterRegions(store: Store): Map<string, string | undefined> {
  const rows = store.list('chapters', { limit: 100_000 });
  return new Map(rows.map((r) => [r.id, (JSON.parse(r.data) as Chapter).region]));
}

function allResponses(store: Store, surveyId: string): SurveyResponse[] {
  const rows = store.db.prepare("SELECT data FROM items WHERE collection = 'responses' AND json_extract(data, '$.survey') = ?").all(surveyId) as { data: string }[];
  return rows.map((r) => JSON.parse(r.data) as SurveyResponse);
}

export const resultsRoutes: Routes = async (app, { store }) => {
  app.get(
    `${API}/surveys/:id/results`,
    {
      schema: { params: idParams, querystring: resultsQuery },
      // The survey (404) and the reader (401) are checked before the query (400), so an unknown survey is a 404 even without a token.
      preValidation: async (request) => {
        const survey = surveyOr404(store, request.params.id);
        // A staff token is checked whenever one is sent, public results or not: staff who typed a wrong one are
        // told so. Other credentials (a staging site's Basic auth) leave public results public.
        if (!survey.public_results || claimsStaff(request)) request.staff = staffMember(store, request);
      },
    },
    async (request, reply) => {
      const survey = surveyOr404(store, request.params.id);
      const isStaff = request.staff !== null;
      const { region, from, to, question, by } = request.query;
      // A chapter's lead reads their chapter's responses only, free-text answers included.
      const chapter = request.staff ? scopeOf(request.staff, request.query.chapter) : request.query.chapter;
      const regions = chapterRegions(store);
      const regionOf = (r: SurveyResponse) => r.region ?? (r.chapter ? regions.get(r.chapter) : undefined);
      const responses = filterResponses(allResponses(store, survey.id), { chapter, region, from, to }, regionOf);
      const results = aggregate(survey, responses, {}, regionOf);
      if (request.staff) store.logAccess(request.staff, 'read', `results of survey ${survey.id}${chapter ? ` (chapter ${chapter})` : ''}`, responses.length);
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
