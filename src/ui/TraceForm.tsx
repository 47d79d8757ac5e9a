// The trace question: from, to, protocol and port. Controlled: the app owns and persists the values.
import { useId, type FormEvent } from 'react';

/** The form's fields as typed, before they become a TraceQuery. */
export interface TraceFormValues {
  from: string;
  to: string;
  protocol: string;
  port: string;
}

export const TRACE_PROTOCOLS = ['tcp', 'udp', 'icmp', 'icmpv6', 'all'] as const;

export interface TraceFormProps {
  value: TraceFormValues;
  /** Endpoint ids offered as suggestions (instances, interfaces, external hosts, `internet`, ...). */
  endpoints: readonly string[];
  onChange: (value: TraceFormValues) => void;
  onSubmit: (value: TraceFormValues) => void;
}

export function TraceForm({ value, endpoints, onChange, onSubmit }: TraceFormProps) {
  const id = useId();
  const needsPort = value.protocol === 'tcp' || value.protocol === 'udp';
  const set = (field: keyof TraceFormValues) => (event: { target: { value: string } }) =>
    onChange({ ...value, [field]: event.target.value });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    onSubmit(value);
  };

  return (
    <form className="trace-form" onSubmit={submit} aria-label="Trace">
      <datalist id={`${id}-endpoints`}>
        {endpoints.map((endpoint) => (
          <option key={endpoint} value={endpoint} />
        ))}
      </datalist>
      <div className="field">
        <label htmlFor={`${id}-from`}>From</label>
        <input
          id={`${id}-from`}
          name="from"
          required
          list={`${id}-endpoints`}
          value={value.from}
          onChange={set('from')}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-to`}>To</label>
        <input id={`${id}-to`} name="to" required list={`${id}-endpoints`} value={value.to} onChange={set('to')} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-protocol`}>Protocol</label>
        <select id={`${id}-protocol`} name="protocol" value={value.protocol} onChange={set('protocol')}>
          {TRACE_PROTOCOLS.map((protocol) => (
            <option key={protocol} value={protocol}>
              {protocol}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-port`}>Port</label>
        <input
          id={`${id}-port`}
          name="port"
          type="number"
          min={0}
          max={65535}
          required={needsPort}
          disabled={!needsPort}
          value={needsPort ? value.port : ''}
          onChange={set('port')}
        />
      </div>
      <button type="submit">Trace</button>
    </form>
  );
}
