// The end of a session: the score, the time taken, and the questions missed grouped by topic, each one
// reopened with a click for review.
import { formatDuration, KIND_LABELS, percent } from './format.ts';
import type { SessionSummaryData } from './types.ts';
import './exam.css';

export interface SessionSummaryProps {
  summary: SessionSummaryData;
  onReview: (key: string) => void;
  onNewSession?: (() => void) | undefined;
  onClose: () => void;
}

export function SessionSummary({ summary, onReview, onNewSession, onClose }: SessionSummaryProps) {
  return (
    <section className="exam-summary" aria-label="Session summary" data-testid="exam-summary">
      <h3>
        Session over: <span data-testid="exam-session-score">{percent(summary.score)}</span>
      </h3>
      <p>
        {summary.answered} of {summary.total} questions answered, {Math.round(summary.points * 100) / 100} points
        {summary.seconds !== undefined && <> in {formatDuration(summary.seconds)}</>}.
      </p>
      {summary.missed.length === 0 ? (
        <p data-testid="exam-no-missed">Nothing missed.</p>
      ) : (
        <div className="exam-missed">
          <h4>To review</h4>
          {summary.missed.map((group) => (
            <section key={group.topic} aria-label={`Missed: ${group.topic}`} data-testid="exam-missed-topic">
              <h5>{group.topic}</h5>
              <ul>
                {group.entries.map(({ entry, score }) => (
                  <li key={entry.key}>
                    <button
                      type="button"
                      className="link"
                      onClick={() => onReview(entry.key)}
                      data-testid="exam-review"
                    >
                      {KIND_LABELS[entry.exercise.kind]}: {entry.title}
                    </button>{' '}
                    <span className="exam-status exam-status-missed">
                      {score === undefined ? 'not answered' : percent(score)}
                    </span>
                  </li>
                ))}
              </ul>
            </section>
          ))}
        </div>
      )}
      <div className="exam-actions">
        {onNewSession && (
          <button type="button" onClick={onNewSession}>
            New session
          </button>
        )}
        <button type="button" onClick={onClose} data-testid="exam-summary-close">
          Close
        </button>
      </div>
    </section>
  );
}
