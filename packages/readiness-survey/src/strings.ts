/**
 * The words the element itself needs before its survey or results view has loaded: one sentence, so
 * its three languages ride inline in the element's chunk (a chunk a language would cost more than the words).
 */
import type { Words } from '@archipel/core';
import en from './strings.en.js';
import fr from './strings.fr.js';
import es from './strings.es.js';

export type ShellKey = keyof typeof en;

export const shellWords: Words<ShellKey> = { en, fr, es };
