// The reachability matrix off the main thread: receives a topology (when it changed) and a request, posts
// back the matrix. Keeps the last topology so a new request on the same network skips parse and compile.
import { matrixOfTopology, type MatrixRequest, type MatrixResult } from '../engine/index.ts';
import type { Topology } from '../model/index.ts';

export interface MatrixWorkerRequest {
  /** The generation of the request; the reply carries it back so the page can drop stale answers. */
  id: number;
  /** Omitted when the worker already holds this network from an earlier request. */
  topology?: Topology;
  request: MatrixRequest;
}

export type MatrixWorkerReply =
  { id: number; ok: true; result: MatrixResult } | { id: number; ok: false; error: string; code: string };

/** The few members of a dedicated worker's global scope this file uses (the DOM lib types `self` as a window). */
interface WorkerScope {
  onmessage: ((event: MessageEvent<MatrixWorkerRequest>) => void) | null;
  postMessage(message: MatrixWorkerReply): void;
}

const scope = self as unknown as WorkerScope;
let topology: Topology | undefined;

function answer(message: MatrixWorkerRequest): MatrixWorkerReply {
  if (message.topology) topology = message.topology;
  if (!topology) return { id: message.id, ok: false, code: 'MATRIX_NO_NETWORK', error: 'No network was sent.' };
  try {
    const outcome = matrixOfTopology(topology, message.request);
    return outcome.ok
      ? { id: message.id, ok: true, result: outcome.value }
      : { id: message.id, ok: false, code: outcome.error.code, error: outcome.error.message };
  } catch (error) {
    return {
      id: message.id,
      ok: false,
      code: 'ENGINE_ERROR',
      error: error instanceof Error ? error.message : String(error),
    };
  }
}

scope.onmessage = (event) => scope.postMessage(answer(event.data));
