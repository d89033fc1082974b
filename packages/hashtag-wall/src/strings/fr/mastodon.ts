/** What the wall says about a Mastodon server, in French. */
import type { Catalogue } from '@archipel/core';
import type en from '../en/mastodon.js';

export default {
  mastodonLocked:
    '{host} ne montre ses publications publiques qu’aux personnes connectées chez lui (ses administrateurs exigent une connexion pour les fils publics) : ses publications #{tag} ne peuvent donc pas apparaître sur ce mur. Celles partagées ici, si.',
  mastodonBusy: '{host} nous demande de ralentir ; ses publications #{tag} seront relues à {time}.',
  mastodonFailed: 'Les publications #{tag} de {host} n’ont pas pu être lues. Le mur montre les autres.',
  mastodonNoTag: 'Pour montrer les publications de {host}, donnez au mur un attribut hashtag.',
  sensitive: 'Contenu sensible',
} satisfies Catalogue<keyof typeof en>;
