/** What a rally screen says, in Arabic. */
import type { Catalogue } from '@archipel/core';
import type en from '../en/rally.js';

export default {
  fullscreen: 'ملء الشاشة',
  qr: 'رمز QR: امسحوه ضوئيًا لمشاركة قصتكم على {url}',
} satisfies Catalogue<keyof typeof en>;
