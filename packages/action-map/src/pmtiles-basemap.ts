/**
 * Streets from one PMTiles file (`streets-url="/tiles/france.pmtiles"`): a Protomaps basemap extract served beside the
 * widgets, read with HTTP range requests through the `pmtiles` package's MapLibre protocol. Loaded only when such a
 * URL is set, so the default map carries none of it. The layers follow the Protomaps basemap schema (`earth`,
 * `water`, `roads`, `buildings`, `places`) and are drawn in the map's own colours over the bundled world map, which
 * still shows wherever the extract stops; labels are in the page's language where the tiles have it.
 */
import { Protocol } from 'pmtiles';
import type { AddProtocolAction, LayerSpecification, SourceSpecification, ExpressionSpecification } from 'maplibre-gl';
import type { MapColours } from './map-view.js';

let registered = false;

/** Registers the `pmtiles://` protocol with MapLibre, once for the page. */
export function registerPmtiles(addProtocol: (name: string, load: AddProtocolAction) => void): void {
  if (registered) return;
  registered = true;
  addProtocol('pmtiles', new Protocol().tile);
}

/**
 * A label in the page's language: `name:pt-BR`, then `name:pt`, then the local `name` (Protomaps tiles carry OpenStreetMap's
 * `name:xx` tags).
 */
export function labelIn(lang: string): ExpressionSpecification {
  const tags = [...new Set([lang, lang.split('-')[0]!].filter(Boolean))];
  return ['coalesce', ...tags.map((t): ExpressionSpecification => ['get', `name:${t}`]), ['get', 'name']];
}

const SOURCE = 'streets';
const FONT = ['sans-serif'];

/** The source and layers of a Protomaps extract, for a style whose bundled world map is already drawn. */
export function pmtilesBasemap(url: string, c: MapColours, lang: string): { source: SourceSpecification; layers: LayerSpecification[] } {
  const file = url.startsWith('pmtiles://') ? url.slice('pmtiles://'.length) : url;
  const label = labelIn(lang);
  const road = (major: number, minor: number): ExpressionSpecification => ['match', ['get', 'kind'], ['highway', 'major_road'], major, minor];
  const width = (scale: number): ExpressionSpecification => ['interpolate', ['exponential', 1.6], ['zoom'], 10, road(1.2 * scale, 0.4 * scale), 16, road(12 * scale, 7 * scale)];
  const source = { source: SOURCE };
  return {
    // Protomaps builds are made from OpenStreetMap, whose licence asks for this credit.
    source: { type: 'vector', url: `pmtiles://${new URL(file, document.baseURI).href}`, attribution: '© OpenStreetMap' },
    layers: [
      { id: 'streets-earth', type: 'fill', ...source, 'source-layer': 'earth', paint: { 'fill-color': c.land } },
      { id: 'streets-water', type: 'fill', ...source, 'source-layer': 'water', paint: { 'fill-color': c.water } },
      { id: 'streets-buildings', type: 'fill', ...source, 'source-layer': 'buildings', minzoom: 14, paint: { 'fill-color': c.border, 'fill-opacity': 0.45 } },
      {
        id: 'streets-roads-casing',
        type: 'line',
        ...source,
        'source-layer': 'roads',
        minzoom: 10,
        layout: { 'line-cap': 'round', 'line-join': 'round' },
        paint: { 'line-color': c.border, 'line-width': width(1.25) },
      },
      {
        id: 'streets-roads',
        type: 'line',
        ...source,
        'source-layer': 'roads',
        minzoom: 10,
        layout: { 'line-cap': 'round', 'line-join': 'round' },
        paint: { 'line-color': '#ffffff', 'line-width': width(1) },
      },
      {
        id: 'streets-road-labels',
        type: 'symbol',
        ...source,
        'source-layer': 'roads',
        minzoom: 14,
        layout: { 'symbol-placement': 'line', 'text-field': label, 'text-font': FONT, 'text-size': 12 },
        paint: { 'text-color': '#3b4540', 'text-halo-color': '#ffffff', 'text-halo-width': 1.5 },
      },
      {
        id: 'streets-places',
        type: 'symbol',
        ...source,
        'source-layer': 'places',
        layout: { 'text-field': label, 'text-font': FONT, 'text-size': ['interpolate', ['linear'], ['zoom'], 6, 12, 14, 18] },
        paint: { 'text-color': '#1f2622', 'text-halo-color': '#ffffff', 'text-halo-width': 2 },
      },
    ],
  };
}
