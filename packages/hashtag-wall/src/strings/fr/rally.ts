/** What a rally screen says, in French. */
import type { Catalogue } from '@archipel/core';
import type en from '../en/rally.js';

export default {
  fullscreen: 'Plein écran',
  qr: 'Code QR : scannez-le pour partager votre histoire sur {url}',
} satisfies Catalogue<keyof typeof en>;
