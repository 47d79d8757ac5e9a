// The document's diagnostics (fatal, error, warning), each with its code, resource and message.
import type { Diagnostic } from '../model/index.ts';

export function DiagnosticList({ diagnostics }: { diagnostics: readonly Diagnostic[] }) {
  if (diagnostics.length === 0) return <p className="muted">No diagnostics: the document is valid.</p>;
  return (
    <ul className="diagnostics">
      {diagnostics.map((d, index) => (
        <li key={`${d.code}-${index}`} className={`diagnostic severity-${d.severity}`}>
          <span className="severity">{d.severity}</span> <code>{d.code}</code>
          {d.resourceId && <span className="resource"> {d.resourceId}</span>}
          {d.path && <span className="path"> ({d.path})</span>}
          <div className="message">{d.message}</div>
        </li>
      ))}
    </ul>
  );
}
