import type { Diagnostic } from './diagnostic.ts';
import type { Topology } from './types.ts';

export function validateTopology(_topology: Topology): Diagnostic[] {
  return [];
}
