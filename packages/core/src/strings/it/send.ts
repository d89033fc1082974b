/** The words every form needs, in Italian. */
import type { Catalogue } from '../../i18n.js';
import type en from '../en/send.js';

export default {
  readonly: 'Questo modulo non può inviare nulla: la campagna non l’ha ancora preparato per ricevere risposte.',
  queued: 'Salvato su questo dispositivo; verrà inviato in automatico.',
  waiting: { one: '# in attesa di invio', many: '# in attesa di invio', other: '# in attesa di invio' },
  failed: 'Non inviato: {reason} Resta salvato su questo dispositivo.',
  unsaved: 'Non inviato: {reason} Questo browser non permette al modulo di conservarlo: rinvialo tra poco.',
  // A field's problem, under it; and the honeypot's label, which people never see.
  honeypot: 'Lascia vuoto questo campo',
  fieldMissing: 'Compila questo campo.',
  fieldEmail: 'Scrivi un indirizzo email come nome@example.org.',
  fieldPhone: 'Scrivi un numero di telefono: cifre, spazi e +.',
  fieldContact: 'Indica un indirizzo email o un numero di telefono.',
  sentNow: 'Inviato.',
  queuedBlocked: 'Salvato su questo dispositivo: il server della campagna non accetta ancora moduli da questa pagina. Verrà inviato appena la campagna avrà risolto.',
  refusedAt: 'Non inviato ({time}): {reason}',
  discard: 'Scarta',
} satisfies Catalogue<keyof typeof en>;
