// Exam progress in this browser's localStorage (key `vpcsim.exam`): read defensively, written whole.
import { emptyProgress, readProgress, type ExamProgress } from './exam-model.ts';

export const EXAM_KEY = 'vpcsim.exam';

type KeyValue = Pick<Storage, 'getItem' | 'setItem'>;

function storage(): KeyValue | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

export function loadProgress(from: KeyValue | undefined = storage()): ExamProgress {
  try {
    const text = from?.getItem(EXAM_KEY);
    return text ? readProgress(JSON.parse(text)) : emptyProgress();
  } catch {
    // Corrupt or unreadable: start afresh rather than break the page.
    return emptyProgress();
  }
}

export function saveProgress(progress: ExamProgress, to: KeyValue | undefined = storage()): void {
  try {
    to?.setItem(EXAM_KEY, JSON.stringify(progress));
  } catch {
    // Storage full or disabled: the exam still works, it only forgets.
  }
}
