/**
 * Public writes: sign-ups, posts and survey responses from supporters'
 * browsers. Each is rate-limited per client address before its body is read,
 * checked for spam, validated with the widgets' schemas and stored once per
 * client id: a repeated write gets the first write's receipt, and the same id
 * with another body is a 409 Conflict.
 */
import type { Chapter } from '@archipel/core/server';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { bodyOf } from '../body.js';
import { sendJson } from '../caching.js';
import { rateLimited } from '../rate-limit.js';
import { contactKey, sha256, type InsertFields } from '../storage.js';
import { photoIdOf } from '../photos.js';
import { API } from '../paths.js';
import { Problem } from '../problems.js';
import { idParams } from '../query.js';
import { validateRecord, type WrittenCollection } from '../records.js';
import { ownerHash, secretFor } from '../people.js';
import { personOf, type RecruitSignup } from '../recruits.js';
import { checkSpam, formToken } from '../spam.js';
import { staffOrNull } from '../staff-auth.js';
import { checkAnswers, checkOpen } from '../survey-answers.js';
import type { Routes } from './plugin.js';
import { surveyOr404 } from './public.js';

export const writeRoutes: Routes = async (app, { store, settings, metrics }) => {
  /** Taken before the body is read or validated, so refused and repeated writes count too. */
  const rateLimit = rateLimited(store, settings);

  async function write(request: FastifyRequest, reply: FastifyReply, collection: WrittenCollection, surveyId?: string) {
    const body = bodyOf(request);
    const device = (body._meta as { device?: unknown } | undefined)?.device;
    // A valid staff token waives `_meta`; an invalid one is ignored rather than refused.
    request.staff = await staffOrNull(store, request);
    checkSpam(store.keyring(), body, request.staff !== null, settings.minFillMs);
    if (surveyId) body.survey ??= surveyId;
    const record = validateRecord(collection, body);
    // Of the record as sent, before the server adds its own fields: a retry hashes alike, another body does not.
    const bodyHash = sha256(JSON.stringify(record));
    let status = 'stored';
    const fields: InsertFields = { bodyHash };
    if (collection === 'posts') {
      // A blocked author's post is stored hidden, yet the receipt says pending: they cannot tell.
      status = 'pending';
      // Blocking names a keyed hash of the contact, never the display name; the contact itself is not kept.
      const contact = typeof record.contact === 'string' ? record.contact.trim() : '';
      delete record.contact;
      if (contact) fields.authorKey = contactKey(store.keyring(), contact);
      fields.status = fields.authorKey && (await store.isBlocked(fields.authorKey)) ? 'hidden' : 'pending';
      Object.assign(record, { status: fields.status, source: 'archipel' });
    }
    if (collection === 'responses') {
      if (record.survey !== surveyId) throw new Problem(422, 'Invalid record', `survey: "${String(record.survey)}" does not match the survey in the address ("${surveyId}")`);
      const survey = await surveyOr404(store, surveyId!);
      checkOpen(survey);
      record.answers = checkAnswers(survey, record.answers as Record<string, unknown>);
      // A public poll counts one vote a device: the device's own random id for this poll, kept by the browser.
      if (survey.public_results && typeof device === 'string' && device && !(await store.recordVote(survey.id, device, record.id))) {
        throw new Problem(409, 'Already counted', 'This device has already voted in this poll; its vote is counted once.', { problem: 'conflict' });
      }
      if (record.chapter && !record.region) {
        const row = await store.get('chapters', record.chapter);
        const region = row ? (JSON.parse(row.data) as Chapter).region : undefined;
        if (region) record.region = region;
      }
    }
    // A sign-up's or response's private link: its secret is derived from the record's id, so a retry gets it again.
    const secret = collection === 'posts' ? undefined : secretFor(store.keyring(), collection, record.id);
    if (secret) fields.ownerHash = ownerHash(secret);
    // Noted with the insert, in its transaction; on a retry too, so a write whose first answer was lost still counts its person once.
    if (collection === 'signups') fields.recruit = { person: personOf(store.keyring(), record as RecruitSignup), signup: record as RecruitSignup };
    const stored = await store.insertOnce(collection, record, fields, { id: record.id, status });
    if (stored.conflict) {
      throw new Problem(409, 'Conflict', `A different record was already stored with the id "${record.id}". Send a new record with a new id; a retry must repeat the same body.`, { problem: 'conflict' });
    }
    // A photo uploaded for this post is shown with it, once it is approved.
    const photo = collection === 'posts' && stored.created ? photoIdOf(record.image) : undefined;
    if (photo) await store.attachPhoto(photo, record.id);
    metrics.writes.add({ collection, stored: String(stored.created) });
    const receipt = secret ? JSON.stringify({ ...(JSON.parse(stored.receipt) as object), secret }) : stored.receipt;
    return sendJson(reply.code(201).header('cache-control', 'no-store'), receipt);
  }

  // The moment a form is shown, signed by the server: the time trap then runs on the server's clock.
  app.get(`${API}/form-token`, async (_request, reply) => sendJson(reply.header('cache-control', 'no-store'), JSON.stringify({ token: formToken(store.keyring()) })));

  app.post(`${API}/signups`, { onRequest: rateLimit }, (request, reply) => write(request, reply, 'signups'));
  app.post(`${API}/posts`, { onRequest: rateLimit }, (request, reply) => write(request, reply, 'posts'));
  app.post(`${API}/surveys/:id/responses`, { onRequest: rateLimit, schema: { params: idParams } }, (request, reply) =>
    write(request, reply, 'responses', request.params.id),
  );
};
