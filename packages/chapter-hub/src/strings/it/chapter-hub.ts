/** The hub's and the directory's words, in Italian. */
import type { Catalogue } from '@archipel/core';
import type en from '../en/chapter-hub.js';

export default {
  logo: 'Logo di {name}',
  join: 'Unisciti a noi',
  about: 'Chi siamo',
  leaders: 'Il nostro gruppo',
  links: 'Dove trovarci',
  website: 'Sito web',
  writeTo: 'Scrivici',
  actions: 'Prossime azioni',
  wall: 'La nostra bacheca',
  notFound: 'Nessun gruppo «{id}» in questa fonte. L’attributo chapter vuole l’identificativo di un gruppo, come «{example}».',
  allChapters: 'Tutti i gruppi',
  directory: 'I nostri gruppi locali',
  searchLabel: 'Trova un gruppo: nome, città o CAP',
  search: 'Cerca',
  nearMe: 'Vicino a me',
  locating: 'Stiamo cercando dove ti trovi…',
  locateFailed: 'Non riusciamo a trovare dove ti trovi ({reason}). Scrivi invece una città o un CAP.',
  count: { one: '# gruppo', many: '# di gruppi', other: '# gruppi' },
  countNear: { one: '# gruppo, dal più vicino', many: '# di gruppi, dal più vicino', other: '# gruppi, dal più vicino' },
  noMatch: 'Nessun gruppo corrisponde a «{q}».',
  noneNear: 'Nessun gruppo entro {km} km da {place}.',
  you: 'te',
  start: 'Crea un gruppo',
  startHint: 'Nessun gruppo vicino a te? Creane uno: ti aiutiamo noi.',
  km: '{km} km',
  hostAction: 'Organizza un’azione con noi',
  calendarFeed: 'Iscriviti al nostro calendario',
} satisfies Catalogue<keyof typeof en>;
