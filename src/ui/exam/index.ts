// Exam mode's components: the gallery of exercises, one exercise, a session's summary, and their data.
export { ExamGallery, type ExamGalleryProps } from './ExamGallery.tsx';
export { ExerciseList, recordStatus, type ExerciseListProps } from './ExerciseList.tsx';
export { ExercisePanel, type ExercisePanelProps } from './ExercisePanel.tsx';
export { SessionSummary, type SessionSummaryProps } from './SessionSummary.tsx';
export { formatDuration, KIND_LABELS, percent, verdictLabel } from './format.ts';
export type * from './types.ts';
