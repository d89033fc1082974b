/** What a rally screen says, in German. */
import type { Catalogue } from '@archipel/core';
import type en from '../en/rally.js';

export default {
  fullscreen: 'Vollbild',
  qr: 'QR-Code: scanne ihn, um deine Geschichte auf {url} zu teilen',
} satisfies Catalogue<keyof typeof en>;
