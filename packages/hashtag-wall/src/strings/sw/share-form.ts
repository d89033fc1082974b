/** The "share your story" form's words, in Swahili. */
import type { Catalogue } from '@archipel/core';
import type en from '../en/share-form.js';

export default {
  formTitle: 'Shiriki hadithi yako',
  formIntro: 'Tuambie kwa nini unashiriki, au tuma picha au video. Mtu wa timu husoma kila chapisho kabla halijaonekana ukutani.',
  name: 'Jina lako (kama litakavyoonekana)',
  story: 'Hadithi yako',
  link: 'Kiungo cha picha au video (si lazima)',
  linkHint: 'Anwani ya picha, au video ya YouTube, Vimeo au PeerTube.',
  photoAlt: 'Maelezo ya picha (si lazima)',
  photoAltHint: 'Inachoonyesha, kwa ajili ya watu wasioweza kuiona: “Tulikuwa thelathini kwenye ngazi za ofisi ya halmashauri, tukiwa na bango la kijani.”',
  photo: 'Picha (si lazima)',
  photoHint: 'Kutoka kamera yako au matunzio yako. Mahali ilipopigwa hufutwa kabla haijahifadhiwa.',
  photoNotImage: 'Faili hii si picha tunayoweza kusoma: chagua picha kutoka kamera yako au matunzio yako.',
  needAlt: 'Eleza picha yako kwa maneno machache, kwa ajili ya watu wasioweza kuiona.',
  contact: 'Barua pepe au simu yako (si lazima, haionyeshwi kamwe)',
  contactHint: 'Haichapishwi kamwe: inasaidia timu tu kutambua machapisho yako.',
  yourChapter: 'Kikundi chako cha eneo (si lazima)',
  noChapter: 'Hakuna, au hakipo kwenye orodha',
  consent: 'Nakubali jina langu, hadithi yangu na kiungo changu vichapishwe kwenye ukuta huu baada ya kukaguliwa.',
  send: 'Tuma hadithi yangu',
  sending: 'Inatuma…',
  thanks: 'Asante, {name}! Hadithi yako itaonekana ukutani mara tu mtu wa timu atakapoisoma.',
  queuedReview: 'Itaonekana ukutani baada ya kukaguliwa.',
  needName: 'Andika jina lako kama linavyopaswa kuonekana pamoja na hadithi yako.',
  badLink: '“{link}” si anwani ya mtandao: bandika anwani inayoanza na https://',
  needWords: 'Andika maneno machache au ongeza kiungo.',
  needConsent: 'Weka alama kwenye kisanduku kukubali kuchapishwa, la sivyo hadithi yako haiwezi kuonekana.',
} satisfies Catalogue<keyof typeof en>;
