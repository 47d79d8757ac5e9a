import type { Document } from './types.ts';

export function serializeDocument(doc: Document): string {
  return `${JSON.stringify(doc, null, 2)}\n`;
}
