// The page: picks a scenario (URL first, then the last visit, then the default), shows its diagnostics,
// its pinned checks as the engine answers them, and a trace form.
import { useMemo, useState } from 'react';
import { assertNever } from '../lib/index.ts';
import { ChecksTable, DiagnosticList, ErrorBoundary, Notice, ScenarioPicker, ScenarioSummary } from '../ui/index.ts';
import { analyzeScenario, type ScenarioAnalysis } from './analyze.ts';
import { DEFAULT_SCENARIO, scenarioNames, scenarioText } from './scenarios.ts';
import { loadLastScenario, saveLastScenario } from './storage.ts';
import { TracePanel } from './TracePanel.tsx';
import { useScenarioParam } from './useScenarioParam.ts';

type Selection = { kind: 'unknown' } | ScenarioAnalysis;

function fallbackScenario(lastVisited: string | null): string {
  if (lastVisited !== null && scenarioNames.includes(lastVisited)) return lastVisited;
  return scenarioNames.includes(DEFAULT_SCENARIO) ? DEFAULT_SCENARIO : (scenarioNames[0] ?? DEFAULT_SCENARIO);
}

export function App() {
  const [param, navigate] = useScenarioParam();
  const [lastVisited] = useState(loadLastScenario);
  const selected = param ?? fallbackScenario(lastVisited);

  const selection = useMemo((): Selection => {
    const text = scenarioText(selected);
    return text === undefined ? { kind: 'unknown' } : analyzeScenario(text);
  }, [selected]);

  const choose = (name: string) => {
    saveLastScenario(name);
    navigate(name);
  };

  return (
    <div className="app">
      <header className="app-header">
        <div>
          <h1>vpcsim</h1>
          <p className="tagline">Can A reach B? AWS VPC networking, simulated hop by hop, offline.</p>
        </div>
        {scenarioNames.length > 0 && <ScenarioPicker names={scenarioNames} value={selected} onChange={choose} />}
      </header>
      <main>
        <ErrorBoundary key={selected}>
          <ScenarioPage name={selected} selection={selection} />
        </ErrorBoundary>
      </main>
    </div>
  );
}

function ScenarioPage({ name, selection }: { name: string; selection: Selection }) {
  if (scenarioNames.length === 0) {
    return (
      <Notice kind="info" title="No scenarios yet">
        <p>
          Add topology documents to the <code>scenarios/</code> folder and reload.
        </p>
      </Notice>
    );
  }
  switch (selection.kind) {
    case 'unknown':
      return (
        <div data-testid="scenario-error">
          <Notice kind="error" title={`There is no scenario called “${name}”.`}>
            <p>Pick one from the list above. Available: {scenarioNames.join(', ')}.</p>
          </Notice>
        </div>
      );
    case 'fatal':
      return (
        <div data-testid="scenario-error">
          <Notice kind="error" title={`“${name}” cannot be loaded.`}>
            <p>{selection.message}</p>
          </Notice>
          {selection.diagnostics.length > 0 && (
            <section className="card" aria-label="Diagnostics">
              <h3>Diagnostics</h3>
              <DiagnosticList diagnostics={selection.diagnostics} />
            </section>
          )}
        </div>
      );
    case 'loaded':
      return (
        <>
          <ScenarioSummary fileName={name} meta={selection.document.meta} />
          <section className="card" aria-label="Diagnostics">
            <h3>Diagnostics</h3>
            <DiagnosticList diagnostics={selection.diagnostics} />
          </section>
          <section className="card" aria-label="Checks">
            <h3>Checks</h3>
            <ChecksTable rows={selection.checks} />
          </section>
          <section className="card" aria-label="Trace">
            <h3>Trace a flow</h3>
            <TracePanel key={name} scenario={name} document={selection.document} network={selection.network} />
          </section>
        </>
      );
    default:
      return assertNever(selection, 'scenario selection');
  }
}
