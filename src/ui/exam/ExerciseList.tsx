// A list of exercises with their kind, prompt and what this browser remembers of them; each one starts
// with a click. Used by the exam gallery and by the Exam tab for the open document's exercises.
import { KIND_LABELS, percent } from './format.ts';
import type { ExamItem, ExerciseRecord } from './types.ts';
import './exam.css';

export interface ExerciseListProps {
  items: readonly ExamItem[];
  records: Readonly<Record<string, ExerciseRecord>>;
  /** The exercise open in the Exam tab, marked in the list. */
  active?: string | undefined;
  onStart: (key: string) => void;
}

function prompt(item: ExamItem): string {
  return item.exercise.kind === 'breakFix' ? item.exercise.task : item.exercise.question;
}

/** "not tried", "in progress", or the last score (and the best when it differs). */
export function recordStatus(record: ExerciseRecord | undefined): { text: string; state: string } {
  if (!record || (record.attempts === 0 && record.startedAt === undefined && record.hintsUsed === 0)) {
    return { text: 'not tried', state: 'new' };
  }
  if (record.attempts === 0) return { text: 'in progress', state: 'started' };
  const best = record.best > record.score ? ` (best ${percent(record.best)})` : '';
  return { text: `${percent(record.score)}${best}`, state: record.score >= 1 ? 'passed' : 'missed' };
}

export function ExerciseList({ items, records, active, onStart }: ExerciseListProps) {
  return (
    <ul className="exam-exercises">
      {items.map((item) => {
        const status = recordStatus(records[item.key]);
        return (
          <li
            key={item.key}
            className={item.key === active ? 'exam-exercise active' : 'exam-exercise'}
            data-testid="exam-item"
            data-key={item.key}
            data-kind={item.exercise.kind}
          >
            <span className={`exam-kind exam-kind-${item.exercise.kind}`}>{KIND_LABELS[item.exercise.kind]}</span>
            <span className="exam-prompt">{prompt(item)}</span>
            <span className={`exam-status exam-status-${status.state}`} data-testid="exam-item-status">
              {status.text}
            </span>
            <button type="button" onClick={() => onStart(item.key)} aria-label={`Start ${item.exercise.id}`}>
              {status.state === 'new' ? 'Start' : 'Open'}
            </button>
          </li>
        );
      })}
    </ul>
  );
}
