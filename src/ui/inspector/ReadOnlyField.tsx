// A labelled value that the inspector shows but does not edit (ids, the two VPCs of a peering).
import type { ReactNode } from 'react';

export function ReadOnlyField({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="insp-field insp-readonly">
      <span className="insp-label">{label}</span>
      <span className="insp-value">{children}</span>
    </div>
  );
}
