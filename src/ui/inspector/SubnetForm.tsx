// The subnet form: name, zone, CIDR blocks, public IP on launch, and the route table and network
// ACL it uses (moving the association; the implicit main table / default NACL when none is explicit).
import {
  setNaclAssociation,
  setRouteTableAssociation,
  setSubnetCidr,
  setSubnetIpv6Cidr,
  updateResource,
  type Subnet,
} from '../../model/index.ts';
import { checkSubnetCidr, checkSubnetIpv6Cidr, checkWord } from './field-checks.ts';
import type { FormProps } from './form-types.ts';
import { CheckboxField } from './CheckboxField.tsx';
import {
  defaultNacl,
  displayName,
  explicitNacl,
  explicitRouteTable,
  mainRouteTable,
  subnetsOfVpc,
} from './inspector-model.ts';
import { NameField } from './NameField.tsx';
import { ReadOnlyField } from './ReadOnlyField.tsx';
import { ResourceLink } from './ResourceLink.tsx';
import { SelectField } from './SelectField.tsx';
import { TextField } from './TextField.tsx';

const IMPLICIT = '';

export function SubnetForm({ document, resource: subnet, onEdit, onSelect }: FormProps<Subnet>) {
  const t = document.topology;
  const vpc = (t.vpcs ?? []).find((v) => v.id === subnet.vpcId);
  const siblings = subnetsOfVpc(document, subnet.vpcId).filter((s) => s.id !== subnet.id);
  const main = mainRouteTable(document, subnet.vpcId);
  const mainId = typeof main === 'string' ? main : main.id;
  const rtb = explicitRouteTable(document, subnet.id);
  const acl = explicitNacl(document, subnet.id);
  const dflt = defaultNacl(document, subnet.vpcId);
  const dfltId = typeof dflt === 'string' ? dflt : dflt.id;
  const tables = (t.routeTables ?? []).filter((r) => r.vpcId === subnet.vpcId);
  const acls = (t.networkAcls ?? []).filter((a) => a.vpcId === subnet.vpcId);
  const residents = [
    ...(t.instances ?? []).filter((i) => i.subnetId === subnet.id),
    ...(t.networkInterfaces ?? []).filter((i) => i.subnetId === subnet.id),
    ...(t.natGateways ?? []).filter((n) => n.subnetId === subnet.id),
  ];
  return (
    <>
      <NameField id={subnet.id} name={subnet.name} onEdit={onEdit} />
      <ReadOnlyField label="VPC">
        <ResourceLink document={document} id={subnet.vpcId} onSelect={onSelect} />
      </ReadOnlyField>
      <TextField
        label="Availability zone"
        value={subnet.availabilityZone}
        check={checkWord}
        onCommit={(availabilityZone) =>
          onEdit(`Set zone of ${subnet.id}`, (d) => updateResource(d, 'subnets', subnet.id, { availabilityZone }))
        }
      />
      <TextField
        label="CIDR block"
        value={subnet.cidrBlock ?? ''}
        placeholder="10.0.1.0/24"
        check={(text) =>
          checkSubnetCidr(text, {
            vpcBlocks: vpc?.cidrBlocks ?? [],
            siblings: siblings.flatMap((s) => (s.cidrBlock === undefined ? [] : [s.cidrBlock])),
            optional: subnet.ipv6CidrBlock !== undefined,
          })
        }
        onCommit={(cidr) => onEdit(`Set CIDR of ${subnet.id}`, (d) => setSubnetCidr(d, subnet.id, cidr))}
      />
      <TextField
        label="IPv6 CIDR"
        value={subnet.ipv6CidrBlock ?? ''}
        placeholder={(vpc?.ipv6CidrBlocks ?? []).length > 0 ? 'a /64 of the VPC block' : 'the VPC has no IPv6 block'}
        check={(text) =>
          checkSubnetIpv6Cidr(text, {
            vpcBlocks: vpc?.ipv6CidrBlocks ?? [],
            siblings: siblings.flatMap((s) => (s.ipv6CidrBlock === undefined ? [] : [s.ipv6CidrBlock])),
            optional: subnet.cidrBlock !== undefined,
          })
        }
        onCommit={(cidr) => onEdit(`Set IPv6 CIDR of ${subnet.id}`, (d) => setSubnetIpv6Cidr(d, subnet.id, cidr))}
      />
      <CheckboxField
        label="Auto-assign public IPv4 address"
        checked={subnet.mapPublicIpOnLaunch === true}
        onChange={(on) =>
          onEdit(`Set public IP on launch of ${subnet.id}`, (d) =>
            updateResource(d, 'subnets', subnet.id, { mapPublicIpOnLaunch: on ? true : undefined }),
          )
        }
      />
      <SelectField
        label="Route table"
        value={rtb?.id ?? IMPLICIT}
        options={[
          { value: IMPLICIT, label: `main: ${displayName(document, mainId)}` },
          ...tables.map((r) => ({ value: r.id, label: displayName(document, r.id) })),
        ]}
        onChange={(id) =>
          onEdit(`Associate ${subnet.id} with route table`, (d) =>
            setRouteTableAssociation(d, subnet.id, id === IMPLICIT ? undefined : id),
          )
        }
      />
      <div className="insp-follow">
        <ResourceLink document={document} id={rtb?.id ?? mainId} onSelect={onSelect} />
      </div>
      <SelectField
        label="Network ACL"
        value={acl?.id ?? IMPLICIT}
        options={[
          { value: IMPLICIT, label: `default: ${displayName(document, dfltId)}` },
          ...acls.map((a) => ({ value: a.id, label: displayName(document, a.id) })),
        ]}
        onChange={(id) =>
          onEdit(`Associate ${subnet.id} with network ACL`, (d) =>
            setNaclAssociation(d, subnet.id, id === IMPLICIT ? undefined : id),
          )
        }
      />
      <div className="insp-follow">
        <ResourceLink document={document} id={acl?.id ?? dfltId} onSelect={onSelect} />
      </div>
      {residents.length > 0 && (
        <section className="insp-section" aria-label="Contents">
          <h4>In this subnet</h4>
          <ul>
            {residents.map((r) => (
              <li key={r.id}>
                <ResourceLink document={document} id={r.id} onSelect={onSelect} />
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
