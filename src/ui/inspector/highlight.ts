// The rule or route a clicked trace row points at: the inspector marks that row and scrolls it into
// view. Passed by context so the forms in between need not know about it.
import { createContext } from 'react';
import type { RuleHighlight } from '../trace/panel-model.ts';

export const RuleHighlightContext = createContext<RuleHighlight | undefined>(undefined);

/** Scrolls a highlighted row into view when it mounts (a callback ref). */
export function scrollIntoViewRef(element: HTMLElement | null): void {
  element?.scrollIntoView({ block: 'nearest' });
}
