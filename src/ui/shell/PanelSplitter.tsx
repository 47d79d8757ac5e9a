// The handle between the canvas and the bottom panel: drag it (or focus it and use the arrow keys) to
// give the panel more or less height.
import { useRef, type KeyboardEvent, type PointerEvent } from 'react';

export interface PanelSplitterProps {
  /** The panel's height in pixels. */
  height: number;
  onHeight: (height: number) => void;
}

export function PanelSplitter({ height, onHeight }: PanelSplitterProps) {
  const start = useRef<{ y: number; height: number } | undefined>(undefined);
  const down = (event: PointerEvent<HTMLDivElement>) => {
    event.currentTarget.setPointerCapture(event.pointerId);
    start.current = { y: event.clientY, height };
  };
  const move = (event: PointerEvent<HTMLDivElement>) => {
    if (start.current) onHeight(start.current.height - (event.clientY - start.current.y));
  };
  const up = () => {
    start.current = undefined;
  };
  const key = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'ArrowUp') onHeight(height + 40);
    else if (event.key === 'ArrowDown') onHeight(height - 40);
    else return;
    event.preventDefault();
  };
  return (
    <div
      className="panel-splitter"
      role="separator"
      aria-orientation="horizontal"
      aria-label="Resize the bottom panel"
      aria-valuenow={Math.round(height)}
      tabIndex={0}
      data-testid="panel-splitter"
      onPointerDown={down}
      onPointerMove={move}
      onPointerUp={up}
      onPointerCancel={up}
      onKeyDown={key}
    />
  );
}
