// The trace form and its answer for one scenario. The form is saved per scenario as the user types.
import { useState } from 'react';
import type { Network, TraceQuery, TraceResult } from '../engine/index.ts';
import type { Result } from '../lib/index.ts';
import type { Diagnostic, Document } from '../model/index.ts';
import { Notice, TraceForm, TraceResultView, type TraceFormValues } from '../ui/index.ts';
import { runTrace } from './analyze.ts';
import { loadTraceForm, saveTraceForm } from './storage.ts';

export interface TracePanelProps {
  scenario: string;
  document: Document;
  network: Network;
}

/** Ids a query may name in this document, plus the built-in endpoints (format.md section 3). */
function endpointsOf(document: Document): string[] {
  const topology = document.topology;
  return [
    ...(topology.instances ?? []).map((instance) => instance.id),
    ...(topology.networkInterfaces ?? []).map((eni) => eni.id),
    ...(topology.externalHosts ?? []).map((host) => host.id),
    'internet',
    's3',
    'dynamodb',
  ];
}

function initialForm(scenario: string, document: Document): TraceFormValues {
  const stored = loadTraceForm(scenario);
  if (stored) return stored;
  const check = document.checks?.[0];
  if (check) {
    return { from: check.from, to: check.to, protocol: check.protocol ?? 'tcp', port: String(check.port ?? '') };
  }
  return { from: document.topology.instances?.[0]?.id ?? '', to: 'internet', protocol: 'tcp', port: '443' };
}

type FormCheck = { ok: true; query: TraceQuery } | { ok: false; message: string };

function toQuery(form: TraceFormValues): FormCheck {
  const from = form.from.trim();
  const to = form.to.trim();
  if (!from || !to) return { ok: false, message: 'Fill in both ends of the trace.' };
  if (form.protocol !== 'tcp' && form.protocol !== 'udp')
    return { ok: true, query: { from, to, protocol: form.protocol } };
  const port = Number(form.port);
  if (form.port.trim() === '' || !Number.isInteger(port) || port < 0 || port > 65535) {
    return { ok: false, message: `${form.protocol} needs a destination port from 0 to 65535.` };
  }
  return { ok: true, query: { from, to, protocol: form.protocol, port } };
}

export function TracePanel({ scenario, document, network }: TracePanelProps) {
  const [form, setForm] = useState(() => initialForm(scenario, document));
  const [outcome, setOutcome] = useState<Result<TraceResult, Diagnostic> | null>(null);
  const [formError, setFormError] = useState<string | null>(null);

  const change = (next: TraceFormValues) => {
    setForm(next);
    saveTraceForm(scenario, next);
  };
  const submit = (values: TraceFormValues) => {
    const checked = toQuery(values);
    if (!checked.ok) {
      setFormError(checked.message);
      setOutcome(null);
      return;
    }
    setFormError(null);
    setOutcome(runTrace(network, checked.query));
  };

  return (
    <>
      <TraceForm value={form} endpoints={endpointsOf(document)} onChange={change} onSubmit={submit} />
      <div className="trace-output" data-testid="trace-output" aria-live="polite">
        {formError && <Notice kind="error" title={formError} />}
        {outcome && <TraceResultView outcome={outcome} />}
      </div>
    </>
  );
}
