/** What the wall says about a Mastodon server, in Arabic. */
import type { Catalogue } from '@archipel/core';
import type en from '../en/mastodon.js';

export default {
  mastodonLocked:
    'لا يعرض {host} منشوراته العامة إلا لمن سجّل الدخول إليه، لذلك لا يمكن أن تظهر منشوراته التي تحمل #{tag} على هذا الجدار. أما المنشورات التي تُشارَك هنا فتظهر.',
  mastodonBusy: 'طلب منا {host} أن نبطئ؛ سنعود إلى منشوراته التي تحمل #{tag} في الساعة {time}.',
  mastodonFailed: 'تعذّرت قراءة منشورات #{tag} من {host}. يعرض الجدار المنشورات الأخرى.',
  mastodonNoTag: 'لعرض منشورات من {host}، أعطوا الجدار الخاصية hashtag.',
  sensitive: 'محتوى حساس',
} satisfies Catalogue<keyof typeof en>;
