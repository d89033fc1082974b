/** What the wall says about a Mastodon server, in Swahili. */
import type { Catalogue } from '@archipel/core';
import type en from '../en/mastodon.js';

export default {
  mastodonLocked:
    '{host} huonyesha machapisho yake ya umma kwa watu walioingia huko tu, kwa hiyo machapisho yake yenye #{tag} hayawezi kuonekana kwenye ukuta huu. Yaliyoshirikiwa hapa yanaonekana kama kawaida.',
  mastodonBusy: '{host} imetuomba tupunguze kasi; machapisho yake yenye #{tag} yataangaliwa tena saa {time}.',
  mastodonFailed: 'Machapisho yenye #{tag} kutoka {host} hayakuweza kusomwa. Ukuta unaonyesha mengine.',
  mastodonNoTag: 'Ili kuonyesha machapisho kutoka {host}, upe ukuta sifa hashtag.',
  sensitive: 'Maudhui nyeti',
} satisfies Catalogue<keyof typeof en>;
