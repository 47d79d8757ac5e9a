// Words and numbers of the exam screens: kind labels, verdict wording, scores and the timer.
import type { ExerciseKind } from './types.ts';

export const KIND_LABELS: Readonly<Record<ExerciseKind, string>> = {
  predict: 'Predict',
  chooseFix: 'Choose the fix',
  breakFix: 'Break-fix',
};

const VERDICT_WORDS: Readonly<Record<string, string>> = {
  REACHABLE: 'Reachable',
  REACHABLE_PARTIAL: 'Partly reachable',
  BLOCKED: 'Blocked',
  UNSUPPORTED: 'Not supported by the simulator',
  INVALID_CONFIG: 'The configuration is invalid',
};

export function verdictLabel(verdict: string): string {
  return VERDICT_WORDS[verdict] ?? verdict;
}

export function percent(score: number): string {
  return `${Math.round(score * 100)}%`;
}

/** `m:ss` (or `h:mm:ss`) for the timer. */
export function formatDuration(seconds: number): string {
  const s = Math.max(Math.floor(seconds), 0);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}
