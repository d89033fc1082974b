/**
 * A large campaign's pins as a file for MapLibre's worker to read (#23). Handed over as objects, 100,000 pins
 * were copied to the worker in one task of the page (a structured clone of 100,000 features); as a Blob's URL,
 * the page only writes the text, a slice at a time, and the worker fetches and parses it.
 */
import { eachInSlices } from '@archipel/core';
import type { Pin } from './map-view.js';

/** Past this many pins, the map reads them from a file: under it, the copy is too small to hold the page. */
export const PINS_BY_FILE = 5000;

/** The pins as a GeoJSON FeatureCollection in a Blob, written a slice at a time. */
export async function pinsFile(pins: readonly Pin[]): Promise<Blob> {
  const parts: string[] = ['{"type":"FeatureCollection","features":['];
  await eachInSlices(pins, (p, i) => {
    parts.push(`${i ? ',' : ''}{"type":"Feature","geometry":{"type":"Point","coordinates":[${+p.lng},${+p.lat}]},"properties":{"id":${JSON.stringify(p.id)},"priority":${+p.priority}}}`);
  });
  parts.push(']}');
  return new Blob(parts, { type: 'application/geo+json' });
}
