/** The words the element itself needs before its survey or results view has loaded. */
import type { Catalogue } from '@archipel/core';

export const en = {
  unknownSurvey: 'There is no survey "{id}" in this source.',
};

type Key = keyof typeof en;

export const fr: Catalogue<Key> = {
  unknownSurvey: 'Cette source ne contient pas de questionnaire « {id} ».',
};

export const es: Catalogue<Key> = {
  unknownSurvey: 'Esta fuente no tiene ninguna encuesta «{id}».',
};

export type ShellKey = Key;
