/** The staff sign-in's words, in Spanish. */
import type en from './staff-strings.en.js';

export default {
  staffToken: 'Token de equipo',
  staffOpen: 'Abrir',
} satisfies Record<keyof typeof en, string>;
