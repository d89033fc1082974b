/** What the wall says about a Mastodon server, in Dutch. */
import type { Catalogue } from '@archipel/core';
import type en from '../en/mastodon.js';

export default {
  mastodonLocked:
    '{host} toont zijn openbare berichten alleen aan mensen die daar zijn ingelogd. Daarom kunnen de #{tag}-berichten van daar niet op dit prikbord verschijnen. Berichten die hier gedeeld worden wel.',
  mastodonBusy: '{host} vroeg ons het rustiger aan te doen; de #{tag}-berichten van daar worden om {time} opnieuw opgehaald.',
  mastodonFailed: 'De #{tag}-berichten van {host} konden niet gelezen worden. Het prikbord toont de andere.',
  mastodonNoTag: 'Geef het prikbord het attribuut hashtag om berichten van {host} te tonen.',
  sensitive: 'Gevoelige inhoud',
} satisfies Catalogue<keyof typeof en>;
