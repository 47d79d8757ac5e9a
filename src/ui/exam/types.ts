// The data the exam components show: one exercise of a preset, what this browser remembers of it, the
// components a learner may name, and a finished session. Plain data; the app computes all of it.
import type { Exercise } from '../../model/index.ts';

export type ExerciseKind = Exercise['kind'];

/** One exercise of one preset, as the gallery lists it. */
export interface ExamItem {
  /** `<document key>#<exercise id>`, the key its progress is kept under. */
  key: string;
  /** The scenario's file name (or the document key of an open file). */
  scenario: string;
  title: string;
  description?: string | undefined;
  difficulty?: string | undefined;
  exams: string[];
  topics: string[];
  exercise: Exercise;
}

export type ExerciseAnswer =
  | { kind: 'predict'; verdict: string; blockedAt?: string }
  | { kind: 'chooseFix'; choice: string }
  | { kind: 'breakFix'; solved: boolean };

/** What this browser remembers of one exercise. */
export interface ExerciseRecord {
  /** The current attempt is over: answered, solved or given up. */
  done: boolean;
  /** The last finished attempt's score, 0 to 1. */
  score: number;
  best: number;
  /** Finished attempts. */
  attempts: number;
  /** Hints revealed in the current attempt. */
  hintsUsed: number;
  answer?: ExerciseAnswer;
  /** When the current attempt started (ms since the epoch), for the timer. */
  startedAt?: number;
  /** How long the last finished attempt took. */
  seconds?: number;
}

/** A component the learner may name as the blocker. */
export interface ComponentChoice {
  id: string;
  label: string;
  group: string;
}

export interface MissedGroup {
  topic: string;
  entries: { entry: ExamItem; score: number | undefined }[];
}

export interface SessionSummaryData {
  total: number;
  answered: number;
  /** Sum of the scores. */
  points: number;
  /** points / total, 0 to 1. */
  score: number;
  /** Questions not answered in full (unanswered ones too), under each of their topics. */
  missed: MissedGroup[];
  seconds?: number;
}

export interface ExamFilters {
  exam: string;
  topic: string;
  difficulty: string;
  kind: '' | ExerciseKind;
  search: string;
}

export interface FilterOptions {
  exams: string[];
  topics: string[];
  difficulties: string[];
  kinds: ExerciseKind[];
}
