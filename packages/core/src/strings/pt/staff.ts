/** The staff sign-in's words, in Portuguese. */
import type { Catalogue } from '../../i18n.js';
import type en from '../en/staff.js';

export default {
  staffToken: 'Código de acesso da equipe',
  staffOpen: 'Abrir',
} satisfies Catalogue<keyof typeof en>;
