/**
 * A chapter's logo as the server keeps it: a PNG, checked strictly before anything is decoded (signature, header,
 * size), then decoded and written again from its pixels alone, so that nothing else the file carried survives:
 * no text chunk, no EXIF (a camera's place and time), no colour profile, no trailing bytes. Pure JavaScript (pngjs),
 * no native image library to install.
 */
import { PNG } from 'pngjs';

/** The largest upload: a 512 px logo made by the console is far below it. */
export const LOGO_MAX_BYTES = 1024 * 1024;
/** The largest side kept; the console sends at most 512 px. */
export const LOGO_MAX_SIDE = 1024;
export const LOGO_MIN_SIDE = 16;

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Why a logo was refused: `problem` names it for the console, which says it in the lead's language. */
export class LogoRefused extends Error {
  constructor(
    readonly problem: 'logo-type' | 'logo-size' | 'logo-unreadable',
    message: string,
  ) {
    super(message);
  }
}

/** The logo's pixels in a new PNG, or a refusal saying why. */
export function cleanLogo(bytes: Buffer): Buffer {
  if (bytes.length < 33 || !bytes.subarray(0, 8).equals(SIGNATURE) || bytes.toString('latin1', 12, 16) !== 'IHDR') {
    throw new LogoRefused('logo-type', 'This is not a PNG image. The console turns any picture into one: choose the logo there.');
  }
  // Read before decoding, so that a header claiming a huge image cannot make the server allocate it.
  const width = bytes.readUInt32BE(16);
  const height = bytes.readUInt32BE(20);
  if (width > LOGO_MAX_SIDE || height > LOGO_MAX_SIDE || width < LOGO_MIN_SIDE || height < LOGO_MIN_SIDE) {
    throw new LogoRefused('logo-size', `The logo is ${width} × ${height} pixels; it must be between ${LOGO_MIN_SIDE} and ${LOGO_MAX_SIDE} pixels a side.`);
  }
  let png: PNG;
  try {
    png = PNG.sync.read(bytes);
  } catch (e) {
    throw new LogoRefused('logo-unreadable', `This PNG image cannot be read (${(e as Error).message}). Save it again, or choose another one.`);
  }
  const clean = new PNG({ width: png.width, height: png.height });
  png.data.copy(clean.data);
  return PNG.sync.write(clean, { colorType: 6 });
}
