// The palette: resources grouped by family, each dragged onto the canvas (HTML5 drag and drop with
// the `application/vpcsim-kind` type) or activated from the keyboard (Enter or Space), which the app
// turns into a request for the current selection (drop.ts `resolveActivation`).
import { memo, type DragEvent } from 'react';
import { PALETTE_ITEMS, PALETTE_MIME, encodePaletteDrag, type PaletteItem } from './palette-items.ts';

export interface PaletteProps {
  /** A click, Enter or Space on an item. */
  onActivate?: (item: PaletteItem) => void;
  className?: string;
}

const GROUPS: readonly PaletteItem['group'][] = ['Networking', 'Compute', 'Connectivity', 'Other'];

function startDrag(event: DragEvent<HTMLButtonElement>, item: PaletteItem): void {
  event.dataTransfer.setData(PALETTE_MIME, encodePaletteDrag(item));
  event.dataTransfer.setData('text/plain', item.label);
  event.dataTransfer.effectAllowed = 'copy';
}

function PaletteView({ onActivate, className }: PaletteProps) {
  return (
    <nav className={`vpcsim-palette${className ? ` ${className}` : ''}`} aria-label="Add resources">
      {GROUPS.map((group) => (
        <section key={group} className="vpcsim-palette-group">
          <h3>{group}</h3>
          <ul>
            {PALETTE_ITEMS.filter((item) => item.group === group).map((item) => (
              <li key={item.id}>
                <button
                  type="button"
                  draggable
                  className={`vpcsim-palette-item vpcsim-palette-item--${item.kind}`}
                  data-testid={`palette-${item.id}`}
                  title={item.hint}
                  aria-description={item.hint}
                  onDragStart={(event) => startDrag(event, item)}
                  onClick={() => onActivate?.(item)}
                >
                  <span className="vpcsim-palette-swatch" aria-hidden="true" />
                  {item.label}
                </button>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </nav>
  );
}

export const Palette = memo(PaletteView);
