// A transit gateway route table's routes: propagated ones (derived, read-only), then static routes
// to an attachment of the same gateway or blackhole routes.
import { useId, useState } from 'react';
import {
  setTgwRoutes,
  type Document,
  type TransitGatewayRoute,
  type TransitGatewayRouteTable,
} from '../../model/index.ts';
import { checkTgwDestination } from './field-checks.ts';
import { FieldInput } from './FieldInput.tsx';
import type { EditFn } from './form-types.ts';
import { RemoveButton } from './RemoveButton.tsx';
import { attachmentsOfGateway, displayName } from './inspector-model.ts';
import { SelectField, type SelectOption } from './SelectField.tsx';
import { TextField } from './TextField.tsx';

const BLACKHOLE = '(blackhole)';

function toRoute(destination: string, target: string): TransitGatewayRoute {
  return target === BLACKHOLE ? { destination, blackhole: true } : { destination, attachmentId: target };
}

export interface TgwRoutesEditorProps {
  document: Document;
  table: TransitGatewayRouteTable;
  onEdit: EditFn;
}

export function TgwRoutesEditor({ document, table, onEdit }: TgwRoutesEditorProps) {
  const attachments = attachmentsOfGateway(document, table.transitGatewayId);
  const targets: SelectOption[] = [
    ...attachments.map((a) => ({ value: a.id, label: displayName(document, a.id), group: 'Attachment' })),
    { value: BLACKHOLE, label: 'blackhole (drop)', group: 'Blackhole' },
  ];
  const write = (label: string, next: TransitGatewayRoute[]) =>
    onEdit(`${label} (${table.id})`, (d) => setTgwRoutes(d, table.id, next));
  const taken = (except: number) => table.routes.filter((_, j) => j !== except).map((r) => r.destination);
  const vpcs = document.topology.vpcs ?? [];
  const propagated = table.propagations.flatMap((id) => {
    const a = attachments.find((x) => x.id === id);
    const vpc = a?.vpcId === undefined ? undefined : vpcs.find((v) => v.id === a.vpcId);
    return vpc ? [...vpc.cidrBlocks, ...(vpc.ipv6CidrBlocks ?? [])].map((c) => ({ cidr: c, attachment: id })) : [];
  });
  return (
    <section className="insp-section" aria-label="Transit gateway routes">
      <h4>Routes</h4>
      <div className="insp-rules">
        {propagated.map((p) => (
          <div key={`${p.attachment}-${p.cidr}`} className="insp-rule insp-implicit" data-testid="tgw-route-propagated">
            <span>{p.cidr}</span>
            <span>{displayName(document, p.attachment)}</span>
            <span className="insp-muted">propagated</span>
          </div>
        ))}
        {table.routes.map((route, index) => {
          const prefix = `TGW route ${index + 1}`;
          const target = route.blackhole === true ? BLACKHOLE : (route.attachmentId ?? BLACKHOLE);
          const options = targets.some((t) => t.value === target)
            ? targets
            : [...targets, { value: target, label: `${target} (not an attachment of this gateway)`, group: 'Current' }];
          return (
            <div
              key={index}
              className={target === BLACKHOLE ? 'insp-rule insp-blackhole' : 'insp-rule'}
              data-testid="tgw-route"
            >
              <TextField
                label={`${prefix} destination`}
                hideLabel
                value={route.destination}
                check={(text) => checkTgwDestination(text, taken(index))}
                onCommit={(destination) =>
                  write(
                    'Edit route',
                    table.routes.map((r, j) => (j === index ? toRoute(destination, target) : r)),
                  )
                }
              />
              <SelectField
                label={`${prefix} target`}
                hideLabel
                value={target}
                options={options}
                onChange={(next) =>
                  write(
                    'Edit route',
                    table.routes.map((r, j) => (j === index ? toRoute(route.destination, next) : r)),
                  )
                }
              />
              <RemoveButton
                what={prefix}
                onRemove={() =>
                  write(
                    'Remove route',
                    table.routes.filter((_, j) => j !== index),
                  )
                }
              />
            </div>
          );
        })}
      </div>
      <NewTgwRoute
        targets={targets}
        check={(text) => checkTgwDestination(text, taken(-1))}
        onAdd={(route) => write('Add route', [...table.routes, route])}
      />
    </section>
  );
}

interface NewTgwRouteProps {
  targets: readonly SelectOption[];
  check: (text: string) => ReturnType<typeof checkTgwDestination>;
  onAdd: (route: TransitGatewayRoute) => void;
}

function NewTgwRoute({ targets, check, onAdd }: NewTgwRouteProps) {
  const id = useId();
  const [destination, setDestination] = useState('');
  const [target, setTarget] = useState<string | undefined>(undefined);
  const chosen =
    target !== undefined && targets.some((t) => t.value === target) ? target : (targets[0]?.value ?? BLACKHOLE);
  const result = destination.trim() === '' ? undefined : check(destination);
  const add = () => {
    if (result?.ok !== true) return;
    onAdd(toRoute(result.value, chosen));
    setDestination('');
  };
  return (
    <div className="insp-rule insp-new">
      <FieldInput
        id={id}
        label="New TGW route destination"
        text={destination}
        placeholder="10.0.0.0/8"
        error={result !== undefined && !result.ok ? result.reason : undefined}
        onText={setDestination}
        onKeyDown={(e) => {
          if (e.key === 'Enter') add();
        }}
      />
      <SelectField label="New TGW route target" value={chosen} options={targets} onChange={setTarget} />
      <button type="button" className="insp-add" disabled={result?.ok !== true} onClick={add}>
        Add route
      </button>
    </div>
  );
}
