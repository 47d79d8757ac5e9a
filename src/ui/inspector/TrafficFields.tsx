// The traffic part of a NACL or security-group rule: protocol, then ports (tcp, udp) or ICMP type and
// code (icmp, icmpv6), shown only where the protocol has them.
import { checkIcmpField, checkPorts } from './field-checks.ts';
import { hasIcmpFields, hasPorts } from './inspector-model.ts';
import { ProtocolField } from './ProtocolField.tsx';
import { TextField } from './TextField.tsx';

const optionalNumber = (n: number | undefined) => (n === undefined ? '' : String(n));

export interface TrafficFieldsProps {
  /** The row's label prefix, e.g. `Inbound rule 100`. */
  prefix: string;
  rule: { protocol: string; ports?: string; icmpType?: number; icmpCode?: number };
  onProtocol: (protocol: string) => void;
  /** A field cleared (undefined) or set to a valid value. */
  onField: (key: 'ports' | 'icmpType' | 'icmpCode', value: string | number | undefined) => void;
}

export function TrafficFields({ prefix, rule, onProtocol, onField }: TrafficFieldsProps) {
  return (
    <>
      <ProtocolField prefix={prefix} value={rule.protocol} onChange={onProtocol} />
      {hasPorts(rule.protocol) && (
        <TextField
          label={`${prefix} ports`}
          hideLabel
          className="insp-narrow"
          placeholder="all"
          value={rule.ports ?? ''}
          check={checkPorts}
          onCommit={(ports) => onField('ports', ports)}
        />
      )}
      {hasIcmpFields(rule.protocol) && (
        <>
          <TextField
            label={`${prefix} ICMP type`}
            hideLabel
            className="insp-narrow"
            placeholder="type"
            value={optionalNumber(rule.icmpType)}
            check={checkIcmpField}
            format={optionalNumber}
            onCommit={(v) => onField('icmpType', v)}
          />
          <TextField
            label={`${prefix} ICMP code`}
            hideLabel
            className="insp-narrow"
            placeholder="code"
            value={optionalNumber(rule.icmpCode)}
            check={checkIcmpField}
            format={optionalNumber}
            onCommit={(v) => onField('icmpCode', v)}
          />
        </>
      )}
    </>
  );
}
