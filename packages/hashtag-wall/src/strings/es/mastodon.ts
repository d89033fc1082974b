/** What the wall says about a Mastodon server, in Spanish. */
import type { Catalogue } from '@archipel/core';
import type en from '../en/mastodon.js';

export default {
  mastodonLocked:
    '{host} solo muestra sus publicaciones públicas a quien ha iniciado sesión allí (su administración exige sesión para las líneas de tiempo públicas), así que sus publicaciones #{tag} no pueden aparecer en este muro. Las compartidas aquí, sí.',
  mastodonBusy: '{host} nos pide ir más despacio; sus publicaciones #{tag} se volverán a consultar a las {time}.',
  mastodonFailed: 'No se pudieron leer las publicaciones #{tag} de {host}. El muro muestra las demás.',
  mastodonNoTag: 'Para mostrar las publicaciones de {host}, dé al muro un atributo hashtag.',
  sensitive: 'Contenido sensible',
} satisfies Catalogue<keyof typeof en>;
