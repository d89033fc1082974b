/** The words every form needs, in French. */
import type en from './write-strings.en.js';

export default {
  readonly: 'Ce formulaire ne peut rien envoyer : sa source de données est en lecture seule.',
  queued: 'Enregistré sur cet appareil ; l’envoi se fera automatiquement.',
  waiting: '# en attente d’envoi|# en attente d’envoi',
  failed: 'Non envoyé : {reason} Il reste enregistré sur cet appareil.',
  unsaved: 'Non envoyé : {reason} Ce navigateur ne permet pas au formulaire de le garder : renvoyez-le dans un instant.',
} satisfies Record<keyof typeof en, string>;
