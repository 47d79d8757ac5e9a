// The reachability matrix: pick sources, destinations, protocol and port; read one coloured cell per pair;
// click a cell to open its trace. Controlled and pure: the app owns the request and computes the result.
import { useId, useMemo, useState } from 'react';
import { MATRIX_VERDICTS, type MatrixRequest, type MatrixResult } from '../../engine/index.ts';
import {
  describeCell,
  MATRIX_PORTS,
  MATRIX_PROTOCOLS,
  protocolHasPorts,
  VERDICT_MARKS,
  VERDICT_WORDS,
  verdictClass,
  type MatrixEndpoint,
} from './model.ts';
import './matrix.css';

export interface MatrixViewProps {
  /** The matrix to show; undefined before the first one is ready. */
  result: MatrixResult | undefined;
  /** A newer matrix is being computed (the shown one may be stale). */
  pending: boolean;
  /** Why no matrix could be made. */
  error?: string | undefined;
  /** What may be picked, in the order offered. */
  endpoints: readonly MatrixEndpoint[];
  sources: readonly string[];
  destinations: readonly string[];
  protocol: string;
  port?: number | undefined;
  onChange: (request: MatrixRequest) => void;
  onOpenCell: (from: string, to: string) => void;
}

interface PickerProps {
  legend: string;
  testId: string;
  endpoints: readonly MatrixEndpoint[];
  selected: readonly string[];
  onSelect: (ids: string[]) => void;
}

function EndpointPicker({ legend, testId, endpoints, selected, onSelect }: PickerProps) {
  const chosen = new Set(selected);
  // Selections keep the order of the list, so rows and columns do not jump around as boxes are ticked.
  const inOrder = (set: ReadonlySet<string>) => endpoints.filter((e) => set.has(e.id)).map((e) => e.id);
  const toggle = (id: string) => {
    const next = new Set(chosen);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    onSelect(inOrder(next));
  };
  const instances = endpoints.filter((e) => e.kind === 'instance').map((e) => e.id);
  return (
    <fieldset className="matrix-picker" data-testid={testId}>
      <legend>
        {legend} <span className="matrix-picker-count">({selected.length})</span>
      </legend>
      <div className="matrix-shortcuts">
        <button type="button" onClick={() => onSelect(instances)} disabled={instances.length === 0}>
          All instances
        </button>
        <button type="button" onClick={() => onSelect(endpoints.map((e) => e.id))}>
          All
        </button>
        <button type="button" onClick={() => onSelect([])}>
          None
        </button>
      </div>
      <ul className="matrix-picker-list">
        {endpoints.map((endpoint) => (
          <li key={endpoint.id}>
            <label>
              <input type="checkbox" checked={chosen.has(endpoint.id)} onChange={() => toggle(endpoint.id)} />
              {endpoint.label}
            </label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}

function portLabel(port: number): string {
  const named = MATRIX_PORTS.find((p) => p.port === port);
  return named ? `${port} ${named.name}` : String(port);
}

export function MatrixView({
  result,
  pending,
  error,
  endpoints,
  sources,
  destinations,
  protocol,
  port,
  onChange,
  onOpenCell,
}: MatrixViewProps) {
  const id = useId();
  const labels = useMemo(() => new Map(endpoints.map((e) => [e.id, e.label])), [endpoints]);
  const label = (endpointId: string) => labels.get(endpointId) ?? endpointId;
  const hasPorts = protocolHasPorts(protocol);
  const preset = port !== undefined && MATRIX_PORTS.some((p) => p.port === port);
  // "Other" is remembered while the typed port happens to be a named one, so the field does not vanish.
  const [custom, setCustom] = useState(!preset && port !== undefined);
  const showCustom = custom || (!preset && port !== undefined);

  const emit = (next: Partial<MatrixRequest>) => {
    const merged = {
      sources: [...sources],
      destinations: [...destinations],
      protocol,
      ...(port === undefined ? {} : { port }),
      ...next,
    };
    const { port: nextPort, ...rest } = merged;
    onChange(protocolHasPorts(merged.protocol) && nextPort !== undefined ? { ...rest, port: nextPort } : rest);
  };

  const onProtocol = (value: string) => {
    if (protocolHasPorts(value) && port === undefined) emit({ protocol: value, port: 443 });
    else emit({ protocol: value });
  };
  const onPreset = (value: string) => {
    if (value === 'other') {
      setCustom(true);
      return;
    }
    setCustom(false);
    emit({ port: Number(value) });
  };
  const onCustomPort = (value: string) => {
    const n = Number(value);
    if (value.trim() === '' || !Number.isInteger(n) || n < 0 || n > 65535) return;
    emit({ port: n });
  };

  const verdictsShown = MATRIX_VERDICTS.filter((v) => (result ? result.counts[v] > 0 : false));

  return (
    <section className="matrix" data-testid="matrix" aria-label="Reachability matrix" aria-busy={pending}>
      <form className="matrix-controls" onSubmit={(event) => event.preventDefault()}>
        <EndpointPicker
          legend="From"
          testId="matrix-sources"
          endpoints={endpoints}
          selected={sources}
          onSelect={(ids) => emit({ sources: ids })}
        />
        <EndpointPicker
          legend="To"
          testId="matrix-destinations"
          endpoints={endpoints}
          selected={destinations}
          onSelect={(ids) => emit({ destinations: ids })}
        />
        <div className="matrix-traffic">
          <div className="field">
            <label htmlFor={`${id}-protocol`}>Protocol</label>
            <select
              id={`${id}-protocol`}
              data-testid="matrix-protocol"
              value={protocol}
              onChange={(event) => onProtocol(event.target.value)}
            >
              {MATRIX_PROTOCOLS.map((p) => (
                <option key={p} value={p}>
                  {p}
                </option>
              ))}
            </select>
          </div>
          {hasPorts && (
            <div className="field">
              <label htmlFor={`${id}-port`}>Port</label>
              <select
                id={`${id}-port`}
                data-testid="matrix-port"
                value={showCustom || port === undefined ? 'other' : String(port)}
                onChange={(event) => onPreset(event.target.value)}
              >
                {MATRIX_PORTS.map((p) => (
                  <option key={p.port} value={String(p.port)}>
                    {portLabel(p.port)}
                  </option>
                ))}
                <option value="other">Other…</option>
              </select>
              {(showCustom || port === undefined) && (
                <input
                  aria-label="Port number"
                  data-testid="matrix-port-number"
                  type="number"
                  min={0}
                  max={65535}
                  defaultValue={port}
                  key={port ?? 'none'}
                  onBlur={(event) => onCustomPort(event.target.value)}
                  onKeyDown={(event) => {
                    if (event.key === 'Enter') onCustomPort(event.currentTarget.value);
                  }}
                />
              )}
            </div>
          )}
          <p className="matrix-status" role="status">
            {pending
              ? 'Computing…'
              : result
                ? `${result.sources.length} × ${result.destinations.length} pairs on ${result.protocol}${result.port === undefined ? '' : `/${result.port}`}`
                : ''}
          </p>
        </div>
      </form>

      {error && (
        <p className="panel-error" role="alert">
          No matrix: {error}
        </p>
      )}

      {result && result.sources.length > 0 && result.destinations.length > 0 ? (
        <div className={pending ? 'matrix-scroll matrix-stale' : 'matrix-scroll'}>
          <table className="matrix-table" data-testid="matrix-table">
            <caption className="matrix-caption">
              Can each row reach each column on {result.protocol}
              {result.port === undefined ? '' : ` port ${portLabel(result.port)}`}?
            </caption>
            <thead>
              <tr>
                <th scope="col" className="matrix-corner">
                  From \ To
                </th>
                {result.destinations.map((to) => (
                  <th key={to} scope="col" className="matrix-col" title={to}>
                    <span>{label(to)}</span>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {result.cells.map((row, r) => {
                const from = result.sources[r] ?? '';
                return (
                  <tr key={from}>
                    <th scope="row" className="matrix-row" title={from}>
                      {label(from)}
                    </th>
                    {row.map((cell) => {
                      const text = describeCell(cell, label(cell.from), label(cell.to));
                      return (
                        <td key={cell.to} className={`matrix-td ${verdictClass(cell.verdict)}`}>
                          <button
                            type="button"
                            className="matrix-cell"
                            data-testid="matrix-cell"
                            data-from={cell.from}
                            data-to={cell.to}
                            data-verdict={cell.verdict}
                            aria-label={text}
                            title={cell.message ? `${text}\n${cell.message}` : text}
                            disabled={cell.verdict === 'SELF'}
                            onClick={() => onOpenCell(cell.from, cell.to)}
                          >
                            {VERDICT_MARKS[cell.verdict]}
                          </button>
                        </td>
                      );
                    })}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ) : (
        !error &&
        !pending && <p className="panel-empty">Pick at least one source and one destination to fill the matrix.</p>
      )}

      <ul className="matrix-legend" aria-label="Legend" data-testid="matrix-legend">
        {MATRIX_VERDICTS.map((verdict) => (
          <li key={verdict}>
            <span className={`matrix-swatch ${verdictClass(verdict)}`} aria-hidden="true">
              {VERDICT_MARKS[verdict]}
            </span>
            {VERDICT_WORDS[verdict]}
            {verdictsShown.includes(verdict) && result && (
              <span className="matrix-count"> {result.counts[verdict]}</span>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
