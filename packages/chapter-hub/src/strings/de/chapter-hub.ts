/** The hub's and the directory's words, in German. */
import type { Catalogue } from '@archipel/core';
import type en from '../en/chapter-hub.js';

export default {
  logo: 'Logo von {name}',
  join: 'Mach mit',
  about: 'Über uns',
  leaders: 'Wer wir sind',
  links: 'Hier findest du uns',
  website: 'Website',
  writeTo: 'Schreib uns',
  actions: 'Nächste Aktionen',
  wall: 'Unsere Pinnwand',
  notFound: 'Keine Ortsgruppe „{id}“ in dieser Quelle. Das Attribut chapter erwartet die Kennung einer Ortsgruppe, zum Beispiel „{example}“.',
  allChapters: 'Alle Ortsgruppen',
  directory: 'Unsere Ortsgruppen',
  searchLabel: 'Ortsgruppe finden: Name, Ort oder Postleitzahl',
  search: 'Suchen',
  nearMe: 'In meiner Nähe',
  locating: 'Wir suchen deinen Standort…',
  locateFailed: 'Wir konnten deinen Standort nicht finden ({reason}). Gib stattdessen einen Ort oder eine Postleitzahl ein.',
  count: { one: '# Ortsgruppe', other: '# Ortsgruppen' },
  countNear: { one: '# Ortsgruppe, die nächste zuerst', other: '# Ortsgruppen, die nächsten zuerst' },
  noMatch: 'Keine Ortsgruppe passt zu „{q}“.',
  noneNear: 'Keine Ortsgruppe im Umkreis von {km} km um {place}.',
  you: 'dich',
  start: 'Gründe eine Ortsgruppe',
  startHint: 'Noch keine Ortsgruppe in deiner Nähe? Gründe eine: Wir helfen dir dabei.',
  km: '{km} km',
  hostAction: 'Eine Aktion mit uns organisieren',
  calendarFeed: 'Unseren Kalender abonnieren',
} satisfies Catalogue<keyof typeof en>;
