/** The words every form needs, in Italian. */
import type { Catalogue } from '../../i18n.js';
import type en from '../en/send.js';

export default {
  readonly: 'Questo modulo non è ancora aperto. Torna tra un po’.',
  queued: 'Salvato su questo dispositivo; verrà inviato in automatico.',
  waiting: { one: '# in attesa di invio', many: '# in attesa di invio', other: '# in attesa di invio' },
  failed: 'Non inviato. {reason} Resta salvato su questo dispositivo.',
  unsaved: 'Non inviato. {reason} Questo browser non permette al modulo di conservarlo: rinvialo tra poco.',
  // A field's problem, under it; and the honeypot's label, which people never see.
  honeypot: 'Lascia vuoto questo campo',
  // After the label of a field the form cannot be sent without.
  requiredMark: '(obbligatorio)',
  fieldMissing: 'Compila questo campo.',
  fieldEmail: 'Scrivi un indirizzo email come nome@example.org.',
  fieldPhone: 'Scrivi un numero di telefono: cifre, spazi e +.',
  fieldContact: 'Indica un indirizzo email o un numero di telefono.',
  sentNow: 'Inviato.',
  queuedBlocked: 'Salvato su questo dispositivo: il server della campagna non accetta ancora moduli da questa pagina. Verrà inviato appena la campagna avrà risolto.',
  refusedAt: 'Non inviato ({time}). {reason}',
  refusedUnreachable: 'Non è stato possibile raggiungere la campagna.',
  refusedDuplicate: 'Era già arrivato, quindi non viene contato due volte.',
  refusedTooLarge: 'È troppo grande da inviare: accorcialo o alleggeriscilo.',
  refusedInvalid: 'La campagna non ha accettato quello che hai scritto: controllalo e rinvialo.',
  refusedSetup: 'La campagna non può ancora riceverlo da questa pagina.',
  discard: 'Scarta',
} satisfies Catalogue<keyof typeof en>;
