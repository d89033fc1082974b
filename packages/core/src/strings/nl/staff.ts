/** The staff sign-in's words, in Dutch. */
import type { Catalogue } from '../../i18n.js';
import type en from '../en/staff.js';

export default {
  staffToken: 'Toegangscode van het team',
  staffOpen: 'Openen',
} satisfies Catalogue<keyof typeof en>;
