/**
 * A chapter's logo, uploaded from the hub's editor: `POST /api/chapters/{id}/logo` with the image as the body
 * (image/png; the console resizes any picture to at most 512 px and sends it as PNG), a lead's token for their own
 * chapter or a staff token. The image is checked and written again from its pixels (logo-image.ts), kept in the
 * database (the `files` table: every instance serves it, and a backup holds it) under a name made of its chapter
 * and its digest, served publicly at `/uploads/logos/<name>`, and the chapter's `logo` points at it. A logo an
 * earlier version wrote to the uploads folder is still served from there.
 */
import { readers } from '@archipel/core/server';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as z from 'zod';
import { sendJson } from '../caching.js';
import { cleanLogo, LOGO_MAX_BYTES, LogoRefused } from '../logo-image.js';
import { API } from '../paths.js';
import { Problem } from '../problems.js';
import { idParams } from '../query.js';
import { scopeOf, staffOnly } from '../staff-auth.js';
import type { Routes } from './plugin.js';

/** Where uploads are served from. */
export const UPLOADS = '/uploads';
const LOGO_NAME = /^[a-z0-9_-]{1,80}-[0-9a-f]{16}\.png$/;

export const logoRoutes: Routes = async (app, { store, settings }) => {
  /** A logo an earlier version kept in the uploads folder (--uploads), before logos went into the database. */
  const earlier = (name: string) => {
    const file = settings.uploads && join(settings.uploads, 'logos', name);
    return file && existsSync(file) ? readFileSync(file) : undefined;
  };

  // Any image type reaches the route, which says in words which one it takes.
  app.addContentTypeParser(/^image\//, { parseAs: 'buffer', bodyLimit: LOGO_MAX_BYTES }, (_request, body, done) => done(null, body));

  app.post(`${API}/chapters/:id/logo`, { onRequest: staffOnly(store), schema: { params: idParams } }, async (request, reply) => {
    const { id } = request.params;
    scopeOf(request.staff!, id);
    const row = await store.get('chapters', id);
    if (!row) throw new Problem(404, 'No such chapter', `There is no chapter "${id}".`);
    if (!Buffer.isBuffer(request.body)) throw new Problem(415, 'Unsupported Media Type', 'Send the logo as the body, a PNG image (Content-Type: image/png).', { errors: [{ field: 'logo', problem: 'logo-type', message: 'Send a PNG image.' }] });
    let png: Buffer;
    try {
      png = cleanLogo(request.body);
    } catch (e) {
      if (!(e instanceof LogoRefused)) throw e;
      throw new Problem(422, 'Logo refused', e.message, { errors: [{ field: 'logo', problem: e.problem, message: e.message }] });
    }
    const name = `${id.toLowerCase().replace(/[^a-z0-9_-]/g, '-').slice(0, 80)}-${createHash('sha256').update(png).digest('hex').slice(0, 16)}.png`;
    // Named after its digest: the same picture sent again is the same file.
    await store.atomically([{ sql: 'INSERT INTO files (name, type, body, created) VALUES (?, ?, ?, ?) ON CONFLICT (name) DO NOTHING', params: [`logos/${name}`, 'image/png', png, new Date().toISOString()] }]);
    const logo = `${request.protocol}://${request.host}${UPLOADS}/logos/${name}`;
    const result = readers.chapters.read({ ...(JSON.parse(row.data) as object), logo });
    if (!result.success) throw new Problem(422, 'Invalid chapter', 'The chapter could not take this logo address.');
    await store.upsert('chapters', [result.data as { id: string }]);
    await store.logAccess(request.staff!, 'edit', `chapter ${id}: logo`, 1);
    return sendJson(reply.code(201).header('cache-control', 'private, no-store'), JSON.stringify({ logo, bytes: png.length }));
  });

  app.get(`${UPLOADS}/logos/:id`, { schema: { params: z.object({ id: z.string() }) } }, async (request, reply) => {
    const name = request.params.id;
    const body = LOGO_NAME.test(name) ? ((await store.query<{ body: Uint8Array }>('SELECT body FROM files WHERE name = ?', [`logos/${name}`]))[0]?.body ?? earlier(name)) : undefined;
    if (!body) throw new Problem(404, 'Not Found', `Nothing at ${request.url}.`);
    // Named after its digest, a logo never changes: cached for a year; never sniffed as anything but an image.
    return reply
      .headers({ 'content-type': 'image/png', 'cache-control': 'public, max-age=31536000, immutable', 'x-content-type-options': 'nosniff', 'content-security-policy': "default-src 'none'; sandbox" })
      .send(Buffer.from(body.buffer, body.byteOffset, body.byteLength));
  });
};
