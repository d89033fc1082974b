/**
 * The chapter nearest to a postcode, without a geocoder, placed the way the
 * map and the hub directory place it (core/geo.ts): where the campaign's own
 * data has places with that postcode, or with the longest shared prefix.
 * Nothing leaves the browser.
 */
import { PlaceIndex, nearestChapter, type Located } from '@archipel/core';

export type Place = Located;

/** Where a postcode lies, as [lat, lng], from the places that share most of it; undefined when none share two characters. */
export function locate(postcode: string, places: Place[]): [number, number] | undefined {
  const at = /\d/.test(postcode) ? new PlaceIndex(places).find(postcode) : undefined;
  return at && [at.lat, at.lng];
}

/** The place closest to `at`. */
export function nearest<T extends Place>(at: [number, number], places: T[]): T | undefined {
  return nearestChapter(places, { lat: at[0], lng: at[1] })?.chapter;
}
