/** What a rally screen says, in Dutch. */
import type { Catalogue } from '@archipel/core';
import type en from '../en/rally.js';

export default {
  fullscreen: 'Volledig scherm',
  qr: 'QR-code: scan hem om je verhaal te delen op {url}',
} satisfies Catalogue<keyof typeof en>;
