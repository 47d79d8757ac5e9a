// The VPC form: name, region, IPv4 and IPv6 CIDR blocks, and what lives in the VPC.
import { setVpcCidrBlocks, setVpcIpv6CidrBlocks, updateResource, type Vpc } from '../../model/index.ts';
import { checkOptionalWord, checkVpcCidr, checkVpcIpv6Cidr } from './field-checks.ts';
import type { FormProps } from './form-types.ts';
import { DEFAULT_REGION, KIND_TITLES, resourcesInVpc } from './inspector-model.ts';
import { NameField } from './NameField.tsx';
import { ResourceLink } from './ResourceLink.tsx';
import { StringListField } from './StringListField.tsx';
import { TextField } from './TextField.tsx';

const REGIONS = ['us-east-1', 'us-east-2', 'us-west-1', 'us-west-2', 'eu-west-1', 'eu-central-1', 'ap-southeast-1'];

export function VpcForm({ document, resource: vpc, onEdit, onSelect }: FormProps<Vpc>) {
  const regionList = `${vpc.id}-regions`;
  return (
    <>
      <NameField id={vpc.id} name={vpc.name} onEdit={onEdit} />
      <datalist id={regionList}>
        {REGIONS.map((r) => (
          <option key={r} value={r} />
        ))}
      </datalist>
      <TextField
        label="Region"
        value={vpc.region ?? ''}
        placeholder={DEFAULT_REGION}
        list={regionList}
        check={checkOptionalWord}
        onCommit={(region) => onEdit(`Set region of ${vpc.id}`, (d) => updateResource(d, 'vpcs', vpc.id, { region }))}
      />
      <StringListField
        legend="IPv4 CIDRs"
        values={vpc.cidrBlocks}
        itemLabel={(i) => (i === 0 ? 'CIDR block' : `Secondary CIDR ${i + 1}`)}
        addLabel="Add IPv4 CIDR"
        placeholder="10.1.0.0/16"
        minItems={1}
        check={(text, others) => checkVpcCidr(text, others)}
        onChange={(next) => onEdit(`Set CIDR blocks of ${vpc.id}`, (d) => setVpcCidrBlocks(d, vpc.id, next))}
      />
      <StringListField
        legend="IPv6 CIDRs"
        values={vpc.ipv6CidrBlocks ?? []}
        itemLabel={(i) => `IPv6 CIDR ${i + 1}`}
        addLabel="Add IPv6 CIDR"
        placeholder="2600:1f18:1234:5600::/56"
        check={(text, others) => checkVpcIpv6Cidr(text, others)}
        onChange={(next) => onEdit(`Set IPv6 CIDR blocks of ${vpc.id}`, (d) => setVpcIpv6CidrBlocks(d, vpc.id, next))}
      />
      <section className="insp-section" aria-label="Contents">
        <h4>In this VPC</h4>
        {resourcesInVpc(document, vpc.id).map(({ kind, ids }) => (
          <div key={kind} className="insp-contents">
            <span className="insp-label">{KIND_TITLES[kind]}</span>
            <ul>
              {ids.map((id) => (
                <li key={id}>
                  <ResourceLink document={document} id={id} onSelect={onSelect} />
                </li>
              ))}
            </ul>
          </div>
        ))}
      </section>
    </>
  );
}
