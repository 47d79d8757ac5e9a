// The transit gateway form: security group referencing, default association and propagation options
// with their tables, and the gateway's attachments and route tables.
import { updateResource, type TransitGateway } from '../../model/index.ts';
import { CheckboxField } from './CheckboxField.tsx';
import type { FormProps } from './form-types.ts';
import { attachmentsOfGateway, displayName, routeTablesOfGateway } from './inspector-model.ts';
import { NameField } from './NameField.tsx';
import { ResourceLink } from './ResourceLink.tsx';
import { SelectField } from './SelectField.tsx';

const NONE = '';

export function TransitGatewayForm({ document, resource: tgw, onEdit, onSelect }: FormProps<TransitGateway>) {
  const tables = routeTablesOfGateway(document, tgw.id);
  const attachments = attachmentsOfGateway(document, tgw.id);
  const tableOptions = [
    { value: NONE, label: 'none' },
    ...tables.map((t) => ({ value: t.id, label: displayName(document, t.id) })),
  ];
  const patch = (label: string, fields: Parameters<typeof updateResource<'transitGateways'>>[3]) =>
    onEdit(`${label} of ${tgw.id}`, (d) => updateResource(d, 'transitGateways', tgw.id, fields));
  return (
    <>
      <NameField id={tgw.id} name={tgw.name} onEdit={onEdit} />
      <CheckboxField
        label="Security group referencing support"
        checked={tgw.securityGroupReferencingSupport === true}
        onChange={(on) => patch('Set SG referencing', { securityGroupReferencingSupport: on ? true : undefined })}
      />
      <CheckboxField
        label="Default route table association"
        checked={tgw.defaultRouteTableAssociation === true}
        hint="New attachments are associated with the association default table."
        onChange={(on) => patch('Set default association', { defaultRouteTableAssociation: on ? true : undefined })}
      />
      <SelectField
        label="Association default route table"
        value={tgw.associationDefaultRouteTableId ?? NONE}
        options={tableOptions}
        onChange={(id) =>
          patch('Set association default table', { associationDefaultRouteTableId: id === NONE ? undefined : id })
        }
      />
      <CheckboxField
        label="Default route table propagation"
        checked={tgw.defaultRouteTablePropagation === true}
        hint="New attachments propagate into the propagation default table."
        onChange={(on) => patch('Set default propagation', { defaultRouteTablePropagation: on ? true : undefined })}
      />
      <SelectField
        label="Propagation default route table"
        value={tgw.propagationDefaultRouteTableId ?? NONE}
        options={tableOptions}
        onChange={(id) =>
          patch('Set propagation default table', { propagationDefaultRouteTableId: id === NONE ? undefined : id })
        }
      />
      <section className="insp-section" aria-label="Attachments">
        <h4>Attachments</h4>
        {attachments.length === 0 && <p className="insp-muted">None.</p>}
        <ul>
          {attachments.map((a) => (
            <li key={a.id}>
              <ResourceLink document={document} id={a.id} onSelect={onSelect} />{' '}
              <span className="insp-muted">
                {a.type === 'vpc' ? (a.vpcId ?? '') : `peering ${a.peerTransitGatewayId ?? ''}`}
              </span>
            </li>
          ))}
        </ul>
      </section>
      <section className="insp-section" aria-label="Gateway route tables">
        <h4>Route tables</h4>
        {tables.length === 0 && <p className="insp-muted">None.</p>}
        <ul>
          {tables.map((t) => (
            <li key={t.id}>
              <ResourceLink document={document} id={t.id} onSelect={onSelect} />
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
