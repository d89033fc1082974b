/** The words every form needs, in French. */
import type { Catalogue } from '../../i18n.js';
import type en from '../en/send.js';

export default {
  readonly: 'Ce formulaire ne peut rien envoyer : sa source de données est en lecture seule.',
  queued: 'Enregistré sur cet appareil ; l’envoi se fera automatiquement.',
  waiting: { one: '# en attente d’envoi', many: '# en attente d’envoi', other: '# en attente d’envoi' },
  failed: 'Non envoyé : {reason} Il reste enregistré sur cet appareil.',
  unsaved: 'Non envoyé : {reason} Ce navigateur ne permet pas au formulaire de le garder : renvoyez-le dans un instant.',
  // A field's problem, under it; and the honeypot's label, which people never see.
  honeypot: 'Laissez ce champ vide',
  fieldMissing: 'Veuillez remplir ce champ.',
  fieldEmail: 'Écrivez une adresse e-mail comme nom@exemple.fr.',
  fieldPhone: 'Écrivez un numéro de téléphone : chiffres, espaces et +.',
  fieldContact: 'Indiquez une adresse e-mail ou un numéro de téléphone.',
  sentNow: 'Envoyé.',
  queuedBlocked: 'Enregistré sur cet appareil : le serveur de la campagne n’accepte pas encore les formulaires de cette page. L’envoi se fera dès que la campagne aura corrigé cela.',
  refusedAt: 'Non envoyé ({time}) : {reason}',
  discard: 'Abandonner',
} satisfies Catalogue<keyof typeof en>;
