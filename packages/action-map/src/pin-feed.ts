/**
 * What the map takes of the actions (#23): a pin each, and pins that arrive while a large source is read. Loaded with
 * the widget; how the map hands them to MapLibre (pins-packed.ts) loads with the map.
 */

/**
 * Past this many pins, work over them all goes a slice at a time and the map takes them as bytes (pins-packed.ts);
 * under it, one pass or one copy is too short to hold the page.
 */
export const MANY_PINS = 5000;

/** What the map draws of an action (or a chapter): a copy of each action would double the heap. */
export interface Pin {
  id: string;
  lat: number;
  lng: number;
  priority: number;
}

/**
 * Pins that arrive while a large source is read (#23), a part at a time, for the map to take once they are all in
 * (map-view.ts `setPins`).
 */
export class PinFeed {
  readonly pins: Pin[] = [];
  /** Every pin is in: the read ended. */
  ended = false;
  private settle!: () => void;
  /** Settles once every pin is in (`end()`). */
  readonly all = new Promise<void>((resolve) => (this.settle = resolve));

  /** A feed of pins already all known. */
  static of(pins: readonly Pin[]): PinFeed {
    const feed = new PinFeed();
    for (const pin of pins) feed.pins.push(pin);
    feed.end();
    return feed;
  }

  end(): void {
    this.ended = true;
    this.settle();
  }
}
