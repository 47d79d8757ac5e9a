// The diagnostics of the selected resource, shown above its form.
import type { Diagnostic } from '../../model/index.ts';

export function DiagnosticsBanner({ diagnostics }: { diagnostics: readonly Diagnostic[] }) {
  if (diagnostics.length === 0) return null;
  return (
    <ul className="insp-diagnostics" data-testid="inspector-diagnostics" aria-label="Problems">
      {diagnostics.map((d, index) => (
        <li key={`${d.code}-${index}`} className={`insp-diagnostic insp-${d.severity}`} data-code={d.code}>
          <span className="insp-severity">{d.severity}</span> <code>{d.code}</code>
          <div>{d.message}</div>
        </li>
      ))}
    </ul>
  );
}
