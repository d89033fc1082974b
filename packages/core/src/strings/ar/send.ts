/** The words every form needs, in Arabic. */
import type { Catalogue } from '../../i18n.js';
import type en from '../en/send.js';

export default {
  readonly: 'هذه الاستمارة غير مفتوحة بعد. عودوا بعد قليل.',
  queued: 'حُفظ على هذا الجهاز، وسيُرسل تلقائيًا.',
  waiting: {
    zero: 'لا شيء في انتظار الإرسال',
    one: '# في انتظار الإرسال',
    two: '# في انتظار الإرسال',
    few: '# في انتظار الإرسال',
    many: '# في انتظار الإرسال',
    other: '# في انتظار الإرسال',
  },
  failed: 'لم يُرسل. {reason} وهو محفوظ على هذا الجهاز.',
  unsaved: 'لم يُرسل. {reason} هذا المتصفح لا يسمح للاستمارة بحفظه، فأعيدوا إرساله بعد قليل.',
  // A field's problem, under it; and the honeypot's label, which people never see.
  honeypot: 'اتركوا هذا الحقل فارغًا',
  // After the label of a field the form cannot be sent without.
  requiredMark: '(مطلوب)',
  fieldMissing: 'يُرجى ملء هذا الحقل.',
  fieldEmail: 'اكتبوا عنوان بريد إلكتروني مثل name@example.org.',
  fieldPhone: 'اكتبوا رقم هاتف: أرقام ومسافات و+.',
  fieldContact: 'أدخلوا عنوان بريد إلكتروني أو رقم هاتف.',
  sentNow: 'تم الإرسال.',
  queuedBlocked: 'حُفظ على هذا الجهاز: خادم الحملة لا يقبل بعد الاستمارات من هذه الصفحة. سيُرسل حالما تصلح الحملة ذلك.',
  refusedAt: 'لم يُرسل ({time}). {reason}',
  refusedUnreachable: 'تعذّر الوصول إلى الحملة.',
  refusedDuplicate: 'وصل من قبل، فلا يُحتسب مرتين.',
  refusedTooLarge: 'حجمه أكبر من أن يُرسل: اجعلوه أقصر أو أصغر.',
  refusedInvalid: 'لم تقبل الحملة ما كُتب: راجعوه ثم أعيدوا إرساله.',
  refusedSetup: 'لا تستطيع الحملة استقباله من هذه الصفحة بعد.',
  discard: 'إلغاء',
} satisfies Catalogue<keyof typeof en>;
