// One direction of a security group: its rules (protocol, ports, peer, ICMP, description), each
// editable in place. Outbound rules left implicit show AWS's default and are written on first edit.
import { useContext } from 'react';
import {
  setSgRules,
  type Document,
  type RuleDirection,
  type SecurityGroup,
  type SgRuleBase,
} from '../../model/index.ts';
import { checkSgPeer, checkText } from './field-checks.ts';
import type { EditFn } from './form-types.ts';
import { RuleHighlightContext, scrollIntoViewRef } from './highlight.ts';
import { RemoveButton } from './RemoveButton.tsx';
import { effectiveOutbound, prefixListIds, withProtocol } from './inspector-model.ts';
import { TextField } from './TextField.tsx';
import { TrafficFields } from './TrafficFields.tsx';

/** A rule with its peer under one name, whichever direction it belongs to. */
type PeerRule = SgRuleBase & { peer: string };

function rulesOf(doc: Document, sg: SecurityGroup, direction: RuleDirection): { rules: PeerRule[]; implicit: boolean } {
  if (direction === 'inbound') {
    return { rules: (sg.inbound ?? []).map(({ source, ...rest }) => ({ ...rest, peer: source })), implicit: false };
  }
  const { rules, implicit } = effectiveOutbound(doc, sg);
  return { rules: rules.map(({ destination, ...rest }) => ({ ...rest, peer: destination })), implicit };
}

function writeRules(draft: Document, sgId: string, direction: RuleDirection, rules: readonly PeerRule[]): void {
  if (direction === 'inbound') {
    setSgRules(
      draft,
      sgId,
      'inbound',
      rules.map(({ peer, ...rest }) => ({ ...rest, source: peer })),
    );
  } else {
    setSgRules(
      draft,
      sgId,
      'outbound',
      rules.map(({ peer, ...rest }) => ({ ...rest, destination: peer })),
    );
  }
}

export interface SgRulesEditorProps {
  document: Document;
  sg: SecurityGroup;
  direction: RuleDirection;
  onEdit: EditFn;
  /** Id of the datalist of peer suggestions. */
  peerList: string;
}

export function SgRulesEditor({ document, sg, direction, onEdit, peerList }: SgRulesEditorProps) {
  const highlight = useContext(RuleHighlightContext);
  const marked = (index: number) =>
    highlight?.kind === 'security-group-rule' &&
    highlight.sgId === sg.id &&
    highlight.direction === (direction === 'inbound' ? 'ingress' : 'egress') &&
    highlight.index === index;
  const title = direction === 'inbound' ? 'Inbound' : 'Outbound';
  const peerWord = direction === 'inbound' ? 'source' : 'destination';
  const { rules, implicit } = rulesOf(document, sg, direction);
  const peerContext = {
    securityGroupIds: (document.topology.securityGroups ?? []).map((g) => g.id),
    prefixListIds: prefixListIds(document),
  };
  const write = (label: string, next: PeerRule[]) =>
    onEdit(`${label} (${sg.id} ${direction})`, (d) => writeRules(d, sg.id, direction, next));
  const replace = (index: number, rule: PeerRule) => rules.map((r, j) => (j === index ? rule : r));
  return (
    <section className="insp-section" aria-label={`${title} rules`}>
      <h4>{title} rules</h4>
      {implicit && (
        <p className="insp-muted">AWS&apos;s default for a new group (not written yet; any edit writes it).</p>
      )}
      {rules.length === 0 && <p className="insp-muted">No rules: nothing {direction === 'inbound' ? 'in' : 'out'}.</p>}
      <div className="insp-rules">
        {rules.map((rule, index) => {
          const prefix = `${title} rule ${index + 1}`;
          const setOptional = (key: 'ports' | 'icmpType' | 'icmpCode' | 'description', value: unknown) => {
            const copy: PeerRule = { ...rule };
            if (value === undefined || value === '') delete copy[key];
            else Object.assign(copy, { [key]: value });
            write('Edit rule', replace(index, copy));
          };
          return (
            <div
              key={index}
              className={marked(index) ? 'insp-rule is-highlighted' : 'insp-rule'}
              ref={marked(index) ? scrollIntoViewRef : undefined}
              data-testid="sg-rule"
            >
              <TrafficFields
                prefix={prefix}
                rule={rule}
                onProtocol={(p) => write('Edit rule', replace(index, withProtocol(rule, p)))}
                onField={setOptional}
              />
              <TextField
                label={`${prefix} ${peerWord}`}
                hideLabel
                value={rule.peer}
                list={peerList}
                placeholder="CIDR, sg-… or pl-…"
                check={(text) => checkSgPeer(text, peerContext)}
                onCommit={(peer) => write('Edit rule', replace(index, { ...rule, peer }))}
              />
              <TextField
                label={`${prefix} description`}
                hideLabel
                value={rule.description ?? ''}
                placeholder="description"
                check={checkText}
                onCommit={(text) => setOptional('description', text)}
              />
              <RemoveButton
                what={prefix}
                onRemove={() =>
                  write(
                    'Remove rule',
                    rules.filter((_, j) => j !== index),
                  )
                }
              />
            </div>
          );
        })}
      </div>
      <button
        type="button"
        className="insp-add"
        onClick={() =>
          write('Add rule', [
            ...rules,
            direction === 'inbound'
              ? { protocol: 'tcp', ports: '443', peer: '0.0.0.0/0' }
              : { protocol: 'all', peer: '0.0.0.0/0' },
          ])
        }
      >
        Add {direction} rule
      </button>
      {direction === 'outbound' && !implicit && (
        <button
          type="button"
          className="insp-add"
          onClick={() =>
            onEdit(`Restore default outbound rules (${sg.id})`, (d) => setSgRules(d, sg.id, 'outbound', undefined))
          }
        >
          Restore AWS default
        </button>
      )}
    </section>
  );
}
