// The toolbar's Export menu: a menu button (WAI-ARIA menu pattern) listing the ways a network leaves the
// editor besides Save: Terraform, SVG, PNG and a share link.
import { useCallback, useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import './export-menu.css';

export type ExportKind = 'terraform' | 'svg' | 'png' | 'share-link';

export interface ExportMenuProps {
  onExport: (kind: ExportKind) => void;
  /** An export under way: the button says so and the menu stays shut. */
  busy?: boolean | undefined;
}

const ITEMS: readonly { kind: ExportKind; label: string; hint: string }[] = [
  { kind: 'terraform', label: 'Terraform (.tf)', hint: 'Download the network as Terraform HCL' },
  { kind: 'svg', label: 'Image (SVG)', hint: 'Download a picture of the network as SVG' },
  { kind: 'png', label: 'Image (PNG)', hint: 'Download a picture of the network as PNG' },
  { kind: 'share-link', label: 'Copy share link', hint: 'Copy a link that carries the whole network' },
];

export function ExportMenu({ onExport, busy = false }: ExportMenuProps) {
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const items = useRef<(HTMLButtonElement | null)[]>([]);
  const menuId = useId();

  const close = useCallback((refocus: boolean) => {
    setOpen(false);
    if (refocus) button.current?.focus();
  }, []);

  const show = useCallback((index: number) => {
    setActive(index);
    setOpen(true);
  }, []);

  // Focus follows the active item while the menu is open (roving focus, one tab stop).
  useEffect(() => {
    if (open) items.current[active]?.focus();
  }, [open, active]);

  // A press anywhere else closes the menu without taking the focus back.
  useEffect(() => {
    if (!open) return;
    const onPointer = (event: PointerEvent) => {
      if (root.current && event.target instanceof Node && !root.current.contains(event.target)) close(false);
    };
    window.addEventListener('pointerdown', onPointer, true);
    return () => window.removeEventListener('pointerdown', onPointer, true);
  }, [open, close]);

  const choose = (kind: ExportKind) => {
    close(true);
    onExport(kind);
  };

  const onButtonKey = (event: KeyboardEvent<HTMLButtonElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      show(0);
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      show(ITEMS.length - 1);
    }
  };

  const onMenuKey = (event: KeyboardEvent<HTMLDivElement>) => {
    const last = ITEMS.length - 1;
    const moves: Record<string, number> = {
      ArrowDown: active === last ? 0 : active + 1,
      ArrowUp: active === 0 ? last : active - 1,
      Home: 0,
      End: last,
    };
    const next = moves[event.key];
    if (next !== undefined) {
      event.preventDefault();
      setActive(next);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      // The editor listens for Escape too (closing dialogs, cancelling a pick): this one is the menu's.
      event.stopPropagation();
      close(true);
    } else if (event.key === 'Tab') {
      close(false);
    }
  };

  return (
    <div className="export-menu" ref={root}>
      <button
        type="button"
        ref={button}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        disabled={busy}
        onClick={() => (open ? close(false) : show(0))}
        onKeyDown={onButtonKey}
        data-testid="toolbar-export"
      >
        {busy ? 'Exporting…' : 'Export'} <span aria-hidden="true">▾</span>
      </button>
      {open && (
        <div className="export-menu-list" role="menu" id={menuId} aria-label="Export" onKeyDown={onMenuKey}>
          {ITEMS.map((item, index) => (
            <button
              key={item.kind}
              type="button"
              role="menuitem"
              ref={(el) => {
                items.current[index] = el;
              }}
              tabIndex={index === active ? 0 : -1}
              title={item.hint}
              onClick={() => choose(item.kind)}
              onMouseEnter={() => setActive(index)}
              data-testid={`export-${item.kind}`}
            >
              {item.label}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
