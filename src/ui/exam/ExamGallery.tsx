// The exam gallery: every exercise of the presets, grouped by preset, with filters (exam, topic,
// difficulty, mode), search, the progress kept in this browser, the timer switch and random sessions.
import { useMemo, useState } from 'react';
import { Modal } from '../shell/Modal.tsx';
import { ExerciseList } from './ExerciseList.tsx';
import { KIND_LABELS, percent } from './format.ts';
import type { ExamFilters, ExamItem, ExerciseRecord, FilterOptions } from './types.ts';
import './exam.css';

export interface ExamGalleryProps {
  /** The exercises the filters admit, in catalog order. */
  items: readonly ExamItem[];
  /** How many exercises there are before filtering. */
  total: number;
  filters: ExamFilters;
  options: FilterOptions;
  onFilters: (filters: ExamFilters) => void;
  records: Readonly<Record<string, ExerciseRecord>>;
  /** Over the whole catalog. */
  progress: { done: number; total: number; average: number };
  active?: string | undefined;
  timer: boolean;
  onTimer: (on: boolean) => void;
  onStart: (key: string) => void;
  /** A session of `size` random questions from the filtered ones, with an optional time limit. */
  onStartSession: (size: number, limitMinutes: number | undefined) => void;
  /** A session under way: where it is. */
  session?: { index: number; total: number } | undefined;
  onResumeSession?: (() => void) | undefined;
  onResetProgress: () => void;
  onClose: () => void;
}

const TIME_LIMITS = [0, 5, 10, 15, 30, 60];

function Select({
  label,
  value,
  values,
  words,
  onChange,
}: {
  label: string;
  value: string;
  values: readonly string[];
  words?: (value: string) => string;
  onChange: (value: string) => void;
}) {
  return (
    <label className="exam-filter">
      <span>{label}</span>
      <select value={value} onChange={(event) => onChange(event.target.value)} aria-label={label}>
        <option value="">All</option>
        {values.map((v) => (
          <option key={v} value={v}>
            {words ? words(v) : v}
          </option>
        ))}
      </select>
    </label>
  );
}

export function ExamGallery(props: ExamGalleryProps) {
  const { items, filters, options, onFilters, onClose } = props;
  const [size, setSize] = useState(5);
  const [limit, setLimit] = useState(0);

  const groups = useMemo(() => {
    const byScenario = new Map<string, ExamItem[]>();
    for (const item of items) byScenario.set(item.scenario, [...(byScenario.get(item.scenario) ?? []), item]);
    return [...byScenario.values()];
  }, [items]);
  const set = (patch: Partial<ExamFilters>) => onFilters({ ...filters, ...patch });

  return (
    <Modal
      label="Exam gallery"
      title="Exam practice"
      closeLabel="Close exam gallery"
      onClose={onClose}
      className="exam-gallery"
      headerExtra={
        <span className="exam-progress" data-testid="exam-progress">
          {props.progress.done} of {props.progress.total} exercises done
          {props.progress.done > 0 && `, average ${percent(props.progress.average)}`}
        </span>
      }
    >
      <div className="exam-filters" role="search">
        <label className="exam-filter exam-search">
          <span>Search</span>
          <input
            type="search"
            value={filters.search}
            placeholder="NAT, ephemeral ports, peering…"
            onChange={(event) => set({ search: event.target.value })}
            aria-label="Search exercises"
          />
        </label>
        <Select label="Exam" value={filters.exam} values={options.exams} onChange={(exam) => set({ exam })} />
        <Select label="Topic" value={filters.topic} values={options.topics} onChange={(topic) => set({ topic })} />
        <Select
          label="Difficulty"
          value={filters.difficulty}
          values={options.difficulties}
          onChange={(difficulty) => set({ difficulty })}
        />
        <Select
          label="Mode"
          value={filters.kind}
          values={options.kinds}
          words={(k) => KIND_LABELS[k as keyof typeof KIND_LABELS]}
          onChange={(kind) => set({ kind: kind as ExamFilters['kind'] })}
        />
        <label className="exam-filter exam-check">
          <input type="checkbox" checked={props.timer} onChange={(event) => props.onTimer(event.target.checked)} />
          <span>Timer</span>
        </label>
      </div>
      <div className="exam-session-bar">
        <span data-testid="exam-shown">
          {items.length} of {props.total} exercises shown
        </span>
        <label className="exam-filter">
          <span>Questions</span>
          <input
            type="number"
            min={1}
            max={Math.max(items.length, 1)}
            value={size}
            onChange={(event) => setSize(Math.max(1, Number(event.target.value) || 1))}
            aria-label="Questions in a session"
          />
        </label>
        <label className="exam-filter">
          <span>Time limit</span>
          <select value={limit} onChange={(event) => setLimit(Number(event.target.value))} aria-label="Time limit">
            {TIME_LIMITS.map((m) => (
              <option key={m} value={m}>
                {m === 0 ? 'none' : `${m} min`}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          disabled={items.length === 0}
          onClick={() => props.onStartSession(size, limit > 0 ? limit : undefined)}
          data-testid="exam-start-session"
        >
          Start a session
        </button>
        {props.session && props.onResumeSession && (
          <button type="button" onClick={props.onResumeSession} data-testid="exam-resume-session">
            Resume session ({props.session.index + 1} of {props.session.total})
          </button>
        )}
        <button
          type="button"
          className="exam-reset"
          onClick={props.onResetProgress}
          disabled={props.progress.done === 0}
          data-testid="exam-reset-progress"
        >
          Reset progress
        </button>
      </div>
      <div className="exam-gallery-body">
        {groups.length === 0 && (
          <p className="panel-empty" data-testid="exam-none">
            {props.total === 0 ? 'No preset has exercises yet.' : 'No exercise matches these filters.'}
          </p>
        )}
        {groups.map((group) => {
          const first = group[0];
          if (!first) return null;
          return (
            <section
              key={first.scenario}
              className="exam-preset"
              aria-label={first.title}
              data-scenario={first.scenario}
            >
              <header>
                <strong>{first.title}</strong>
                {first.difficulty && <span className="gallery-difficulty">{first.difficulty}</span>}
                <span className="gallery-tags">
                  {[...first.exams, ...first.topics].map((tag) => (
                    <span key={tag} className="tag">
                      {tag}
                    </span>
                  ))}
                </span>
              </header>
              <ExerciseList items={group} records={props.records} active={props.active} onStart={props.onStart} />
            </section>
          );
        })}
      </div>
    </Modal>
  );
}
