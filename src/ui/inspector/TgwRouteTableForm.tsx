// The transit gateway route table form: associations (one table per attachment), propagations, routes.
import {
  setTgwRouteTableAssociations,
  setTgwRouteTablePropagations,
  type TransitGatewayRouteTable,
} from '../../model/index.ts';
import type { FormProps } from './form-types.ts';
import { IdChecklist } from './IdChecklist.tsx';
import { attachmentsOfGateway, displayName, routeTablesOfGateway } from './inspector-model.ts';
import { NameField } from './NameField.tsx';
import { ReadOnlyField } from './ReadOnlyField.tsx';
import { ResourceLink } from './ResourceLink.tsx';
import { TgwRoutesEditor } from './TgwRoutesEditor.tsx';

export function TgwRouteTableForm({
  document,
  resource: table,
  onEdit,
  onSelect,
}: FormProps<TransitGatewayRouteTable>) {
  const attachments = attachmentsOfGateway(document, table.transitGatewayId);
  const others = routeTablesOfGateway(document, table.transitGatewayId).filter((t) => t.id !== table.id);
  const items = attachments.map((a) => {
    const elsewhere = others.find((t) => t.associations.includes(a.id));
    return {
      id: a.id,
      label: displayName(document, a.id),
      note: elsewhere ? `(now ${displayName(document, elsewhere.id)})` : undefined,
    };
  });
  return (
    <>
      <NameField id={table.id} name={table.name} onEdit={onEdit} />
      <ReadOnlyField label="Transit gateway">
        <ResourceLink document={document} id={table.transitGatewayId} onSelect={onSelect} />
      </ReadOnlyField>
      <IdChecklist
        legend="Associations"
        items={items}
        selected={table.associations}
        empty="The gateway has no attachments."
        onChange={(next) =>
          onEdit(`Set associations of ${table.id}`, (d) => setTgwRouteTableAssociations(d, table.id, next))
        }
      />
      <IdChecklist
        legend="Propagations"
        items={attachments.map((a) => ({ id: a.id, label: displayName(document, a.id) }))}
        selected={table.propagations}
        empty="The gateway has no attachments."
        onChange={(next) =>
          onEdit(`Set propagations of ${table.id}`, (d) => setTgwRouteTablePropagations(d, table.id, next))
        }
      />
      <TgwRoutesEditor document={document} table={table} onEdit={onEdit} />
    </>
  );
}
