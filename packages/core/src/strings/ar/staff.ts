/** The staff sign-in's words, in Arabic. */
import type { Catalogue } from '../../i18n.js';
import type en from '../en/staff.js';

export default {
  staffToken: 'رمز دخول الفريق',
  staffOpen: 'فتح',
} satisfies Catalogue<keyof typeof en>;
