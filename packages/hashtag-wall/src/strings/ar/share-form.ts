/** The "share your story" form's words, in Arabic. */
import type { Catalogue } from '@archipel/core';
import type en from '../en/share-form.js';

export default {
  formTitle: 'شاركوا قصتكم',
  formIntro: 'أخبرونا لماذا تشاركون، أو شاركوا صورة أو فيديو. يقرأ أحد أعضاء الفريق كل منشور قبل ظهوره على الجدار.',
  name: 'اسمكم (كما سيظهر)',
  story: 'قصتكم',
  link: 'رابط صورة أو فيديو (اختياري)',
  linkHint: 'عنوان صورة، أو فيديو على YouTube أو Vimeo أو PeerTube.',
  photoAlt: 'وصف الصورة (اختياري)',
  photoAltHint: 'ما تُظهره الصورة لمن لا يستطيع رؤيتها: «كنّا ثلاثين شخصًا على درج البلدية نحمل لافتة خضراء.»',
  yourChapter: 'مجموعتكم المحلية (اختياري)',
  noChapter: 'لا شيء، أو غير موجودة في القائمة',
  consent: 'أوافق على نشر اسمي وقصتي ورابطي على هذا الجدار بعد مراجعتها.',
  send: 'إرسال قصتي',
  sending: 'جارٍ الإرسال…',
  thanks: 'شكرًا، {name}! ستظهر قصتكم على الجدار بعد أن يقرأها أحد أعضاء الفريق.',
  queuedReview: 'ستظهر على الجدار بعد المراجعة.',
  needName: 'اكتبوا اسمكم كما يجب أن يظهر مع قصتكم.',
  badLink: '«{link}» ليس عنوان موقع: الصقوا عنوانًا يبدأ بـ https://',
  needWords: 'اكتبوا بضع كلمات أو أضيفوا رابطًا.',
  needConsent: 'ضعوا علامة في المربع للموافقة على النشر، وإلا فلن تظهر قصتكم.',
} satisfies Catalogue<keyof typeof en>;
