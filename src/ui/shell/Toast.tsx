// A short message over the canvas: a refused drop, a file that could not be opened, a failed edit.
import { useEffect } from 'react';

export interface ToastProps {
  kind: 'info' | 'error';
  text: string;
  onDismiss: () => void;
}

/** Information fades after a few seconds; errors stay until dismissed. */
export function Toast({ kind, text, onDismiss }: ToastProps) {
  useEffect(() => {
    if (kind !== 'info') return;
    const timer = window.setTimeout(onDismiss, 6000);
    return () => window.clearTimeout(timer);
  }, [kind, text, onDismiss]);
  return (
    <div className={`toast toast-${kind}`} role={kind === 'error' ? 'alert' : 'status'} data-testid="toast">
      <span>{text}</span>
      <button type="button" onClick={onDismiss} aria-label="Dismiss">
        ×
      </button>
    </div>
  );
}
