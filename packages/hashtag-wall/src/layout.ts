/**
 * Where each card goes, computed rather than left to CSS, so that only the
 * cards near the viewport need to be in the DOM: a wall of 10,000 posts keeps
 * a few dozen articles. Masonry puts each card in the shortest column, in
 * feed order; a grid is the same with every card the same height.
 */
export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface Columns {
  count: number;
  width: number;
}

export function columns(width: number, min: number, gap: number): Columns {
  const count = Math.max(1, Math.floor((width + gap) / (min + gap)));
  return { count, width: Math.max(0, (width - gap * (count - 1)) / count) };
}

/** Boxes for cards of the given heights, in order, and the height of the whole wall. */
export function place(heights: readonly number[], cols: Columns, gap: number): { boxes: Box[]; height: number } {
  const bottoms: number[] = new Array(cols.count).fill(0);
  const boxes = heights.map((h) => {
    let c = 0;
    for (let i = 1; i < cols.count; i++) if (bottoms[i]! < bottoms[c]! - 0.5) c = i;
    const box = { x: c * (cols.width + gap), y: bottoms[c]!, w: cols.width, h };
    bottoms[c] = box.y + h + gap;
    return box;
  });
  return { boxes, height: Math.max(0, Math.max(...bottoms) - gap) };
}

/** Indices of the boxes that meet the band from `top` to `bottom`, in order. */
export function inBand(boxes: readonly Box[], top: number, bottom: number): number[] {
  const out: number[] = [];
  boxes.forEach((b, i) => {
    if (b.y < bottom && b.y + b.h > top) out.push(i);
  });
  return out;
}

/**
 * A first guess at a card's height before it is measured: a header, a 4:3
 * picture, the text at about `charWidth` pixels a character, a link line.
 */
export function estimate(p: { text?: string; image?: string; video?: string; link?: string }, width: number, charWidth = 8.6, line = 24): number {
  const inner = Math.max(80, width - 32);
  const lines = p.text ? Math.min(40, Math.ceil((p.text.length * charWidth) / inner)) : 0;
  return 76 + (p.image || p.video ? (width * 3) / 4 : 0) + lines * line + (p.link ? 30 : 0);
}
