// The canvas's public surface: the view, the palette, and the pure pieces behind them.
export { CanvasView, type CanvasViewProps, type CanvasTrace } from './CanvasView.tsx';
export {
  traceOverlay,
  traceNodeClasses,
  type TraceOverlay,
  type OverlayStop,
  type OverlayEdge,
} from './trace-overlay.ts';
export { Palette, type PaletteProps } from './Palette.tsx';
export {
  PALETTE_ITEMS,
  PALETTE_MIME,
  decodePaletteDrag,
  encodePaletteDrag,
  type PaletteItem,
} from './palette-items.ts';
export { toFlow, applySelection, selectedResourceIds, type Flow, type ToFlowOptions } from './to-flow.ts';
export { autoLayout, fallbackLayout, type AutoLayoutOptions } from './auto-layout.ts';
export {
  resolveDrop,
  resolveActivation,
  completePending,
  pendingPrompt,
  type DropOutcome,
  type PendingGesture,
  type Point,
} from './drop.ts';
export { moveEntries } from './move.ts';
export { analyzeRouting, type RouteLink, type SubnetRouting } from './routing.ts';
export { bandKey, regionKey, endpointInterfaceKey, INTERNET_ID, DEFAULT_REGION } from './tree.ts';
export type {
  CanvasEdge,
  CanvasEdgeData,
  CanvasEdgeKind,
  CanvasNode,
  CanvasNodeData,
  CanvasNodeKind,
  CanvasNodeType,
  LayoutEntries,
  LayoutEntry,
  SubnetKind,
} from './types.ts';
