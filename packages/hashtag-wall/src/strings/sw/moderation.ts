/** The moderation view's words, in Swahili. */
import type { Catalogue } from '@archipel/core';
import type en from '../en/moderation.js';

export default {
  modTitle: 'Usimamizi',
  modNoToken: 'Kwa timu tu: weka msimbo wako wa timu ili kusimamia machapisho.',
  modUnauthorized: 'Msimbo huu wa timu haukukubaliwa: si sahihi au haufanyi kazi tena. Weka mwingine, au omba mpya kutoka kwa anayesimamia seva.',
  modPending: 'Yanasubiri',
  modApproved: 'Yamekubaliwa',
  modHidden: 'Yamefichwa',
  modReload: 'Angalia tena',
  modEmpty: 'Hakuna kitu hapa.',
  modCount: { one: 'Chapisho #', other: 'Machapisho #' },
  approve: 'Kubali',
  hide: 'Ficha',
  pin: 'Bandika',
  unpin: 'Bandua',
  block: 'Zuia {author}',
  blockConfirm: 'Ndiyo, ficha machapisho yote ya {author}',
  doneApprove: 'Limekubaliwa: chapisho la {author} liko ukutani.',
  doneHide: 'Limefichwa: chapisho la {author} limeondolewa ukutani.',
  donePin: 'Limebandikwa: chapisho la {author} liko juu ya ukuta.',
  doneUnpin: 'Limebanduliwa: chapisho la {author}.',
  doneBlock: 'Amezuiwa: machapisho ya {author} yamefichwa, na mapya pia yatafichwa.',
  modWaiting: 'Yanasubiri kukaguliwa: {count}',
  approveAll: 'Idhinisha yote yanayoonyeshwa',
  hideAll: 'Ficha yote yanayoonyeshwa',
  doneApproveAll: 'Yameidhinishwa: {count}. Bado yanasubiri: {waiting}.',
  doneHideAll: 'Yamefichwa: {count}. Bado yanasubiri: {waiting}.',
  unblock: 'Ondoa kizuizi kwa {author}',
  doneUnblock: 'Kizuizi kimeondolewa: machapisho mapya ya {author} yanarudi kwenye foleni.',
  actionFailed: 'Haikuwezekana: {reason}',
} satisfies Catalogue<keyof typeof en>;
