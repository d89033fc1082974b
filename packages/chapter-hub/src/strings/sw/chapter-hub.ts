/** The hub's and the directory's words, in Swahili. */
import type { Catalogue } from '@archipel/core';
import type en from '../en/chapter-hub.js';

export default {
  logo: 'Nembo ya {name}',
  join: 'Jiunge nasi',
  about: 'Kuhusu sisi',
  leaders: 'Timu yetu',
  links: 'Tupate hapa',
  website: 'Tovuti',
  writeTo: 'Tuandikie',
  actions: 'Shughuli zijazo',
  wall: 'Ukuta wetu',
  notFound: 'Hakuna kikundi “{id}” katika chanzo hiki. Sifa chapter inahitaji kitambulisho cha kikundi, kama “{example}”.',
  allChapters: 'Vikundi vyote',
  directory: 'Vikundi vyetu vya maeneo',
  searchLabel: 'Tafuta kikundi: jina, mji au msimbo wa posta',
  search: 'Tafuta',
  nearMe: 'Karibu nami',
  locating: 'Tunatafuta ulipo…',
  locateFailed: 'Hatukuweza kujua ulipo ({reason}). Andika jina la mji au msimbo wa posta badala yake.',
  count: { one: 'Kikundi #', other: 'Vikundi #' },
  countNear: { one: 'Kikundi #, kilicho karibu zaidi kwanza', other: 'Vikundi #, vilivyo karibu zaidi kwanza' },
  noMatch: 'Hakuna kikundi kinacholingana na “{q}”.',
  noneNear: 'Hakuna kikundi ndani ya km {km} kutoka {place}.',
  you: 'ulipo',
  start: 'Anzisha kikundi',
  startHint: 'Bado hakuna kikundi karibu nawe? Anzisha kimoja: tutakusaidia.',
  km: 'km {km}',
  hostAction: 'Andaa shughuli pamoja nasi',
  calendarFeed: 'Jiandikishe kwenye kalenda yetu',
} satisfies Catalogue<keyof typeof en>;
