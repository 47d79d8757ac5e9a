// The trace panel: the question (ends from lists or picked on the canvas, protocol, named ports, family,
// one way), the live answer (verdict, path rows, blockers with fixes) and "Pin this trace". Props only.
import { useId, useState, type ReactNode } from 'react';
import type { TraceResult } from '../../engine/index.ts';
import type { Result } from '../../lib/index.ts';
import type { Diagnostic } from '../../model/index.ts';
import { describeQuery } from '../describe.ts';
import { Notice } from '../Notice.tsx';
import { VerdictBadge } from '../VerdictBadge.tsx';
import {
  blockersWithFixes,
  COMMON_PORTS,
  isAddress,
  isEndpoint,
  needsPort,
  partialPorts,
  pathRows,
  portName,
  TRACE_FORM_PROTOCOLS,
  typeWords,
  verdictWords,
  type EndpointField,
  type EndpointGroup,
  type FixView,
  type PathRow,
  type RowTarget,
  type TraceFormState,
} from './panel-model.ts';
import './trace.css';

/** What the form led to: nothing yet, a reason it cannot be asked, or the engine's answer. */
export type TraceOutcome =
  { kind: 'incomplete'; message: string } | { kind: 'answer'; outcome: Result<TraceResult, Diagnostic> };

export interface TracePanelProps<F extends FixView = FixView> {
  form: TraceFormState;
  endpoints: { from: readonly EndpointGroup[]; to: readonly EndpointGroup[] };
  onFormChange: (form: TraceFormState) => void;
  /** The field waiting for a click on the canvas, if any. */
  picking?: EndpointField | undefined;
  onPick: (field: EndpointField | undefined) => void;
  outcome: TraceOutcome;
  /** Suggested fixes for the current result; undefined when no suggester is available. */
  fixes?: readonly F[] | undefined;
  /** Shown as "Suggest fixes" while `fixes` is undefined (large networks compute them on request). */
  onRequestFixes?: (() => void) | undefined;
  onApplyFix: (fix: F) => void;
  /** Undefined hides the button (nothing to pin); `pinned` says the document already has this check. */
  onPin?: (() => void) | undefined;
  pinned?: boolean;
  onSelectRow: (target: RowTarget) => void;
  /** The player's current stop, as `rowKey(direction, seq)`, highlighted in the lists. */
  currentRow?: string | undefined;
  /** The step-through player, placed above the path. */
  player?: ReactNode;
}

const ADDRESS = '__address__';

function EndpointSelect({
  field,
  label,
  value,
  groups,
  picking,
  onChange,
  onPick,
}: {
  field: EndpointField;
  label: string;
  value: string;
  groups: readonly EndpointGroup[];
  picking: boolean;
  onChange: (value: string) => void;
  onPick: (field: EndpointField | undefined) => void;
}) {
  const id = useId();
  const known = isEndpoint(groups, value);
  // Typing an address is a mode: the text may not parse yet while it is being typed.
  const [typing, setTyping] = useState(() => !known && value !== '' && isAddress(value));
  const addressMode = !known && (typing || (value !== '' && isAddress(value)));
  const unknown = !known && value !== '' && !addressMode;
  return (
    <div className="field trace-end">
      <label htmlFor={`${id}-select`}>{label}</label>
      <div className="trace-end-row">
        <select
          id={`${id}-select`}
          name={field}
          value={addressMode ? ADDRESS : value}
          onChange={(event) => {
            const next = event.target.value;
            if (next === ADDRESS) {
              setTyping(true);
              onChange('');
            } else {
              setTyping(false);
              onChange(next);
            }
          }}
        >
          <option value="" disabled>
            Choose…
          </option>
          {groups.map((group) => (
            <optgroup key={group.label} label={group.label}>
              {group.options.map((option) => (
                <option key={option.value} value={option.value}>
                  {option.label}
                </option>
              ))}
            </optgroup>
          ))}
          <option value={ADDRESS}>IP address…</option>
          {unknown && <option value={value}>{value} (not in the network)</option>}
        </select>
        <button
          type="button"
          className={picking ? 'trace-pick active' : 'trace-pick'}
          aria-pressed={picking}
          title={`Pick the ${field === 'from' ? 'source' : 'destination'} on the canvas`}
          onClick={() => onPick(picking ? undefined : field)}
          data-testid={`trace-pick-${field}`}
        >
          {picking ? 'Click a node…' : 'Pick on canvas'}
        </button>
      </div>
      {addressMode && (
        <input
          aria-label={`${label} address`}
          className="trace-address"
          placeholder="10.0.1.10 or 2001:db8::1"
          value={value}
          onChange={(event) => onChange(event.target.value)}
        />
      )}
    </div>
  );
}

function TraceFormView({
  form,
  endpoints,
  onFormChange,
  picking,
  onPick,
}: Pick<TracePanelProps, 'form' | 'endpoints' | 'onFormChange' | 'picking' | 'onPick'>) {
  const id = useId();
  const set = <K extends keyof TraceFormState>(key: K, value: TraceFormState[K]) =>
    onFormChange({ ...form, [key]: value });
  const withPort = needsPort(form.protocol);
  const named = portName(form.port);
  return (
    <form className="trace-form trace-panel-form" aria-label="Trace" onSubmit={(event) => event.preventDefault()}>
      <EndpointSelect
        field="from"
        label="From"
        value={form.from}
        groups={endpoints.from}
        picking={picking === 'from'}
        onChange={(v) => set('from', v)}
        onPick={onPick}
      />
      <EndpointSelect
        field="to"
        label="To"
        value={form.to}
        groups={endpoints.to}
        picking={picking === 'to'}
        onChange={(v) => set('to', v)}
        onPick={onPick}
      />
      <div className="field">
        <label htmlFor={`${id}-protocol`}>Protocol</label>
        <select
          id={`${id}-protocol`}
          name="protocol"
          value={form.protocol}
          onChange={(e) => set('protocol', e.target.value)}
        >
          {TRACE_FORM_PROTOCOLS.map((p) => (
            <option key={p} value={p}>
              {p}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-port`}>Port</label>
        <div className="trace-end-row">
          <input
            id={`${id}-port`}
            name="port"
            inputMode="numeric"
            list={`${id}-ports`}
            disabled={!withPort}
            value={withPort ? form.port : ''}
            onChange={(e) => set('port', e.target.value)}
          />
          <datalist id={`${id}-ports`}>
            {COMMON_PORTS.map((p) => (
              <option key={p.port} value={String(p.port)}>
                {p.name}
              </option>
            ))}
          </datalist>
          <select
            aria-label="Common ports"
            disabled={!withPort}
            value={named ? form.port.trim() : ''}
            onChange={(e) => e.target.value && set('port', e.target.value)}
          >
            <option value="">{withPort && !named ? 'other' : '—'}</option>
            {COMMON_PORTS.map((p) => (
              <option key={p.port} value={String(p.port)}>
                {p.port} {p.name}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div className="field">
        <label htmlFor={`${id}-family`}>Family</label>
        <select
          id={`${id}-family`}
          name="family"
          value={form.family}
          onChange={(e) => set('family', e.target.value as TraceFormState['family'])}
        >
          <option value="auto">auto</option>
          <option value="4">IPv4</option>
          <option value="6">IPv6</option>
        </select>
      </div>
      <fieldset className="field trace-mode">
        <legend>Check</legend>
        <label>
          <input type="radio" name="mode" checked={!form.oneWay} onChange={() => set('oneWay', false)} /> connection
        </label>
        <label>
          <input type="radio" name="mode" checked={form.oneWay} onChange={() => set('oneWay', true)} /> one way
        </label>
      </fieldset>
    </form>
  );
}

function PathTable({
  title,
  rows,
  currentRow,
  onSelectRow,
}: {
  title: string;
  rows: readonly PathRow[];
  currentRow: string | undefined;
  onSelectRow: (target: RowTarget) => void;
}) {
  return (
    <section className="trace-path" aria-label={title}>
      <h4>{title}</h4>
      {rows.length === 0 ? (
        <p className="muted">No components.</p>
      ) : (
        <ol className="trace-rows">
          {rows.map((row) => (
            <li
              key={row.key}
              className={[
                'trace-row',
                `action-${row.action}`,
                row.whatIf ? 'what-if' : '',
                row.key === currentRow ? 'current' : '',
              ]
                .filter(Boolean)
                .join(' ')}
              data-testid="trace-row"
              data-component={row.componentId}
              data-row={row.key}
              aria-current={row.key === currentRow ? 'step' : undefined}
            >
              <button type="button" className="trace-row-button" onClick={() => onSelectRow(row.target)}>
                <span className="trace-row-head">
                  <span className="hop-type">{typeWords(row.componentType)}</span>{' '}
                  <code className="hop-id">{row.componentId}</code>
                  {row.name && <span className="muted"> {row.name}</span>}{' '}
                  <span className="hop-action">{row.action}</span>
                  {row.whatIf && <span className="muted"> (if the earlier block were fixed)</span>}
                </span>
                <span className="trace-row-checked">Checked: {row.checked}</span>
                {row.decision && <span className="hop-rule">{row.decision}</span>}
                {row.rewrites.map((r) => (
                  <span key={r} className="trace-rewrite" data-testid="trace-rewrite">
                    {r}
                  </span>
                ))}
                {row.codes.length > 0 && (
                  <span className="hop-codes">
                    {row.codes.map((code) => (
                      <code key={code}>{code}</code>
                    ))}
                  </span>
                )}
              </button>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

function Answer<F extends FixView>({
  result,
  fixes,
  onRequestFixes,
  onApplyFix,
  onPin,
  pinned,
  onSelectRow,
  currentRow,
  player,
}: { result: TraceResult } & Pick<
  TracePanelProps<F>,
  'fixes' | 'onRequestFixes' | 'onApplyFix' | 'onPin' | 'pinned' | 'onSelectRow' | 'currentRow' | 'player'
>) {
  const partial = partialPorts(result);
  const blockers = blockersWithFixes(result, fixes ?? []);
  const notes = result.explanations.filter((e) => !e.blocking);
  return (
    <div className="trace-result">
      <div className="trace-verdict" data-testid="trace-verdict">
        <VerdictBadge verdict={result.verdict} /> <code className="trace-verdict-code">{result.verdict}</code>{' '}
        <span className="trace-verdict-words" data-testid="trace-verdict-words">
          {verdictWords(result)}
        </span>
        <div className="muted">
          {describeQuery(result.query)}: {result.query.sourceAddress} → {result.query.destinationAddress}
          {result.query.oneWay ? ' (one way)' : ''}
        </div>
        {onPin && (
          <button type="button" className="trace-pin" onClick={onPin} disabled={pinned} data-testid="trace-pin">
            {pinned ? 'Pinned' : 'Pin this trace'}
          </button>
        )}
      </div>
      {partial && (
        <p className="trace-partial" data-testid="trace-partial">
          Replies come back to client ports <strong>{partial.working}</strong>; they fail for ports{' '}
          <strong>{partial.failing}</strong>.
        </p>
      )}
      {blockers.length > 0 && (
        <ul className="explanations trace-blockers" aria-label="Blockers">
          {blockers.map((blocker) => (
            <li key={blocker.key} className="blocking" data-testid="trace-blocker">
              <code>{blocker.explanation.code}</code> at <code>{blocker.explanation.componentId}</code> (
              {blocker.explanation.pathDirection}
              {blocker.explanation.direction ? `, ${blocker.explanation.direction}` : ''}):{' '}
              {blocker.explanation.message}
              {fixes !== undefined &&
                (blocker.fixes.length === 0 ? (
                  <p className="muted trace-nofix">No single change removes this blocker.</p>
                ) : (
                  <ol className="trace-fixes">
                    {blocker.fixes.map((fix) => (
                      <li key={fix.id} className="trace-fix" data-testid="trace-fix">
                        <span className="trace-fix-title">{fix.title}</span> <span className="muted">then</span>{' '}
                        <VerdictBadge verdict={fix.verdictAfter} />
                        <span className="trace-fix-opens">{fix.opens}</span>
                        <button type="button" onClick={() => onApplyFix(fix)} data-testid="trace-fix-apply">
                          Apply
                        </button>
                      </li>
                    ))}
                  </ol>
                ))}
            </li>
          ))}
        </ul>
      )}
      {blockers.length > 0 && fixes === undefined && onRequestFixes && (
        <button type="button" className="trace-suggest" onClick={onRequestFixes} data-testid="trace-suggest-fixes">
          Suggest fixes
        </button>
      )}
      {notes.length > 0 && (
        <ul className="explanations">
          {notes.map((e, index) => (
            <li key={`${e.code}-${index}`} className="note">
              <code>{e.code}</code> at <code>{e.componentId}</code>: {e.message}
            </li>
          ))}
        </ul>
      )}
      {player}
      <div className="paths">
        <PathTable
          title="Request path"
          rows={pathRows(result.forward)}
          currentRow={currentRow}
          onSelectRow={onSelectRow}
        />
        {!result.query.oneWay && (
          <PathTable
            title="Reply path"
            rows={pathRows(result.return)}
            currentRow={currentRow}
            onSelectRow={onSelectRow}
          />
        )}
      </div>
    </div>
  );
}

export function TracePanel<F extends FixView = FixView>(props: TracePanelProps<F>) {
  const { outcome } = props;
  return (
    <div className="trace-panel" data-testid="trace-panel">
      <TraceFormView
        form={props.form}
        endpoints={props.endpoints}
        onFormChange={props.onFormChange}
        picking={props.picking}
        onPick={props.onPick}
      />
      <div className="trace-output" data-testid="trace-output" aria-live="polite">
        {outcome.kind === 'incomplete' && <p className="muted">{outcome.message}</p>}
        {outcome.kind === 'answer' && !outcome.outcome.ok && (
          <div data-testid="trace-error">
            <Notice kind="error" title="The trace could not run">
              <p>
                <code>{outcome.outcome.error.code}</code> {outcome.outcome.error.message}
              </p>
            </Notice>
          </div>
        )}
        {outcome.kind === 'answer' && outcome.outcome.ok && <Answer result={outcome.outcome.value} {...props} />}
      </div>
    </div>
  );
}
