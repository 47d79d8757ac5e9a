// Rasterises an exported SVG in the browser: the SVG loads as an image, is drawn on a canvas at the
// requested scale (clamped to what browsers can allocate) and encoded as PNG.

/** Browsers refuse canvases past about 16k pixels a side, and Safari caps the area much lower. */
const MAX_SIDE = 16384;
const MAX_AREA = 16384 * 8192;

/** The SVG's `width` and `height` attributes (the root element's), or undefined. */
export function svgSize(svg: string): { width: number; height: number } | undefined {
  const root = /<svg\b[^>]*>/.exec(svg)?.[0];
  if (root === undefined) return undefined;
  const width = Number(/\swidth="([\d.]+)"/.exec(root)?.[1]);
  const height = Number(/\sheight="([\d.]+)"/.exec(root)?.[1]);
  if (!(width > 0) || !(height > 0)) return undefined;
  return { width, height };
}

/** Pixel size of the PNG: `scale` pixels per unit, lowered when the canvas would be too large. */
export function pngSize(
  width: number,
  height: number,
  scale: number,
): { width: number; height: number; scale: number } {
  let s = Number.isFinite(scale) && scale > 0 ? scale : 1;
  s = Math.min(s, MAX_SIDE / width, MAX_SIDE / height, Math.sqrt(MAX_AREA / (width * height)));
  return { width: Math.max(1, Math.floor(width * s)), height: Math.max(1, Math.floor(height * s)), scale: s };
}

function loadImage(url: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const image = new Image();
    image.onload = () => resolve(image);
    image.onerror = () => reject(new Error('The SVG could not be loaded as an image.'));
    image.src = url;
  });
}

/**
 * Rasterises an SVG string (as `renderNetworkSvg` makes) in the browser, at `scale` device pixels per
 * SVG unit (default 2, lowered for pictures too large for a canvas), on its own white page. Resolves
 * a PNG Blob; rejects when the SVG has no size, does not load, or the canvas cannot be encoded.
 */
export async function svgToPng(svg: string, scale = 2): Promise<Blob> {
  const size = svgSize(svg);
  if (size === undefined) throw new Error('The SVG has no width and height.');
  const px = pngSize(size.width, size.height, scale);
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml;charset=utf-8' }));
  try {
    const image = await loadImage(url);
    const canvas = document.createElement('canvas');
    canvas.width = px.width;
    canvas.height = px.height;
    const ctx = canvas.getContext('2d');
    if (ctx === null) throw new Error('No 2D canvas is available.');
    ctx.drawImage(image, 0, 0, px.width, px.height);
    return await new Promise<Blob>((resolve, reject) => {
      canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('The PNG could not be encoded.'))), 'image/png');
    });
  } finally {
    URL.revokeObjectURL(url);
  }
}
