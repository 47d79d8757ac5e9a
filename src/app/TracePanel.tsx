// The trace session of the editor: the form (saved per document), the live answer, canvas picking,
// suggested fixes, pinning and the player's stop, wired to the store. The Trace tab renders it.
import { useCallback, useMemo, useState, type ReactNode } from 'react';
import { suggestFixes, type FixSuggestion, type Network, type TraceQuery, type TraceResult } from '../engine/index.ts';
import { applyFix, type Document } from '../model/index.ts';
import { edit, type EditorStore } from '../store/index.ts';
import {
  checkFromTrace,
  defaultTraceForm,
  endpointGroups,
  formToQuery,
  isPinned,
  pickableEndpoint,
  rowKey,
  TracePanel,
  TracePlayer,
  traceOverlay,
  type EndpointField,
  type RowTarget,
  type TraceFormState,
  type TraceOutcome,
  type TraceOverlay,
} from '../ui/index.ts';
import { runTrace } from './analyze.ts';
import { loadTraceForm, saveTraceForm } from './storage.ts';

/** Runs a fix as one undoable step; the trace follows the document and re-runs by itself. */
function applyTraceFix(store: EditorStore, fix: FixSuggestion): void {
  edit(store, fix.title, (draft) => {
    applyFix(draft, fix.edit);
  });
}

function initialForm(key: string, document: Document): TraceFormState {
  return loadTraceForm(key) ?? defaultTraceForm(document.topology, document.checks?.[0]);
}

export interface TraceSession {
  form: TraceFormState;
  setForm: (form: TraceFormState) => void;
  picking: EndpointField | undefined;
  setPicking: (field: EndpointField | undefined) => void;
  /** Fills the field being picked when `id` can be an end of a trace; true when it did. */
  pick: (id: string) => boolean;
  query: TraceQuery | undefined;
  outcome: TraceOutcome;
  result: TraceResult | undefined;
  /** The answer placed on the canvas; its `stops` (request, then reply) are the player's stops. */
  overlay: TraceOverlay | undefined;
  stop: number | undefined;
  setStop: (stop: number | undefined) => void;
  /** Sets the form and clears the stop: a matrix cell opening its trace. */
  open: (from: string, to: string, protocol: string, port: number | undefined) => void;
}

export function useTraceSession(key: string, document: Document, network: Network | undefined): TraceSession {
  const [saved, setSaved] = useState(() => ({ key, form: initialForm(key, document) }));
  let current = saved;
  if (saved.key !== key) {
    // Another document was opened: its own saved form replaces this one.
    current = { key, form: initialForm(key, document) };
    setSaved(current);
  }
  const form = current.form;
  const [picking, setPicking] = useState<EndpointField | undefined>(undefined);
  const [stop, setStop] = useState<number | undefined>(undefined);

  const setForm = useCallback(
    (next: TraceFormState) => {
      setSaved({ key, form: next });
      saveTraceForm(key, next);
      setStop(undefined);
    },
    [key],
  );

  const pick = useCallback(
    (id: string): boolean => {
      if (!picking) return false;
      const endpoint = pickableEndpoint(document.topology, id);
      if (!endpoint) return false;
      setForm({ ...form, [picking]: endpoint });
      setPicking(undefined);
      return true;
    },
    [document.topology, form, picking, setForm],
  );

  const checked = useMemo(() => formToQuery(form), [form]);
  const query = checked.ok ? checked.query : undefined;
  const outcome = useMemo((): TraceOutcome => {
    if (!checked.ok) return { kind: 'incomplete', message: checked.message };
    if (!network) {
      return { kind: 'incomplete', message: 'Fix the problems listed under Diagnostics to trace this network.' };
    }
    return { kind: 'answer', outcome: runTrace(network, checked.query) };
  }, [checked, network]);
  const result = outcome.kind === 'answer' && outcome.outcome.ok ? outcome.outcome.value : undefined;
  const overlay = useMemo(() => (result ? traceOverlay(document, result) : undefined), [document, result]);
  const count = overlay?.stops.length ?? 0;

  const open = useCallback(
    (from: string, to: string, protocol: string, port: number | undefined) =>
      setForm({ ...form, from, to, protocol, port: port === undefined ? form.port : String(port) }),
    [form, setForm],
  );

  return {
    form,
    setForm,
    picking,
    setPicking,
    pick,
    query,
    outcome,
    result,
    overlay,
    stop: stop !== undefined && stop < count ? stop : undefined,
    setStop,
    open,
  };
}

export interface TraceTabProps {
  store: EditorStore;
  session: TraceSession;
  document: Document;
  /** Selects a resource, fits it into view and lets the inspector point at the rule. */
  onReveal: (target: RowTarget) => void;
}

/** Above this many resources, fixes are computed on request rather than after every edit. */
const FIX_AUTO_LIMIT = 1500;

function resourceCount(topology: Document['topology']): number {
  let n = 0;
  for (const list of Object.values(topology) as (unknown[] | undefined)[]) n += list?.length ?? 0;
  return n;
}

export function TraceTab({ store, session, document, onReveal }: TraceTabProps) {
  const { query, result } = session;
  const endpoints = useMemo(
    () => ({ from: endpointGroups(document.topology, 'from'), to: endpointGroups(document.topology, 'to') }),
    [document.topology],
  );
  // Fixes are worth computing only while something blocks; they recompile and re-trace every
  // candidate, so on a large network they wait for the user to ask (the page must stay responsive).
  const blocked = result !== undefined && result.explanations.some((e) => e.blocking);
  const large = useMemo(() => resourceCount(document.topology) > FIX_AUTO_LIMIT, [document.topology]);
  const [askedFor, setAskedFor] = useState<TraceResult | undefined>(undefined);
  const wanted = blocked && (!large || askedFor === result);
  const fixes = useMemo(
    () => (wanted && query ? suggestFixes(document.topology, query) : undefined),
    [wanted, document.topology, query],
  );
  const requestFixes = blocked && !wanted ? () => setAskedFor(result) : undefined;
  const apply = useCallback((fix: FixSuggestion) => applyTraceFix(store, fix), [store]);
  const pin = useCallback(() => {
    if (!query || !result) return;
    const check = checkFromTrace(
      query,
      result,
      (store.getState().document.checks ?? []).map((c) => c.name),
    );
    edit(store, `Pin check ${check.name}`, (draft) => {
      (draft.checks ??= []).push(check);
    });
  }, [query, result, store]);
  const { overlay, stop, setStop } = session;
  const current = stop === undefined ? undefined : overlay?.stops[stop];
  const player: ReactNode =
    result && overlay && overlay.stops.length > 0 ? (
      <TracePlayer result={result} overlay={overlay} current={stop} onCurrent={setStop} />
    ) : undefined;

  return (
    <TracePanel<FixSuggestion>
      form={session.form}
      endpoints={endpoints}
      onFormChange={session.setForm}
      picking={session.picking}
      onPick={session.setPicking}
      outcome={session.outcome}
      fixes={fixes}
      onRequestFixes={requestFixes}
      onApplyFix={apply}
      onPin={result && query ? pin : undefined}
      pinned={query ? isPinned(document.checks, query) : false}
      onSelectRow={onReveal}
      currentRow={current ? rowKey(current.direction, current.seq) : undefined}
      player={player}
    />
  );
}
