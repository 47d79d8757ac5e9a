// The share link in a text field, for when the clipboard cannot be written (no permission, an older
// browser): the link is selected, ready to copy by hand.
import { useEffect, useRef } from 'react';
import { Modal } from '../../ui/index.ts';

export interface ShareLinkDialogProps {
  url: string;
  /** Why the link may not survive being sent (a very long link), shown under the field. */
  warning?: string | undefined;
  onClose: () => void;
}

export function ShareLinkDialog({ url, warning, onClose }: ShareLinkDialogProps) {
  const field = useRef<HTMLInputElement>(null);
  // Modal focuses the field first (its effect runs before this one), then the link is selected for copying.
  useEffect(() => field.current?.select(), []);
  return (
    <Modal
      label="Share link"
      title="Share link"
      closeLabel="Close share link"
      onClose={onClose}
      className="share-link-dialog"
      testId="share-link-dialog"
      initialFocus={field}
    >
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
    </Modal>
  );
}
