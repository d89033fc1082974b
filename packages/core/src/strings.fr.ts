/** The words every widget needs for its states, in French. */
import type en from './strings.en.js';

export default {
  loading: 'Chargement…',
  empty: 'Rien à afficher pour le moment.',
  error: 'Impossible de charger les données. {reason}',
  retry: 'Réessayer',
  offline: 'Vous êtes hors ligne. Voici ce qui avait été enregistré {when}.',
  unrefreshed: 'Mise à jour impossible : {reason} Voici ce qui avait été enregistré {when}.',
  noSource: 'Aucune source de données : indiquez dans l’attribut source un Google Sheet, un dossier de fichiers JSON ou l’adresse d’une API.',
  skipped: '# entrée illisible n’est pas affichée.|# entrées illisibles ne sont pas affichées.',
} satisfies Record<keyof typeof en, string>;
