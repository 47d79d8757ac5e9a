// A verdict from the engine as a coloured label.
import type { Verdict } from '../engine/index.ts';

const LABELS: Record<Verdict, string> = {
  REACHABLE: 'Reachable',
  REACHABLE_PARTIAL: 'Partly reachable',
  BLOCKED: 'Blocked',
  UNSUPPORTED: 'Unsupported',
  INVALID_CONFIG: 'Invalid config',
};

export function VerdictBadge({ verdict }: { verdict: Verdict }) {
  return (
    <span className={`verdict verdict-${verdict.toLowerCase().replaceAll('_', '-')}`} data-verdict={verdict}>
      {LABELS[verdict]}
    </span>
  );
}
