// The canvas as an image file: a standalone SVG built from the document, and a PNG rasterised from it.
export { renderNetworkSvg, type SvgExportOptions } from './render.ts';
export { svgToPng } from './png.ts';
