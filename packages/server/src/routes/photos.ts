/**
 * Photos (#24): a supporter's upload, stripped of every metadata and resized (photos.ts), and its versions served
 * at 400, 800 and 1600 pixels wide. A photo is public only while a post that shows it is approved: before that its
 * address answers 404 to anyone but staff (a chapter's lead: their chapter's posts), so the moderation view shows
 * it before approval and a stranger cannot tell it exists.
 */
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import * as z from 'zod';
import { sendJson } from '../caching.js';
import { API } from '../paths.js';
import { PHOTO_TYPES, PHOTO_WIDTHS, PhotoRefused, photoPath, readPhoto, sizeAt, storePhoto, widthFor } from '../photos.js';
import { Problem, sendProblem } from '../problems.js';
import { rateLimited } from '../rate-limit.js';
import { staffOrNull } from '../staff-auth.js';
import type { Routes } from './plugin.js';

const REFUSALS = {
  'photo-type': 'This is not a photo the wall takes: send a JPEG, PNG or WebP picture.',
  'photo-unreadable': 'This photo could not be read: it may be damaged or cut short. Send it again, or another one.',
};

const photoParams = z.object({ id: z.string().min(1), width: z.coerce.number().int().positive().optional() });

export const photoRoutes: Routes = async (app, { store, settings }) => {
  const rateLimit = rateLimited(store, settings);
  const tooLarge = () =>
    new Problem(413, 'Photo too large', `The photo is over the limit of ${settings.maxPhotoBytes} bytes. Send a smaller one (the share form makes it smaller by itself).`, { problem: 'photo-too-large', limit: settings.maxPhotoBytes });

  // Within this group only: a picture as the body, up to its own limit.
  app.addContentTypeParser(PHOTO_TYPES, { parseAs: 'buffer', bodyLimit: settings.maxPhotoBytes }, (_request, body, done) => done(null, body));
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return sendProblem(reply, tooLarge());
    if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') return sendProblem(reply, new Problem(415, 'Not a photo', REFUSALS['photo-type'], { problem: 'photo-type' }));
    throw error;
  });

  app.post(`${API}/photos`, { onRequest: rateLimit }, async (request, reply) => {
    if (!settings.photos) throw new Problem(503, 'Photos are not kept here', 'This server keeps no photos: start it with --photos <folder>.', { problem: 'photo-off' });
    if (!Buffer.isBuffer(request.body)) throw new Problem(415, 'Not a photo', REFUSALS['photo-type'], { problem: 'photo-type' });
    let photo;
    try {
      photo = await storePhoto(settings.photos, request.body);
    } catch (e) {
      if (e instanceof PhotoRefused) throw new Problem(422, 'Not a photo', REFUSALS[e.reason], { problem: e.reason });
      throw e;
    }
    await store.addPhoto(photo);
    const sizes = Object.fromEntries(PHOTO_WIDTHS.map((w) => [w, { url: `${photoPath(photo.id)}/${w}`, ...sizeAt(photo, w) }]));
    return sendJson(reply.code(201).header('cache-control', 'no-store'), JSON.stringify({ id: photo.id, url: photoPath(photo.id), width: photo.width, height: photo.height, sizes }));
  });

  async function serve(request: FastifyRequest, reply: FastifyReply, id: string, asked?: number) {
    const photo = settings.photos ? await store.getPhoto(id) : undefined;
    const post = photo?.post ? await store.get('posts', photo.post) : undefined;
    const missing = () => new Problem(404, 'Not Found', `Nothing at ${API}/photos/${id}.`);
    if (!photo) throw missing();
    let shown = post?.status === 'approved';
    if (!shown) {
      // Before approval: staff only, and a chapter's lead for their chapter's posts; anyone else learns nothing.
      const staff = await staffOrNull(store, request);
      shown = Boolean(staff && (!staff.chapter || (post && post.chapter === staff.chapter)));
    }
    if (!shown) throw missing();
    const w = widthFor(asked);
    const size = sizeAt(photo, w);
    return reply
      .headers({
        'content-type': 'image/jpeg',
        'cache-control': post?.status === 'approved' ? 'public, max-age=31536000, immutable' : 'private, no-store',
        'x-photo-width': String(size.width),
        'x-photo-height': String(size.height),
      })
      .send(await readPhoto(settings.photos!, id, w));
  }

  const schema = { params: photoParams };
  app.get(`${API}/photos/:id`, { schema }, (request, reply) => serve(request, reply, request.params.id));
  app.get(`${API}/photos/:id/:width`, { schema }, (request, reply) => serve(request, reply, request.params.id, request.params.width));
};
