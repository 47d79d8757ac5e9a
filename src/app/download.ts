// Files the page hands to the browser to save: a Blob behind a temporary link, and the file name a
// document is saved under (shared by Save, the Terraform export and the image exports).
import type { Document } from '../model/index.ts';
import type { DocumentSource } from '../store/index.ts';

/** Saves `blob` as `name` through the browser's download. */
export function downloadBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = window.document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  // Revoked after the click has been handled: the download keeps its own reference.
  window.setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** Saves `text` as `name` with media type `type`. */
export function downloadText(text: string, name: string, type: string): void {
  downloadBlob(new Blob([text], { type }), name);
}

/**
 * The base of the file names for a document: its file or scenario name without `.json`, else its title,
 * lower-cased with anything but letters, digits, dots and dashes turned into dashes.
 */
export function fileSlug(document: Document, source: DocumentSource): string {
  const base = source.kind === 'new' ? (document.meta?.title ?? 'network') : source.name.replace(/\.json$/i, '');
  const slug = base
    .toLowerCase()
    .replace(/[^a-z0-9.-]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug || 'network';
}
