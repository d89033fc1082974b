/** What a rally screen says, in Swahili. */
import type { Catalogue } from '@archipel/core';
import type en from '../en/rally.js';

export default {
  fullscreen: 'Skrini nzima',
  qr: 'Msimbo wa QR: uchanganue ili kushiriki hadithi yako kwenye {url}',
} satisfies Catalogue<keyof typeof en>;
