// What survives a reload besides the document (src/store persists that): the trace form per document.
// Stored values are read defensively: storage may be unavailable, stale or edited by hand.
import type { TraceFormValues } from '../ui/index.ts';

const TRACE_FORM_KEY = 'vpcsim.traceForm';

function read(key: string): string | null {
  try {
    return window.localStorage.getItem(key);
  } catch {
    return null;
  }
}

function write(key: string, value: string): void {
  try {
    window.localStorage.setItem(key, value);
  } catch {
    // Storage full or disabled (private browsing): the page still works, it only forgets.
  }
}

function isTraceForm(value: unknown): value is TraceFormValues {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return ['from', 'to', 'protocol', 'port'].every((field) => typeof record[field] === 'string');
}

function readAllTraceForms(): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(read(TRACE_FORM_KEY) ?? '{}');
    return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

export function loadTraceForm(scenario: string): TraceFormValues | null {
  const stored = readAllTraceForms()[scenario];
  return isTraceForm(stored) ? stored : null;
}

export function saveTraceForm(scenario: string, form: TraceFormValues): void {
  write(TRACE_FORM_KEY, JSON.stringify({ ...readAllTraceForms(), [scenario]: form }));
}
