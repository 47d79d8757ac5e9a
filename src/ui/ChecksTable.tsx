// The scenario's pinned checks: the expectation, the engine's verdict, pass/fail and the first explanation.
import type { CheckResult } from '../engine/index.ts';
import type { Check } from '../model/index.ts';
import { describeQuery } from './describe.ts';
import { VerdictBadge } from './VerdictBadge.tsx';

function describeExpectation(check: Check): string {
  const refinements = [
    check.blockedAt && `at ${check.blockedAt}`,
    check.code,
    check.direction && `(${check.direction})`,
  ].filter(Boolean);
  return [check.expect, ...refinements].join(' ');
}

function Explanation({ row }: { row: CheckResult }) {
  const first = row.result?.explanations[0];
  if (row.error) {
    return (
      <span className="explanation">
        <code>{row.error.code}</code> {row.error.message}
      </span>
    );
  }
  return (
    <>
      {first && (
        <span className="explanation">
          <code>{first.code}</code> {first.message}
        </span>
      )}
      {row.mismatch && <span className="mismatch">{row.mismatch}</span>}
      {!first && !row.mismatch && <span className="muted">—</span>}
    </>
  );
}

export function ChecksTable({ rows }: { rows: readonly CheckResult[] }) {
  if (rows.length === 0) return <p className="muted">This scenario has no pinned checks.</p>;
  const passed = rows.filter((row) => row.passed).length;
  return (
    <>
      <p className="checks-summary">
        {passed} of {rows.length} checks pass.
      </p>
      <div className="table-scroll">
        <table className="checks" data-testid="checks-table">
          <thead>
            <tr>
              <th scope="col">Check</th>
              <th scope="col">Query</th>
              <th scope="col">Expected</th>
              <th scope="col">Engine verdict</th>
              <th scope="col">Result</th>
              <th scope="col">First explanation</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row, index) => (
              <tr key={`${row.check.name}-${index}`} data-testid="check-row">
                <td>{row.check.name}</td>
                <td>
                  <code>{describeQuery(row.check)}</code>
                </td>
                <td>
                  <code>{describeExpectation(row.check)}</code>
                </td>
                <td data-testid="check-verdict">
                  {row.result ? <VerdictBadge verdict={row.result.verdict} /> : <span className="muted">no trace</span>}
                </td>
                <td>
                  <span className={row.passed ? 'pass' : 'fail'}>{row.passed ? 'pass' : 'fail'}</span>
                </td>
                <td>
                  <Explanation row={row} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
