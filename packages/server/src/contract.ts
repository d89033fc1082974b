/**
 * Where openapi.yaml lives: beside src/ and beside dist/, so this module sits
 * one folder deep in both the sources and the bundle.
 */
export const CONTRACT = new URL('../openapi.yaml', import.meta.url);
