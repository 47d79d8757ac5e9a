// What each export produces, as data (file name, media type, contents): Terraform HCL and the SVG picture
// are pure, so they are built here and tested without a browser; the PNG needs a canvas (use-export.ts).
import type { Diagnostic, Document } from '../../model/index.ts';
import type { DocumentSource } from '../../store/index.ts';
import { exportTerraform } from '../../interop/index.ts';
import { renderNetworkSvg } from '../../ui/index.ts';
import { fileSlug } from '../download.ts';

export interface TextExport {
  name: string;
  type: string;
  text: string;
}

export interface TerraformExport extends TextExport {
  /** What the document holds that Terraform cannot express (shown to the user, never dropped silently). */
  notes: string[];
}

/** The title drawn on the picture: the document's, else the name it was opened under. */
export function exportTitle(document: Document, source: DocumentSource): string {
  return document.meta?.title ?? (source.kind === 'new' ? 'Untitled network' : source.name);
}

/** `<slug>.tf`: the network as Terraform HCL, with the notes of what it leaves out. */
export function buildTerraform(document: Document, source: DocumentSource): TerraformExport {
  const { text, notes } = exportTerraform(document);
  return { name: `${fileSlug(document, source)}.tf`, type: 'text/plain;charset=utf-8', text, notes };
}

/** `<slug>.svg`: the canvas as a standalone picture, with the diagnostics' badges. */
export function buildSvg(document: Document, source: DocumentSource, diagnostics: readonly Diagnostic[]): TextExport {
  const text = renderNetworkSvg(document, { diagnostics, title: exportTitle(document, source) });
  return { name: `${fileSlug(document, source)}.svg`, type: 'image/svg+xml;charset=utf-8', text };
}

/** `<slug>.png`, for the PNG export (rasterised from the SVG). */
export function pngName(document: Document, source: DocumentSource): string {
  return `${fileSlug(document, source)}.png`;
}
