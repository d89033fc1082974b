/** The wall's own words, in Swahili. */
import type { Catalogue } from '@archipel/core';
import type en from '../en/hashtag-wall.js';

export default {
  title: 'Machapisho yenye #{tag}',
  titleAll: 'Ukuta wa wanaotuunga mkono',
  emptyWall: 'Bado hakuna machapisho. Kuwa wa kwanza kushiriki hadithi yako!',
  skip: 'Ruka ukuta',
  end: 'Mwisho wa ukuta',
  pause: 'Simamisha',
  resume: 'Endelea',
  share: 'Shiriki hadithi yako',
  fresh: { one: 'Chapisho jipya #', other: 'Machapisho mapya #' },
  showFresh: { one: 'Onyesha chapisho jipya #', other: 'Onyesha machapisho mapya #' },
  openBy: 'Fungua chapisho la {author}',
  photoBy: 'Picha ya {author}',
  play: 'Cheza video',
  showImage: 'Onyesha picha (kutoka {host})',
  videoNote: 'Video kwenye {platform}, inapakiwa kutoka {host} pale tu utakapobonyeza kucheza.',
  pinned: 'Imebandikwa',
  prev: 'Iliyotangulia',
  next: 'Inayofuata',
  page: 'Ukurasa {page} kati ya {pages}',
  cta: 'Shiriki yako kwenye {url}',
  ctaTag: 'Shiriki yako kwa #{tag}',
  close: 'Funga',
  position: 'Chapisho {n} kati ya {total}',
  newTab: '(kichupo kipya)',
  showCw: 'Onyesha',
} satisfies Catalogue<keyof typeof en>;
