import type { Diagnostic } from './diagnostic.ts';
import type { Document } from './types.ts';

export interface ParseResult {
  document?: Document;
  diagnostics: Diagnostic[];
}

export function parseDocument(_input: unknown): ParseResult {
  return { diagnostics: [] };
}
