/** The staff sign-in's words, in French. */
import type en from './staff-strings.en.js';

export default {
  staffToken: 'Jeton d’équipe',
  staffOpen: 'Ouvrir',
} satisfies Record<keyof typeof en, string>;
