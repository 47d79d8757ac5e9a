// One direction of a traced path: every component the packet met, what it did, and the rule or route.
import type { PathComponent } from '../engine/index.ts';
import { describeDecision } from './describe.ts';

export interface PathListProps {
  title: string;
  components: readonly PathComponent[];
}

export function PathList({ title, components }: PathListProps) {
  return (
    <section className="path" aria-label={title}>
      <h4>{title}</h4>
      {components.length === 0 ? (
        <p className="muted">No components.</p>
      ) : (
        <ol className="path-list">
          {components.map((component) => (
            <li key={`${component.direction}-${component.seq}`} className={`hop action-${component.action}`}>
              <span className="hop-type">{component.component.type}</span>{' '}
              <code className="hop-id">{component.component.id}</code>{' '}
              <span className="hop-action">{component.action}</span>
              {describeDecision(component) && <div className="hop-rule">{describeDecision(component)}</div>}
              {component.explanationCodes && component.explanationCodes.length > 0 && (
                <div className="hop-codes">
                  {component.explanationCodes.map((code) => (
                    <code key={code}>{code}</code>
                  ))}
                </div>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
