// The share link in a text field, for when the clipboard cannot be written (no permission, an older
// browser): the link is selected, ready to copy by hand.
import { useEffect, useRef } from 'react';

export interface ShareLinkDialogProps {
  url: string;
  /** Why the link may not survive being sent (a very long link), shown under the field. */
  warning?: string | undefined;
  onClose: () => void;
}

export function ShareLinkDialog({ url, warning, onClose }: ShareLinkDialogProps) {
  const field = useRef<HTMLInputElement>(null);
  useEffect(() => {
    field.current?.focus();
    field.current?.select();
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);
  return (
    <div className="modal-backdrop" onClick={onClose}>
      <div
        className="modal share-link-dialog"
        role="dialog"
        aria-modal="true"
        aria-label="Share link"
        onClick={(event) => event.stopPropagation()}
        data-testid="share-link-dialog"
      >
        <div className="modal-header">
          <h2>Share link</h2>
          <button type="button" onClick={onClose} aria-label="Close share link">
            ×
          </button>
        </div>
        <div className="share-modal-body">
          <p>The link could not be copied for you. Copy it from the field (Ctrl+C): it carries the whole network.</p>
          <input
            ref={field}
            className="share-link-field"
            type="text"
            readOnly
            value={url}
            aria-label="Share link"
            onFocus={(event) => event.currentTarget.select()}
            data-testid="share-link-field"
          />
          <p className="share-link-length">{url.length} characters.</p>
          {warning && <p className="share-link-warning">{warning}</p>}
        </div>
      </div>
    </div>
  );
}
