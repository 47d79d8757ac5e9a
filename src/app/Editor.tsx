// The editor page: toolbar, palette, canvas, inspector and the bottom panel, wired to one editor store.
// This file owns the browser edges: the URL, localStorage, file dialogs, downloads and keyboard shortcuts.
import { useCallback, useEffect, useMemo, useState, type CSSProperties, type DragEvent as ReactDragEvent } from 'react';
import { useStore } from 'zustand';
import type { MatrixRequest } from '../engine/index.ts';
import type { ExamQuery, Layout, Topology } from '../model/index.ts';
import { serializeDocument, type Document } from '../model/index.ts';
import {
  clearNotice,
  copy,
  createEditorStore,
  createResource,
  deleteResources,
  edit,
  isDirty,
  markSaved,
  moveNodes,
  paste,
  persistEditor,
  redo,
  replaceDocument,
  select,
  selectAnalysis,
  undo,
  type DocumentSource,
} from '../store/index.ts';
import {
  autoLayout,
  BottomPanel,
  CanvasView,
  ChecksTable,
  defaultTraceForm,
  DiagnosticsPanel,
  ErrorBoundary,
  ExamGallery,
  GalleryDialog,
  ImportReportDialog,
  Inspector,
  matrixEndpoints,
  MatrixView,
  Palette,
  resolveActivation,
  Toast,
  Toolbar,
  type BottomTab,
  type PaletteItem,
  type RowTarget,
  type RuleHighlight,
} from '../ui/index.ts';
import { bootEditor, EDITOR_KEY, emptyDocument, openScenario, openText } from './boot.ts';
import { layoutMissing } from './layout-missing.ts';
import { ExamTab } from './exam/ExamTab.tsx';
import { carriesFiles, pickedFromDrop, pickedFromList } from './import/read-files.ts';
import { useImport } from './import/use-import.ts';
import { hasExercises, useExam } from './exam/use-exam.ts';
import { scenarioEntries } from './scenarios.ts';
import { loadPanelHeight, savePanelHeight } from './storage.ts';
import { TraceTab, useTraceSession } from './TracePanel.tsx';
import { useMatrix } from './useMatrix.ts';
import { downloadText, fileSlug } from './download.ts';
import { useExport } from './export/use-export.ts';
import { sharedLinkPending, useShare } from './share/use-share.ts';

function browserStorage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

function scenarioParam(): string | null {
  return new URLSearchParams(window.location.search).get('scenario');
}

function setScenarioParam(name: string | undefined): void {
  const url = new URL(window.location.href);
  if (name === undefined) url.searchParams.delete('scenario');
  else url.searchParams.set('scenario', name);
  if (url.href !== window.location.href) window.history.pushState(null, '', url);
}

function sourceName(source: DocumentSource): string | undefined {
  return source.kind === 'new' ? undefined : source.name;
}

function fileNameFor(document: Document, source: DocumentSource): string {
  return `${fileSlug(document, source)}.json`;
}

/** The first matrix of a document: every instance to every instance and the internet, on https. */
function defaultMatrixRequest(topology: Topology): MatrixRequest {
  const instances = (topology.instances ?? []).map((i) => i.id);
  return { sources: instances, destinations: [...instances, 'internet'], protocol: 'tcp', port: 443 };
}

function isEditable(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

export function Editor() {
  const [store] = useState(() => {
    const storage = browserStorage();
    // A #doc= link starts read-only (nothing is written before it is unpacked) and ignores ?scenario=.
    const shared = sharedLinkPending();
    const boot = bootEditor(shared ? null : scenarioParam(), storage, (message) => window.confirm(message));
    const created = createEditorStore({ ...boot, readOnly: shared });
    if (boot.notice) created.setState({ notice: boot.notice });
    return created;
  });

  const document = useStore(store, (s) => s.document);
  const source = useStore(store, (s) => s.source);
  const selection = useStore(store, (s) => s.selection);
  const notice = useStore(store, (s) => s.notice);
  const dirty = useStore(store, isDirty);
  const undoLabel = useStore(store, (s) => s.past[s.past.length - 1]?.label);
  const redoLabel = useStore(store, (s) => s.future[s.future.length - 1]?.label);
  const analysis = useStore(store, selectAnalysis);

  const [galleryOpen, setGalleryOpen] = useState(false);
  const [panelHeight, setPanelHeight] = useState(loadPanelHeight);
  const resizePanel = useCallback((height: number) => {
    const clamped = Math.round(Math.min(Math.max(height, 120), window.innerHeight - 160));
    setPanelHeight(clamped);
    savePanelHeight(clamped);
  }, []);
  const [tab, setTab] = useState<BottomTab>('diagnostics');
  const [fitToken, setFitToken] = useState(0);

  // Share links: a #doc= link opens read-only over the work kept in this browser (src/app/share).
  const readOnly = useStore(store, (s) => s.readOnly);
  const onShareOpened = useCallback(
    (next: Document, nextSource: DocumentSource) => {
      void layoutMissing(store, next, nextSource);
      setFitToken((n) => n + 1);
    },
    [store],
  );
  const share = useShare({ store, storage: browserStorage, onOpened: onShareOpened });
  const { leave: leaveShared } = share;
  const exporter = useExport(store, share.copyLink);

  // Persist every change; lay out what the first document lacks.
  useEffect(() => {
    const storage = browserStorage();
    const stop = storage ? persistEditor(store, storage, EDITOR_KEY) : undefined;
    const state = store.getState();
    void layoutMissing(store, state.document, state.source);
    return stop;
  }, [store]);

  /** Replaces the open document, asking first when that would lose unsaved work. */
  const open = useCallback(
    (next: Document, nextSource: DocumentSource): boolean => {
      if (!leaveShared()) return false;
      if (
        isDirty(store.getState()) &&
        !window.confirm('Replace the open network? Your unsaved changes will be lost (save them first to keep them).')
      ) {
        return false;
      }
      replaceDocument(store, next, nextSource);
      void layoutMissing(store, next, nextSource);
      setFitToken((n) => n + 1);
      return true;
    },
    [leaveShared, store],
  );

  const openScenarioByName = useCallback(
    (name: string, pushUrl: boolean) => {
      const opened = openScenario(name);
      if (!opened.ok) {
        store.setState({ notice: { kind: 'error', text: opened.message } });
        return;
      }
      if (open(opened.document, { kind: 'scenario', name }) && pushUrl) setScenarioParam(name);
    },
    [open, store],
  );

  /**
   * Opens a preset as bundled for an exercise. Practice on a preset with exercises is replaced without
   * asking; other unsaved work is asked about first, as when opening from the gallery.
   */
  const openForExam = useCallback(
    (name: string): boolean => {
      const opened = openScenario(name);
      if (!opened.ok) {
        store.setState({ notice: { kind: 'error', text: opened.message } });
        return false;
      }
      const state = store.getState();
      const source: DocumentSource = { kind: 'scenario', name };
      if (state.source.kind === 'scenario' && hasExercises(state.document)) {
        replaceDocument(store, opened.document, source);
        void layoutMissing(store, opened.document, source);
        setFitToken((n) => n + 1);
      } else if (!open(opened.document, source)) {
        return false;
      }
      setScenarioParam(name);
      return true;
    },
    [open, store],
  );

  // Back and forward buttons move between scenarios opened from the gallery.
  useEffect(() => {
    const onPop = () => {
      const name = scenarioParam();
      const current = store.getState().source;
      if (name !== null && !(current.kind === 'scenario' && current.name === name)) openScenarioByName(name, false);
    };
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, [openScenarioByName, store]);

  const save = useCallback(() => {
    const state = store.getState();
    const name = fileNameFor(state.document, state.source);
    downloadText(serializeDocument(state.document), name, 'application/json');
    markSaved(store, { kind: 'file', name });
    setScenarioParam(undefined);
  }, [store]);

  const openFileText = useCallback(
    (text: string, name: string) => {
      const opened = openText(text, `The file ${name}`);
      if (!opened.ok) {
        store.setState({ notice: { kind: 'error', text: opened.message } });
        return;
      }
      if (open(opened.document, { kind: 'file', name })) setScenarioParam(undefined);
    },
    [open, store],
  );

  // Opening or dropping files: a vpcsim document opens as it is; AWS and Terraform JSON are imported.
  const importer = useImport({
    prepare: (next) => autoLayout(next, { onlyMissing: true }).then((layout) => ({ ...next, layout })),
    openDocument: (next, name) => {
      if (!open(next, { kind: 'file', name })) return false;
      setScenarioParam(undefined);
      return true;
    },
    openText: openFileText,
    notify: (kind, text) => store.setState({ notice: { kind, text } }),
  });
  const { importPicked } = importer;
  const openFiles = useCallback(
    (files: File[]) => {
      const picked = pickedFromList(files);
      // A folder picker gives every file in the folder; only JSON files are describe output.
      const fromFolder = picked.some((p) => p.path.includes('/'));
      importPicked(fromFolder ? picked.filter((p) => /\.json$/i.test(p.path)) : picked);
    },
    [importPicked],
  );
  const [dropping, setDropping] = useState(false);
  const onDragOver = useCallback((event: ReactDragEvent<HTMLDivElement>) => {
    if (!carriesFiles(event.dataTransfer)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
    setDropping(true);
  }, []);
  const onDragLeave = useCallback((event: ReactDragEvent<HTMLDivElement>) => {
    // Leaving for a child element is not leaving the editor.
    if (event.currentTarget.contains(event.relatedTarget as Node | null)) return;
    setDropping(false);
  }, []);
  const onDropFiles = useCallback(
    (event: ReactDragEvent<HTMLDivElement>) => {
      if (!carriesFiles(event.dataTransfer)) return;
      event.preventDefault();
      setDropping(false);
      pickedFromDrop(event.dataTransfer).then(importPicked, (error: unknown) =>
        store.setState({
          notice: {
            kind: 'error',
            text: `The dropped files could not be read: ${error instanceof Error ? error.message : String(error)}`,
          },
        }),
      );
    },
    [importPicked, store],
  );

  const newDocument = useCallback(() => {
    if (open(emptyDocument(), { kind: 'new' })) setScenarioParam(undefined);
  }, [open]);

  const runAutoLayout = useCallback(() => {
    const doc = store.getState().document;
    autoLayout(doc, { onlyMissing: false }).then(
      (layout: Layout) => {
        if (store.getState().document !== doc) return;
        edit(store, 'Auto-layout', (draft) => {
          draft.layout = layout;
        });
        setFitToken((n) => n + 1);
      },
      (error: unknown) =>
        store.setState({
          notice: {
            kind: 'error',
            text: `Auto-layout failed: ${error instanceof Error ? error.message : String(error)}`,
          },
        }),
    );
  }, [store]);

  // Keyboard shortcuts that are not the canvas's own (Delete lives on the canvas).
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const mod = event.ctrlKey || event.metaKey;
      if (!mod) return;
      const key = event.key.toLowerCase();
      if (key === 's') {
        event.preventDefault();
        save();
        return;
      }
      if (isEditable(event.target)) return;
      if (key === 'z' && !event.shiftKey) {
        event.preventDefault();
        undo(store);
      } else if ((key === 'z' && event.shiftKey) || key === 'y') {
        event.preventDefault();
        redo(store);
      } else if (key === 'c') {
        if (copy(store) > 0) event.preventDefault();
      } else if (key === 'v') {
        const state = store.getState();
        const subnets = new Set((state.document.topology.subnets ?? []).map((s) => s.id));
        const target = state.selection.find((id) => subnets.has(id));
        if (state.clipboard) {
          event.preventDefault();
          paste(store, target);
        }
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [save, store]);

  const title = document.meta?.title ?? sourceName(source) ?? 'Untitled network';
  const traceKey = source.kind === 'new' ? 'new' : `${source.kind}:${source.name}`;
  const trace = useTraceSession(traceKey, document, analysis.network);
  const { pick: pickEndpoint, picking, setPicking } = trace;

  const showExamTab = useCallback(() => setTab('exam'), []);
  const restoreForExam = useCallback((doc: Document) => replaceDocument(store, doc, store.getState().source), [store]);
  const examDirty = useCallback(() => isDirty(store.getState()), [store]);
  const examNotify = useCallback((text: string) => store.setState({ notice: { kind: 'info', text } }), [store]);
  const exam = useExam({
    document,
    docKey: traceKey,
    openScenario: openForExam,
    restore: restoreForExam,
    isDirty: examDirty,
    showTab: showExamTab,
    notify: examNotify,
  });
  const { setGalleryOpen: setExamGalleryOpen } = exam;
  // While a predict question is open and unanswered, the checks and the trace would reveal its answer.
  const activeKey = exam.progress.active;
  const activeItem = activeKey === undefined ? undefined : exam.lookup(activeKey);
  const spoiler =
    activeItem !== undefined &&
    activeItem.exercise.kind === 'predict' &&
    activeKey !== undefined &&
    exam.progress.records[activeKey]?.done !== true &&
    activeItem.key.startsWith(`${source.kind === 'new' ? 'new' : `${source.kind}:${source.name}`}#`);
  const closeExamGallery = useCallback(() => setExamGalleryOpen(false), [setExamGalleryOpen]);
  const { setForm: setTraceForm } = trace;
  const stepThrough = useCallback(
    (query: ExamQuery) => {
      setTraceForm(defaultTraceForm(document.topology, { name: 'exercise', expect: 'REACHABLE', ...query }));
      setTab('trace');
    },
    [document.topology, setTraceForm],
  );

  // Escape cancels picking a trace end on the canvas.
  useEffect(() => {
    if (!picking) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') setPicking(undefined);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [picking, setPicking]);

  // While a trace end is being picked, the next instance or interface clicked fills it.
  const onSelectionChange = useCallback(
    (ids: string[]) => {
      const [only] = ids;
      if (ids.length === 1 && only !== undefined && pickEndpoint(only)) setTab('trace');
      select(store, ids);
    },
    [pickEndpoint, store],
  );
  const onMove = useCallback((entries: Parameters<typeof moveNodes>[1]) => moveNodes(store, entries), [store]);
  const onCreate = useCallback(
    (request: Parameters<typeof createResource>[1]) => createResource(store, request),
    [store],
  );
  const onDelete = useCallback((ids: string[]) => deleteResources(store, ids), [store]);
  const onRefuse = useCallback(
    (reason: string) => store.setState({ notice: { kind: 'error', text: reason } }),
    [store],
  );
  const onEdit = useCallback(
    (label: string, recipe: (draft: Document) => void) => {
      edit(store, label, recipe);
    },
    [store],
  );
  const [revealed, setRevealed] = useState<{ id: string; token: number } | undefined>(undefined);
  const reveal = useCallback(
    (id: string) => {
      select(store, [id]);
      setRevealed((prev) => ({ id, token: (prev?.token ?? 0) + 1 }));
    },
    [store],
  );
  const dismiss = useCallback(() => clearNotice(store), [store]);
  // Keyboard creation: as if the item were dropped on the first selected box.
  const onActivate = useCallback(
    (item: PaletteItem) => {
      const state = store.getState();
      const outcome = resolveActivation(item, state.selection, state.document);
      if (outcome.type === 'create') createResource(store, outcome.request);
      else store.setState({ notice: { kind: 'error', text: outcome.reason } });
    },
    [store],
  );

  const problemCount = useMemo(
    () => ({
      errors: analysis.diagnostics.filter((d) => d.severity !== 'warning').length,
      warnings: analysis.diagnostics.filter((d) => d.severity === 'warning').length,
    }),
    [analysis.diagnostics],
  );
  const checkCount = useMemo(
    () => ({
      passed: analysis.checks.filter((c) => c.passed).length,
      failed: analysis.checks.filter((c) => !c.passed).length,
    }),
    [analysis.checks],
  );

  const [highlight, setHighlight] = useState<{ id: string; rule: RuleHighlight } | undefined>(undefined);
  const revealRow = useCallback(
    (target: RowTarget) => {
      reveal(target.id);
      setHighlight(target.highlight ? { id: target.id, rule: target.highlight } : undefined);
    },
    [reveal],
  );

  // The trace is drawn on the canvas while its tab is open, at the player's current stop.
  const canvasTrace = useMemo(
    () =>
      tab === 'trace' && trace.overlay
        ? { overlay: trace.overlay, ...(trace.stop === undefined ? {} : { current: trace.stop }) }
        : undefined,
    [tab, trace.overlay, trace.stop],
  );

  // The matrix's question, per document like the trace form (kept in memory only).
  const [matrixState, setMatrixState] = useState<{ key: string; request: MatrixRequest } | undefined>(undefined);
  const matrixRequest = matrixState?.key === traceKey ? matrixState.request : defaultMatrixRequest(document.topology);
  const setMatrixRequest = useCallback(
    (request: MatrixRequest) => setMatrixState({ key: traceKey, request }),
    [traceKey],
  );
  const matrix = useMatrix(
    tab === 'matrix' ? document.topology : undefined,
    tab === 'matrix' ? matrixRequest : undefined,
    { network: analysis.network },
  );
  const endpoints = useMemo(() => matrixEndpoints(document.topology), [document.topology]);
  const { open: openTrace } = trace;
  const openCell = useCallback(
    (from: string, to: string) => {
      openTrace(from, to, matrixRequest.protocol, matrixRequest.port);
      setTab('trace');
    },
    [matrixRequest.port, matrixRequest.protocol, openTrace],
  );

  return (
    <div
      className="editor"
      data-testid="editor"
      style={{ '--bottom-height': `${panelHeight}px` } as CSSProperties}
      onDragOver={onDragOver}
      onDragLeave={onDragLeave}
      onDrop={onDropFiles}
    >
      <Toolbar
        title={title}
        dirty={dirty}
        canUndo={undoLabel !== undefined}
        canRedo={redoLabel !== undefined}
        undoLabel={undoLabel}
        redoLabel={redoLabel}
        onNew={newDocument}
        onOpenFiles={openFiles}
        onSave={save}
        onGallery={() => setGalleryOpen(true)}
        onExam={() => exam.setGalleryOpen(true)}
        onExport={exporter.run}
        exportBusy={exporter.busy}
        onUndo={() => undo(store)}
        onRedo={() => redo(store)}
        onAutoLayout={runAutoLayout}
        onFitView={() => setFitToken((n) => n + 1)}
      />
      <aside className="editor-palette" aria-label="Palette">
        <fieldset className="readonly-fieldset" disabled={readOnly}>
          <Palette onActivate={onActivate} />
        </fieldset>
      </aside>
      <main className="editor-canvas">
        <ErrorBoundary>
          <CanvasView
            document={document}
            diagnostics={analysis.diagnostics}
            selection={selection}
            onSelectionChange={onSelectionChange}
            onMove={onMove}
            onCreate={onCreate}
            onDelete={onDelete}
            onRefuse={onRefuse}
            fitViewToken={fitToken}
            reveal={revealed}
            trace={canvasTrace}
            readOnly={readOnly}
          />
        </ErrorBoundary>
        {share.banner}
        {notice && <Toast kind={notice.kind} text={notice.text} onDismiss={dismiss} />}
        {importer.busy && (
          <p className="import-busy" role="status" data-testid="import-busy">
            {importer.busy}
          </p>
        )}
        {dropping && (
          <div className="drop-overlay" data-testid="drop-overlay">
            Drop a vpcsim file, AWS describe output (files or a folder) or a Terraform state to open it
          </div>
        )}
      </main>
      <aside className="editor-inspector" aria-label="Inspector">
        <ErrorBoundary key={selection.join(',')}>
          <Inspector
            document={document}
            selection={selection}
            diagnostics={analysis.diagnostics}
            onEdit={onEdit}
            onSelect={reveal}
            highlight={
              highlight && selection.length === 1 && selection[0] === highlight.id ? highlight.rule : undefined
            }
          />
        </ErrorBoundary>
      </aside>
      <BottomPanel
        tab={tab}
        onTab={setTab}
        problemCount={problemCount}
        checkCount={checkCount}
        exam={exam.documentEntries.length}
        height={panelHeight}
        onHeight={resizePanel}
      >
        {tab === 'diagnostics' && (
          <>
            {analysis.engineError && (
              <p className="panel-error" role="alert">
                The engine failed on this network: {analysis.engineError}
              </p>
            )}
            <DiagnosticsPanel diagnostics={analysis.diagnostics} onSelect={reveal} />
          </>
        )}
        {(tab === 'checks' || tab === 'trace') && spoiler && (
          <p className="panel-empty" data-testid="exam-spoiler">
            Answer the open question in the Exam tab first: the {tab === 'checks' ? 'pinned checks' : 'trace'} would
            give it away.
          </p>
        )}
        {tab === 'checks' &&
          !spoiler &&
          (analysis.checks.length > 0 ? (
            <ChecksTable rows={analysis.checks} />
          ) : (
            <p className="panel-empty">This network has no pinned checks yet.</p>
          ))}
        {tab === 'trace' && !spoiler && (
          <TraceTab store={store} session={trace} document={document} onReveal={revealRow} />
        )}
        {tab === 'matrix' && (
          <MatrixView
            result={matrix.result}
            pending={matrix.pending}
            error={matrix.error}
            endpoints={endpoints}
            sources={matrixRequest.sources}
            destinations={matrixRequest.destinations}
            protocol={matrixRequest.protocol}
            port={matrixRequest.port}
            onChange={setMatrixRequest}
            onOpenCell={openCell}
          />
        )}
        {tab === 'exam' && (
          <ExamTab
            exam={exam}
            store={store}
            document={document}
            docKey={traceKey}
            network={analysis.network}
            onStepThrough={stepThrough}
          />
        )}
      </BottomPanel>
      {galleryOpen && (
        <GalleryDialog
          entries={scenarioEntries}
          current={source.kind === 'scenario' ? source.name : undefined}
          onOpen={(name) => {
            setGalleryOpen(false);
            openScenarioByName(name, true);
          }}
          onClose={() => setGalleryOpen(false)}
        />
      )}
      {exam.galleryOpen && <ExamGallery {...exam.galleryProps} onClose={closeExamGallery} />}
      {exporter.dialog}
      {share.dialog}
      {importer.report && (
        <ImportReportDialog
          source={importer.report.kind === 'aws' ? 'AWS' : 'Terraform'}
          what={importer.report.what}
          counts={importer.report.result.counts}
          diagnostics={importer.report.result.diagnostics}
          opened={importer.report.opened}
          onSelect={reveal}
          onClose={importer.closeReport}
        />
      )}
    </div>
  );
}
