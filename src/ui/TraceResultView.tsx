// The answer to a trace: the verdict, the explanations, and the forward and return paths.
import type { Result } from '../lib/index.ts';
import type { TraceResult } from '../engine/index.ts';
import type { Diagnostic } from '../model/index.ts';
import { describeQuery } from './describe.ts';
import { Notice } from './Notice.tsx';
import { PathList } from './PathList.tsx';
import { VerdictBadge } from './VerdictBadge.tsx';

export function TraceResultView({ outcome }: { outcome: Result<TraceResult, Diagnostic> }) {
  if (!outcome.ok) {
    return (
      <div data-testid="trace-error">
        <Notice kind="error" title="The trace could not run">
          <p>
            <code>{outcome.error.code}</code> {outcome.error.message}
          </p>
        </Notice>
      </div>
    );
  }
  const result = outcome.value;
  return (
    <div className="trace-result">
      <p className="trace-verdict" data-testid="trace-verdict">
        <VerdictBadge verdict={result.verdict} />{' '}
        <span className="muted">
          {describeQuery(result.query)}: {result.query.sourceAddress} → {result.query.destinationAddress}
          {result.query.oneWay ? ' (one way)' : ''}
        </span>
      </p>
      {result.explanations.length > 0 && (
        <ul className="explanations">
          {result.explanations.map((explanation, index) => (
            <li key={`${explanation.code}-${index}`} className={explanation.blocking ? 'blocking' : 'note'}>
              <code>{explanation.code}</code> at <code>{explanation.componentId}</code> ({explanation.pathDirection}
              {explanation.direction ? `, ${explanation.direction}` : ''}): {explanation.message}
            </li>
          ))}
        </ul>
      )}
      <div className="paths">
        <PathList title="Forward path" components={result.forward} />
        <PathList title="Return path" components={result.return} />
      </div>
    </div>
  );
}
