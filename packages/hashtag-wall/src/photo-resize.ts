/**
 * A photo from the camera or the gallery, made small enough to send from a phone on a slow network: turned
 * upright by its EXIF orientation, at most 1600 pixels on its longer side, encoded again as JPEG. Drawing it
 * on a canvas leaves every metadata behind (the server strips it again whatever it is sent).
 */
export const PHOTO_MAX_SIDE = 1600;

export async function shrinkPhoto(file: Blob, maxSide = PHOTO_MAX_SIDE): Promise<Blob> {
  if (!file.type.startsWith('image/')) throw new TypeError('not a picture');
  const bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  const scale = Math.min(1, maxSide / Math.max(bitmap.width, bitmap.height));
  const canvas = document.createElement('canvas');
  canvas.width = Math.max(1, Math.round(bitmap.width * scale));
  canvas.height = Math.max(1, Math.round(bitmap.height * scale));
  const context = canvas.getContext('2d')!;
  // A transparent PNG becomes JPEG on white, not black.
  context.fillStyle = '#fff';
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
  bitmap.close();
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', 0.85));
  if (!blob) throw new TypeError('the picture could not be encoded');
  return blob;
}
