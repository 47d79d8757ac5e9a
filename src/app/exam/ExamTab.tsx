// The Exam tab under the canvas: the active exercise (graded here: answers, live break-fix goals,
// hints, applying a choice as an undoable edit), the session around it, or the open network's exercises.
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { goalsPass, runCheck, type Network } from '../../engine/index.ts';
import { applyExamEdits, FORMAT_V1, type Document, type ExamQuery } from '../../model/index.ts';
import { edit, type EditorStore } from '../../store/index.ts';
import {
  ExerciseList,
  ExercisePanel,
  formatDuration,
  percent,
  SessionSummary,
  type ExerciseRecord,
} from '../../ui/index.ts';
import type { ExamController } from './use-exam.ts';
import {
  acceptedBlockers,
  componentChoices,
  gradeBreakFix,
  gradeChoice,
  gradePredict,
  hintPenalty,
  predictVerdicts,
  recordAnswer,
  revealHint,
  sessionCurrent,
  sessionTimeLeft,
  splitExerciseKey,
  summarizeSession,
  type CatalogEntry,
} from './exam-model.ts';

export interface ExamTabProps {
  exam: ExamController;
  store: EditorStore;
  document: Document;
  docKey: string;
  network: Network | undefined;
  /** Sets the trace form to `query` and shows the Trace tab. */
  onStepThrough: (query: ExamQuery) => void;
}

/** The clock, ticking once a second while `on`. */
function useNow(on: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!on) return;
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, [on]);
  return now;
}

/** The question whose step-through ends an exercise: its query, or its first goal. */
function stepQuery(entry: CatalogEntry): ExamQuery | undefined {
  const x = entry.exercise;
  if (x.kind === 'predict') return x.query;
  const goal = x.goals[0];
  if (!goal) return undefined;
  const { name: _name, expect: _expect, blockedAt: _blockedAt, code: _code, direction: _direction, ...query } = goal;
  return query;
}

export function ExamTab({ exam, store, document, docKey, network, onStepThrough }: ExamTabProps) {
  const { progress, lookup, goTo, nextInSession, endSession, closeSession } = exam;
  const session = progress.session;
  const [reviewing, setReviewing] = useState(false);
  const activeKey = progress.active;
  const entry = activeKey === undefined ? undefined : lookup(activeKey);
  const onThisNetwork = activeKey !== undefined && splitExerciseKey(activeKey)?.docKey === docKey;
  const record = activeKey === undefined ? undefined : progress.records[activeKey];

  const timeLimited = session?.limitMinutes !== undefined && session.finishedAt === undefined;
  const now = useNow(progress.timer || timeLimited);

  // A time limit that runs out ends the session; what is left counts as missed.
  const left = session && session.finishedAt === undefined ? sessionTimeLeft(session, now) : undefined;
  useEffect(() => {
    if (left === 0) endSession();
  }, [left, endSession]);

  if (session?.finishedAt !== undefined && !reviewing) {
    const entries = new Map<string, CatalogEntry>();
    for (const key of session.keys) {
      const found = lookup(key);
      if (found) entries.set(key, found);
    }
    return (
      <div className="exam-tab">
        <SessionSummary
          summary={summarizeSession(session, entries)}
          onReview={(key) => {
            setReviewing(true);
            goTo(key, true);
          }}
          onNewSession={() => exam.setGalleryOpen(true)}
          onClose={closeSession}
        />
      </div>
    );
  }

  const current = session ? sessionCurrent(session) : undefined;
  const inSession = session !== undefined && current !== undefined && current === activeKey;
  const sessionHead =
    session && session.finishedAt !== undefined && reviewing ? (
      <div className="exam-session-head">
        <span>Reviewing a missed question</span>
        <button type="button" onClick={() => setReviewing(false)} data-testid="exam-back-to-summary">
          Back to the session summary
        </button>
      </div>
    ) : inSession ? (
      <div className="exam-session-head" data-testid="exam-session">
        <strong data-testid="exam-session-position">
          Question {session.index + 1} of {session.keys.length}
        </strong>
        <span>
          {Object.keys(session.scores).length} answered,{' '}
          {percent(Object.values(session.scores).reduce((a, b) => a + b, 0) / session.keys.length)} so far
        </span>
        {(progress.timer || left !== undefined) && (
          <span className="exam-timer" data-testid="exam-session-timer">
            {left !== undefined ? `${formatDuration(left)} left` : formatDuration((now - session.startedAt) / 1000)}
          </span>
        )}
        <button type="button" onClick={nextInSession} disabled={!record?.done} data-testid="exam-next">
          {session.index + 1 < session.keys.length ? 'Next question' : 'Finish'}
        </button>
        <button type="button" onClick={endSession} data-testid="exam-end-session">
          End session
        </button>
      </div>
    ) : undefined;

  if (entry && activeKey !== undefined && !onThisNetwork) {
    return (
      <div className="exam-tab">
        {sessionHead}
        <p className="panel-empty">
          The exercise “{entry.exercise.id}” is about {entry.title}, which is not the open network.{' '}
          <button type="button" className="link" onClick={() => goTo(activeKey, false)} data-testid="exam-reopen">
            Open it
          </button>
        </p>
        <Others exam={exam} />
      </div>
    );
  }

  return (
    <div className="exam-tab">
      {entry && activeKey !== undefined && (
        <ActiveExercise
          key={`${activeKey}/${record?.attempts ?? 0}/${record?.startedAt ?? 0}`}
          exam={exam}
          store={store}
          entry={entry}
          exerciseKey={activeKey}
          record={record}
          document={document}
          network={network}
          now={now}
          sessionHead={sessionHead}
          onStepThrough={onStepThrough}
        />
      )}
      <Others exam={exam} />
    </div>
  );
}

interface ActiveExerciseProps {
  exam: ExamController;
  store: EditorStore;
  entry: CatalogEntry;
  exerciseKey: string;
  record: ExerciseRecord | undefined;
  document: Document;
  network: Network | undefined;
  now: number;
  sessionHead: ReactNode;
  onStepThrough: (query: ExamQuery) => void;
}

/** The exercise open on this network, graded here. */
function ActiveExercise(props: ActiveExerciseProps) {
  const { exam, store, entry, exerciseKey: key, record, document, network, now } = props;
  const { update, goTo, startOver, progress } = exam;
  const exercise = entry.exercise;
  const breakFix = exercise.kind === 'breakFix' ? exercise : undefined;
  const topology = document.topology;

  // Break-fix: every goal on the network as it is now, after every edit.
  const goals = useMemo(
    () => breakFix?.goals.map((g) => ({ name: g.name, passed: network ? runCheck(network, g).passed : false })),
    [breakFix, network],
  );
  const solved = useMemo(
    () => (breakFix ? goalsPass({ format: FORMAT_V1, topology }, breakFix.goals) : false),
    [breakFix, topology],
  );
  const done = record?.done === true;
  const hintsUsed = record?.hintsUsed ?? 0;
  // Graded only once the goals have been seen failing in this attempt: a network that already passes
  // (fixed before a reload, then tried again) is no solution.
  const [armed, setArmed] = useState(!solved);
  if (!solved && !armed) setArmed(true);
  useEffect(() => {
    if (!breakFix || !solved || done || !armed) return;
    const grade = gradeBreakFix(hintsUsed, breakFix.hints.length);
    update((p) => recordAnswer(p, key, { kind: 'breakFix', solved: true }, grade, Date.now()));
  }, [armed, breakFix, done, hintsUsed, key, solved, update]);

  const components = useMemo(() => componentChoices(topology), [topology]);
  // The security groups that decided at the blocker count as the blocker too.
  const predict = exercise.kind === 'predict' ? exercise : undefined;
  const accepted = useMemo(() => {
    if (!predict) return [];
    const check = { name: predict.id, expect: predict.answer.verdict, ...predict.query };
    const primary = network ? runCheck(network, check).result?.explanations.find((e) => e.blocking) : undefined;
    const groups = primary?.componentId === predict.answer.blockedAt ? primary?.securityGroups : undefined;
    return acceptedBlockers(predict.answer.blockedAt, groups);
  }, [network, predict]);

  const applyChoice = (choiceId: string) => {
    if (exercise.kind !== 'chooseFix') return;
    const choice = exercise.choices.find((c) => c.id === choiceId);
    if (!choice) return;
    edit(store, `Apply choice ${choice.id}`, (draft) => {
      // Throwing discards a half-applied choice; the store reports it.
      if (!applyExamEdits(draft, choice.edits)) throw new Error('this network lacks what the choice changes');
    });
  };
  const retry = () => {
    // A break-fix starts again from the broken network.
    if (breakFix) startOver?.();
    goTo(key, true);
  };

  const elapsed =
    progress.timer && record
      ? record.done
        ? record.seconds
        : record.startedAt !== undefined
          ? (now - record.startedAt) / 1000
          : undefined
      : undefined;
  const query = stepQuery(entry);

  return (
    <ExercisePanel
      key={`${key}/${record?.attempts ?? 0}/${done ? 'done' : 'open'}`}
      item={entry}
      record={record}
      components={components}
      verdicts={exercise.kind === 'predict' ? predictVerdicts(exercise) : []}
      goals={goals}
      elapsed={elapsed}
      hintCost={breakFix ? hintPenalty(breakFix.hints.length) : undefined}
      onAnswerPredict={(answer) => {
        if (exercise.kind !== 'predict') return;
        const grade = gradePredict(exercise, answer, accepted);
        update((p) => recordAnswer(p, key, { kind: 'predict', ...answer }, grade, Date.now()));
      }}
      onAnswerChoice={(choice) => {
        if (exercise.kind !== 'chooseFix') return;
        update((p) => recordAnswer(p, key, { kind: 'chooseFix', choice }, gradeChoice(exercise, choice), Date.now()));
      }}
      onApplyChoice={applyChoice}
      onHint={() => {
        if (breakFix) update((p) => revealHint(p, key, breakFix.hints.length));
      }}
      onGiveUp={() =>
        update((p) =>
          recordAnswer(p, key, { kind: 'breakFix', solved: false }, { score: 0, correct: false }, Date.now()),
        )
      }
      onRetry={retry}
      onStepThrough={() => {
        if (query) props.onStepThrough(query);
      }}
      onStartOver={breakFix ? startOver : undefined}
      notice={
        breakFix && solved && !armed && !done
          ? 'The network already passes every goal. Start from the broken network (Start over, or open it again) to be graded.'
          : undefined
      }
      session={props.sessionHead}
    />
  );
}

/** The open network's other exercises and the way to the gallery. */
function Others({ exam }: { exam: ExamController }) {
  const entries = exam.documentEntries;
  return (
    <div className="exam-others">
      {entries.length > 0 ? (
        <>
          <h4>Exercises on this network</h4>
          <ExerciseList
            items={entries}
            records={exam.progress.records}
            active={exam.progress.active}
            onStart={(key) => exam.goTo(key, false)}
          />
        </>
      ) : (
        <p className="panel-empty" data-testid="exam-tab-empty">
          This network has no exercises.
        </p>
      )}
      <div className="exam-actions">
        <button type="button" onClick={() => exam.setGalleryOpen(true)} data-testid="exam-open-gallery">
          Exam gallery…
        </button>
      </div>
    </div>
  );
}
