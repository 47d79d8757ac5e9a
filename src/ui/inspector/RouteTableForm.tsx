// The route table form: name, main flag, routes, subnet associations and edge associations.
import { setMainRouteTable, setRouteTableGateways, setRouteTableSubnets, type RouteTable } from '../../model/index.ts';
import { CheckboxField } from './CheckboxField.tsx';
import type { FormProps } from './form-types.ts';
import { IdChecklist } from './IdChecklist.tsx';
import { displayName, explicitRouteTable, subnetsOfVpc } from './inspector-model.ts';
import { NameField } from './NameField.tsx';
import { ReadOnlyField } from './ReadOnlyField.tsx';
import { ResourceLink } from './ResourceLink.tsx';
import { RoutesEditor } from './RoutesEditor.tsx';

export function RouteTableForm({ document, resource: table, onEdit, onSelect }: FormProps<RouteTable>) {
  const subnets = subnetsOfVpc(document, table.vpcId);
  const gateways = (document.topology.internetGateways ?? []).filter((g) => g.vpcId === table.vpcId);
  const subnetItems = subnets.map((s) => {
    const other = explicitRouteTable(document, s.id);
    const note =
      other && other.id !== table.id
        ? `(now ${displayName(document, other.id)})`
        : !other && table.main === true
          ? '(implicitly, as main table)'
          : undefined;
    return { id: s.id, label: displayName(document, s.id), note };
  });
  return (
    <>
      <NameField id={table.id} name={table.name} onEdit={onEdit} />
      <ReadOnlyField label="VPC">
        <ResourceLink document={document} id={table.vpcId} onSelect={onSelect} />
      </ReadOnlyField>
      <CheckboxField
        label="Main route table"
        checked={table.main === true}
        disabled={table.main === true}
        hint={table.main === true ? 'Make another table main to change this.' : undefined}
        onChange={(on) => {
          if (on) onEdit(`Make ${table.id} the main route table`, (d) => setMainRouteTable(d, table.id));
        }}
      />
      <RoutesEditor document={document} table={table} onEdit={onEdit} />
      <IdChecklist
        legend="Subnet associations"
        items={subnetItems}
        selected={table.subnetIds ?? []}
        empty="The VPC has no subnets."
        onChange={(next) => onEdit(`Set subnets of ${table.id}`, (d) => setRouteTableSubnets(d, table.id, next))}
      />
      {(gateways.length > 0 || (table.gatewayIds ?? []).length > 0) && (
        <IdChecklist
          legend="Edge associations (gateway route table)"
          items={gateways.map((g) => ({ id: g.id, label: displayName(document, g.id) }))}
          selected={table.gatewayIds ?? []}
          onChange={(next) =>
            onEdit(`Set edge associations of ${table.id}`, (d) => setRouteTableGateways(d, table.id, next))
          }
        />
      )}
    </>
  );
}
