/** The hub's and the directory's words, in Arabic. */
import type { Catalogue } from '@archipel/core';
import type en from '../en/chapter-hub.js';

export default {
  logo: 'شعار {name}',
  join: 'انضموا إلينا',
  about: 'من نحن',
  leaders: 'فريقنا',
  links: 'تجدوننا هنا',
  website: 'الموقع الإلكتروني',
  writeTo: 'راسلونا',
  actions: 'الفعاليات القادمة',
  wall: 'جدارنا',
  notFound: 'لا توجد مجموعة «{id}» في هذا المصدر. الخاصية chapter تأخذ معرّف مجموعة، مثل «{example}».',
  allChapters: 'كل المجموعات',
  directory: 'مجموعاتنا المحلية',
  searchLabel: 'ابحثوا عن مجموعة: الاسم أو المدينة أو الرمز البريدي',
  search: 'بحث',
  nearMe: 'بالقرب مني',
  locating: 'جارٍ تحديد موقعكم…',
  locateFailed: 'تعذّر تحديد موقعكم ({reason}). اكتبوا اسم مدينة أو رمزًا بريديًا بدلًا من ذلك.',
  count: { zero: 'لا توجد مجموعات', one: 'مجموعة واحدة', two: 'مجموعتان', few: '# مجموعات', many: '# مجموعةً', other: '# مجموعة' },
  countNear: {
    zero: 'لا توجد مجموعات',
    one: 'مجموعة واحدة، الأقرب أولًا',
    two: 'مجموعتان، الأقرب أولًا',
    few: '# مجموعات، الأقرب أولًا',
    many: '# مجموعةً، الأقرب أولًا',
    other: '# مجموعة، الأقرب أولًا',
  },
  noMatch: 'لا توجد مجموعة تطابق «{q}».',
  noneNear: 'لا توجد مجموعة في نطاق {km} كم من {place}.',
  you: 'موقعكم',
  start: 'أنشئوا مجموعة',
  startHint: 'لا توجد مجموعة قريبة منكم بعد؟ أنشئوا واحدة: سنساعدكم.',
  km: '{km} كم',
} satisfies Catalogue<keyof typeof en>;
