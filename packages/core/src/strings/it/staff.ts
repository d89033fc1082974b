/** The staff sign-in's words, in Italian. */
import type { Catalogue } from '../../i18n.js';
import type en from '../en/staff.js';

export default {
  staffToken: 'Codice d’accesso dello staff',
  staffOpen: 'Apri',
} satisfies Catalogue<keyof typeof en>;
