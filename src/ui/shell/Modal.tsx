// The frame every dialog shares: a backdrop that closes it on click, a titled header with a × button,
// Escape to close, and focus moved into the dialog when it opens.
import { useEffect, useRef, type ReactNode, type RefObject } from 'react';

export interface ModalProps {
  /** The dialog's accessible name (aria-label of `.modal`). */
  label: string;
  /** The header's h2. */
  title: ReactNode;
  /** The aria-label of the × button. */
  closeLabel: string;
  onClose: () => void;
  /** Added to `.modal`, e.g. `gallery` gives `modal gallery`. */
  className?: string | undefined;
  /** data-testid of `.modal`. */
  testId?: string | undefined;
  /** Shown in the header between the title and the × button. */
  headerExtra?: ReactNode;
  /** What gets focus when the dialog opens, when not the × button. */
  initialFocus?: RefObject<HTMLElement | null> | undefined;
  children?: ReactNode;
}

export function Modal({
  label,
  title,
  closeLabel,
  onClose,
  className,
  testId,
  headerExtra,
  initialFocus,
  children,
}: ModalProps) {
  const closeButton = useRef<HTMLButtonElement>(null);
  // On open only (refs are stable): a parent re-rendering must not pull focus back from where the user moved it.
  useEffect(() => {
    (initialFocus ?? closeButton).current?.focus();
  }, [initialFocus]);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);
  return (
    <div className="modal-backdrop" onClick={onClose}>
      <div
        className={className ? `modal ${className}` : 'modal'}
        role="dialog"
        aria-modal="true"
        aria-label={label}
        data-testid={testId}
        onClick={(event) => event.stopPropagation()}
      >
        <div className="modal-header">
          <h2>{title}</h2>
          {headerExtra}
          <button type="button" ref={closeButton} onClick={onClose} aria-label={closeLabel}>
            ×
          </button>
        </div>
        {children}
      </div>
    </div>
  );
}
