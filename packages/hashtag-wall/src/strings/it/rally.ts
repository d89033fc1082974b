/** What a rally screen says, in Italian. */
import type { Catalogue } from '@archipel/core';
import type en from '../en/rally.js';

export default {
  fullscreen: 'Schermo intero',
  qr: 'Codice QR: scansionalo per condividere la tua storia su {url}',
} satisfies Catalogue<keyof typeof en>;
