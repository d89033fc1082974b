/**
 * The map itself: MapLibre GL, imported only when the map is about to be
 * seen. The default basemap is Natural Earth's 1:110m countries, shipped
 * beside the bundle, so the default map asks no third party for anything.
 * Cluster counts are drawn on a canvas and handed to MapLibre as images, so
 * no glyph server is needed either; everything stays in WebGL, where
 * `queryRenderedFeatures` can see it.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { Map as MapLibre, GeoJSONSource, addProtocol, getGlobalDispatcher, importScriptInWorkers, setWorkerUrl, type MapGeoJSONFeature, type StyleSpecification } from 'maplibre-gl';
import { feature } from 'topojson-client';
import type { Topology, GeometryCollection } from 'topojson-specification';
import type { ErrorDetail } from '@archipel/core';
import { eachInSlices, warnOnce } from '@archipel/core';
import { MANY_PINS, PinFeed, type Pin } from './pin-feed.js';
import { PINS_PROTOCOL, packPins, type PackedPins } from './pins-packed.js';

export type { Pin };

/** What the map view needs of its element: an update when the map is ready or has failed, and its `archipel-error` when it failed. */
export interface MapViewHost extends ReactiveControllerHost {
  emit(name: 'archipel-error', detail: ErrorDetail): boolean;
}

export interface MapColours {
  brand: string;
  brandContrast: string;
  urgent: string;
  other: string;
  chapter: string;
  land: string;
  water: string;
  border: string;
}

export interface MapViewOptions {
  container: HTMLElement;
  /** A MapLibre style URL; without it, the shipped Natural Earth basemap. */
  styleUrl?: string;
  /** The default basemap's TopoJSON; beside the bundle unless given. */
  basemapUrl?: string;
  /**
   * Streets drawn over the default basemap: vector tiles (`…/{z}/{x}/{y}.pbf`, a `streets` layer of lines) from zoom 10,
   * or one PMTiles file of a Protomaps basemap (`….pmtiles`), read with range requests.
   */
  streetsUrl?: string;
  /** The page's language, for street and place names where the tiles have them. */
  lang: string;
  /** MapLibre's worker; beside the bundle unless given. */
  workerUrl?: string;
  colours: MapColours;
  /** The label of the canvas, for screen readers. */
  label: string;
  onSelect(id: string, kind: 'action' | 'chapter'): void;
}

const COUNT = 'archipel-count-';
/** The sources the map adds to any style: the actions' and the chapters'. */
const OWN_SOURCES = ['actions', 'chapters'];
// Relative to this chunk: dist/chunks/ in the build (the build copies both files), src/ in the sources.
const DEFAULT_WORKER = new URL('../vendor/maplibre-gl-worker.mjs', import.meta.url).href;
const DEFAULT_BASEMAP = new URL('../basemap/countries-110m.json', import.meta.url).href;
/**
 * The script MapLibre's worker loads to make many pins from bytes (pins-worker.ts). In the build, a string that
 * rollup.config.js (builtBeside) rewrites to `archipel-map-pins.mjs` relative to this chunk; in the sources, the
 * TypeScript file itself.
 */
const PINS_WORKER = new URL('./pins-worker.ts', import.meta.url).href;

/** Packed pins waiting for MapLibre's worker to ask for them, by the URL their source was given. */
const waitingPins = new Map<string, PackedPins>();
let pinsUrls = 0;
let pinsWorker: Promise<boolean> | undefined;

/**
 * Whether MapLibre's workers can make pins from bytes: true once they have loaded pins-worker.ts and answered. Else
 * (the file missing, or a policy refusing it) many pins are handed as GeoJSON, which holds the page while MapLibre
 * copies them. Asked once for a set of workers: again when MapLibre starts new ones (the last map removed, a worker
 * restarted), or when those asked were stopped before they answered.
 */
function pinsFromBytes(): Promise<boolean> {
  pinsWorker ??= (async () => {
    const dispatcher = getGlobalDispatcher();
    await dispatcher.registerMessageHandler(PINS_PROTOCOL, async (_map: unknown, url: string) => {
      const packed = waitingPins.get(url);
      waitingPins.delete(url);
      return packed ?? null;
    });
    // A file that cannot be loaded rejects here; workers stopped meanwhile reject with an AbortError.
    await importScriptInWorkers(PINS_WORKER).catch((e: Error) => {
      if (e.name === 'AbortError') throw e;
    });
    // A worker without the script answers null: MapLibre's workers answer any message they have no handler for.
    const answers = await dispatcher.broadcast(PINS_PROTOCOL, null);
    dispatcher.once('workerscreate', () => (pinsWorker = undefined));
    return answers.every((answer) => answer === true);
  })().catch(() => ((pinsWorker = undefined), false));
  return pinsWorker;
}

/** How long the map may take to load before its worker file is asked why (MapLibre waits for ever on a worker that did not load). */
const WORKER_PATIENCE = 5000;

/** Why MapLibre's worker file cannot be loaded from this page, if it cannot: missing, or served without CORS. */
async function workerProblem(url: string): Promise<string | undefined> {
  try {
    const res = await fetch(url, { credentials: 'omit' });
    return res.ok ? undefined : `MapLibre's worker ${url} answered ${res.status}: set worker-url to where maplibre-gl-worker.mjs is served.`;
  } catch {
    return `MapLibre's worker ${url} cannot be loaded by this page: its server sends no CORS header (archipel-server --static sends one), or set worker-url to a copy on this site.`;
  }
}

/** Whether this browser can draw WebGL at all. */
export function webglSupported(): boolean {
  try {
    const canvas = document.createElement('canvas');
    return Boolean(canvas.getContext('webgl2') ?? canvas.getContext('webgl'));
  } catch {
    return false;
  }
}

/** An absolute tile URL template: MapLibre needs one, and `new URL()` would escape its braces. */
const tileTemplate = (url: string) => new URL(url, document.baseURI).href.replace(/%7B/g, '{').replace(/%7D/g, '}');

/** Whether a `streets-url` names a PMTiles archive (`….pmtiles`, `pmtiles://…`) rather than a folder of tiles. */
const isPmtiles = (url: string): boolean => url.startsWith('pmtiles://') || /\.pmtiles(?:[?#]|$)/i.test(url);

async function basemapStyle(url: string, c: MapColours, streetsUrl: string | undefined, lang: string): Promise<StyleSpecification> {
  // A PMTiles archive needs its reader, loaded alongside the world map and only then.
  const pmtiles = streetsUrl && isPmtiles(streetsUrl) ? import('./pmtiles-basemap.js') : undefined;
  const topology = (await (await fetch(url)).json()) as Topology<{ countries: GeometryCollection }>;
  const style: StyleSpecification = {
    version: 8,
    sources: { land: { type: 'geojson', data: feature(topology, topology.objects.countries), attribution: 'Natural Earth' } },
    layers: [
      { id: 'water', type: 'background', paint: { 'background-color': c.water } },
      { id: 'land', type: 'fill', source: 'land', paint: { 'fill-color': c.land } },
      { id: 'borders', type: 'line', source: 'land', paint: { 'line-color': c.border, 'line-width': 0.6 } },
    ],
  };
  if (pmtiles && streetsUrl) {
    const { registerPmtiles, pmtilesBasemap } = await pmtiles;
    registerPmtiles(addProtocol);
    const { source, layers } = pmtilesBasemap(streetsUrl, c, lang);
    style.sources.streets = source;
    // Over the land, under the borders: the world map still shows wherever the extract stops.
    style.layers.splice(2, 0, ...layers);
  } else if (streetsUrl) {
    // The campaign's own tiles: the streets under an action, where the world map is a blank plane.
    style.sources.streets = { type: 'vector', tiles: [tileTemplate(streetsUrl)], minzoom: 10, maxzoom: 14 };
    style.layers.push({
      id: 'streets',
      type: 'line',
      source: 'streets',
      'source-layer': 'streets',
      minzoom: 10,
      layout: { 'line-cap': 'round', 'line-join': 'round' },
      paint: {
        'line-color': c.border,
        'line-width': ['interpolate', ['exponential', 1.6], ['zoom'], 10, ['match', ['get', 'class'], 'primary', 1, 0.5], 16, ['match', ['get', 'class'], 'primary', 10, 6]],
      },
    });
  }
  return style;
}

const collection = (features: GeoJSON.Feature[]): GeoJSON.FeatureCollection => ({ type: 'FeatureCollection', features });
const toFeature = (p: Pin): GeoJSON.Feature => ({ type: 'Feature', geometry: { type: 'Point', coordinates: [p.lng, p.lat] }, properties: { id: p.id, priority: p.priority } });

/**
 * One map, from the moment its element asks for it until the element leaves the page: then MapLibre lets go
 * of its WebGL context and worker, and the element makes a new view if it comes back.
 */
export class MapView implements ReactiveController {
  /** Loading until the basemap is drawn; failed when the basemap or MapLibre could not start. */
  status: 'loading' | 'ready' | 'failed' = 'loading';
  /** Why the map failed, in the words of the network or of MapLibre. */
  error = '';
  /** The style's sources' attribution, as text, once ready. */
  attribution = '';
  /** The attribution of the streets drawn over the default basemap (`streetsUrl`), if they carry one. */
  streetsAttribution = '';
  /** The MapLibre map, once created; undefined again once its element has left the page. */
  map?: MapLibre;
  private selected?: string;
  /** Pins sent to the map, counted: pins still being handed when newer ones come are dropped. */
  private pinsSent = 0;
  /**
   * The pins and chapters the map was last given (setPins, amendPins, setChapters): for amendPins to tell what changed,
   * and to hand them again to a style MapLibre rebuilt without them.
   */
  private feed = PinFeed.of([]);
  private chapters: readonly Pin[] = [];
  /** The URL of the packed pins last handed, while MapLibre's worker may still ask for them (`waitingPins`). */
  private pinsUrl = '';
  private started?: Promise<void>;
  /** A style being swapped in (`useStyle`); settles once it or the previous one is drawn. */
  private restyled?: Promise<boolean>;
  private gone = false;
  private settle!: () => void;
  /** Settles when the map is ready, has failed, or is gone. */
  private readonly settled = new Promise<void>((resolve) => (this.settle = resolve));

  constructor(
    private readonly host: MapViewHost,
    private readonly o: MapViewOptions,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.started ??= this.start();
  }

  hostDisconnected(): void {
    this.gone = true;
    waitingPins.delete(this.pinsUrl);
    this.map?.remove();
    this.map = undefined;
    this.settle();
  }

  private async start(): Promise<void> {
    try {
      const workerUrl = this.o.workerUrl || DEFAULT_WORKER;
      setWorkerUrl(workerUrl);
      const style = this.o.styleUrl ?? (await basemapStyle(this.o.basemapUrl || DEFAULT_BASEMAP, this.o.colours, this.o.streetsUrl, this.o.lang));
      if (this.gone) return;
      const map = (this.map = new MapLibre({
        container: this.o.container,
        style,
        center: [2.5, 46.5],
        zoom: 4,
        attributionControl: false,
        dragRotate: false,
        pitchWithRotate: false,
        touchPitch: false,
        fadeDuration: 0,
      }));
      map.touchZoomRotate.disableRotation();
      const canvas = map.getCanvas();
      canvas.setAttribute('aria-label', this.o.label);
      canvas.setAttribute('role', 'img');
      map.setMissingStyleImageResolver((id) => this.drawCount(map, id));
      // Layers go in within the load event itself: MapLibre can fire `idle` in the same frame, before a promise settles.
      await new Promise<void>((resolve, reject) => {
        const ask = setTimeout(() => void workerProblem(workerUrl).then((problem) => problem && reject(new Error(problem))), WORKER_PATIENCE);
        map.once('load', () => (clearTimeout(ask), this.addLayers(map), this.listen(map), resolve()));
      });
      if (this.gone) return;
      this.attribution = attributionOf(map);
      this.streetsAttribution = attributionOf(map, ['streets']);
      this.status = 'ready';
    } catch (e) {
      this.status = 'failed';
      this.error = (e as Error).message;
      // The visitor reads that the list has every action; why the map failed is for the webmaster.
      console.warn(`[archipel] <action-map>: the map could not be drawn: ${this.error}`);
      this.host.emit('archipel-error', { error: e });
    }
    this.settle();
    this.host.requestUpdate();
  }

  /** The map once it can take pins, or undefined when it failed or is gone. */
  private async drawn(): Promise<MapLibre | undefined> {
    await this.settled;
    // Pins wait while a new style loads: it has no source for them yet.
    await this.restyled;
    return this.status === 'ready' ? this.map : undefined;
  }

  /**
   * Replaces the basemap with a remote style (once the visitor asked for it), the pins and chapters drawn again on
   * top. Resolves true once drawn; false, with the previous basemap back, when the style could not be loaded.
   */
  async useStyle(url: string): Promise<boolean> {
    const map = await this.drawn();
    if (!map) return false;
    const previous = map.getStyle();
    // The pins are handed again below: the page holds no copy of a large campaign's.
    for (const id of OWN_SOURCES) (previous.sources[id] as { data: unknown }).data = collection([]);
    const load = (style: string | StyleSpecification) =>
      new Promise<boolean>((resolve) => {
        const failed = () => (map.off('style.load', loaded), resolve(false));
        const loaded = () => (map.off('error', failed), resolve(true));
        map.once('style.load', loaded);
        map.once('error', failed);
        map.setStyle(style, { diff: false });
      });
    this.restyled = (async () => {
      const drawn = await load(url);
      if (drawn) this.addLayers(map);
      // The previous style holds its own layers, and ours.
      else if (!this.gone) await load(previous);
      return drawn;
    })();
    const drawn = await this.restyled;
    void this.handAgain();
    this.attribution = attributionOf(map);
    this.streetsAttribution = drawn ? '' : this.streetsAttribution;
    this.host.requestUpdate();
    return drawn;
  }

  private addLayers(map: MapLibre): void {
    const c = this.o.colours;
    map.addSource('actions', { type: 'geojson', data: collection([]), cluster: true, clusterRadius: 44, clusterMaxZoom: 12, promoteId: 'id' });
    map.addSource('chapters', { type: 'geojson', data: collection([]), promoteId: 'id' });
    map.addLayer({
      id: 'chapter-pins',
      type: 'circle',
      source: 'chapters',
      paint: { 'circle-radius': 6, 'circle-color': '#ffffff', 'circle-stroke-color': c.chapter, 'circle-stroke-width': 3 },
    });
    map.addLayer({
      id: 'clusters',
      type: 'circle',
      source: 'actions',
      filter: ['has', 'point_count'],
      paint: {
        'circle-color': c.brand,
        'circle-opacity': 0.92,
        'circle-stroke-color': '#ffffff',
        'circle-stroke-width': 2,
        'circle-radius': ['step', ['get', 'point_count'], 14, 10, 18, 50, 23, 200, 28],
      },
    });
    map.addLayer({
      id: 'cluster-count',
      type: 'symbol',
      source: 'actions',
      filter: ['has', 'point_count'],
      layout: { 'icon-image': ['concat', COUNT, ['get', 'point_count_abbreviated']], 'icon-allow-overlap': true, 'icon-ignore-placement': true },
    });
    map.addLayer({
      id: 'pins',
      type: 'circle',
      source: 'actions',
      filter: ['!', ['has', 'point_count']],
      paint: {
        'circle-color': ['match', ['get', 'priority'], 1, c.urgent, 2, c.brand, c.other],
        'circle-radius': ['case', ['boolean', ['feature-state', 'selected'], false], 11, 7],
        'circle-stroke-color': ['case', ['boolean', ['feature-state', 'selected'], false], '#111111', '#ffffff'],
        'circle-stroke-width': ['case', ['boolean', ['feature-state', 'selected'], false], 3, 2],
      },
    });
  }

  /** The pointer and clicks over pins: once a map, whatever style it shows. */
  private listen(map: MapLibre): void {
    // A source described by a TileJSON URL (OpenFreeMap's) says its attribution only once that has loaded.
    map.on('sourcedata', (e) => {
      // Not for the map's own sources, which say nothing of attribution: a style's serialisation holds their data,
      // thousands of pins copied (#23).
      if (e.sourceDataType !== 'metadata' || this.status !== 'ready' || OWN_SOURCES.includes(e.sourceId)) return;
      const attribution = attributionOf(map);
      if (attribution !== this.attribution) (this.attribution = attribution), this.host.requestUpdate();
    });
    // A lost WebGL context, or a restarted worker, rebuilds the style from the page's copy, which holds no large
    // campaign's pins.
    map.on('webglcontextrestored', () => {
      // The rebuilt style may still be loading: its sources come with it.
      const again = () => (map.getSource('actions') ? void this.handAgain() : map.once('styledata', again));
      again();
    });
    for (const layer of ['clusters', 'pins', 'chapter-pins']) {
      map.on('mouseenter', layer, () => (map.getCanvas().style.cursor = 'pointer'));
      map.on('mouseleave', layer, () => (map.getCanvas().style.cursor = ''));
    }
    // One click, one target: the topmost thing drawn under the pointer. A click listener per layer would also
    // fire for a chapter ring lying under a cluster, and its page would open instead of the cluster zooming.
    map.on('click', (e) => {
      const [top] = map.queryRenderedFeatures(e.point, { layers: ['cluster-count', 'clusters', 'pins', 'chapter-pins'] });
      const id = top?.properties.id as string | undefined;
      if (top?.properties.cluster_id !== undefined) void this.expand(map, top);
      else if (id) this.o.onSelect(id, top!.layer.id === 'chapter-pins' ? 'chapter' : 'action');
    });
  }

  /** Draws a cluster's count ("12", "1.2k") in the contrast colour, at twice the pixel density. */
  private drawCount(map: MapLibre, id: string): void {
    if (!id.startsWith(COUNT) || map.hasImage(id)) return;
    const text = id.slice(COUNT.length);
    const ratio = 2;
    const canvas = document.createElement('canvas');
    const ctx = canvas.getContext('2d')!;
    const font = `700 ${12 * ratio}px system-ui, sans-serif`;
    ctx.font = font;
    canvas.width = Math.ceil(ctx.measureText(text).width) + 4 * ratio;
    canvas.height = 16 * ratio;
    ctx.font = font;
    ctx.fillStyle = this.o.colours.brandContrast;
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    ctx.fillText(text, canvas.width / 2, canvas.height / 2 + ratio);
    map.addImage(id, ctx.getImageData(0, 0, canvas.width, canvas.height), { pixelRatio: ratio });
  }

  private async expand(map: MapLibre, f: MapGeoJSONFeature | undefined): Promise<void> {
    if (!f) return;
    const source = map.getSource('actions') as GeoJSONSource;
    const zoom = await source.getClusterExpansionZoom(f.properties.cluster_id as number);
    map.easeTo({ center: (f.geometry as GeoJSON.Point).coordinates as [number, number], zoom, duration: reducedMotion() ? 0 : 500 });
  }

  /**
   * Draws the chapters' rings, when they changed; `again` draws them on a style MapLibre rebuilt without them. Chapters
   * are read after the actions (#19), so they often come after the pins.
   */
  async setChapters(chapters: readonly Pin[], again = false): Promise<void> {
    if (!again && (chapters === this.chapters || !(chapters.length || this.chapters.length))) return;
    this.chapters = chapters;
    const map = await this.drawn();
    (map?.getSource('chapters') as GeoJSONSource | undefined)?.setData(collection(chapters.map(toFeature)));
  }

  /**
   * Hands the map its pins; pins still being read (a feed not yet ended) once they are all in, as MapLibre's worker
   * would group every pin it has again at each part. Many pins go as bytes (pins-packed.ts), made into features in
   * MapLibre's worker. `frame` frames the map once every pin is in, before MapLibre has them:
   * its worker then makes tiles for that view only. Once they are handed, the map fires `archipel-pins`
   * (`map.on('archipel-pins', …)`), with the number of pins and whether they went as bytes.
   */
  async setPins(given: readonly Pin[] | PinFeed, frame?: (pins: readonly Pin[]) => Promise<void>): Promise<void> {
    const map = await this.drawn();
    if (!map) return;
    const sent = ++this.pinsSent;
    const stale = () => sent !== this.pinsSent || this.gone;
    const feed = given instanceof PinFeed ? given : PinFeed.of(given);
    const { pins } = feed;
    this.feed = feed;
    // Asked while a large read goes on: on a slow network, loading the script is a round trip.
    const bytes = !feed.ended || pins.length > MANY_PINS ? pinsFromBytes() : undefined;
    await feed.all;
    if (stale()) return;
    await frame?.(pins);
    const many = pins.length > MANY_PINS;
    const packed = many && (await (bytes ?? pinsFromBytes()));
    if (many && !packed) {
      warnOnce('pins-worker', `<action-map>: MapLibre's worker could not load ${PINS_WORKER}, so ${pins.length} pins were copied on the page's thread, holding it. Serve archipel-map-pins.mjs beside archipel.js.`);
    }
    // Pins still waiting for the worker are not asked for any more: MapLibre drops a load that newer data replaces.
    waitingPins.delete(this.pinsUrl);
    const url = (this.pinsUrl = `${PINS_PROTOCOL}://${++pinsUrls}`);
    if (packed) waitingPins.set(url, await packPins(pins));
    const features: GeoJSON.Feature[] = [];
    if (!packed) await eachInSlices(pins, (p) => features.push(toFeature(p)));
    // A style swapped in meanwhile has its own source, handed these pins again (useStyle).
    await this.restyled;
    const source = map.getSource('actions') as GeoJSONSource | undefined;
    if (stale() || !source) return void waitingPins.delete(url);
    await source
      .setData(packed ? url : collection(features))
      .catch(() => undefined)
      .finally(() => waitingPins.delete(url));
    if (this.selected) map.setFeatureState({ source: 'actions', id: this.selected }, { selected: true });
    if (!stale()) map.fire('archipel-pins' as never, { pins: pins.length, packed });
  }

  /** Hands the map its pins and chapters again, to a style MapLibre rebuilt without them (a new style, a lost context). */
  private handAgain(): Promise<void> {
    void this.setChapters(this.chapters, true);
    return this.setPins(this.feed);
  }

  /**
   * Makes the map's pins `pins`, changing only those that differ from the pins it has (setPins): a large read's pins
   * from a first look, once the read ends (#23), usually all right already. Fires `archipel-pins` with the number of
   * pins, and of those `amended`.
   */
  async amendPins(pins: readonly Pin[]): Promise<void> {
    const map = await this.drawn();
    if (!map) return;
    const sent = ++this.pinsSent;
    const stale = () => sent !== this.pinsSent || this.gone;
    const had = new Map<string, Pin>();
    await eachInSlices(this.feed.pins, (p) => had.set(p.id, p));
    // Newer pins handed meanwhile are the map's: these must not replace them.
    if (stale()) return;
    // From now on these are the map's pins, should it need them handed again.
    this.feed = PinFeed.of(pins);
    const add: GeoJSON.Feature[] = [];
    const remove: string[] = [];
    await eachInSlices(pins, (p) => {
      const before = had.get(p.id);
      had.delete(p.id);
      if (before && before.lat === p.lat && before.lng === p.lng && before.priority === p.priority) return;
      if (before) remove.push(p.id);
      add.push(toFeature(p));
    });
    for (const id of had.keys()) remove.push(id);
    await this.restyled;
    if (stale()) return;
    // Many changes: handed again, as any new pins.
    if (add.length > MANY_PINS) return this.setPins(this.feed);
    if (add.length || remove.length) await (map.getSource('actions') as GeoJSONSource | undefined)?.updateData({ remove, add }).catch(() => undefined);
    if (!stale()) map.fire('archipel-pins' as never, { pins: pins.length, amended: add.length + remove.length });
  }

  /** Highlights a pin and, when asked, flies to it. */
  async select(id: string | undefined, at?: { lat: number; lng: number }): Promise<void> {
    const map = await this.drawn();
    if (!map) return;
    if (this.selected) map.setFeatureState({ source: 'actions', id: this.selected }, { selected: false });
    this.selected = id;
    if (!id) return;
    map.setFeatureState({ source: 'actions', id }, { selected: true });
    if (at) {
      const options = { center: [at.lng, at.lat] as [number, number], zoom: Math.max(map.getZoom(), 11) };
      if (reducedMotion()) map.jumpTo(options);
      else map.flyTo({ ...options, duration: 900 });
    }
  }

  /** Frames a set of points (all results, or a chapter's actions). */
  async frame(points: readonly { lat: number; lng: number }[], maxZoom = 11): Promise<void> {
    const map = await this.drawn();
    if (!map || !points.length) return;
    let [w, s, e, n] = [180, 90, -180, -90];
    for (const p of points) [w, s, e, n] = [Math.min(w, p.lng), Math.min(s, p.lat), Math.max(e, p.lng), Math.max(n, p.lat)];
    // Keep pins clear of the zoom buttons and the attribution, at the end of the line (left in a right-to-left page).
    const rtl = getComputedStyle(this.o.container).direction === 'rtl';
    map.fitBounds([w, s, e, n], { padding: { top: 50, right: rtl ? 40 : 70, bottom: 40, left: rtl ? 70 : 40 }, maxZoom, duration: 0 });
  }

  zoom(by: number): void {
    const map = this.map;
    map?.easeTo({ zoom: map.getZoom() + by, duration: reducedMotion() ? 0 : 250 });
  }
}

/** Attribution of the style's sources (or of those named), as text (never as HTML from a third party). */
function attributionOf(map: MapLibre, only?: string[]): string {
  const sources = map.getStyle()?.sources ?? {};
  const parts = Object.entries(sources)
    .filter(([id]) => !only || only.includes(id))
    .map(([id, s]) => (map.getSource(id) as { attribution?: string } | undefined)?.attribution ?? (s as { attribution?: string }).attribution)
    .filter((a): a is string => Boolean(a))
    .map((a) => new DOMParser().parseFromString(a, 'text/html').body.textContent?.trim() ?? '');
  return [...new Set(parts.filter(Boolean))].join(' · ');
}

function reducedMotion(): boolean {
  return matchMedia('(prefers-reduced-motion: reduce)').matches;
}
