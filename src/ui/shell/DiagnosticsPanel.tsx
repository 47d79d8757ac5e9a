// Every diagnostic of the open document (validation and design lint) as rows; a row with a resource
// selects and reveals it on the canvas.
import { memo } from 'react';
import type { Diagnostic } from '../../model/index.ts';

export interface DiagnosticsPanelProps {
  diagnostics: readonly Diagnostic[];
  onSelect: (resourceId: string) => void;
}

const ORDER: Record<Diagnostic['severity'], number> = { fatal: 0, error: 1, warning: 2 };

function DiagnosticsPanelImpl({ diagnostics, onSelect }: DiagnosticsPanelProps) {
  if (diagnostics.length === 0) {
    return (
      <p className="panel-empty" data-testid="diagnostics-empty">
        No problems found: the network passes validation and the design lint.
      </p>
    );
  }
  const rows = diagnostics
    .map((d, index) => ({ d, index }))
    .sort((a, b) => ORDER[a.d.severity] - ORDER[b.d.severity] || a.index - b.index);
  return (
    <table className="diagnostics-table" data-testid="diagnostics-table">
      <thead>
        <tr>
          <th scope="col">Severity</th>
          <th scope="col">Resource</th>
          <th scope="col">Problem</th>
        </tr>
      </thead>
      <tbody>
        {rows.map(({ d, index }) => (
          <tr key={index} className={`diagnostic-${d.severity}`} data-testid="diagnostic-row" data-code={d.code}>
            <td>
              <span className={`severity severity-${d.severity}`}>{d.severity}</span>
            </td>
            <td>
              {d.resourceId ? (
                <button type="button" className="link" onClick={() => onSelect(d.resourceId!)}>
                  {d.resourceId}
                </button>
              ) : (
                '—'
              )}
            </td>
            <td>
              <span className="diagnostic-message">{d.message}</span> <code className="code">{d.code}</code>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export const DiagnosticsPanel = memo(DiagnosticsPanelImpl);
