// Exam mode's state in the editor: progress (kept in localStorage), the gallery's filters, opening an
// exercise on its network, sessions and starting over. The Exam tab and the gallery render from it.
import { useCallback, useMemo, useRef, useState } from 'react';
import { readExam, type Document } from '../../model/index.ts';
import type { ExamGalleryProps } from '../../ui/index.ts';
import { examCatalog, examCatalogByKey } from './catalog.ts';
import {
  advanceSession,
  createSession,
  documentExercises,
  filterCatalog,
  filterOptions,
  finishSession,
  NO_FILTERS,
  progressSummary,
  retryExercise,
  scenarioOfDocKey,
  splitExerciseKey,
  startExercise,
  type CatalogEntry,
  type ExamFilters,
  type ExamProgress,
} from './exam-model.ts';
import { loadProgress, saveProgress } from './progress-storage.ts';

export interface UseExamOptions {
  document: Document;
  /** The open document's key (`scenario:<file>`, `file:<name>` or `new`). */
  docKey: string;
  /** Opens a preset as bundled; false when it could not be opened or the user kept their work. */
  openScenario: (name: string) => boolean;
  /** Puts a document back (Start over on a file's exercise). */
  restore: (document: Document) => void;
  /** Whether the open document changed since it was opened. */
  isDirty: () => boolean;
  /** Shows the Exam tab. */
  showTab: () => void;
  notify: (text: string) => void;
}

export interface ExamController {
  progress: ExamProgress;
  update: (change: (progress: ExamProgress) => ExamProgress) => void;
  catalog: readonly CatalogEntry[];
  /** The catalog plus the open document's own exercises (a file's exercises are not in the catalog). */
  lookup: (key: string) => CatalogEntry | undefined;
  /** The exercises of the open document. */
  documentEntries: CatalogEntry[];
  /** Opens an exercise on its network; `fresh` starts a new attempt. */
  goTo: (key: string, fresh: boolean) => void;
  /** The network back as the active exercise opened it. */
  startOver: (() => void) | undefined;
  /** The next question of the session, or its end. */
  nextInSession: () => void;
  endSession: () => void;
  closeSession: () => void;
  galleryOpen: boolean;
  setGalleryOpen: (open: boolean) => void;
  galleryProps: Omit<ExamGalleryProps, 'onClose'>;
}

export function useExam(config: UseExamOptions): ExamController {
  const { document, docKey, openScenario, restore, isDirty, showTab, notify } = config;
  const [progress, setProgress] = useState<ExamProgress>(() => loadProgress());
  // The latest progress for callbacks that update several times in a row.
  const latest = useRef(progress);
  const update = useCallback((change: (p: ExamProgress) => ExamProgress) => {
    const next = change(latest.current);
    if (next === latest.current) return;
    latest.current = next;
    setProgress(next);
    saveProgress(next);
  }, []);

  const documentEntries = useMemo(
    () => documentExercises(document, docKey),
    // The exercises change only with the document's exam and its title.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [document.exam, document.meta, docKey],
  );
  const lookup = useCallback(
    (key: string) => documentEntries.find((e) => e.key === key) ?? examCatalogByKey.get(key),
    [documentEntries],
  );

  // Networks of exercises opened from files, as they were when the exercise opened (Start over).
  const [snapshots, setSnapshots] = useState<ReadonlyMap<string, Document>>(() => new Map());

  /** Opens the network of exercise `key`; false when it stays closed. */
  const openFor = useCallback(
    (key: string, fresh: boolean): boolean => {
      const split = splitExerciseKey(key);
      if (!split) return false;
      const scenario = scenarioOfDocKey(split.docKey);
      const entry = lookup(key);
      const record = latest.current.records[key];
      if (scenario !== undefined) {
        // An exercise asks about the preset as bundled, unless a break-fix attempt is under way on it.
        const resuming = !fresh && entry?.exercise.kind === 'breakFix' && record !== undefined && !record.done;
        if (split.docKey !== docKey || (isDirty() && !resuming)) return openScenario(scenario);
        return true;
      }
      if (split.docKey !== docKey) {
        notify(`This exercise belongs to ${split.docKey.replace(/^file:/, 'the file ')}; open it first.`);
        return false;
      }
      if (!snapshots.has(split.docKey)) setSnapshots(new Map([...snapshots, [split.docKey, document]]));
      return true;
    },
    [docKey, document, isDirty, lookup, notify, openScenario, snapshots],
  );

  const goTo = useCallback(
    (key: string, fresh: boolean) => {
      if (!openFor(key, fresh)) return;
      const now = Date.now();
      update((p) => (fresh ? retryExercise(p, key, now) : startExercise(p, key, now)));
      showTab();
    },
    [openFor, showTab, update],
  );

  const active = progress.active;
  const activeDoc = active === undefined ? undefined : splitExerciseKey(active)?.docKey;
  const startOver = useMemo(() => {
    if (activeDoc === undefined || activeDoc !== docKey) return undefined;
    const scenario = scenarioOfDocKey(activeDoc);
    if (scenario !== undefined) return () => void openScenario(scenario);
    const snapshot = snapshots.get(activeDoc);
    return snapshot ? () => restore(snapshot) : undefined;
  }, [activeDoc, docKey, openScenario, restore, snapshots]);

  const nextInSession = useCallback(() => {
    const session = latest.current.session;
    if (!session) return;
    const next = session.keys[session.index + 1];
    if (next !== undefined && !openFor(next, true)) return;
    update((p) => advanceSession(p, Date.now()));
    if (next !== undefined) showTab();
  }, [openFor, showTab, update]);
  const endSession = useCallback(() => update((p) => finishSession(p, Date.now())), [update]);
  const closeSession = useCallback(() => {
    update((p) => {
      const { session: _session, ...rest } = p;
      return rest;
    });
  }, [update]);

  const [galleryOpen, setGalleryOpen] = useState(false);
  const [filters, setFilters] = useState<ExamFilters>(NO_FILTERS);
  const options = useMemo(() => filterOptions(examCatalog), []);
  const items = useMemo(() => filterCatalog(examCatalog, filters), [filters]);
  const allKeys = useMemo(() => examCatalog.map((e) => e.key), []);

  const startSession = useCallback(
    (size: number, limitMinutes: number | undefined) => {
      const now = Date.now();
      const session = createSession(
        items.map((e) => e.key),
        size,
        now % 2147483647,
        now,
        limitMinutes,
      );
      const first = session?.keys[0];
      if (!session || first === undefined) return;
      if (!openFor(first, true)) return;
      update((p) => retryExercise({ ...p, session }, first, now));
      setGalleryOpen(false);
      showTab();
    },
    [items, openFor, showTab, update],
  );

  const session = progress.session;
  const galleryProps: Omit<ExamGalleryProps, 'onClose'> = {
    items,
    total: examCatalog.length,
    filters,
    options,
    onFilters: setFilters,
    records: progress.records,
    progress: progressSummary(progress, allKeys),
    active,
    timer: progress.timer,
    onTimer: (on) => update((p) => ({ ...p, timer: on })),
    onStart: (key) => {
      setGalleryOpen(false);
      goTo(key, false);
    },
    onStartSession: startSession,
    session:
      session && session.finishedAt === undefined ? { index: session.index, total: session.keys.length } : undefined,
    onResumeSession: () => {
      const key = session?.keys[session.index];
      setGalleryOpen(false);
      if (key !== undefined) goTo(key, false);
    },
    onResetProgress: () => {
      if (window.confirm('Forget every score and answer kept in this browser?')) {
        update((p) => ({ version: 1, records: {}, timer: p.timer }));
      }
    },
  };

  return {
    progress,
    update,
    catalog: examCatalog,
    lookup,
    documentEntries,
    goTo,
    startOver,
    nextInSession,
    endSession,
    closeSession,
    galleryOpen,
    setGalleryOpen,
    galleryProps,
  };
}

/** Whether a document carries exercises (its edits are practice, not work to protect). */
export function hasExercises(document: Pick<Document, 'exam'>): boolean {
  return readExam(document).exam !== undefined;
}
