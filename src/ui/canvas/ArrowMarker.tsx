// An SVG arrowhead for edge ends (route edges, trace hops); the class gives its colour.
export interface ArrowMarkerProps {
  id: string;
  size: number;
  className: string;
}

export function ArrowMarker({ id, size, className }: ArrowMarkerProps) {
  return (
    <marker
      id={id}
      viewBox="0 0 10 10"
      refX="9"
      refY="5"
      markerWidth={size}
      markerHeight={size}
      orient="auto-start-reverse"
    >
      <path d="M0,0 L10,5 L0,10 z" className={className} />
    </marker>
  );
}
