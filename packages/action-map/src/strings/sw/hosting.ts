/** The words of the forms to host an action and to join one, in Swahili. */
import type { Catalogue } from '@archipel/core';
import type en from '../en/hosting.js';

export default {
  hostHeading: 'Andaa shughuli',
  hostIntro: 'Iambie tawi unachopanga. Italikagua, kisha shughuli yako itaonekana kwenye ramani.',
  hostTitle: 'Jina la shughuli',
  hostType: 'Aina ya shughuli',
  hostTypeNone: 'Chagua…',
  hostDay: 'Siku',
  hostStart: 'Inaanza saa',
  hostEnd: 'Inaisha saa',
  hostZone: 'Saa za eneo la mahali',
  hostPlace: 'Mji au postikodi',
  hostVenue: 'Mahali pa kukutana',
  hostOnline: 'Inafanyika mtandaoni',
  hostLink: 'Kiungo cha kujiunga mtandaoni',
  hostDescription: 'Mtafanya nini?',
  hostCapacity: 'Watu wangapi wanaweza kuja?',
  hostChapter: 'Tawi',
  hostYou: 'Kukuhusu (tawi pekee ndilo linaloona hili)',
  yourName: 'Jina lako',
  yourEmail: 'Barua pepe',
  yourPhone: 'Simu',
  hostConsent: 'Nakubali tawi liwasiliane nami kuhusu shughuli hii.',
  hostSend: 'Tuma shughuli yangu',
  cancel: 'Ghairi',
  hostSent: 'Asante! Tawi litakagua shughuli yako, kisha itaonekana kwenye ramani.',
  hostPublished: 'Asante! Shughuli yako iko kwenye ramani sasa.',
  hostPlaceUnknown: 'Hatujui mahali hapa. Andika mji au postikodi, au weka alama “Inafanyika mtandaoni”.',
  fixFields: { one: 'Sehemu moja inahitaji kusahihishwa.', other: 'Sehemu # zinahitaji kusahihishwa.' },
  joinConsent: 'Nakubali waandaaji wawasiliane nami kuhusu shughuli hii.',
  joinSend: 'Niandikishe',
  joined: 'Uko kwenye orodha. Tutaonana huko!',
  sending: 'Inatuma…',
  // Said when the source refuses an RSVP because the action is full (core's refusal words).
  refusedFull: 'Shughuli hii imejaa: hakuna nafasi iliyobaki.',
} satisfies Catalogue<keyof typeof en>;
