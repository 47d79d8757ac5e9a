// Diagnostic counts on a node: errors in red, warnings in amber.
import { memo } from 'react';

export interface NodeBadgesProps {
  errors: number;
  warnings: number;
}

function NodeBadgesView({ errors, warnings }: NodeBadgesProps) {
  if (errors === 0 && warnings === 0) return null;
  return (
    <span className="vpcsim-badges">
      {errors > 0 && (
        <span className="vpcsim-badge vpcsim-badge--error" title={`${errors} error${errors === 1 ? '' : 's'}`}>
          {errors}
        </span>
      )}
      {warnings > 0 && (
        <span className="vpcsim-badge vpcsim-badge--warning" title={`${warnings} warning${warnings === 1 ? '' : 's'}`}>
          {warnings}
        </span>
      )}
    </span>
  );
}

export const NodeBadges = memo(NodeBadgesView);
