/** What the wall says about a Mastodon server, in Italian. */
import type { Catalogue } from '@archipel/core';
import type en from '../en/mastodon.js';

export default {
  mastodonLocked:
    '{host} mostra i suoi post pubblici solo a chi ha fatto l’accesso lì, quindi i suoi post con #{tag} non possono comparire su questa bacheca. Quelli condivisi qui, invece, sì.',
  mastodonBusy: '{host} ci ha chiesto di rallentare; i suoi post con #{tag} verranno ricontrollati alle {time}.',
  mastodonFailed: 'Non è stato possibile leggere i post con #{tag} di {host}. La bacheca mostra gli altri.',
  mastodonNoTag: 'Per mostrare i post di {host}, dai alla bacheca un attributo hashtag.',
  sensitive: 'Contenuto sensibile',
} satisfies Catalogue<keyof typeof en>;
