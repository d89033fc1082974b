/** The hub's and the directory's words, in Portuguese. */
import type { Catalogue } from '@archipel/core';
import type en from '../en/chapter-hub.js';

export default {
  logo: 'Logotipo de {name}',
  join: 'Junte-se a nós',
  about: 'Quem somos',
  leaders: 'Nossa equipe',
  links: 'Onde nos encontrar',
  website: 'Site',
  writeTo: 'Escreva para nós',
  actions: 'Próximas ações',
  wall: 'Nosso mural',
  notFound: 'Não há nenhum grupo “{id}” nesta fonte. O atributo chapter recebe o identificador de um grupo, como “{example}”.',
  allChapters: 'Todos os grupos',
  directory: 'Nossos grupos locais',
  searchLabel: 'Encontre um grupo: nome, cidade ou CEP',
  search: 'Buscar',
  nearMe: 'Perto de mim',
  locating: 'Procurando onde você está…',
  locateFailed: 'Não conseguimos encontrar onde você está ({reason}). Digite uma cidade ou um CEP.',
  count: { one: '# grupo', many: '# de grupos', other: '# grupos' },
  countNear: { one: '# grupo, do mais perto ao mais longe', many: '# de grupos, do mais perto ao mais longe', other: '# grupos, do mais perto ao mais longe' },
  noMatch: 'Nenhum grupo corresponde a “{q}”.',
  noneNear: 'Nenhum grupo a menos de {km} km de {place}.',
  you: 'você',
  start: 'Crie um grupo',
  startHint: 'Ainda não tem grupo perto de você? Crie um: a gente ajuda.',
  km: '{km} km',
  hostAction: 'Organize uma ação connosco',
  calendarFeed: 'Subscrever o nosso calendário',
} satisfies Catalogue<keyof typeof en>;
