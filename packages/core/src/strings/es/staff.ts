/** The staff sign-in's words, in Spanish. */
import type { Catalogue } from '../../i18n.js';
import type en from '../en/staff.js';

export default {
  staffToken: 'Token de equipo',
  staffOpen: 'Abrir',
} satisfies Catalogue<keyof typeof en>;
