// One direction of a network ACL: rules in rule-number order (the order AWS evaluates them), each
// editable in place, plus the implicit final deny.
import { useContext } from 'react';
import { setNaclRules, type NaclRule, type NetworkAcl, type RuleDirection } from '../../model/index.ts';
import { checkNaclCidr, checkRuleNumber } from './field-checks.ts';
import type { EditFn } from './form-types.ts';
import { RuleHighlightContext, scrollIntoViewRef } from './highlight.ts';
import { RemoveButton } from './RemoveButton.tsx';
import { nextRuleNumber, withProtocol } from './inspector-model.ts';
import { SelectField } from './SelectField.tsx';
import { TextField } from './TextField.tsx';
import { TrafficFields } from './TrafficFields.tsx';

const ACTIONS = [
  { value: 'allow', label: 'allow' },
  { value: 'deny', label: 'deny' },
];

export interface NaclRulesEditorProps {
  acl: NetworkAcl;
  direction: RuleDirection;
  onEdit: EditFn;
}

export function NaclRulesEditor({ acl, direction, onEdit }: NaclRulesEditorProps) {
  const highlight = useContext(RuleHighlightContext);
  const marked = (ruleNumber: number) =>
    highlight?.kind === 'nacl-rule' &&
    highlight.aclId === acl.id &&
    highlight.egress === (direction === 'outbound') &&
    highlight.ruleNumber === ruleNumber;
  const title = direction === 'inbound' ? 'Inbound' : 'Outbound';
  const rules = [...acl[direction]].sort((a, b) => a.ruleNumber - b.ruleNumber);
  const write = (label: string, next: NaclRule[]) =>
    onEdit(`${label} (${acl.id} ${direction})`, (d) => setNaclRules(d, acl.id, direction, next));
  const replace = (index: number, rule: NaclRule) => rules.map((r, j) => (j === index ? rule : r));
  const seen = new Map<number, number>();
  const next = nextRuleNumber(rules);
  return (
    <section className="insp-section" aria-label={`${title} rules`}>
      <h4>{title} rules</h4>
      <div className="insp-rules">
        {rules.map((rule, index) => {
          const occurrence = seen.get(rule.ruleNumber) ?? 0;
          seen.set(rule.ruleNumber, occurrence + 1);
          const prefix = `${title} rule ${rule.ruleNumber}`;
          const others = rules.filter((_, j) => j !== index).map((r) => r.ruleNumber);
          const set = (patch: Partial<NaclRule>) => write('Edit rule', replace(index, { ...rule, ...patch }));
          const setOptional = (key: 'ports' | 'icmpType' | 'icmpCode', value: string | number | undefined) => {
            const copy: NaclRule = { ...rule };
            if (value === undefined) delete copy[key];
            else Object.assign(copy, { [key]: value });
            write('Edit rule', replace(index, copy));
          };
          return (
            <div
              key={`${rule.ruleNumber}#${occurrence}`}
              className={marked(rule.ruleNumber) ? 'insp-rule is-highlighted' : 'insp-rule'}
              ref={marked(rule.ruleNumber) ? scrollIntoViewRef : undefined}
              data-testid="nacl-rule"
            >
              <TextField
                label={`${prefix} number`}
                hideLabel
                className="insp-narrow"
                value={String(rule.ruleNumber)}
                commitOn="blur"
                check={(text) => checkRuleNumber(text, others)}
                format={String}
                onCommit={(n) => set({ ruleNumber: n })}
              />
              <SelectField
                label={`${prefix} action`}
                hideLabel
                value={rule.action}
                options={ACTIONS}
                onChange={(action) => set({ action: action === 'deny' ? 'deny' : 'allow' })}
              />
              <TrafficFields
                prefix={prefix}
                rule={rule}
                onProtocol={(p) => write('Edit rule', replace(index, withProtocol(rule, p)))}
                onField={setOptional}
              />
              <TextField
                label={`${prefix} CIDR`}
                hideLabel
                value={rule.cidr}
                check={checkNaclCidr}
                onCommit={(cidr) => set({ cidr })}
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
        <div className="insp-rule insp-implicit" aria-label={`${title} rule * (implicit deny)`}>
          <span className="insp-narrow">*</span>
          <span>deny</span>
          <span>all traffic</span>
          <span className="insp-muted">implicit: anything no rule matched</span>
        </div>
      </div>
      <button
        type="button"
        className="insp-add"
        disabled={next === undefined}
        onClick={() => {
          if (next === undefined) return;
          write('Add rule', [
            ...rules,
            { ruleNumber: next, protocol: 'tcp', ports: '443', cidr: '0.0.0.0/0', action: 'allow' },
          ]);
        }}
      >
        Add {direction} rule
      </button>
    </section>
  );
}
