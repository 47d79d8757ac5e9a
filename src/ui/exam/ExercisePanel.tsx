// One exercise in the Exam tab: a predict question, a choose-the-fix question or a break-fix task,
// then the grade, the explanation and a link to the step-through. Props in, callbacks out.
import { useState, type ReactNode } from 'react';
import type { BreakFixExercise, ChooseFixExercise, PredictExercise } from '../../model/index.ts';
import { formatDuration, KIND_LABELS, percent, verdictLabel } from './format.ts';
import type { ComponentChoice, ExamItem, ExerciseRecord } from './types.ts';
import './exam.css';

export interface ExercisePanelProps {
  item: ExamItem;
  record: ExerciseRecord | undefined;
  /** The network's components, for "which component stops it?". */
  components: readonly ComponentChoice[];
  /** The verdicts a predict question offers. */
  verdicts: readonly string[];
  /** Each goal of a break-fix task on the network as it is now. */
  goals?: readonly { name: string; passed: boolean }[] | undefined;
  /** Seconds since the attempt started, when the timer is on. */
  elapsed?: number | undefined;
  /** What each hint costs, 0 to 1. */
  hintCost?: number | undefined;
  onAnswerPredict: (answer: { verdict: string; blockedAt?: string }) => void;
  onAnswerChoice: (choiceId: string) => void;
  /** Applies a choice's edits to the canvas as one undoable step. */
  onApplyChoice?: ((choiceId: string) => void) | undefined;
  onHint: () => void;
  onGiveUp: () => void;
  onRetry: () => void;
  /** Opens the trace tab on the exercise's question. */
  onStepThrough: () => void;
  /** Puts the network back as the exercise opened it. */
  onStartOver?: (() => void) | undefined;
  /** Something to say about the attempt (a break-fix network that already passes). */
  notice?: string | undefined;
  /** Session controls, shown above the exercise. */
  session?: ReactNode;
}

function Result({ score, children }: { score: number; children?: ReactNode }) {
  const state = score >= 1 ? 'right' : score > 0 ? 'partial' : 'wrong';
  const word = score >= 1 ? 'Right' : score > 0 ? 'Partly right' : 'Not quite';
  return (
    <div className={`exam-result exam-result-${state}`} data-testid="exam-result" data-state={state} role="status">
      <strong>{word}</strong> <span data-testid="exam-score">Score {percent(score)}</span>
      {children}
    </div>
  );
}

function Ending({
  explanation,
  onStepThrough,
  onRetry,
}: {
  explanation: string;
  onStepThrough: () => void;
  onRetry: () => void;
}) {
  return (
    <div className="exam-ending">
      <p className="exam-explanation" data-testid="exam-explanation">
        {explanation}
      </p>
      <div className="exam-actions">
        <button type="button" className="link" onClick={onStepThrough} data-testid="exam-step-through">
          Show the step-through
        </button>
        <button type="button" onClick={onRetry} data-testid="exam-retry">
          Try again
        </button>
      </div>
    </div>
  );
}

function componentLabel(components: readonly ComponentChoice[], id: string | undefined): string {
  if (id === undefined) return 'none';
  return components.find((c) => c.id === id)?.label ?? id;
}

function Predict({
  exercise,
  record,
  components,
  verdicts,
  onAnswer,
  onStepThrough,
  onRetry,
}: {
  exercise: PredictExercise;
  record: ExerciseRecord | undefined;
  components: readonly ComponentChoice[];
  verdicts: readonly string[];
  onAnswer: ExercisePanelProps['onAnswerPredict'];
  onStepThrough: () => void;
  onRetry: () => void;
}) {
  const [verdict, setVerdict] = useState('');
  const [blockedAt, setBlockedAt] = useState('');
  const answered = record?.done && record.answer?.kind === 'predict' ? record.answer : undefined;
  const groups = [...new Set(components.map((c) => c.group))];
  if (answered && record) {
    const expected = exercise.answer;
    return (
      <>
        <Result score={record.score}>
          <p>
            You said <strong>{verdictLabel(answered.verdict)}</strong>
            {answered.verdict === 'BLOCKED' && <> at {componentLabel(components, answered.blockedAt)}</>}. The answer:{' '}
            <strong data-testid="exam-answer">{verdictLabel(expected.verdict)}</strong>
            {expected.blockedAt !== undefined && (
              <>
                , stopped by <code>{componentLabel(components, expected.blockedAt)}</code>
              </>
            )}
            .
          </p>
        </Result>
        <Ending explanation={exercise.explanation} onStepThrough={onStepThrough} onRetry={onRetry} />
      </>
    );
  }
  const ready = verdict !== '' && (verdict !== 'BLOCKED' || blockedAt !== '');
  return (
    <form
      className="exam-form"
      aria-label="Your answer"
      onSubmit={(event) => {
        event.preventDefault();
        if (ready) onAnswer(verdict === 'BLOCKED' ? { verdict, blockedAt } : { verdict });
      }}
    >
      <fieldset className="exam-choices">
        <legend>Can it get through?</legend>
        {verdicts.map((v) => (
          <label key={v} className="exam-choice">
            <input type="radio" name="verdict" value={v} checked={verdict === v} onChange={() => setVerdict(v)} />
            {verdictLabel(v)}
          </label>
        ))}
      </fieldset>
      {verdict === 'BLOCKED' && (
        <label className="exam-filter">
          <span>Which component stops it?</span>
          <select value={blockedAt} onChange={(event) => setBlockedAt(event.target.value)} aria-label="Blocked at">
            <option value="">Choose a component…</option>
            {groups.map((group) => (
              <optgroup key={group} label={group}>
                {components
                  .filter((c) => c.group === group)
                  .map((c) => (
                    <option key={c.id} value={c.id}>
                      {c.label}
                    </option>
                  ))}
              </optgroup>
            ))}
          </select>
        </label>
      )}
      <div className="exam-actions">
        <button type="submit" disabled={!ready} data-testid="exam-submit">
          Answer
        </button>
      </div>
    </form>
  );
}

function ChooseFix({
  exercise,
  record,
  onAnswer,
  onApply,
  onStepThrough,
  onRetry,
}: {
  exercise: ChooseFixExercise;
  record: ExerciseRecord | undefined;
  onAnswer: (choiceId: string) => void;
  onApply?: ((choiceId: string) => void) | undefined;
  onStepThrough: () => void;
  onRetry: () => void;
}) {
  const [choice, setChoice] = useState('');
  const answered = record?.done && record.answer?.kind === 'chooseFix' ? record.answer : undefined;
  return (
    <>
      {exercise.constraints && exercise.constraints.length > 0 && (
        <ul className="exam-constraints" aria-label="Constraints">
          {exercise.constraints.map((c) => (
            <li key={c}>{c}</li>
          ))}
        </ul>
      )}
      {answered && record ? (
        <>
          <Result score={record.score} />
          <ol className="exam-choice-review">
            {exercise.choices.map((c) => {
              const right = c.id === exercise.answer;
              const picked = c.id === answered.choice;
              return (
                <li
                  key={c.id}
                  className={right ? 'right' : picked ? 'wrong' : ''}
                  data-testid="exam-choice-review"
                  data-choice={c.id}
                >
                  <div>
                    <strong>{right ? '✓' : picked ? '✗' : '•'}</strong> {c.text}
                    {picked && <em className="exam-picked"> (your answer)</em>}
                  </div>
                  {c.why && <p className="exam-why">{c.why}</p>}
                  {onApply && (
                    <button type="button" onClick={() => onApply(c.id)} data-testid="exam-apply-choice">
                      Apply this choice
                    </button>
                  )}
                </li>
              );
            })}
          </ol>
          <Ending explanation={exercise.explanation} onStepThrough={onStepThrough} onRetry={onRetry} />
        </>
      ) : (
        <form
          className="exam-form"
          aria-label="Your answer"
          onSubmit={(event) => {
            event.preventDefault();
            if (choice) onAnswer(choice);
          }}
        >
          <fieldset className="exam-choices">
            <legend>Choose one</legend>
            {exercise.choices.map((c) => (
              <label key={c.id} className="exam-choice">
                <input
                  type="radio"
                  name="choice"
                  value={c.id}
                  checked={choice === c.id}
                  onChange={() => setChoice(c.id)}
                />
                {c.text}
              </label>
            ))}
          </fieldset>
          <div className="exam-actions">
            <button type="submit" disabled={!choice} data-testid="exam-submit">
              Answer
            </button>
          </div>
        </form>
      )}
    </>
  );
}

function BreakFix({
  exercise,
  record,
  goals,
  hintCost,
  onHint,
  onGiveUp,
  onStartOver,
  onStepThrough,
  onRetry,
}: {
  exercise: BreakFixExercise;
  record: ExerciseRecord | undefined;
  goals: readonly { name: string; passed: boolean }[] | undefined;
  hintCost: number | undefined;
  onHint: () => void;
  onGiveUp: () => void;
  onStartOver?: (() => void) | undefined;
  onStepThrough: () => void;
  onRetry: () => void;
}) {
  const used = Math.min(record?.hintsUsed ?? 0, exercise.hints.length);
  const finished = record?.done && record.answer?.kind === 'breakFix' ? record.answer : undefined;
  return (
    <>
      <ul className="exam-goals" aria-label="Goals">
        {(goals ?? exercise.goals.map((g) => ({ name: g.name, passed: false }))).map((g) => (
          <li
            key={g.name}
            className={g.passed ? 'passed' : 'failing'}
            data-testid="exam-goal"
            data-passed={g.passed ? 'true' : 'false'}
          >
            <span aria-hidden="true">{g.passed ? '✓' : '✗'}</span> {g.name}
          </li>
        ))}
      </ul>
      {used > 0 && (
        <ol className="exam-hints" aria-label="Hints">
          {exercise.hints.slice(0, used).map((h, i) => (
            <li key={i} data-testid="exam-hint">
              {h}
            </li>
          ))}
        </ol>
      )}
      {finished && record ? (
        <>
          <Result score={record.score}>
            <p>
              {finished.solved
                ? `Every goal passes${used > 0 ? ` (with ${used} hint${used > 1 ? 's' : ''})` : ''}.`
                : 'You gave up on this one.'}
            </p>
          </Result>
          <Ending explanation={exercise.explanation} onStepThrough={onStepThrough} onRetry={onRetry} />
        </>
      ) : (
        <div className="exam-actions">
          <span className="exam-note">Edit the network on the canvas; the goals are checked after every change.</span>
          <button
            type="button"
            onClick={onHint}
            disabled={used >= exercise.hints.length}
            data-testid="exam-hint-button"
            title={hintCost ? `Each hint lowers the score by ${percent(hintCost)}` : undefined}
          >
            {used >= exercise.hints.length ? 'No more hints' : `Show a hint (${used + 1} of ${exercise.hints.length})`}
          </button>
          {onStartOver && (
            <button type="button" onClick={onStartOver} data-testid="exam-start-over">
              Start over
            </button>
          )}
          <button type="button" onClick={onGiveUp} data-testid="exam-give-up">
            Give up
          </button>
        </div>
      )}
    </>
  );
}

export function ExercisePanel(props: ExercisePanelProps) {
  const { item, record } = props;
  const exercise = item.exercise;
  return (
    <section className="exam-panel" aria-label="Exercise" data-testid="exam-panel" data-key={item.key}>
      {props.session}
      <header className="exam-panel-header">
        <span className={`exam-kind exam-kind-${exercise.kind}`}>{KIND_LABELS[exercise.kind]}</span>
        <span className="exam-panel-title">{item.title}</span>
        {props.elapsed !== undefined && (
          <span className="exam-timer" data-testid="exam-timer" aria-label="Time on this exercise">
            {formatDuration(props.elapsed)}
          </span>
        )}
      </header>
      <p className="exam-question" data-testid="exam-question">
        {exercise.kind === 'breakFix' ? exercise.task : exercise.question}
      </p>
      {props.notice && (
        <p className="exam-notice" role="note" data-testid="exam-notice">
          {props.notice}
        </p>
      )}
      {exercise.kind === 'predict' && (
        <Predict
          exercise={exercise}
          record={record}
          components={props.components}
          verdicts={props.verdicts}
          onAnswer={props.onAnswerPredict}
          onStepThrough={props.onStepThrough}
          onRetry={props.onRetry}
        />
      )}
      {exercise.kind === 'chooseFix' && (
        <ChooseFix
          exercise={exercise}
          record={record}
          onAnswer={props.onAnswerChoice}
          onApply={props.onApplyChoice}
          onStepThrough={props.onStepThrough}
          onRetry={props.onRetry}
        />
      )}
      {exercise.kind === 'breakFix' && (
        <BreakFix
          exercise={exercise}
          record={record}
          goals={props.goals}
          hintCost={props.hintCost}
          onHint={props.onHint}
          onGiveUp={props.onGiveUp}
          onStartOver={props.onStartOver}
          onStepThrough={props.onStepThrough}
          onRetry={props.onRetry}
        />
      )}
    </section>
  );
}
