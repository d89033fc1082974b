/** What a rally screen says, in Spanish. */
import type { Catalogue } from '@archipel/core';
import type en from '../en/rally.js';

export default {
  fullscreen: 'Pantalla completa',
  qr: 'Código QR: escanéelo para compartir su historia en {url}',
} satisfies Catalogue<keyof typeof en>;
