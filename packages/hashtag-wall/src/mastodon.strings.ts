/** What the wall says about a Mastodon server; these load only with `mastodon`. */
import type { Catalogue } from '@archipel/core/shared';

export const en = {
  mastodonLocked:
    '{host} shows its public posts only to people signed in there (its administrators require sign-in for public timelines), so its #{tag} posts cannot appear on this wall. Posts shared here still do.',
  mastodonBusy: '{host} asked us to slow down; its #{tag} posts will be checked again at {time}.',
  mastodonFailed: 'The #{tag} posts from {host} could not be read ({reason}). The wall shows the others.',
  mastodonNoTag: 'To show posts from {host}, give the wall a hashtag attribute.',
  sensitive: 'Sensitive content',
};

export type MastodonKey = keyof typeof en;

export const fr: Catalogue<MastodonKey> = {
  mastodonLocked:
    '{host} ne montre ses publications publiques qu’aux personnes connectées chez lui (ses administrateurs exigent une connexion pour les fils publics) : ses publications #{tag} ne peuvent donc pas apparaître sur ce mur. Celles partagées ici, si.',
  mastodonBusy: '{host} nous demande de ralentir ; ses publications #{tag} seront relues à {time}.',
  mastodonFailed: 'Les publications #{tag} de {host} n’ont pas pu être lues ({reason}). Le mur montre les autres.',
  mastodonNoTag: 'Pour montrer les publications de {host}, donnez au mur un attribut hashtag.',
  sensitive: 'Contenu sensible',
};

export const es: Catalogue<MastodonKey> = {
  mastodonLocked:
    '{host} solo muestra sus publicaciones públicas a quien ha iniciado sesión allí (su administración exige sesión para las líneas de tiempo públicas), así que sus publicaciones #{tag} no pueden aparecer en este muro. Las compartidas aquí, sí.',
  mastodonBusy: '{host} nos pide ir más despacio; sus publicaciones #{tag} se volverán a consultar a las {time}.',
  mastodonFailed: 'No se pudieron leer las publicaciones #{tag} de {host} ({reason}). El muro muestra las demás.',
  mastodonNoTag: 'Para mostrar las publicaciones de {host}, dé al muro un atributo hashtag.',
  sensitive: 'Contenido sensible',
};

export const mastodonStrings = { en, fr, es };
