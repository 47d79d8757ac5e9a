// The network canvas: the document drawn as nested boxes (React Flow), reporting selection, moves,
// resizes, palette drops and deletions through callbacks. The drag itself stays in React Flow's own
// node state; the document hears about it once, when the drag stops.
import '@xyflow/react/dist/style.css';
import './canvas.css';
import {
  Background,
  ConnectionMode,
  Controls,
  MiniMap,
  Panel,
  ReactFlow,
  ReactFlowProvider,
  applyNodeChanges,
  useReactFlow,
  useStore,
  type NodeChange,
} from '@xyflow/react';
import { useCallback, useEffect, useMemo, useRef, useState, type DragEvent, type KeyboardEvent } from 'react';
import type { CreateRequest, Diagnostic, Document } from '../../model/index.ts';
import { completePending, pendingPrompt, resolveDrop, type DropOutcome, type PendingGesture } from './drop.ts';
import { moveEntries } from './move.ts';
import { EDGE_TYPES, NODE_TYPES } from './node-types.ts';
import { PALETTE_MIME, decodePaletteDrag } from './palette-items.ts';
import { applySelection, selectedResourceIds, toFlow } from './to-flow.ts';
import { TraceLayer } from './TraceLayer.tsx';
import { traceNodeClasses, type TraceOverlay } from './trace-overlay.ts';
import type { CanvasEdge, CanvasNode, LayoutEntries } from './types.ts';
import { ArrowMarker } from './ArrowMarker.tsx';

/** A trace shown on the canvas: its path, and the player's current stop (an index into `overlay.stops`). */
export interface CanvasTrace {
  overlay: TraceOverlay;
  current?: number | undefined;
}

export interface CanvasViewProps {
  document: Document;
  diagnostics: readonly Diagnostic[];
  /** Resource ids (and layout keys of derived containers) currently selected. */
  selection: readonly string[];
  onSelectionChange: (ids: string[]) => void;
  /** Layout entries after a drag or a resize (relative to the parent; format.md 4). */
  onMove: (entries: LayoutEntries) => void;
  onCreate: (request: CreateRequest) => void;
  /** The Delete key: the selected resources (derived containers left out). */
  onDelete: (ids: string[]) => void;
  /** A drop or a click the canvas cannot turn into a request, with a short reason. */
  onRefuse: (reason: string) => void;
  /** Changing it fits the view to the whole network. */
  fitViewToken?: number;
  /** Changing `token` centres the view on the node of resource `id` (a diagnostic row was clicked). */
  reveal?: { id: string; token: number } | undefined;
  /** A trace to draw: nodes on the request and reply paths highlighted, the rest dimmed. */
  trace?: CanvasTrace | undefined;
  /** A shared network being viewed: nodes do not drag (the store refuses every change anyway). */
  readOnly?: boolean | undefined;
  className?: string;
}

/**
 * Above this many nodes the minimap is left out: it re-renders its whole node list on every frame of a
 * pan, which costs more than it helps on a large network (measured with npm run bench:ui).
 */
const MINIMAP_MAX_NODES = 400;

const DERIVED_KINDS = new Set(['region', 'azBand', 'internet']);

function sameIds(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  const set = new Set(a);
  return b.every((id) => set.has(id));
}

function isEditable(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

function sameEntry(a: LayoutEntries[string] | undefined, b: LayoutEntries[string]): boolean {
  return (
    a !== undefined &&
    a.x === b.x &&
    a.y === b.y &&
    (b.width === undefined || a.width === b.width) &&
    (b.height === undefined || a.height === b.height)
  );
}

/** Marker definitions for the edges' arrowheads (one hidden SVG, referenced by id). */
function EdgeMarkers() {
  return (
    <svg className="vpcsim-defs" aria-hidden="true" focusable="false">
      <defs>
        <ArrowMarker id="vpcsim-arrow" size={7} className="vpcsim-arrow" />
        <ArrowMarker id="vpcsim-arrow-blackhole" size={7} className="vpcsim-arrow vpcsim-arrow--blackhole" />
      </defs>
    </svg>
  );
}

/**
 * Adds the trace's classes to the nodes it touches; the others are returned as they are (same object),
 * so a step of the player re-renders only the nodes whose class changes.
 */
function withTraceClasses(nodes: CanvasNode[], classes: ReadonlyMap<string, string> | undefined): CanvasNode[] {
  if (classes === undefined || classes.size === 0) return nodes;
  return nodes.map((n) => {
    const extra = classes.get(n.id);
    return extra === undefined ? n : { ...n, className: `${n.className ?? ''} ${extra}` };
  });
}

function CanvasInner(props: CanvasViewProps) {
  const { document, diagnostics, selection, onSelectionChange, onMove, onCreate, onDelete, onRefuse } = props;
  const { fitViewToken, reveal, className, trace } = props;
  const flow = useMemo(() => toFlow(document, { diagnostics, selection: [] }), [document, diagnostics]);
  const overlay = trace?.overlay;
  const current = trace?.current;
  const traceClasses = useMemo(
    () => (overlay === undefined ? undefined : traceNodeClasses(overlay, current)),
    [overlay, current],
  );
  const derived = useMemo(
    () => withTraceClasses(applySelection(flow.nodes, selection), traceClasses),
    [flow, selection, traceClasses],
  );

  // React Flow's node state: reset whenever the document, diagnostics or selection change, and moved
  // by React Flow itself during a drag (the hot path never touches the document). A reset waits for
  // the end of a drag or a resize, so a re-render of the app in the middle of one cannot cut it short.
  const [nodes, setNodes] = useState<CanvasNode[]>(derived);
  const [shown, setShown] = useState(derived);
  const [gesture, setGesture] = useState<'drag' | 'resize' | undefined>(undefined);
  if (shown !== derived && gesture === undefined) {
    setShown(derived);
    setNodes(derived);
  }
  // The latest nodes for event handlers that run before the next render.
  const latest = useRef(nodes);
  useEffect(() => {
    latest.current = nodes;
  }, [nodes]);

  const [pending, setPending] = useState<PendingGesture | undefined>(undefined);
  const wrapper = useRef<HTMLDivElement>(null);
  const { screenToFlowPosition, fitView } = useReactFlow<CanvasNode, CanvasEdge>();
  // Level of detail: far out, text is a few pixels high and only costs painting time on every frame
  // of a pan, so the canvas drops it (titles last). Selecting a coarse value re-renders only on a change.
  const detail = useStore((s) => (s.transform[2] < 0.2 ? 'far' : s.transform[2] < 0.4 ? 'mid' : 'full'));

  useEffect(() => {
    if (fitViewToken !== undefined) void fitView({ padding: 0.1, duration: 200 });
  }, [fitViewToken, fitView]);
  const revealToken = reveal?.token;
  const revealId = reveal?.id;
  useEffect(() => {
    if (revealToken === undefined || revealId === undefined) return;
    const node = latest.current.find((n) => n.id === revealId || n.data.resourceId === revealId);
    if (node) void fitView({ nodes: [{ id: node.id }], padding: 0.6, maxZoom: 1.2, duration: 200 });
  }, [revealToken, revealId, fitView]);

  const report = useCallback(
    (outcome: DropOutcome) => {
      switch (outcome.type) {
        case 'create':
          setPending(undefined);
          onCreate(outcome.request);
          return;
        case 'refuse':
          onRefuse(outcome.reason);
          return;
        case 'pending':
          setPending(outcome.pending);
          return;
      }
    },
    [onCreate, onRefuse],
  );

  const onNodesChange = useCallback(
    (changes: NodeChange<CanvasNode>[]) => {
      const next = applyNodeChanges(changes, latest.current);
      latest.current = next;
      setNodes(next);
      if (changes.some((c) => c.type === 'select')) {
        const ids = selectedResourceIds(next);
        if (!sameIds(ids, selection)) onSelectionChange(ids);
      }
      if (changes.some((c) => c.type === 'dimensions' && c.resizing === true)) setGesture('resize');
      const resized = changes.flatMap((c) => (c.type === 'dimensions' && c.resizing === false ? [c.id] : []));
      if (resized.length > 0) {
        setGesture(undefined);
        onMove(moveEntries(next, resized, 'resize'));
      }
    },
    [selection, onSelectionChange, onMove],
  );

  const onNodeDragStart = useCallback(() => setGesture('drag'), []);

  const onNodeDragStop = useCallback(
    (_event: unknown, _node: CanvasNode, dragged: CanvasNode[]) => {
      setGesture(undefined);
      const moved = new Map(dragged.map((n) => [n.id, n]));
      const current = latest.current.map((n) => moved.get(n.id) ?? n);
      const entries = moveEntries(
        current,
        dragged.map((n) => n.id),
        'move',
      );
      const layout = document.layout ?? {};
      const changed: LayoutEntries = {};
      for (const [key, value] of Object.entries(entries)) {
        if (!sameEntry(layout[key], value)) changed[key] = value;
      }
      if (Object.keys(changed).length > 0) onMove(changed);
    },
    [document, onMove],
  );

  const focusCanvas = useCallback(() => wrapper.current?.focus({ preventScroll: true }), []);

  const onNodeClick = useCallback(
    (_event: unknown, node: CanvasNode) => {
      focusCanvas();
      if (pending !== undefined) report(completePending(pending, node.id, latest.current));
    },
    [focusCanvas, pending, report],
  );

  const onPaneClick = useCallback(() => {
    focusCanvas();
    setPending(undefined);
  }, [focusCanvas]);

  const onEdgeClick = useCallback(
    (_event: unknown, edge: CanvasEdge) => {
      focusCanvas();
      const id = edge.data?.resourceId;
      if (id !== undefined) onSelectionChange([id]);
    },
    [focusCanvas, onSelectionChange],
  );

  const notDerived = useMemo(() => {
    const skip = new Set(flow.nodes.filter((n) => DERIVED_KINDS.has(n.data.kind)).map((n) => n.data.resourceId));
    return (ids: readonly string[]) => ids.filter((id) => !skip.has(id));
  }, [flow]);

  const onKeyDown = useCallback(
    (event: KeyboardEvent<HTMLDivElement>) => {
      if (isEditable(event.target)) return;
      if (event.key === 'Escape' && pending !== undefined) {
        setPending(undefined);
        event.preventDefault();
        return;
      }
      if (event.key !== 'Delete' && event.key !== 'Backspace') return;
      const ids = notDerived(selection);
      if (ids.length === 0) return;
      event.preventDefault();
      onDelete(ids);
    },
    [pending, notDerived, selection, onDelete],
  );

  const onDragOver = useCallback((event: DragEvent<HTMLDivElement>) => {
    if (!event.dataTransfer.types.includes(PALETTE_MIME)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
  }, []);

  const onDrop = useCallback(
    (event: DragEvent<HTMLDivElement>) => {
      const text = event.dataTransfer.getData(PALETTE_MIME);
      if (text === '') return;
      event.preventDefault();
      const item = decodePaletteDrag(text);
      if (item === undefined) return;
      focusCanvas();
      const point = screenToFlowPosition({ x: event.clientX, y: event.clientY });
      report(resolveDrop(item, point, latest.current));
    },
    [focusCanvas, screenToFlowPosition, report],
  );

  return (
    <div
      ref={wrapper}
      className={`vpcsim-canvas${pending ? ' is-pending' : ''}${overlay ? ' has-trace' : ''}${detail === 'full' ? '' : ` is-${detail}`}${props.readOnly === true ? ' is-readonly' : ''}${className ? ` ${className}` : ''}`}
      tabIndex={0}
      aria-label="Network canvas"
      data-testid="canvas"
      onKeyDown={onKeyDown}
      onDragOver={onDragOver}
      onDrop={onDrop}
    >
      <EdgeMarkers />
      <ReactFlow<CanvasNode, CanvasEdge>
        nodes={nodes}
        edges={flow.edges}
        nodeTypes={NODE_TYPES}
        edgeTypes={EDGE_TYPES}
        onNodesChange={onNodesChange}
        onNodeDragStart={onNodeDragStart}
        onNodeDragStop={onNodeDragStop}
        onNodeClick={onNodeClick}
        onPaneClick={onPaneClick}
        onEdgeClick={onEdgeClick}
        deleteKeyCode={null}
        nodesDraggable={props.readOnly !== true}
        nodesConnectable={false}
        connectionMode={ConnectionMode.Loose}
        edgesFocusable={false}
        onlyRenderVisibleElements={nodes.length > 400}
        minZoom={0.05}
        maxZoom={2}
        fitView
        fitViewOptions={{ padding: 0.1 }}
      >
        {/* Far out the dot grid would be dense enough to cost more paint than every box together. */}
        {detail !== 'far' && <Background gap={24} />}
        <Controls showInteractive={false} />
        {nodes.length <= MINIMAP_MAX_NODES && (
          <MiniMap<CanvasNode> pannable zoomable nodeClassName={(n) => `vpcsim-mini vpcsim-mini--${n.data.kind}`} />
        )}
        {overlay !== undefined && <TraceLayer overlay={overlay} current={current} />}
        {nodes.length === 0 && (
          <Panel position="top-center">
            <div className="vpcsim-empty" data-testid="canvas-empty">
              An empty network. Drag a <strong>VPC</strong> from the palette onto the canvas to start, or open a preset
              from <strong>Scenarios</strong>.
            </div>
          </Panel>
        )}
        {pending && (
          <Panel position="top-center">
            <div className="vpcsim-pending" role="status">
              {pendingPrompt(pending)}
              <button type="button" onClick={() => setPending(undefined)}>
                Cancel
              </button>
            </div>
          </Panel>
        )}
      </ReactFlow>
    </div>
  );
}

/** The canvas, with its own React Flow provider. */
export function CanvasView(props: CanvasViewProps) {
  return (
    <ReactFlowProvider>
      <CanvasInner {...props} />
    </ReactFlowProvider>
  );
}
