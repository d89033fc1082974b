/** The staff sign-in's words, in German. */
import type { Catalogue } from '../../i18n.js';
import type en from '../en/staff.js';

export default {
  staffToken: 'Zugangscode fürs Team',
  staffOpen: 'Öffnen',
} satisfies Catalogue<keyof typeof en>;
