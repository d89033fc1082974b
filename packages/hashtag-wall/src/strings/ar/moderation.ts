/** The moderation view's words, in Arabic. */
import type { Catalogue } from '@archipel/core';
import type en from '../en/moderation.js';

export default {
  modTitle: 'الإشراف',
  modNoToken: 'للفريق فقط: أدخلوا رمز دخول الفريق للإشراف على المنشورات.',
  modUnauthorized: 'لم يُقبل رمز الدخول هذا: إنه خاطئ أو لم يعد صالحًا. أدخلوا رمزًا آخر، أو اطلبوا رمزًا جديدًا ممن يدير الخادم.',
  modPending: 'قيد الانتظار',
  modApproved: 'المقبولة',
  modHidden: 'المخفية',
  modReload: 'تحديث',
  modEmpty: 'لا شيء هنا.',
  modCount: { zero: 'لا منشورات', one: 'منشور واحد', two: 'منشوران', few: '# منشورات', many: '# منشورًا', other: '# منشور' },
  approve: 'قبول',
  hide: 'إخفاء',
  pin: 'تثبيت',
  unpin: 'إلغاء التثبيت',
  block: 'حظر {author}',
  blockConfirm: 'نعم، إخفاء كل منشورات {author}',
  doneApprove: 'تم القبول: منشور {author} على الجدار.',
  doneHide: 'تم الإخفاء: لم يعد منشور {author} على الجدار.',
  donePin: 'تم التثبيت: منشور {author} في أعلى الجدار.',
  doneUnpin: 'تم إلغاء التثبيت: منشور {author}.',
  doneBlock: 'تم الحظر: منشورات {author} مخفية، وستُخفى الجديدة أيضًا.',
  modWaiting: 'بانتظار المراجعة: {count}',
  approveAll: 'الموافقة على كل ما يظهر',
  hideAll: 'إخفاء كل ما يظهر',
  doneApproveAll: 'تمت الموافقة: {count}. ما زال بانتظار المراجعة: {waiting}.',
  doneHideAll: 'تم الإخفاء: {count}. ما زال بانتظار المراجعة: {waiting}.',
  unblock: 'إلغاء حظر {author}',
  doneUnblock: 'أُلغي الحظر: تعود منشورات {author} الجديدة إلى قائمة المراجعة.',
  actionFailed: 'تعذّر ذلك: {reason}',
} satisfies Catalogue<keyof typeof en>;
