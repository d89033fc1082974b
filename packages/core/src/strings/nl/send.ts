/** The words every form needs, in Dutch. */
import type { Catalogue } from '../../i18n.js';
import type en from '../en/send.js';

export default {
  readonly: 'Dit formulier is nog niet open. Kom straks nog eens terug.',
  queued: 'Bewaard op dit apparaat; het wordt vanzelf verstuurd.',
  waiting: { one: '# wacht op verzending', other: '# wachten op verzending' },
  failed: 'Niet verstuurd. {reason} Het blijft bewaard op dit apparaat.',
  unsaved: 'Niet verstuurd. {reason} Deze browser laat het formulier niets bewaren, dus verstuur het zo nog eens.',
  // A field's problem, under it; and the honeypot's label, which people never see.
  honeypot: 'Laat dit veld leeg',
  // After the label of a field the form cannot be sent without.
  requiredMark: '(verplicht)',
  fieldMissing: 'Vul dit veld in.',
  fieldEmail: 'Schrijf een e-mailadres zoals naam@example.org.',
  fieldPhone: 'Schrijf een telefoonnummer: cijfers, spaties en +.',
  fieldContact: 'Geef een e-mailadres of een telefoonnummer op.',
  sentNow: 'Verstuurd.',
  queuedBlocked: 'Bewaard op dit apparaat: de server van de campagne neemt nog geen formulieren van deze pagina aan. Het wordt verstuurd zodra de campagne dat heeft opgelost.',
  refusedAt: 'Niet verstuurd ({time}). {reason}',
  refusedUnreachable: 'De campagne was niet bereikbaar.',
  refusedDuplicate: 'Het was al ontvangen, dus het telt niet dubbel.',
  refusedTooLarge: 'Het is te groot om te versturen: maak het korter of kleiner.',
  refusedInvalid: 'De campagne nam niet aan wat er staat: kijk het na en verstuur het opnieuw.',
  refusedSetup: 'De campagne kan het via deze pagina nog niet ontvangen.',
  discard: 'Weggooien',
} satisfies Catalogue<keyof typeof en>;
