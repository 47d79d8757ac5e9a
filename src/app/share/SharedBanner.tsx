// The strip over the canvas while a shared network is shown: it is read-only until the user chooses
// to edit it (making it theirs) or to go back to the work kept in this browser.
export interface SharedBannerProps {
  /** `opening`: the link is still being unpacked (nothing to choose yet). */
  status: 'opening' | 'viewing';
  onEdit: () => void;
  onBack: () => void;
}

export function SharedBanner({ status, onEdit, onBack }: SharedBannerProps) {
  return (
    <div className="shared-banner" role="region" aria-label="Shared network" data-testid="share-banner">
      {status === 'opening' ? (
        <span>Opening the shared network…</span>
      ) : (
        <>
          <strong>Shared network - read-only</strong>
          <span className="shared-banner-hint">Your own work is kept as it was.</span>
          <button type="button" onClick={onEdit} data-testid="share-edit">
            Edit
          </button>
          <button type="button" className="shared-banner-back" onClick={onBack} data-testid="share-back">
            Back to my network
          </button>
        </>
      )}
    </div>
  );
}
