/** What a rally screen says, in Portuguese. */
import type { Catalogue } from '@archipel/core';
import type en from '../en/rally.js';

export default {
  fullscreen: 'Tela cheia',
  qr: 'Código QR: leia-o para compartilhar a sua história em {url}',
} satisfies Catalogue<keyof typeof en>;
