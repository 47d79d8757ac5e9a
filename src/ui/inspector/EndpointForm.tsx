// The VPC endpoint form: type, service; route tables and prefix list for a gateway endpoint,
// subnets and security groups for an interface endpoint.
import { setEndpointType, updateResource, type VpcEndpoint } from '../../model/index.ts';
import { checkWord } from './field-checks.ts';
import type { FormProps } from './form-types.ts';
import { IdChecklist } from './IdChecklist.tsx';
import { displayName, prefixListIds, subnetsOfVpc } from './inspector-model.ts';
import { NameField } from './NameField.tsx';
import { ReadOnlyField } from './ReadOnlyField.tsx';
import { ResourceLink } from './ResourceLink.tsx';
import { SelectField } from './SelectField.tsx';
import { TextField } from './TextField.tsx';

const BUILTIN = '';

export function EndpointForm({ document, resource: e, onEdit, onSelect }: FormProps<VpcEndpoint>) {
  const t = document.topology;
  const serviceList = `${e.id}-services`;
  const patch = (label: string, fields: Parameters<typeof updateResource<'vpcEndpoints'>>[3]) =>
    onEdit(`${label} of ${e.id}`, (d) => updateResource(d, 'vpcEndpoints', e.id, fields));
  const listOrNone = (ids: string[]) => (ids.length === 0 ? undefined : ids);
  const builtin = `pl-${e.service.split('.').pop() ?? e.service}`;
  return (
    <>
      <NameField id={e.id} name={e.name} onEdit={onEdit} />
      <ReadOnlyField label="VPC">
        <ResourceLink document={document} id={e.vpcId} onSelect={onSelect} />
      </ReadOnlyField>
      <SelectField
        label="Endpoint type"
        value={e.type}
        options={[
          { value: 'gateway', label: 'gateway (route table entry)' },
          { value: 'interface', label: 'interface (network interfaces in subnets)' },
        ]}
        onChange={(type) =>
          onEdit(`Set type of ${e.id}`, (d) => setEndpointType(d, e.id, type === 'interface' ? 'interface' : 'gateway'))
        }
      />
      <datalist id={serviceList}>
        <option value="s3" />
        <option value="dynamodb" />
      </datalist>
      <TextField
        label="Service"
        value={e.service}
        list={serviceList}
        check={checkWord}
        onCommit={(service) => patch('Set service', { service })}
      />
      {e.type === 'gateway' ? (
        <>
          <SelectField
            label="Prefix list"
            value={e.prefixListId ?? BUILTIN}
            options={[
              { value: BUILTIN, label: `the service's (${builtin})` },
              ...prefixListIds(document).map((p) => ({ value: p, label: displayName(document, p) })),
            ]}
            onChange={(id) => patch('Set prefix list', { prefixListId: id === BUILTIN ? undefined : id })}
          />
          <IdChecklist
            legend="Route tables"
            items={(t.routeTables ?? [])
              .filter((r) => r.vpcId === e.vpcId)
              .map((r) => ({ id: r.id, label: displayName(document, r.id) }))}
            selected={e.routeTableIds ?? []}
            empty="The VPC has no route tables."
            onChange={(next) => patch('Set route tables', { routeTableIds: listOrNone(next) })}
          />
        </>
      ) : (
        <>
          <IdChecklist
            legend="Subnets"
            items={subnetsOfVpc(document, e.vpcId).map((s) => ({
              id: s.id,
              label: displayName(document, s.id),
              note: s.availabilityZone,
            }))}
            selected={e.subnetIds ?? []}
            empty="The VPC has no subnets."
            onChange={(next) => patch('Set subnets', { subnetIds: listOrNone(next) })}
          />
          <IdChecklist
            legend="Security groups"
            items={(t.securityGroups ?? [])
              .filter((g) => g.vpcId === e.vpcId)
              .map((g) => ({ id: g.id, label: displayName(document, g.id) }))}
            selected={e.securityGroupIds ?? []}
            empty="The VPC has no security groups."
            onChange={(next) => patch('Set security groups', { securityGroupIds: listOrNone(next) })}
          />
        </>
      )}
    </>
  );
}
