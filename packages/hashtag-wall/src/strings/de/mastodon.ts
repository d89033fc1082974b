/** What the wall says about a Mastodon server, in German. */
import type { Catalogue } from '@archipel/core';
import type en from '../en/mastodon.js';

export default {
  mastodonLocked:
    '{host} zeigt seine öffentlichen Beiträge nur Leuten, die dort angemeldet sind. Deshalb können die #{tag}-Beiträge von dort nicht auf dieser Pinnwand erscheinen. Beiträge, die hier geteilt werden, schon.',
  mastodonBusy: '{host} hat uns gebeten, langsamer zu machen; die #{tag}-Beiträge von dort werden um {time} wieder abgerufen.',
  mastodonFailed: 'Die #{tag}-Beiträge von {host} konnten nicht gelesen werden. Die Pinnwand zeigt die anderen.',
  mastodonNoTag: 'Um Beiträge von {host} zu zeigen, gib der Pinnwand das Attribut hashtag.',
  sensitive: 'Sensibler Inhalt',
} satisfies Catalogue<keyof typeof en>;
