// Imports off the main thread: receives the texts of the opened or dropped files, posts back what they
// are and the imported document, so that a large account export never freezes the page.
import type { SourceFile } from '../../interop/index.ts';
import { runImport, type ImportOutcome } from './run-import.ts';

export interface ImportWorkerRequest {
  id: number;
  files: SourceFile[];
}

export type ImportWorkerReply =
  { id: number; ok: true; outcome: ImportOutcome } | { id: number; ok: false; error: string };

/** The few members of a dedicated worker's global scope this file uses (the DOM lib types `self` as a window). */
interface WorkerScope {
  onmessage: ((event: MessageEvent<ImportWorkerRequest>) => void) | null;
  postMessage(message: ImportWorkerReply): void;
}

const scope = self as unknown as WorkerScope;

scope.onmessage = (event) => {
  const { id, files } = event.data;
  try {
    scope.postMessage({ id, ok: true, outcome: runImport(files) });
  } catch (error) {
    scope.postMessage({ id, ok: false, error: error instanceof Error ? error.message : String(error) });
  }
};
