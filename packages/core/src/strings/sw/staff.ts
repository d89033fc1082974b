/** The staff sign-in's words, in Swahili. */
import type { Catalogue } from '../../i18n.js';
import type en from '../en/staff.js';

export default {
  staffToken: 'Msimbo wa timu',
  staffOpen: 'Fungua',
} satisfies Catalogue<keyof typeof en>;
