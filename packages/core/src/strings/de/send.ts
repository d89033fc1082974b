/** The words every form needs, in German. */
import type { Catalogue } from '../../i18n.js';
import type en from '../en/send.js';

export default {
  readonly: 'Dieses Formular ist noch nicht geöffnet. Schau bitte später wieder vorbei.',
  queued: 'Auf diesem Gerät gespeichert; es wird automatisch gesendet.',
  waiting: { one: '# wartet auf Versand', other: '# warten auf Versand' },
  failed: 'Nicht gesendet. {reason} Es bleibt auf diesem Gerät gespeichert.',
  unsaved: 'Nicht gesendet. {reason} Dieser Browser lässt das Formular nichts speichern, also sende es gleich noch einmal.',
  // A field's problem, under it; and the honeypot's label, which people never see.
  honeypot: 'Dieses Feld bitte leer lassen',
  // After the label of a field the form cannot be sent without.
  requiredMark: '(Pflichtfeld)',
  fieldMissing: 'Bitte füll dieses Feld aus.',
  fieldEmail: 'Gib eine E-Mail-Adresse ein, etwa name@example.org.',
  fieldPhone: 'Gib eine Telefonnummer ein: Ziffern, Leerzeichen und +.',
  fieldContact: 'Gib eine E-Mail-Adresse oder eine Telefonnummer an.',
  sentNow: 'Gesendet.',
  queuedBlocked: 'Auf diesem Gerät gespeichert: Der Server der Kampagne nimmt von dieser Seite noch keine Formulare an. Es wird gesendet, sobald die Kampagne das behoben hat.',
  refusedAt: 'Nicht gesendet ({time}). {reason}',
  refusedUnreachable: 'Die Kampagne war nicht erreichbar.',
  refusedDuplicate: 'Es war schon angekommen und wird nicht doppelt gezählt.',
  refusedTooLarge: 'Es ist zu groß zum Senden: Mach es kürzer oder kleiner.',
  refusedInvalid: 'Die Kampagne hat das Geschriebene nicht angenommen: Prüf es und sende es dann nochmal.',
  refusedSetup: 'Die Kampagne kann es über diese Seite noch nicht empfangen.',
  discard: 'Verwerfen',
} satisfies Catalogue<keyof typeof en>;
