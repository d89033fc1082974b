/** The hub's and the directory's words, in Dutch. */
import type { Catalogue } from '@archipel/core';
import type en from '../en/chapter-hub.js';

export default {
  logo: 'Logo van {name}',
  join: 'Doe mee',
  about: 'Over ons',
  leaders: 'Wie we zijn',
  links: 'Hier vind je ons',
  website: 'Website',
  writeTo: 'Schrijf ons',
  actions: 'Komende acties',
  wall: 'Ons prikbord',
  notFound: 'Geen groep ‘{id}’ in deze bron. Het attribuut chapter verwacht de code van een groep, zoals ‘{example}’.',
  allChapters: 'Alle groepen',
  directory: 'Onze lokale groepen',
  searchLabel: 'Zoek een groep: naam, plaats of postcode',
  search: 'Zoeken',
  nearMe: 'Bij mij in de buurt',
  locating: 'We zoeken waar je bent…',
  locateFailed: 'We konden niet vinden waar je bent ({reason}). Typ liever een plaats of een postcode.',
  count: { one: '# groep', other: '# groepen' },
  countNear: { one: '# groep, dichtstbijzijnde eerst', other: '# groepen, dichtstbijzijnde eerst' },
  noMatch: 'Geen groep past bij ‘{q}’.',
  noneNear: 'Geen groep binnen {km} km van {place}.',
  you: 'jou',
  start: 'Start een groep',
  startHint: 'Nog geen groep bij jou in de buurt? Start er een: wij helpen je.',
  km: '{km} km',
  hostAction: 'Organiseer een actie met ons',
  calendarFeed: 'Abonneer je op onze agenda',
} satisfies Catalogue<keyof typeof en>;
