// useImport: opening or dropping AWS describe output and Terraform JSON. Reads the files, imports them in
// a worker (so a large account export never freezes the page), opens the result and keeps a report of
// what was imported and what was not.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ImportResult, SourceFile } from '../../interop/index.ts';
import type { Document } from '../../model/index.ts';
import type { ImportWorkerReply, ImportWorkerRequest } from './import.worker.ts';
import type { PickedFile } from './read-files.ts';
import { runImport, type ImportOutcome } from './run-import.ts';

/** Above this many bytes in all, files are refused before reading (a browser tab cannot hold them twice). */
export const MAX_IMPORT_BYTES = 400 * 1024 * 1024;

export interface ImportReport {
  kind: 'aws' | 'terraform';
  /** What was imported, e.g. "24 files from aws-export". */
  what: string;
  result: ImportResult;
  /** The document was opened (false when nothing usable came out or the user kept the open network). */
  opened: boolean;
}

export interface UseImportOptions {
  /**
   * Readies an imported document before it opens (the editor lays it out, so that a large network is
   * drawn once, in place, rather than on the fallback grid first). A failure opens it as it is.
   */
  prepare?: (document: Document) => Promise<Document>;
  /** Opens an imported document; false when the user chose to keep the open network. */
  openDocument: (document: Document, name: string) => boolean;
  /** Opens a vpcsim document's text as the Open command does. */
  openText: (text: string, name: string) => void;
  notify: (kind: 'info' | 'error', text: string) => void;
}

export interface ImportSession {
  /** What is being imported right now ("Importing 24 files…"), or undefined. */
  busy: string | undefined;
  report: ImportReport | undefined;
  closeReport: () => void;
  importPicked: (picked: readonly PickedFile[]) => void;
}

function createWorker(): Worker {
  // Written out here, literally, so that Vite finds and bundles the worker.
  return new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module' });
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The common folder of the paths, or the single file's name: how the import is called in the report. */
function describePicked(picked: readonly PickedFile[]): string {
  const [first] = picked;
  if (!first) return 'nothing';
  if (picked.length === 1) return first.path;
  const roots = new Set(picked.map((p) => p.path.split('/')[0]));
  const [root] = roots;
  return roots.size === 1 && picked.every((p) => p.path.includes('/'))
    ? `${picked.length} files from ${root}`
    : `${picked.length} files`;
}

/** A file name for the imported document, from what was imported. */
function documentName(kind: 'aws' | 'terraform', picked: readonly PickedFile[]): string {
  const [first] = picked;
  const base =
    picked.length === 1 && first
      ? (first.path.split('/').pop() ?? first.path).replace(/\.json$/i, '')
      : (first?.path.split('/')[0] ?? kind);
  return `${base.replace(/[^A-Za-z0-9._-]+/g, '-') || kind}-${kind}.json`;
}

export function useImport(options: UseImportOptions): ImportSession {
  const [busy, setBusy] = useState<string | undefined>(undefined);
  const [report, setReport] = useState<ImportReport | undefined>(undefined);
  const worker = useRef<Worker | undefined>(undefined);
  const generation = useRef(0);
  const latest = useRef(options);
  useEffect(() => {
    latest.current = options;
  });
  useEffect(
    () => () => {
      worker.current?.terminate();
      worker.current = undefined;
    },
    [],
  );

  /** Runs the import in the worker (inline where workers are unavailable). */
  const importInWorker = useCallback((files: SourceFile[], id: number): Promise<ImportOutcome> => {
    if (typeof Worker === 'undefined') return Promise.resolve(runImport(files));
    worker.current ??= createWorker();
    const w = worker.current;
    return new Promise((resolve, reject) => {
      const onMessage = (event: MessageEvent<ImportWorkerReply>) => {
        if (event.data.id !== id) return;
        w.removeEventListener('message', onMessage);
        w.removeEventListener('error', onError);
        if (event.data.ok) resolve(event.data.outcome);
        else reject(new Error(event.data.error));
      };
      const onError = (event: ErrorEvent) => {
        w.removeEventListener('message', onMessage);
        w.removeEventListener('error', onError);
        worker.current?.terminate();
        worker.current = undefined;
        reject(new Error(event.message || 'the import worker failed'));
      };
      w.addEventListener('message', onMessage);
      w.addEventListener('error', onError);
      const request: ImportWorkerRequest = { id, files };
      w.postMessage(request);
    });
  }, []);

  const importPicked = useCallback(
    (picked: readonly PickedFile[]) => {
      const { notify } = latest.current;
      if (picked.length === 0) {
        notify('error', 'No .json files were found in what was opened.');
        return;
      }
      const bytes = picked.reduce((sum, p) => sum + p.file.size, 0);
      if (bytes > MAX_IMPORT_BYTES) {
        notify(
          'error',
          `The files are too large to import in the browser (${Math.round(bytes / 1024 / 1024)} MB, at most ${MAX_IMPORT_BYTES / 1024 / 1024} MB): use npx vpcsim import on the command line.`,
        );
        return;
      }
      const id = ++generation.current;
      const what = describePicked(picked);
      setBusy(`Importing ${what}…`);
      Promise.all(picked.map(async (p) => ({ path: p.path, text: await p.file.text() })))
        .then((files) => importInWorker(files, id))
        .then(async (outcome): Promise<ImportOutcome> => {
          const { prepare } = latest.current;
          if ((outcome.kind !== 'aws' && outcome.kind !== 'terraform') || !outcome.result.document || !prepare) {
            return outcome;
          }
          const document = await prepare(outcome.result.document).catch(() => outcome.result.document);
          return { ...outcome, result: { ...outcome.result, document } };
        })
        .then(
          (outcome) => {
            if (id !== generation.current) return;
            setBusy(undefined);
            const current = latest.current;
            switch (outcome.kind) {
              case 'vpcsim':
                current.openText(outcome.text, outcome.path.split('/').pop() ?? outcome.path);
                return;
              case 'refused':
                current.notify('error', outcome.message);
                return;
              case 'aws':
              case 'terraform': {
                const { document } = outcome.result;
                const opened = document ? current.openDocument(document, documentName(outcome.kind, picked)) : false;
                if (document && !opened) return;
                setReport({ kind: outcome.kind, what, result: outcome.result, opened });
                return;
              }
            }
          },
          (error: unknown) => {
            if (id !== generation.current) return;
            setBusy(undefined);
            latest.current.notify('error', `The import of ${what} failed: ${message(error)}`);
          },
        );
    },
    [importInWorker],
  );

  const closeReport = useCallback(() => setReport(undefined), []);
  return { busy, report, closeReport, importPicked };
}
