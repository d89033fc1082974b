/**
 * Photos supporters upload from the share form (#24). Whatever the browser sent, the server decodes the image and
 * encodes it again with sharp (libvips): turned upright by its EXIF orientation, then written as JPEG at 400, 800
 * and 1600 pixels wide (never wider than it came) with no metadata at all, so no EXIF, GPS, XMP, IPTC or comment
 * survives. The upload itself is never kept. Files go in one folder, named by the photo's random id and width.
 */
import { randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import type { PhotoInfo } from './storage.js';

/** The widths served; the wall asks for the one its column needs. */
export const PHOTO_WIDTHS = [400, 800, 1600] as const;
/** What a browser may send: the formats every phone's camera or gallery gives once the form has resized it. */
export const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp'];
/** Largest upload by default, in bytes: a resized photo is far smaller; an untouched camera file still fits. */
export const MAX_PHOTO_BYTES = 8 * 1024 * 1024;
/** Largest picture decoded, in pixels: a "decompression bomb" is refused before it fills the memory. */
const MAX_PIXELS = 50_000_000;

export class PhotoRefused extends Error {
  constructor(readonly reason: 'photo-type' | 'photo-unreadable') {
    super(reason);
  }
}

const fileOf = (folder: string, id: string, width: number) => join(folder, `${id}-${width}.jpg`);

/** Decodes, turns upright, strips and resizes an upload; writes its versions to `folder`. */
export async function storePhoto(folder: string, bytes: Buffer): Promise<PhotoInfo> {
  let meta: sharp.Metadata;
  try {
    meta = await sharp(bytes, { limitInputPixels: MAX_PIXELS }).metadata();
  } catch {
    throw new PhotoRefused('photo-unreadable');
  }
  if (!['jpeg', 'png', 'webp'].includes(meta.format ?? '')) throw new PhotoRefused('photo-type');
  const id = randomUUID();
  await mkdir(folder, { recursive: true });
  let largest = { width: 0, height: 0, bytes: 0 };
  try {
    for (const w of PHOTO_WIDTHS) {
      // No withMetadata()/keepExif(): sharp writes none of the input's metadata.
      const { data, info } = await sharp(bytes, { limitInputPixels: MAX_PIXELS })
        .rotate()
        .resize({ width: w, withoutEnlargement: true })
        .flatten({ background: '#ffffff' })
        .jpeg({ quality: 82, mozjpeg: true })
        .toBuffer({ resolveWithObject: true });
      const file = fileOf(folder, id, w);
      await writeFile(`${file}.part`, data);
      await rename(`${file}.part`, file);
      largest = { width: info.width, height: info.height, bytes: data.length };
    }
  } catch {
    throw new PhotoRefused('photo-unreadable');
  }
  return { id, post: null, type: 'image/jpeg', width: largest.width, height: largest.height, bytes: largest.bytes, created: new Date().toISOString() };
}

/** The width to serve for a width asked: the smallest stored one at least as wide, else the largest. */
export const widthFor = (asked: number | undefined) => PHOTO_WIDTHS.find((w) => asked !== undefined && w >= asked) ?? PHOTO_WIDTHS.at(-1)!;

/** The size of a version, from the largest one's. */
export function sizeAt(photo: Pick<PhotoInfo, 'width' | 'height'>, w: number): { width: number; height: number } {
  const width = Math.min(w, photo.width);
  return { width, height: Math.round((photo.height * width) / photo.width) };
}

export const readPhoto = (folder: string, id: string, width: number) => readFile(fileOf(folder, id, width));

/** A stored photo's address, as a post's `image` gives it. */
export const photoPath = (id: string) => `/api/photos/${id}`;

/** The photo a post's `image` names, when it is one of this server's. */
export const photoIdOf = (image: unknown): string | undefined =>
  typeof image === 'string' ? /(?:^|\/\/[^/]+)\/api\/photos\/([0-9a-f-]{36})(?:\/\d+)?$/.exec(image)?.[1] : undefined;
