/**
 * The editor's preview is the public hub itself, as the playground (demo/chapter-hub-playground.html) shows it:
 * a real `<chapter-hub>` reading the chapter from the server, with the colours and logo being tried set as its
 * attributes, so what the lead sees is what the hub will show, contrast rules included. Its code is asked of the
 * page's loader when there is one (the same file as the page's own hubs), else imported.
 */
interface Loader {
  load(tag: string): Promise<unknown>;
  tags(): string[];
}

let asked: Promise<unknown> | undefined;

/** Resolves once `<chapter-hub>` is defined. */
export function defineHubPreview(): Promise<unknown> {
  if (customElements.get('chapter-hub')) return Promise.resolve();
  const loader = (globalThis as Record<symbol, unknown>)[Symbol.for('archipel.loader')] as Loader | undefined;
  asked ??= (loader?.tags().includes('chapter-hub') ? loader.load('chapter-hub') : import('@archipel/chapter-hub')).catch((e: unknown) => {
    asked = undefined;
    console.error('[archipel] <archipel-console> could not load <chapter-hub> for the preview:', e);
  });
  return asked;
}

/** A picture file made at most `max` pixels a side, as a PNG: what the server takes as a logo. */
export async function logoPng(file: Blob, max = 512): Promise<Blob> {
  const url = URL.createObjectURL(file);
  try {
    const img = new Image();
    img.src = url;
    await img.decode();
    const w = img.naturalWidth || max;
    const h = img.naturalHeight || max;
    const scale = Math.min(1, max / Math.max(w, h));
    const canvas = Object.assign(document.createElement('canvas'), { width: Math.max(1, Math.round(w * scale)), height: Math.max(1, Math.round(h * scale)) });
    canvas.getContext('2d')!.drawImage(img, 0, 0, canvas.width, canvas.height);
    const png = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
    if (!png) throw new Error('the picture could not be turned into a PNG');
    return png;
  } finally {
    URL.revokeObjectURL(url);
  }
}
