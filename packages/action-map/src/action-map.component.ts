import { html, nothing, type PropertyValues, type ReactiveController } from 'lit';
import { html as staticHtml } from 'lit/static-html.js';
import { property, state } from 'lit/decorators.js';
import { warnOnce, ArchipelElement, CollectionController, formatNumber, formatDateTime, memo, safeUrl, translated, type Action, type Chapter, type ReadResult, actionReader, chapterReader, PlaceIndex, yieldToPage, eachInSlices, nearestChapter, geocode, locate, locateReasonKey, type Place } from '@archipel/core';
import { mapWords, type MapKey } from './strings/action-map.js';
import { styles } from './action-map.styles.js';
import { DEFAULT_FILTERS, applyFilters, applyFiltersInSlices, dedupe, filterInParts, matcher, readHash, writeHash, type FilteredInParts, type Filters, type Hit, type When } from './filters.js';
import { VirtualList } from './action-list.js';
import { renderCard, placeOf, zoneAsPlace, isFull } from './action-card.js';
import type { HostForm, HostFormHost } from './host-form.js';
import type { JoinForm, JoinFormHost } from './join-form.js';
import type { MapView, MapColours, Pin } from './map-view.js';
import { MANY_PINS, PinFeed } from './pin-feed.js';

const TYPES = ['march', 'rally', 'training', 'meeting', 'canvass', 'phonebank', 'workshop', 'cleanup'] as const;
const RADII = [5, 10, 25, 50, 100, 250];
/** sessionStorage key (with the host) for a visitor who asked for a remote street style in this tab. */
const STREETS_ASKED = 'archipel-streets-from';
/** A host name inside a sentence, kept left to right in an Arabic one (Unicode first-strong isolate). */
const isolate = (text: string) => `\u2068${text}\u2069`;
/** The widest a widget shows one pane at a time, list or map, in CSS pixels (the container query of action-map.styles.ts). */
const NARROW = 600;
/** The most actions one read of a view asks for: the reference server's largest page. */
const VIEW_PAGE = 5000;
/** No hits yet: a large campaign's first question is still being answered. */
const NO_HITS: Hit[] = [];


/**
 * @summary Every local action on one map, with a list in step with it: filters, "near me", place search, cards with RSVP.
 * @tag action-map
 *
 * @csspart base - The whole widget.
 * @csspart filters - The search and filter form.
 * @csspart count - The number of results, announced politely.
 * @csspart list - The scrolling list of actions.
 * @csspart row - One action in the list.
 * @csspart map - The map container.
 * @csspart card - The open action's card (a bottom sheet on a narrow widget).
 * @csspart close - The card's × button.
 * @csspart rsvp - The card's "Join this action" link.
 * @csspart attendance - The card's count of people coming, or "Full".
 * @csspart join - The card's "I'm coming" button.
 * @csspart join-form - The card's form to say one is coming.
 * @csspart calendar - The card's "Add to my calendar" button.
 * @csspart host-dialog - The dialog holding the form to host an action.
 * @csspart host-form - The form to host an action.
 * @csspart status - Loading, error, offline and empty messages.
 *
 * @cssprop --archipel-map-height - The height of the list and map panes (default `34rem`).
 * @cssprop --archipel-map-pin-urgent - Urgent actions' pins and marks (default `#c0392b`; the marks in the list are `#ff9486` on a dark page).
 * @cssprop --archipel-map-pin-other - Pins of priority 3; priority 2 uses the brand colour (default `#5b6770`).
 * @cssprop --archipel-map-land - Land on the default basemap (default `#eef1ea`).
 * @cssprop --archipel-map-water - Water on the default basemap, and the map's background while it loads (default `#cfe3ec`).
 * @cssprop --archipel-map-border - Country borders on the default basemap (default `#b9c2b2`).
 * @cssprop --archipel-map-row-selected - The open action's row, and a row under the pointer (default: the global `--archipel-color-selected`, `#eaf4ef`, `#1f3a30` on a dark page).
 * @cssprop --archipel-map-button-background - The search button, the pressed List / Map toggle and the RSVP link (default: the brand colour).
 * @cssprop --archipel-map-button-color - Text on those (default: the brand's contrast colour).
 * @cssprop --archipel-color-brand - The global brand token: clusters, main-campaign pins, buttons (default `#1a7f5a`; inside a `<chapter-hub>`, the chapter's).
 *
 * @fires {CustomEvent<LoadDetail>} archipel-load - Actions, then chapters, were read (the saved copy, then the fresh one); detail `{collection, source, count, skipped, fromCache, offline}`.
 * @fires {CustomEvent<SelectDetail>} archipel-select - An action was opened, from the list or from a pin; detail `{action}`.
 * @fires {CustomEvent<ErrorDetail>} archipel-error - The data or the map could not be loaded; detail `{collection, error}`, or `{error}` for the map.
 */
export class ActionMap extends ArchipelElement<MapKey> {
  static override styles = [...ArchipelElement.styles, styles];
  static override words = [mapWords];

  /** What the map draws: `actions`, or `actions chapters` to add the chapters as rings. */
  @property() layers = 'actions';
  /** The campaign's day of action, `YYYY-MM-DD`, offered as a "When" choice ("Day of action (December 12)"). */
  @property({ attribute: 'day-of-action' }) dayOfAction = '';
  /** A MapLibre style URL (e.g. `https://tiles.openfreemap.org/styles/liberty`). Without it, the shipped Natural Earth basemap and no third-party request. */
  @property({ attribute: 'map-style' }) mapStyle = '';
  /** A Nominatim- or Photon-compatible search URL, asked only for a place the data does not know, after the person searched. */
  @property() geocoder = '';
  /** Where "Host one" leads when nothing is nearby; without it, "Host one" opens the map's own form to propose an action (when the source takes writes). */
  @property({ attribute: 'host-url' }) hostUrl = '';
  /** A chapter's page, `{id}` replaced by its id (`/chapters/{id}`), for chapter rings and "Nearest chapter". Without it, a ring filters the list to its chapter. */
  @property({ attribute: 'chapter-url' }) chapterUrl = '';
  /** Keeps the filters and the open action in the URL hash (`#map-type=march&map-place=Lyon&map-sel=a1234`), so a filtered map can be linked; Back and links update the widget. */
  @property({ type: Boolean, attribute: 'sync-url' }) syncUrl = false;
  /** Only this chapter's actions, by its id; the chapter filter is then hidden. By default the enclosing `<chapter-hub>`'s. */
  @property() chapter = '';
  /** Only actions of this type (`march`, `rally`, `training`, `meeting`, `canvass`, `phonebank`, `workshop`, `cleanup` or the source's own); the type filter is then hidden. */
  @property() type = '';
  /** On a narrow widget (under 600 px), which pane shows: `list` or `map`. Reflected, for styling; another value warns once and shows the list. */
  @property({ reflect: true }) view: 'list' | 'map' = 'list';
  /** Where MapLibre's worker file is served; by default `vendor/maplibre-gl-worker.mjs` beside `archipel.js`. Set it only when you host that file elsewhere. */
  @property({ attribute: 'worker-url' }) workerUrl = '';
  /** The default basemap's TopoJSON; by default `basemap/countries-110m.json` beside `archipel.js`. */
  @property({ attribute: 'basemap-url' }) basemapUrl = '';
  /** Streets of the campaign's region, served beside the widgets and drawn over the default basemap: one PMTiles file of a Protomaps basemap (`/tiles/france.pmtiles`, read by byte range: roads, water, buildings, names in the page's language), or a folder of vector tiles `…/{z}/{x}/{y}.pbf` with a `streets` layer of lines (`npm run street-tiles` makes them), from zoom 10. Ignored with `map-style`. */
  @property({ attribute: 'streets-url' }) streetsUrl = '';
  /** A remote street style (e.g. `https://tiles.openfreemap.org/styles/liberty`, or the campaign's own tile server's), loaded only once the visitor presses "Show streets", which names its host; remembered for the tab's session. Ignored with `map-style`. */
  @property({ attribute: 'streets-style' }) streetsStyle = '';
  /** The offline place index (every French commune and postcode), loaded when someone searches a place the data does not know; by default `gazetteer/fr.json` beside `archipel.js`. */
  @property({ attribute: 'gazetteer-url' }) gazetteerUrl = '';

  /**
   * Past this many actions, a REST source (the reference server) is not downloaded whole: the map reads the
   * actions of its view (`bbox`), this many at most (5,000 at most a read), again as it moves. Default 50,000.
   */
  @property({ attribute: 'view-reads-over', type: Number }) viewReadsOver = 50000;

  @state() private filters: Filters = { ...DEFAULT_FILTERS };
  /** The read whose place suggestions are shown (placesIndexed). */
  @state() private suggestionsFor?: Action[];
  /** The map's view, `west,south,east,north`, once the source has said it is too large to download whole. */
  @state() private viewBox?: string;
  @state() private selectedId?: string;
  /** This browser cannot draw WebGL: the list stands alone. */
  @state() private noWebgl = false;
  /** Words under the place field: locating, or a place nobody knows. */
  @state() private placeMessage = '';
  /** The count the live region says, a moment after the results settle. */
  @state() private announced = '';
  /** The remote street style is what the map shows. */
  @state() private streetsShown = false;
  /** The remote street style was asked for and could not be loaded. */
  @state() private streetsFailed = false;
  /** Whether the form to host an action is open. */
  @state() private hostOpen = false;
  private hostForm?: HostForm;
  private joinForm?: JoinForm;

  private readonly actions = new CollectionController(
    this,
    'actions',
    actionReader,
    () => ({
      ...(this.fixedChapter ? { chapter: this.fixedChapter } : {}),
      largeOver: this.viewReadsOver,
      ...(this.viewBox ? { bbox: this.viewBox, limit: Math.min(VIEW_PAGE, this.viewReadsOver) } : {}),
    }),
    // The actions of the last view stay on screen while those of the new one are read.
    (next) => next.bbox !== undefined,
    {
      onPart: (part, read) => this.readPart(part, read),
      // A first look at a large read is for the map's pins (#23): none in the list of a narrow widget, whose map pane is
      // hidden until asked for (the container query of the styles), where it held the list's first rows back by 0.7 to
      // 1.3 s for 100,000 actions.
      preview: {
        fields: () => (this.offsetWidth > NARROW || this.view === 'map' ? this.previewFields() : undefined),
        onPart: (part, done, read) => this.readPreview(part, done, read),
      },
    },
  );
  /** Whether the actions have had an answer: the chapters are read from then on, whatever the actions' reads after it. */
  private actionsAnswered = false;
  // Asked once the actions are in: on a slow network the two answers share the line, and the list's rows need only the
  // actions (a row names its chapter once the chapters are in). Asked together, the chapters held a slow phone's first
  // row back by about 0.15 s (#19).
  private readonly chapters = new CollectionController(this, 'chapters', chapterReader, () =>
    (this.actionsAnswered ||= Boolean(this.actions.result)) ? {} : undefined,
  );
  private readonly list = new VirtualList<Hit>(this, (h) => h.action.id!);
  private mapView?: MapView;
  private mapPaneWatcher?: IntersectionObserver;
  private announceTimer?: ReturnType<typeof setTimeout>;
  /** The hits whose pins the map shows. */
  private pinnedHits?: Hit[];
  /** The map whose moves this element follows (watchView). */
  private viewWatched?: MapView['map'];
  /** What the map was last framed for: a chapter, a place and radius, a read. */
  private framedFor?: string;
  /** The linked place last looked up beyond the data, so a link is looked up once. */
  private placeAsked?: string;
  /** The question last filtered a slice at a time (hits), its answer once found, and the actions it was asked of. */
  private slicedFor?: readonly unknown[];
  private slicedHits?: Hit[];
  private slicedFrom?: Action[];
  /**
   * A large first read's hits, found as its parts are read (#23), for the question asked then: the list gets them,
   * sorted once (`hits`), when the read ends.
   */
  private streamed?: { read: number; question: readonly unknown[]; found: FilteredInParts; count: number };
  /**
   * A large first read's pins from a first look at its rows (readPreview), for the question asked then: the map groups
   * and draws them while the read goes on, and they are amended (rarely: a row that fails the read) once it ends.
   */
  private early?: { read: number; question: readonly unknown[]; test: (action: Action) => Hit | undefined; seen: Set<string>; feed: PinFeed; view?: MapView; handing?: Promise<void> };
  /** The read whose first look was taken, or refused. */
  private earlyRead?: number;
  /** The place index of a large campaign, built a slice at a time, and what it was built from (until then, empty). */
  private slicedPlaces?: { actions: Action[]; chapters: ReadResult<Chapter> | undefined; index?: PlaceIndex };

  // Derived from the data and the question only: a scroll or a focus re-renders too, and re-filtering
  // 100,000 actions (and re-sending every pin to the map) each time made scrolling crawl.
  private readonly actionsOnce = memo((read: ReadResult<Action> | undefined, merged: boolean) => (read ? (merged ? dedupe(read.items) : read.items) : []));
  // Rebuilt when either list changes: chapters often arrive after actions.
  private readonly placeIndex = memo((actions: Action[], chapters: ReadResult<Chapter> | undefined) => new PlaceIndex(actions, chapters?.items ?? []));
  /**
   * The types of actions there are, for the filter's menu: looked through once a read, not once a render, a slice at a
   * time (a million actions took a quarter of a second in one task, even in one pass). A large campaign's menu grows
   * until it is done, then is drawn again; a small one's is whole at once.
   */
  private readonly typesOf = memo((actions: Action[]) => {
    const types = new Set<string>();
    void eachInSlices(actions, (a) => a.type && types.add(a.type)).then(() => this.requestUpdate());
    return types;
  });
  private readonly placeFound = memo((places: PlaceIndex, text: string) => places.find(text));
  private readonly matching = memo((actions: Action[], filters: Filters, chapter: string, type: string, dayOfAction: string) =>
    applyFilters(actions, { ...filters, chapter: chapter || filters.chapter, type: type || filters.type }, { dayOfAction }),
  );

  /** The filters asked, with the element's own chapter and type. */
  private asked(): Filters {
    return { ...this.filters, chapter: this.fixedChapter || this.filters.chapter, type: this.type || this.filters.type };
  }

  /** What the list answers besides the actions: the filters, the element's chapter and type, the day of action. */
  private question(): readonly unknown[] {
    return [this.filters, this.fixedChapter, this.type, this.dayOfAction];
  }

  /**
   * The MapLibre map once drawn, for advanced use: its layers are `clusters`, `cluster-count`, `pins` and
   * `chapter-pins`, its sources `actions` (clustered) and `chapters`.
   * @type {maplibregl.Map | undefined}
   */
  get map() {
    return this.mapView?.map;
  }

  private get fixedChapter(): string {
    return this.chapter || this.contextChapter?.id || '';
  }

  /** Every action read, each once: a merged source may list one twice. */
  private get allActions(): Action[] {
    return this.actionsOnce(this.actions.result, this.dataAdapter?.kind === 'merged');
  }

  /** Places the data knows (postcodes, cities, chapters), to search and to suggest. */
  private get places(): PlaceIndex {
    const built = this.slicedPlaces;
    if (built?.index && built.actions === this.allActions && built.chapters === this.chapters.result) return built.index;
    return this.placeIndex(this.allActions, this.chapters.result);
  }

  /**
   * Whether the place suggestions can be shown now: at once for a few thousand actions; for more, the place index
   * is built a slice at a time once the list is on screen (#23).
   */
  private placesIndexed(): boolean {
    const actions = this.allActions;
    if (actions.length <= MANY_PINS || this.suggestionsFor === actions) return true;
    const chapters = this.chapters.result;
    if (this.slicedPlaces?.actions !== actions || this.slicedPlaces.chapters !== chapters) {
      const building = { actions, chapters };
      this.slicedPlaces = building;
      void yieldToPage()
        .then(() => PlaceIndex.inSlices(actions, chapters?.items ?? []))
        .then((index) => {
          if (this.slicedPlaces !== building) return;
          this.slicedPlaces = { actions, chapters, index };
          if (this.allActions === actions) this.suggestionsFor = actions;
        });
    }
    return false;
  }

  /**
   * The actions the filters let through, in the list's order. Past a few thousand actions they are found a slice at
   * a time (#23): until then, the hits of the question before stay (none on a first read, with `filtering` set).
   */
  private get hits(): Hit[] {
    const actions = this.allActions;
    if (actions.length <= MANY_PINS) return this.matching(actions, this.filters, this.fixedChapter, this.type, this.dayOfAction);
    const question = [actions, ...this.question()];
    const asked = this.slicedFor;
    if (!asked || question.some((x, i) => x !== asked[i])) {
      this.slicedFor = question;
      const streamed = this.streamedHits(actions, question);
      // Sorted in a task of their own, as filtered ones are: not in the one that received the read's end.
      void (streamed ? yieldToPage().then(streamed) : applyFiltersInSlices(actions, this.asked(), { dayOfAction: this.dayOfAction })).then((hits) => {
        if (this.slicedFor !== question) return;
        this.slicedHits = hits;
        this.requestUpdate();
      });
      if (this.slicedFrom !== actions) this.slicedHits = undefined;
      this.slicedFrom = actions;
    }
    return this.slicedHits ?? NO_HITS;
  }

  /**
   * A large first read's records, a part at a time as they are read: each is tested against the question asked now,
   * so that the list need only sort the hits when the read ends. A read with a saved copy on screen, of merged sources
   * (deduplicated here), or of a place still to be found, is filtered when it ends, as a smaller one is.
   */
  private readPart(part: Action[], read: number): void {
    let s = this.streamed;
    if (s?.read !== read) {
      this.streamed = s = undefined;
      if (!this.answersAsItComes()) return;
      s = this.streamed = { read, question: this.question(), found: filterInParts(this.asked(), { dayOfAction: this.dayOfAction }), count: 0 };
    }
    s.count += part.length;
    s.found.add(part);
  }

  /**
   * What a first look at a read's rows reads of each (readPreview): its pin and dates, and what the filters asked now
   * test (a chapter asked, the element's own or the visitor's, is also asked of the source).
   */
  private previewFields(): string[] {
    const f = this.asked();
    return [
      ...['id', 'lat', 'lng', 'priority', 'start', 'end', 'timezone'],
      ...(f.chapter ? ['chapter'] : []),
      ...(f.type ? ['type'] : []),
      ...(f.format ? ['virtual'] : []),
      ...(f.q ? ['title', 'translations', 'city', 'postcode', 'venue', 'host'] : []),
    ];
  }

  /** Whether a read's answer can be worked out as it comes: a first read, of one source, of no place still unknown. */
  private answersAsItComes(): boolean {
    return !this.actions.result && this.dataAdapter?.kind !== 'merged' && !(this.filters.place && !this.filters.near);
  }

  /**
   * A first look at a large first read's rows (#23): the pins of those that pass the question asked now are gathered
   * as they come, and the map takes them once the look is done, while the rows are read. A row without an id
   * (its id is made when it is read) waits for the read; one whose id came before is left out, as the read leaves it.
   */
  private readPreview(part: Partial<Action>[], done: boolean, read: number): void {
    if (this.earlyRead !== read) {
      this.earlyRead = read;
      this.early = undefined;
      if (!this.answersAsItComes()) return;
      const test = matcher(this.asked(), { dayOfAction: this.dayOfAction });
      this.early = { read, question: this.question(), test, seen: new Set(), feed: new PinFeed() };
    }
    const early = this.early;
    if (early?.read !== read) return;
    const { feed, seen, test } = early;
    for (const a of part) {
      if (!a.id || a.lat === undefined || a.lng === undefined || seen.has(a.id)) continue;
      seen.add(a.id);
      if (test(a as Action)) feed.pins.push({ id: a.id, lat: a.lat, lng: a.lng, priority: a.priority ?? 3 });
    }
    if (done) feed.end();
    if (!early.view) void this.syncMap();
  }

  /**
   * How to get the hits of a read whose parts were filtered as they came (readPart), if it answers this question: they
   * need only be sorted. Else undefined.
   */
  private streamedHits(actions: Action[], question: readonly unknown[]): (() => Promise<Hit[]>) | undefined {
    const s = this.streamed;
    const read = this.actions.result;
    const answers = s && read?.streamed && read.items === actions && s.count === actions.length && s.question.every((x, i) => x === question[i + 1]);
    if (!answers) {
      this.streamed = undefined;
      return undefined;
    }
    return () => s.found.hits();
  }

  /** Whether the hits shown are not yet those of the question asked (a large campaign, filtered a slice at a time). */
  private get filtering(): boolean {
    return this.allActions.length > MANY_PINS && this.hits === NO_HITS;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.syncUrl) {
      this.readUrl();
      addEventListener('hashchange', this.readUrl);
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    removeEventListener('hashchange', this.readUrl);
    this.mapPaneWatcher?.disconnect();
    this.mapPaneWatcher = undefined;
    clearTimeout(this.announceTimer);
    // The view let go of its map as the element left; back in the page, the element watches for the pane again.
    if (this.mapView) this.removeController(this.mapView);
    this.mapView = undefined;
    this.noWebgl = false;
    this.requestUpdate();
  }

  private readUrl = () => {
    const { filters, selected, nearSharer } = readHash(location.hash);
    // A linked place is found once the data can find it (willUpdate).
    this.filters = { ...DEFAULT_FILTERS, ...filters };
    this.selectedId = selected;
    // The sharer's position never travels in a link: say so rather than silently showing everything.
    if (nearSharer) this.placeMessage = this.t('linkNearMe');
  };

  private writeUrl(): void {
    // A map taken out of the page (an update can still arrive) leaves the address alone.
    if (!this.syncUrl || !this.isConnected) return;
    const next = writeHash(location.hash, this.filters, this.selectedId);
    if (next !== location.hash && !(next === '' && !location.hash)) history.replaceState(null, '', `${location.pathname}${location.search}${next}`);
  }

  private chapterById(id: string | undefined): Chapter | undefined {
    return id ? this.chapters.items.find((c) => c.id === id) : undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('view')) this.view = this.checkOption('view', this.view, ['list', 'map'] as const, 'list');
    // A place from a shared link (sync-url) arrives before the data that can find it.
    const linked = this.filters.place && !this.filters.near ? this.placeFound(this.places, this.filters.place) : undefined;
    if (linked) this.filters = { ...this.filters, near: linked, sort: 'distance', radius: this.filters.radius || 50 };
    // A linked town with no action yet is looked up in the place index, once the data has said it does not know it.
    else if (this.filters.place && !this.filters.near && this.actions.result && this.placeAsked !== this.filters.place) {
      this.placeAsked = this.filters.place;
      void this.locatePlace(this.filters.place, false);
    }
    const hits = this.hits;
    if (hits !== this.list.items) {
      this.list.setItems(hits);
      if (hits !== NO_HITS) this.scheduleAnnouncement();
    }
  }

  /** Resolves once the list holds every row: a long list is drawn in two steps (action-list.ts). */
  protected override async getUpdateComplete(): Promise<boolean> {
    await super.getUpdateComplete();
    await this.list.complete;
    return super.getUpdateComplete();
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    this.list.scroller = this.renderRoot.querySelector<HTMLElement>('.list-scroll') ?? undefined;
    this.observeMap();
    void this.syncMap();
    this.writeUrl();
  }

  /** Imports MapLibre only when the map pane is about to be seen. */
  private observeMap(): void {
    const pane = this.renderRoot.querySelector<HTMLElement>('.map');
    if (!pane || this.mapPaneWatcher || this.mapView || this.noWebgl) return;
    this.mapPaneWatcher = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) {
          this.mapPaneWatcher?.disconnect();
          void this.loadMap(pane);
        }
      },
      { rootMargin: '200px' },
    );
    this.mapPaneWatcher.observe(pane);
  }

  private colours(): MapColours {
    const css = getComputedStyle(this);
    const v = (name: string, fallback: string) => css.getPropertyValue(name).trim() || fallback;
    const theme = this.contextTheme;
    return {
      brand: theme?.brand ?? v('--archipel-color-brand', '#1a7f5a'),
      brandContrast: theme?.brandContrast ?? v('--archipel-color-brand-contrast', '#ffffff'),
      urgent: v('--archipel-map-pin-urgent', '#c0392b'),
      other: v('--archipel-map-pin-other', '#5b6770'),
      chapter: theme?.accent ?? v('--archipel-color-accent', '#0b4f6c'),
      land: v('--archipel-map-land', '#eef1ea'),
      water: v('--archipel-map-water', '#cfe3ec'),
      border: v('--archipel-map-border', '#b9c2b2'),
    };
  }

  private async loadMap(container: HTMLElement): Promise<void> {
    const { webglSupported, MapView } = await import('./map-view.js');
    if (!webglSupported()) {
      this.noWebgl = true;
      return;
    }
    // Taken out of the page while the code loaded: the map is made when it is seen again.
    if (!this.isConnected) return;
    this.pinnedHits = undefined;
    this.framedFor = undefined;
    this.streetsShown = !this.mapStyle && this.streetsAsked();
    this.mapView = new MapView(this, {
      container,
      styleUrl: this.mapStyle || (this.streetsAsked() ? this.remoteStreets?.href : undefined),
      basemapUrl: this.basemapUrl,
      streetsUrl: this.streetsUrl || undefined,
      lang: this.locale,
      workerUrl: this.workerUrl,
      colours: this.colours(),
      label: this.t('mapLabel'),
      onSelect: (id, kind) => (kind === 'action' ? this.select(id, 'map') : this.openChapter(id)),
    });
    this.requestUpdate();
  }

  /** The chapters' rings, when the element shows them: the same list until the chapters or the layers change. */
  private readonly rings = memo((chapters: Chapter[], layers: string): Pin[] =>
    layers.split(/\s+/).includes('chapters') ? chapters.flatMap((c) => (c.lat === undefined || c.lng === undefined ? [] : [{ id: c.id, lat: c.lat, lng: c.lng, priority: 0 }])) : [],
  );

  private async syncMap(): Promise<void> {
    const view = this.mapView;
    if (view?.status !== 'ready') return;
    void view.setChapters(this.rings(this.chapters.items, this.layers));
    const hits = this.hits;
    const early = this.early;
    if (early && !this.sameQuestion(early.question)) {
      // Asked something else while the read goes on: its pins were for the question before.
      this.early = undefined;
      if (early.view === view) void view.setPins([]);
    } else if (early && early.view !== view) {
      // A large read's first look: its pins go once it is done (readPreview).
      early.view = view;
      early.handing = view.setPins(early.feed, (pins) => this.frame(view, pins, this.frameKey('first look')));
    }
    if (this.pinnedHits !== hits) {
      // Hits still being found: the map keeps what it has, the first look's pins included.
      if (hits === NO_HITS && this.filtering) return;
      if (this.early && !this.actions.result) return;
      this.pinnedHits = hits;
      // A pin holds only what the map draws and answers with: a copy of each action would double the heap.
      const pins: Pin[] = [];
      const pin = ({ action: a }: Hit) => {
        if (a.lat !== undefined && a.lng !== undefined) pins.push({ id: a.id!, lat: a.lat, lng: a.lng, priority: a.priority ?? 3 });
      };
      // Many pins are gathered a slice at a time, after the task that rendered the list (#23).
      if (hits.length > MANY_PINS) {
        await eachInSlices(hits, pin);
        if (this.pinnedHits !== hits) return;
      } else hits.forEach(pin);
      const looked = this.early;
      this.early = undefined;
      if (looked?.view === view) {
        // The first look's pins are on the map: only those the read tells otherwise change, if any.
        await looked.handing;
        if (this.pinnedHits !== hits) return;
        await view.amendPins(pins);
        // Framed for the first look, the map stays where it is now: the person may already have moved it.
        if (this.framedFor === this.frameKey('first look')) this.framedFor = this.frameKey();
        await this.frame(view, pins, this.frameKey());
      } else await view.setPins(pins, (p) => this.frame(view, p, this.frameKey()));
      this.watchView(view);
    }
    await view.select(this.selectedAction?.id, undefined);
  }

  /** Whether the question asked now (filters, chapter, type, day of action) is `asked`. */
  private sameQuestion(asked: readonly unknown[]): boolean {
    const now = this.question();
    return asked.every((x, i) => x === now[i]);
  }

  /** What the map is framed for: a chapter, a place and radius, and a read (by view, a read of the view does not count). */
  private frameKey(read: string | number = this.viewBox ? 'view' : (this.actions.result?.at ?? 0)): string {
    return `${this.fixedChapter}|${this.filters.place}|${this.filters.radius}|${read}`;
  }

  /** Frames the map for `key` once: around the place searched, the chapter, or every pin. */
  private async frame(view: MapView, pins: readonly Pin[], key: string): Promise<void> {
    if (this.framedFor === key || !pins.length) return;
    this.framedFor = key;
    const chapter = this.chapterById(this.fixedChapter);
    const near = this.filters.near;
    if (near) await view.frame([near, ...pins.slice(0, 50)], 11);
    else if (chapter?.lat !== undefined && chapter.lng !== undefined) await view.frame([{ lat: chapter.lat, lng: chapter.lng }, ...pins], 10);
    else await view.frame(pins, 6);
  }

  /** Once the source says it is too large to download whole, reads the actions of the map's view as it moves. */
  private watchView(view: MapView): void {
    const map = view.map;
    if (!map || this.viewWatched === map) return;
    this.viewWatched = map;
    const follow = () => {
      if (!this.actions.result?.partial && !this.viewBox) return;
      const b = map.getBounds();
      // Rounded outwards to a hundredth of a degree: a nudge of the map asks nothing new.
      const box = [Math.floor(b.getWest() * 100) / 100, Math.floor(b.getSouth() * 100) / 100, Math.ceil(b.getEast() * 100) / 100, Math.ceil(b.getNorth() * 100) / 100]
        .map((x, i) => Math.max(i % 2 ? -90 : -180, Math.min(i % 2 ? 90 : 180, x)))
        .join(',');
      if (box !== this.viewBox) this.viewBox = box;
    };
    map.on('moveend', follow);
    follow();
  }

  private get selectedAction(): Action | undefined {
    return this.selectedId ? this.allActions.find((a) => a.id === this.selectedId) : undefined;
  }

  /** Opens an action: from the list (flies the map) or from a pin (brings its row into view). */
  async select(id: string | undefined, from: 'list' | 'map' | 'url' = 'list'): Promise<void> {
    this.selectedId = id;
    const action = this.selectedAction;
    if (!action) return;
    const index = this.hits.findIndex((h) => h.action.id === id);
    if (index >= 0) {
      this.list.active = index;
      this.list.reveal(index);
    }
    this.emit('archipel-select', { action });
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#card-title')?.focus();
    if (from === 'list' && action.lat !== undefined && action.lng !== undefined) await this.mapView?.select(action.id, { lat: action.lat, lng: action.lng });
  }

  private closeCard = () => {
    const index = this.hits.findIndex((h) => h.action.id === this.selectedId);
    this.selectedId = undefined;
    if (index >= 0) void this.list.focusRow(index);
  };

  private openChapter(id: string): void {
    const url = safeUrl(this.chapterUrl && this.chapterUrl.replace('{id}', encodeURIComponent(id)));
    if (url) location.assign(url);
    else this.setFilters({ chapter: id });
  }

  /** Asks a new question: the card closes and the list starts again from its first row. */
  private setFilters(change: Partial<Filters>): void {
    this.filters = { ...this.filters, ...change };
    this.selectedId = undefined;
    this.list.active = 0;
    this.list.scrollToTop();
  }

  private scheduleAnnouncement(): void {
    clearTimeout(this.announceTimer);
    const count = this.hits.length;
    const radius = this.filters.near && this.filters.radius;
    // Worded when said, not in the render that draws the rows: a first number format costs a slow phone tens of ms.
    this.announceTimer = setTimeout(() => {
      const text = radius ? this.t('resultsNear', { count, radius }) : this.t('results', { count });
      if (this.announced !== text) this.announced = text;
    }, 400);
  }

  private async locatePlace(text: string, ask = true): Promise<void> {
    this.placeMessage = '';
    if (!text.trim()) {
      this.setFilters({ place: '', near: undefined, located: false, sort: 'date' });
      return;
    }
    let place: Place | undefined = this.places.find(text) ?? (await this.gazetteerFind(text));
    if (!place && ask && this.geocoder) place = await geocode(this.geocoder, text, this.locale).catch(() => undefined);
    if (!place) {
      // The previous place's results would answer a question nobody asked: back to every action.
      this.setFilters({ place: '', near: undefined, located: false, sort: 'date' });
      this.placeMessage = this.t('placeUnknown', { place: text });
      return;
    }
    this.setFilters({ place: text, near: place, located: false, sort: 'distance', radius: this.filters.radius || 50 });
  }

  /** The remote street style's URL, when `streets-style` holds one (http or https); a bad one warns once. */
  private get remoteStreets(): URL | undefined {
    if (!this.streetsStyle || this.mapStyle) return undefined;
    try {
      const url = new URL(this.streetsStyle, document.baseURI);
      if (url.protocol === 'https:' || url.protocol === 'http:') return url;
    } catch {
      // Said below, as for any other value that is not a web address.
    }
    warnOnce(`streets-style:${this.streetsStyle}`, `<action-map streets-style="${this.streetsStyle}">: not a web address. Set it to a MapLibre style URL, e.g. https://tiles.openfreemap.org/styles/liberty.`);
    return undefined;
  }

  /** Whether the visitor already asked, in this tab, for streets from the remote style's host. */
  private streetsAsked(): boolean {
    const url = this.remoteStreets;
    try {
      return Boolean(url) && sessionStorage.getItem(`${STREETS_ASKED} ${url!.host}`) === '1';
    } catch {
      return false;
    }
  }

  /** The visitor asked for streets: the remote style replaces the bundled map, and this tab remembers it. */
  private askStreets = async () => {
    const url = this.remoteStreets;
    const view = this.mapView;
    if (!url || !view) return;
    this.streetsFailed = false;
    this.streetsShown = true;
    const drawn = await view.useStyle(url.href);
    try {
      if (drawn) sessionStorage.setItem(`${STREETS_ASKED} ${url.host}`, '1');
    } catch {
      // Storage refused (a sandboxed frame): the visitor asks again on the next page.
    }
    // The map hands its pins to the new style itself (map-view.ts useStyle).
    this.streetsShown = drawn;
    this.streetsFailed = !drawn;
  };

  /** A town or postcode from the offline place index, loaded (code and data) only now that someone searched. */
  private async gazetteerFind(text: string): Promise<Place | undefined> {
    try {
      const { loadGazetteer } = await import('./gazetteer.js');
      return (await loadGazetteer(this.gazetteerUrl || undefined)).find(text);
    } catch (e) {
      warnOnce(
        `gazetteer:${this.gazetteerUrl}`,
        `<action-map>: the place index could not be loaded (${String(e)}), so only places in the data are found. Serve gazetteer/fr.json beside archipel.js, or set gazetteer-url to where it is.`,
      );
      return undefined;
    }
  }

  private nearMe = () => {
    this.placeMessage = this.t('locating');
    locate().then(
      (at) => {
        this.placeMessage = '';
        this.setFilters({ place: this.t('nearMe'), near: { ...at, label: this.t('nearMe') }, located: true, sort: 'distance', radius: this.filters.radius || 50 });
      },
      (problem) => (this.placeMessage = this.t('locateFailed', { reason: this.t(locateReasonKey(problem)) })),
    );
  };

  private onFilter = (e: Event) => {
    const el = e.target as HTMLInputElement | HTMLSelectElement;
    const name = el.name as keyof Filters;
    if (name === 'place') return;
    const value = name === 'radius' ? Number(el.value) : el.value;
    // Dates belong to "between dates" only: leaving it clears them, from the form and from a shared link.
    const dates = name === 'when' && value !== 'range' ? { from: '', to: '' } : {};
    this.setFilters({ [name]: value, ...dates } as Partial<Filters>);
  };

  private onPlace = (e: Event) => {
    e.preventDefault();
    const input = this.renderRoot.querySelector<HTMLInputElement>('input[name=place]');
    void this.locatePlace(input?.value ?? '');
  };

  /** What the parts loaded on demand (the forms) see of the map: its words, its source, its places, nothing more. */
  private partHost(): HostFormHost & JoinFormHost {
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    const map = this;
    return {
      addController: (c: ReactiveController) => map.addController(c),
      removeController: (c: ReactiveController) => map.removeController(c),
      requestUpdate: () => map.requestUpdate(),
      get updateComplete() {
        return map.updateComplete;
      },
      get renderRoot() {
        return map.renderRoot;
      },
      get dataAdapter() {
        return map.dataAdapter;
      },
      get locale() {
        return map.locale;
      },
      localName: map.localName,
      t: (key: string, vars?: Record<string, unknown>) => map.t(key as MapKey, vars),
      addEventListener: map.addEventListener.bind(map),
      removeEventListener: map.removeEventListener.bind(map),
      dispatchEvent: map.dispatchEvent.bind(map),
      findPlace: async (text: string) => map.places.find(text) ?? (await map.gazetteerFind(text)),
      get hostChapters() {
        return map.chapters.items;
      },
      get hostChapter() {
        return map.fixedChapter;
      },
      get hostZone() {
        return map.usualZone();
      },
      hostTypes: TYPES,
      typeLabel: (type: string | undefined) => map.typeLabel(type),
      joinedAction: () => void map.actions.load(true),
    };
  }

  /** Whether the source takes proposed actions and RSVPs: any source that takes writes (the Archipel server, the Apps Script). */
  private get takesHosting(): boolean {
    return Boolean(this.dataAdapter?.writable);
  }

  /** The zone most of the actions are in (a campaign's own), else the visitor's. */
  private usualZone(): string {
    const counts = new Map<string, number>();
    for (const a of this.allActions) counts.set(a.timezone, (counts.get(a.timezone) ?? 0) + 1);
    return [...counts].sort((x, y) => y[1] - x[1])[0]?.[0] ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
  }

  /** Loads the forms' code, words and styles, once, when someone first opens one. */
  private async loadForms(): Promise<void> {
    const [{ HostForm, hostingStyles, hostingWords, sendWords }, { JoinForm }] = await Promise.all([import('./host-form.js'), import('./join-form.js')]);
    await this.learn([hostingWords, sendWords], hostingStyles);
    const host = this.partHost();
    this.hostForm ??= new HostForm(host);
    this.joinForm ??= new JoinForm(host);
  }

  /** Opens the form to propose an action to host: "Host one" when nothing is near, or a chapter hub's "Host an action". */
  async openHostForm(): Promise<void> {
    await this.loadForms();
    this.hostOpen = true;
    await this.updateComplete;
    const dialog = this.renderRoot.querySelector<HTMLDialogElement>('dialog.host');
    if (dialog && !dialog.open) dialog.showModal();
  }

  private closeHostForm = () => {
    this.renderRoot.querySelector<HTMLDialogElement>('dialog.host')?.close();
    this.hostOpen = false;
  };

  private async openJoin(id: string): Promise<void> {
    await this.loadForms();
    this.joinForm!.open(id);
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLInputElement>('#join-name')?.focus();
  }

  private async addToCalendar(a: Action): Promise<void> {
    const { saveCalendar } = await import('./calendar-file.js');
    saveCalendar(a as Action & { id: string });
  }

  /** "I'm coming", its form, or what was said once sent: when the source takes RSVPs and the action has room. */
  private renderJoin(a: Action) {
    if (!this.takesHosting || !a.id || (isFull(a) && !this.joinForm?.joined.has(a.id))) return undefined;
    const form = this.joinForm;
    if (form && (form.openFor === a.id || form.joined.has(a.id))) return form.render(a);
    return html`<button type="button" class="join" part="join" @click=${() => this.openJoin(a.id!)}>${this.t('join')}</button>`;
  }

  private renderHostDialog() {
    if (!this.hostForm) return nothing;
    return html`<dialog class="host" part="host-dialog" aria-labelledby="host-heading" @close=${() => (this.hostOpen = false)}>
      ${staticHtml`<${this.heading(1)} id="host-heading">${this.t('hostHeading' as MapKey)}</${this.heading(1)}>`}
      ${this.hostOpen ? this.hostForm.render(this.closeHostForm) : nothing}
    </dialog>`;
  }

  private typeLabel(type: string | undefined): string | undefined {
    if (!type) return undefined;
    return (TYPES as readonly string[]).includes(type) ? this.t(type as MapKey) : type;
  }

  private dateLabel(): string {
    return this.dayLabel(this.dayOfAction, this.locale);
  }

  // Rendered with the filters each time: building a date format each render cost a slow phone 20 ms.
  private readonly dayLabel = memo((day: string, locale: string) =>
    day ? new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', timeZone: 'UTC' }).format(new Date(`${day}T12:00:00Z`)) : '',
  );

  private renderFilters() {
    const f = this.filters;
    const types = [...this.typesOf(this.allActions)].sort();
    const option = (value: string, label: string, current: string) => html`<option value=${value} ?selected=${current === value}>${label}</option>`;
    const whens: [When, string][] = [
      ['upcoming', this.t('upcoming')],
      ['week', this.t('thisWeek')],
      ['month', this.t('thisMonth')],
      ...(this.dayOfAction ? ([['day', this.t('dayOfAction', { date: this.dateLabel() })]] as [When, string][]) : []),
      ['range', this.t('dates')],
      ['all', this.t('allDates')],
    ];
    return html`<form part="filters" class="filters" role="search" @submit=${this.onPlace} @change=${this.onFilter}>
      <div class="field grow">
        <label for="q">${this.t('search')}</label>
        <input id="q" name="q" type="search" .value=${f.q} placeholder=${this.t('searchHint')} autocomplete="off" @input=${this.onFilter} />
      </div>
      <div class="field place">
        <label for="place">${this.t('place')}</label>
        <div class="inline">
          <input id="place" name="place" type="search" .value=${f.place} placeholder=${this.t('placeHint')} list="places" autocomplete="postal-code" enterkeyhint="search" />
          <button type="submit">${this.t('search')}</button>
          <button type="button" @click=${this.nearMe}>${this.t('nearMe')}</button>
        </div>
        <datalist id="places">${this.placesIndexed() ? this.places.suggestions().map((p) => html`<option value=${p}></option>`) : nothing}</datalist>
      </div>
      ${f.near
        ? html`<div class="field">
            <label for="radius">${this.t('radius')}</label>
            <select id="radius" name="radius">
              ${option('0', this.t('anyDistance'), String(f.radius))} ${RADII.map((r) => option(String(r), this.t('km', { n: r }), String(f.radius)))}
            </select>
          </div>`
        : nothing}
      <div class="field">
        <label for="when">${this.t('when')}</label>
        <select id="when" name="when">${whens.map(([v, l]) => option(v, l, f.when))}</select>
      </div>
      ${f.when === 'range'
        ? html`<div class="field"><label for="from">${this.t('from')}</label><input id="from" name="from" type="date" .value=${f.from} /></div>
            <div class="field"><label for="to">${this.t('to')}</label><input id="to" name="to" type="date" .value=${f.to} /></div>`
        : nothing}
      <details class="more" ?open=${Boolean(f.type || f.format || f.priority || f.chapter)}>
        <summary>${this.t('moreFilters')}</summary>
        <div class="more-fields">
          ${this.type
            ? nothing
            : html`<div class="field">
                <label for="type">${this.t('type')}</label>
                <select id="type" name="type">${option('', this.t('anyType'), f.type)} ${types.map((t) => option(t, this.typeLabel(t)!, f.type))}</select>
              </div>`}
          <div class="field">
            <label for="format">${this.t('format')}</label>
            <select id="format" name="format">
              ${option('', this.t('anyFormat'), f.format)} ${option('in-person', this.t('inPerson'), f.format)} ${option('online', this.t('online'), f.format)}
            </select>
          </div>
          <div class="field">
            <label for="priority">${this.t('priority')}</label>
            <select id="priority" name="priority">
              ${option('', this.t('anyPriority'), f.priority)} ${['1', '2', '3'].map((p) => option(p, this.t(`priority${p}` as MapKey), f.priority))}
            </select>
          </div>
          ${this.fixedChapter
            ? nothing
            : html`<div class="field">
                <label for="chapter">${this.t('chapter')}</label>
                <select id="chapter" name="chapter">
                  ${option('', this.t('anyChapter'), f.chapter)}
                  ${[...this.chapters.items].sort((a, b) => a.name.localeCompare(b.name)).map((c) => option(c.id, c.name, f.chapter))}
                </select>
              </div>`}
          ${f.near
            ? html`<div class="field">
                <label for="sort">${this.t('sort')}</label>
                <select id="sort" name="sort">${option('distance', this.t('byDistance'), f.sort)} ${option('date', this.t('byDate'), f.sort)}</select>
              </div>`
            : nothing}
          <button type="button" class="reset" @click=${() => ((this.filters = { ...DEFAULT_FILTERS }), (this.placeMessage = ''))}>${this.t('reset')}</button>
        </div>
      </details>
      ${this.placeMessage ? html`<p class="place-message" role="status">${this.placeMessage}</p>` : nothing}
    </form>`;
  }

  private renderRow = (hit: Hit, index: number, tabbable: boolean) => {
    const a = hit.action;
    const selected = a.id === this.selectedId;
    const chapter = this.chapterById(a.chapter);
    const day = formatDateTime(a.start, this.locale, a.timezone, { year: undefined, ...zoneAsPlace(a.timezone) });
    const title = translated(a, 'title', this.locale);
    return html`<button
      type="button"
      part="row"
      class="row-button ${selected ? 'selected' : ''}"
      data-index=${index}
      tabindex=${tabbable ? 0 : -1}
      aria-current=${selected ? 'true' : 'false'}
      @click=${() => void this.select(a.id, 'list')}
      @focus=${() => (this.list.active = index)}
    >
      <span class="row-title"
        >${a.priority === 1 ? html`<span class="urgent"><span aria-hidden="true">●</span><span class="visually-hidden">${this.t('priority1')}:</span></span> ` : nothing}<span
          dir="auto"
          lang=${title.lang ?? nothing}
          >${title.text}</span
        ></span
      >
      <span class="row-meta">${day} · ${a.virtual ? this.t('onlineAction') : a.city ?? placeOf(a)}</span>
      <span class="row-meta">${[hit.km !== undefined ? this.t('distance', { distance: this.kilometres(hit.km) }) : '', this.typeLabel(a.type), chapter?.name].filter(Boolean).join(' · ')}</span>
    </button>`;
  };

  /** "93 km", "93 كم", "km 93": a distance as the visitor's language writes it. */
  private kilometres(km: number): string {
    return formatNumber(Math.round(km), this.locale, { style: 'unit', unit: 'kilometer' });
  }

  private renderEmpty() {
    const f = this.filters;
    if (!this.actions.result || this.hits.length || !this.allActions.length || this.filtering) return nothing;
    const near = f.near && nearestChapter(this.chapters.items, f.near);
    const nearest = near && this.t('nearestChapter', { name: near.chapter.name, distance: this.kilometres(near.km) });
    const chapterLink = near && this.chapterUrl ? safeUrl(this.chapterUrl.replace('{id}', encodeURIComponent(near.chapter.id))) : undefined;
    const hostLink = safeUrl(this.hostUrl);
    return html`<div class="empty" part="status" role="status">
      <p>${f.near && f.radius ? (f.located ? this.t('noneNearYou', { radius: f.radius }) : this.t('noneNearby', { radius: f.radius, place: f.place })) : this.t('noneMatch')}</p>
      ${hostLink
        ? html`<p><a href=${hostLink}>${this.t('hostOne')}</a></p>`
        : this.takesHosting
          ? html`<p><button type="button" class="host-one" @click=${() => this.openHostForm()}>${this.t('hostOne')}</button></p>`
          : nothing}
      ${near
        ? html`<p>
            ${chapterLink ? html`<a href=${chapterLink}>${nearest}</a>` : nearest}
          </p>`
        : nothing}
    </div>`;
  }

  /** A source too large to download whole: how many of its actions are shown, and how to see the others. */
  private renderSomeShown() {
    const r = this.actions.result;
    if (!r?.total || r.total <= r.items.length) return nothing;
    return html`<p class="notice some-shown" part="status" role="status">
      ${this.t('someShown', { shown: formatNumber(r.items.length, this.locale), total: formatNumber(r.total, this.locale) })}
    </p>`;
  }

  private renderMapPane() {
    const view = this.mapView;
    const status = this.noWebgl ? 'unsupported' : view?.status;
    const message =
      status === 'unsupported' ? this.t('noWebgl') : status === 'failed' ? this.t('mapFailed') : status === 'loading' ? this.t('mapLoading') : '';
    return html`<section class="map-pane" aria-label=${this.t('showMap')}>
      <div class="map" part="map"></div>
      ${message ? html`<p class="map-message notice" role="status">${message}</p>` : nothing}
      ${status === 'ready'
        ? html`<div class="zoom">
              <button type="button" @click=${() => view!.zoom(1)} aria-label=${this.t('zoomIn')}>+</button>
              <button type="button" @click=${() => view!.zoom(-1)} aria-label=${this.t('zoomOut')}>−</button>
            </div>
            ${this.remoteStreets && !this.streetsShown
              ? html`<button type="button" class="streets-ask" @click=${this.askStreets}>${this.t('showStreets', { host: isolate(this.remoteStreets.host) })}</button>`
              : nothing}
            ${this.streetsFailed ? html`<p class="map-message notice" role="status">${this.t('streetsFailed', { host: isolate(this.remoteStreets?.host ?? '') })}</p>` : nothing}
            <p class="attribution">${this.mapStyle || this.streetsShown ? view!.attribution : [this.t('attribution'), view!.streetsAttribution].filter(Boolean).join(' · ')}</p>`
        : nothing}
    </section>`;
  }

  override render() {
    const selected = this.selectedAction;
    const hit = selected && this.hits.find((h) => h.action.id === selected.id);
    return html`<div part="base" class="base" data-view=${this.view}>
      ${staticHtml`<${this.heading()} class="visually-hidden">${this.t('heading')}</${this.heading()}>`}
      ${this.renderFilters()}
      <div class="bar">
        <p class="count" part="count" role="status" aria-live="polite">${this.actions.result ? this.announced : ''}</p>
        <div class="toggle" role="group" aria-label=${this.t('views')}>
          <button type="button" aria-pressed=${this.view === 'list'} @click=${() => (this.view = 'list')}>${this.t('showList')}</button>
          <button type="button" aria-pressed=${this.view === 'map'} @click=${() => (this.view = 'map')}>${this.t('showMap')}</button>
        </div>
      </div>
      ${this.renderStatus(this.actions)} ${this.renderSomeShown()}
      <div class="panes">
        <section class="list-pane" aria-label=${this.t('list')}>${this.renderEmpty()} ${this.list.render(this.renderRow, this.t('list'))}</section>
        ${this.renderMapPane()}
        ${selected
          ? renderCard(
              selected,
              {
                t: (k, v) => this.t(k as MapKey, v),
                locale: this.locale,
                chapterName: this.chapterById(selected.chapter)?.name,
                distance: hit?.km === undefined ? undefined : this.kilometres(hit.km),
                typeLabel: this.typeLabel(selected.type),
                heading: this.heading(1),
                join: this.renderJoin(selected),
                addToCalendar: selected.id ? () => void this.addToCalendar(selected) : undefined,
              },
              this.closeCard,
            )
          : nothing}
      </div>
      ${this.renderHostDialog()}
    </div>`;
  }
}

