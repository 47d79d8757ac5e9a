// svgToPng without a browser: the size it reads from the SVG, the clamp on huge pictures, and the
// Image + canvas steps with the browser's objects stubbed (the e2e test downloads a real PNG).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { pngSize, svgSize } from '../../../../src/ui/export/png.ts';
import { renderNetworkSvg, svgToPng } from '../../../../src/ui/export/index.ts';
import { scenario } from '../canvas/helpers.ts';

describe('svgSize and pngSize', () => {
  it("reads the root element's width and height", () => {
    expect(svgSize('<?xml version="1.0"?><svg xmlns="x" width="120" height="80.5"><rect width="9"/></svg>')).toEqual({
      width: 120,
      height: 80.5,
    });
    expect(svgSize('<svg viewBox="0 0 1 1"></svg>')).toBeUndefined();
    expect(svgSize('not svg')).toBeUndefined();
  });

  it('scales, and falls back to 1 for a scale that is not a positive number', () => {
    expect(pngSize(100, 50, 2)).toEqual({ width: 200, height: 100, scale: 2 });
    expect(pngSize(100, 50, NaN).width).toBe(100);
    expect(pngSize(100, 50, -3).width).toBe(100);
  });

  it('lowers the scale of pictures too large for a canvas', () => {
    const long = pngSize(20000, 100, 2);
    expect(long.width).toBeLessThanOrEqual(16384);
    const big = pngSize(12000, 12000, 2);
    expect(big.width * big.height).toBeLessThanOrEqual(16384 * 8192);
    expect(big.scale).toBeLessThan(1);
  });
});

/** Stubs Image, document.createElement('canvas') and object URLs; `load` decides the image's fate. */
function stubBrowser(load: 'ok' | 'error', blob: 'ok' | 'null' = 'ok') {
  const drawn: unknown[][] = [];
  const canvas = {
    width: 0,
    height: 0,
    getContext: (kind: string) => (kind === '2d' ? { drawImage: (...args: unknown[]) => drawn.push(args) } : null),
    toBlob: (done: (b: Blob | null) => void, type: string) =>
      done(blob === 'ok' ? new Blob([new Uint8Array([0x89, 0x50, 0x4e, 0x47])], { type }) : null),
  };
  class FakeImage {
    onload: (() => void) | null = null;
    onerror: (() => void) | null = null;
    src = '';
    constructor() {
      queueMicrotask(() => (load === 'ok' ? this.onload?.() : this.onerror?.()));
    }
  }
  vi.stubGlobal('Image', FakeImage);
  vi.stubGlobal('document', { createElement: (tag: string) => (tag === 'canvas' ? canvas : undefined) });
  const blobs: Blob[] = [];
  const create = vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => {
    blobs.push(b as Blob);
    return 'blob:vpcsim-test';
  });
  const revoke = vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
  return { canvas, drawn, blobs, create, revoke };
}

describe('svgToPng (browser objects stubbed)', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });

  const svg = renderNetworkSvg(scenario('public-subnet-web-server'));
  const size = svgSize(svg) ?? { width: 0, height: 0 };

  it('draws the SVG on a canvas at the scale and resolves a PNG blob', async () => {
    const b = stubBrowser('ok');
    const png = await svgToPng(svg, 2);
    expect(png.type).toBe('image/png');
    expect(b.canvas.width).toBe(Math.floor(size.width * 2));
    expect(b.canvas.height).toBe(Math.floor(size.height * 2));
    expect(b.drawn[0]?.slice(1)).toEqual([0, 0, b.canvas.width, b.canvas.height]);
    expect(b.blobs[0]?.type).toBe('image/svg+xml;charset=utf-8');
    expect(await b.blobs[0]?.text()).toBe(svg);
    expect(b.revoke).toHaveBeenCalledWith('blob:vpcsim-test');
  });

  it('rejects when the image does not load, and still releases the URL', async () => {
    const b = stubBrowser('error');
    await expect(svgToPng(svg)).rejects.toThrow();
    expect(b.revoke).toHaveBeenCalledWith('blob:vpcsim-test');
  });

  it('rejects when the canvas cannot encode', async () => {
    stubBrowser('ok', 'null');
    await expect(svgToPng(svg)).rejects.toThrow();
  });

  it('rejects an SVG without a size before touching the browser', async () => {
    const b = stubBrowser('ok');
    await expect(svgToPng('<svg xmlns="http://www.w3.org/2000/svg"/>')).rejects.toThrow();
    expect(b.create).not.toHaveBeenCalled();
  });
});
