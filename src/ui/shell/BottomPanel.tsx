// The panel under the canvas: tabs for diagnostics, pinned checks, the trace tool and the reachability
// matrix, the first two with counts; with exam mode wired, the Exam tab.
import type { ReactNode } from 'react';
import { PanelSplitter } from './PanelSplitter.tsx';

export type BottomTab = 'diagnostics' | 'checks' | 'trace' | 'matrix' | 'exam';

export interface BottomPanelProps {
  tab: BottomTab;
  onTab: (tab: BottomTab) => void;
  /** Errors and warnings, shown on the Diagnostics tab. */
  problemCount: { errors: number; warnings: number };
  checkCount: { passed: number; failed: number };
  /** Shows the Exam tab, with the number of exercises the open network has. */
  exam?: number | undefined;
  /** With both, a handle on the panel's top edge resizes it. */
  height?: number;
  onHeight?: (height: number) => void;
  children: ReactNode;
}

export function BottomPanel({
  tab,
  onTab,
  problemCount,
  checkCount,
  exam,
  height,
  onHeight,
  children,
}: BottomPanelProps) {
  const tabs: { id: BottomTab; label: ReactNode }[] = [
    {
      id: 'diagnostics',
      label: (
        <>
          Diagnostics {problemCount.errors > 0 && <span className="count count-error">{problemCount.errors}</span>}
          {problemCount.warnings > 0 && <span className="count count-warning">{problemCount.warnings}</span>}
        </>
      ),
    },
    {
      id: 'checks',
      label: (
        <>
          Checks {checkCount.failed > 0 && <span className="count count-error">{checkCount.failed}</span>}
          {checkCount.passed > 0 && <span className="count count-ok">{checkCount.passed}</span>}
        </>
      ),
    },
    { id: 'trace', label: 'Trace' },
    { id: 'matrix', label: 'Matrix' },
    ...(exam === undefined
      ? []
      : [{ id: 'exam' as const, label: <>Exam {exam > 0 && <span className="count count-info">{exam}</span>}</> }]),
  ];
  return (
    <section className="bottom-panel" aria-label="Panels">
      {height !== undefined && onHeight && <PanelSplitter height={height} onHeight={onHeight} />}
      <div className="tabs" role="tablist">
        {tabs.map((t) => (
          <button
            key={t.id}
            type="button"
            role="tab"
            aria-selected={tab === t.id}
            className={tab === t.id ? 'tab active' : 'tab'}
            onClick={() => onTab(t.id)}
            data-testid={`tab-${t.id}`}
          >
            {t.label}
          </button>
        ))}
      </div>
      <div className="tab-body" role="tabpanel">
        {children}
      </div>
    </section>
  );
}
