// The scenario's title, description and provenance from its `meta`.
import type { Meta } from '../model/index.ts';

export interface ScenarioSummaryProps {
  fileName: string;
  meta: Meta | undefined;
}

export function ScenarioSummary({ fileName, meta }: ScenarioSummaryProps) {
  return (
    <section className="card scenario-summary" aria-label="Scenario">
      <h2 data-testid="scenario-title">{meta?.title ?? fileName}</h2>
      {meta?.description && <p className="description">{meta.description}</p>}
      <p className="meta-line">
        <code>{fileName}</code>
        {meta?.source && <span> · {meta.source}</span>}
        {meta?.tags?.map((tag) => (
          <span key={tag} className="tag">
            {tag}
          </span>
        ))}
      </p>
    </section>
  );
}
