/** The words every form needs, in French. */
import type { Catalogue } from '../../i18n.js';
import type en from '../en/send.js';

export default {
  readonly: 'Ce formulaire n’est pas encore ouvert. Revenez un peu plus tard.',
  queued: 'Enregistré sur cet appareil ; l’envoi se fera automatiquement.',
  waiting: { one: '# en attente d’envoi', many: '# en attente d’envoi', other: '# en attente d’envoi' },
  failed: 'Non envoyé. {reason} Il reste enregistré sur cet appareil.',
  unsaved: 'Non envoyé. {reason} Ce navigateur ne permet pas au formulaire de le garder : renvoyez-le dans un instant.',
  // A field's problem, under it; and the honeypot's label, which people never see.
  honeypot: 'Laissez ce champ vide',
  // After the label of a field the form cannot be sent without.
  requiredMark: '(obligatoire)',
  fieldMissing: 'Veuillez remplir ce champ.',
  fieldEmail: 'Écrivez une adresse e-mail comme nom@exemple.fr.',
  fieldPhone: 'Écrivez un numéro de téléphone : chiffres, espaces et +.',
  fieldContact: 'Indiquez une adresse e-mail ou un numéro de téléphone.',
  sentNow: 'Envoyé.',
  queuedBlocked: 'Enregistré sur cet appareil : le serveur de la campagne n’accepte pas encore les formulaires de cette page. L’envoi se fera dès que la campagne aura corrigé cela.',
  refusedAt: 'Non envoyé ({time}). {reason}',
  refusedUnreachable: 'La campagne n’a pas pu être jointe.',
  refusedDuplicate: 'Il avait déjà été reçu : il n’est pas compté deux fois.',
  refusedTooLarge: 'Il est trop lourd pour être envoyé : raccourcissez-le ou allégez-le.',
  refusedInvalid: 'La campagne n’a pas accepté ce qui a été écrit : vérifiez-le, puis renvoyez-le.',
  refusedSetup: 'La campagne ne peut pas encore le recevoir depuis cette page.',
  discard: 'Abandonner',
} satisfies Catalogue<keyof typeof en>;
