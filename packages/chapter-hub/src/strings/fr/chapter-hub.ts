/** The hub's and the directory's words, in French, with the core's words in the same file, so that a page loads one file of words. */
import type { Catalogue } from '@archipel/core';
import type en from '../en/chapter-hub.js';

export default {
  logo: 'Logo de {name}',
  join: 'Nous rejoindre',
  about: 'Qui sommes-nous',
  leaders: 'L’équipe',
  links: 'Nous trouver',
  website: 'Site web',
  writeTo: 'Nous écrire',
  actions: 'Prochaines actions',
  wall: 'Notre mur',
  notFound: 'Aucun groupe « {id} » dans cette source. L’attribut chapter prend l’identifiant d’un groupe, comme « {example} ».',
  allChapters: 'Tous les groupes',
  directory: 'Nos groupes locaux',
  searchLabel: 'Trouver un groupe : nom, ville ou code postal',
  search: 'Chercher',
  nearMe: 'Autour de moi',
  locating: 'Recherche de votre position…',
  locateFailed: 'Votre position est introuvable ({reason}). Tapez plutôt une ville ou un code postal.',
  count: { one: '# groupe', many: '# de groupes', other: '# groupes' },
  countNear: { one: '# groupe, du plus proche au plus loin', many: '# de groupes, du plus proche au plus loin', other: '# groupes, du plus proche au plus loin' },
  noMatch: 'Aucun groupe ne correspond à « {q} ».',
  noneNear: 'Aucun groupe à moins de {km} km de {place}.',
  you: 'vous',
  start: 'Créer un groupe',
  startHint: 'Pas encore de groupe près de chez vous ? Créez-le : on vous aide.',
  km: '{km} km',
  hostAction: 'Organiser une action avec nous',
  calendarFeed: 'S’abonner à notre agenda',
} satisfies Catalogue<keyof typeof en>;
