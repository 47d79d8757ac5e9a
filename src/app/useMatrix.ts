// useMatrix(topology, request): the reachability matrix for the page. Small matrices are computed at once
// in a memo; large ones in a web worker, where a newer request abandons the running one.
import { useEffect, useMemo, useRef, useState } from 'react';
import {
  matrixOfTopology,
  matrixSize,
  reachabilityMatrix,
  type MatrixRequest,
  type MatrixResult,
  type Network,
} from '../engine/index.ts';
import type { Topology } from '../model/index.ts';
import type { MatrixWorkerReply, MatrixWorkerRequest } from './matrix.worker.ts';

/** Up to this many cells the matrix is computed on the main thread (a few milliseconds on small networks). */
export const MATRIX_SYNC_LIMIT = 400;

export interface MatrixState {
  /** The matrix of the current request; while `pending`, the last one the worker finished (possibly stale). */
  result: MatrixResult | undefined;
  pending: boolean;
  /** Why no matrix could be made (a network that cannot be read, an engine failure). */
  error: string | undefined;
}

export interface UseMatrixOptions {
  /** Cells above which the worker is used; default MATRIX_SYNC_LIMIT. */
  syncLimit?: number;
  /**
   * The network already compiled from `topology` (the editor analysis' `network`): the main-thread path
   * then skips parsing and compiling. The worker always compiles its own copy.
   */
  network?: Network | undefined;
}

interface Done {
  topology: Topology;
  request: MatrixRequest;
  result?: MatrixResult;
  error?: string;
}

interface Slot {
  worker: Worker;
  /** The topology the worker holds, so an unchanged network is not cloned again. */
  topology: Topology | undefined;
  busy: boolean;
}

function createWorker(): Worker {
  // Written out here, literally, so that Vite finds and bundles the worker.
  return new Worker(new URL('./matrix.worker.ts', import.meta.url), { type: 'module' });
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * The matrix of `request` over `topology` (pass `undefined` for either to compute nothing). The request is
 * compared by value, so a new object with the same fields does not start a new computation.
 */
export function useMatrix(
  topology: Topology | undefined,
  request: MatrixRequest | undefined,
  options: UseMatrixOptions = {},
): MatrixState {
  const syncLimit = options.syncLimit ?? MATRIX_SYNC_LIMIT;
  const network = options.network;
  const key = request === undefined ? undefined : JSON.stringify(request);
  const stable = useMemo(() => (key === undefined ? undefined : (JSON.parse(key) as MatrixRequest)), [key]);
  const inWorker =
    topology !== undefined && stable !== undefined && matrixSize(stable) > syncLimit && typeof Worker !== 'undefined';

  const sync = useMemo((): Omit<Done, 'topology' | 'request'> | undefined => {
    if (topology === undefined || stable === undefined || inWorker) return undefined;
    try {
      if (network) return { result: reachabilityMatrix(network, stable) };
      const outcome = matrixOfTopology(topology, stable);
      return outcome.ok ? { result: outcome.value } : { error: outcome.error.message };
    } catch (error) {
      return { error: message(error) };
    }
  }, [topology, stable, inWorker, network]);

  const [done, setDone] = useState<Done | undefined>(undefined);
  const slot = useRef<Slot | undefined>(undefined);
  const generation = useRef(0);

  useEffect(() => {
    // Every change makes earlier requests stale: their replies are dropped by the generation check.
    const id = ++generation.current;
    let current = slot.current;
    if (current?.busy) {
      // A worker busy with a stale matrix cannot be interrupted; a fresh one is cheaper than waiting.
      current.worker.terminate();
      current = undefined;
      slot.current = undefined;
    }
    if (!inWorker || topology === undefined || stable === undefined) return;
    if (!current) {
      current = { worker: createWorker(), topology: undefined, busy: false };
      slot.current = current;
    }
    const running = current;
    running.worker.onmessage = (event: MessageEvent<MatrixWorkerReply>) => {
      const reply = event.data;
      if (reply.id !== generation.current) return;
      running.busy = false;
      setDone(
        reply.ok
          ? { topology, request: stable, result: reply.result }
          : { topology, request: stable, error: reply.error },
      );
    };
    running.worker.onerror = (event: ErrorEvent) => {
      event.preventDefault();
      running.busy = false;
      running.topology = undefined;
      if (id !== generation.current) return;
      setDone({ topology, request: stable, error: event.message || 'The matrix worker failed.' });
    };
    const outgoing: MatrixWorkerRequest =
      running.topology === topology ? { id, request: stable } : { id, topology, request: stable };
    running.topology = topology;
    running.busy = true;
    try {
      running.worker.postMessage(outgoing);
    } catch (error) {
      // A topology that cannot be cloned; report it as the answer of this request.
      running.busy = false;
      running.topology = undefined;
      queueMicrotask(() => {
        if (id === generation.current) setDone({ topology, request: stable, error: message(error) });
      });
    }
  }, [inWorker, topology, stable]);

  // The worker lives as long as the component.
  useEffect(
    () => () => {
      slot.current?.worker.terminate();
      slot.current = undefined;
    },
    [],
  );

  if (!inWorker) return { result: sync?.result, pending: false, error: sync?.error };
  const fresh = done !== undefined && done.topology === topology && done.request === stable;
  return { result: done?.result, pending: !fresh, error: fresh ? done.error : undefined };
}
