/** The wall's own words, in Arabic. */
import type { Catalogue } from '@archipel/core';
import type en from '../en/hashtag-wall.js';

export default {
  title: 'منشورات #{tag}',
  titleAll: 'جدار الداعمين',
  emptyWall: 'لا منشورات بعد. كونوا أول من يشارك قصته!',
  skip: 'تخطّي الجدار',
  end: 'نهاية الجدار',
  pause: 'إيقاف مؤقت',
  resume: 'استئناف',
  share: 'شاركوا قصتكم',
  fresh: { zero: 'لا منشورات جديدة', one: 'منشور جديد', two: 'منشوران جديدان', few: '# منشورات جديدة', many: '# منشورًا جديدًا', other: '# منشور جديد' },
  showFresh: {
    zero: 'لا منشورات جديدة',
    one: 'عرض المنشور الجديد',
    two: 'عرض المنشورين الجديدين',
    few: 'عرض # منشورات جديدة',
    many: 'عرض # منشورًا جديدًا',
    other: 'عرض # منشور جديد',
  },
  openBy: 'فتح منشور {author}',
  photoBy: 'صورة من {author}',
  play: 'تشغيل الفيديو',
  showImage: 'عرض الصورة (من {host})',
  videoNote: 'فيديو على {platform}، لا يُحمَّل من {host} إلا عندما تضغطون على تشغيل.',
  pinned: 'مثبّت',
  prev: 'السابق',
  next: 'التالي',
  page: 'الصفحة {page} من {pages}',
  cta: 'شاركوا قصتكم على {url}',
  ctaTag: 'شاركوا قصتكم مع #{tag}',
  close: 'إغلاق',
  position: 'المنشور {n} من {total}',
  newTab: '(علامة تبويب جديدة)',
  showCw: 'عرض',
} satisfies Catalogue<keyof typeof en>;
