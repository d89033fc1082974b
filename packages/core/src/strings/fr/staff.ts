/** The staff sign-in's words, in French. */
import type { Catalogue } from '../../i18n.js';
import type en from '../en/staff.js';

export default {
  staffToken: 'Jeton d’équipe',
  staffOpen: 'Ouvrir',
} satisfies Catalogue<keyof typeof en>;
