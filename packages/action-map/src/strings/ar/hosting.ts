/** The words of the forms to host an action and to join one, in Arabic. */
import type { Catalogue } from '@archipel/core';
import type en from '../en/hosting.js';

export default {
  hostHeading: 'تنظيم فعالية',
  hostIntro: 'أخبروا المجموعة المحلية بما تخططون له. تراجعه، ثم تظهر فعاليتكم على الخريطة.',
  hostTitle: 'اسم الفعالية',
  hostType: 'نوع الفعالية',
  hostTypeNone: 'اختاروا…',
  hostDay: 'اليوم',
  hostStart: 'يبدأ في',
  hostEnd: 'ينتهي في',
  hostZone: 'المنطقة الزمنية للمكان',
  hostPlace: 'المدينة أو الرمز البريدي',
  hostVenue: 'نقطة اللقاء',
  hostOnline: 'تُقام عبر الإنترنت',
  hostLink: 'رابط المشاركة عبر الإنترنت',
  hostDescription: 'ماذا ستفعلون؟',
  hostCapacity: 'كم شخصًا يمكنه الحضور؟',
  hostChapter: 'المجموعة المحلية',
  hostYou: 'عنكم (لا تراه إلا المجموعة المحلية)',
  yourName: 'اسمكم',
  yourEmail: 'البريد الإلكتروني',
  yourPhone: 'الهاتف',
  hostConsent: 'أوافق على أن تتواصل معي المجموعة المحلية بشأن هذه الفعالية.',
  hostSend: 'إرسال فعاليتي',
  cancel: 'إلغاء',
  hostSent: 'شكرًا! ستراجع المجموعة المحلية فعاليتكم، ثم تظهر على الخريطة.',
  hostPublished: 'شكرًا! نشاطك الآن على الخريطة.',
  hostPlaceUnknown: 'لا نعرف هذا المكان. اكتبوا مدينة أو رمزًا بريديًا، أو اختاروا «تُقام عبر الإنترنت».',
  fixFields: { zero: 'لا حقول تحتاج إلى تصحيح.', one: 'حقل واحد يحتاج إلى تصحيح.', two: 'حقلان يحتاجان إلى تصحيح.', few: '# حقول تحتاج إلى تصحيح.', many: '# حقلًا يحتاج إلى تصحيح.', other: '# حقل يحتاج إلى تصحيح.' },
  joinConsent: 'أوافق على أن يتواصل معي المنظمون بشأن هذه الفعالية.',
  joinSend: 'سجّلوني',
  joined: 'أنتم على القائمة. نراكم هناك!',
  sending: 'جارٍ الإرسال…',
  // Said when the source refuses an RSVP because the action is full (core's refusal words).
  refusedFull: 'هذه الفعالية مكتملة: لم يبقَ أي مكان.',
} satisfies Catalogue<keyof typeof en>;
