/** The hub's and the directory's words, in Spanish, with the core's words in the same file, so that a page loads one file of words. */
import type { Catalogue } from '@archipel/core';
import type en from '../en/chapter-hub.js';

export default {
  logo: 'Logotipo de {name}',
  join: 'Únete',
  about: 'Quiénes somos',
  leaders: 'El equipo',
  links: 'Encuéntranos',
  website: 'Sitio web',
  writeTo: 'Escríbenos',
  actions: 'Próximas acciones',
  wall: 'Nuestro muro',
  notFound: 'No hay ningún grupo «{id}» en esta fuente. El atributo chapter lleva el identificador de un grupo, como «{example}».',
  allChapters: 'Todos los grupos',
  directory: 'Nuestros grupos locales',
  searchLabel: 'Busca un grupo: nombre, ciudad o código postal',
  search: 'Buscar',
  nearMe: 'Cerca de mí',
  locating: 'Buscando tu ubicación…',
  locateFailed: 'No se pudo encontrar tu ubicación ({reason}). Escribe una ciudad o un código postal.',
  count: { one: '# grupo', many: '# de grupos', other: '# grupos' },
  countNear: { one: '# grupo, del más cercano al más lejano', many: '# de grupos, del más cercano al más lejano', other: '# grupos, del más cercano al más lejano' },
  noMatch: 'Ningún grupo coincide con «{q}».',
  noneNear: 'No hay ningún grupo a menos de {km} km de {place}.',
  you: 'ti',
  start: 'Crear un grupo',
  startHint: '¿Todavía no hay grupo cerca de ti? Crea uno: te ayudamos.',
  km: '{km} km',
  hostAction: 'Organiza una acción con nosotros',
  calendarFeed: 'Suscribirse a nuestro calendario',
} satisfies Catalogue<keyof typeof en>;
