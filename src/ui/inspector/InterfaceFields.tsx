// Fields shared by an instance (its primary interface) and a network interface: subnet, addresses,
// security groups, source/destination check and source NAT.
import {
  setInstanceSecurityGroups,
  setInterfaceSubnet,
  updateResource,
  type Instance,
  type NetworkInterface,
} from '../../model/index.ts';
import { CheckboxField } from './CheckboxField.tsx';
import { checkPrivateIp, checkPublicIp } from './field-checks.ts';
import type { FormProps } from './form-types.ts';
import { IdChecklist } from './IdChecklist.tsx';
import { displayName, privateAddressesInVpc, publicAddresses, subnetsOfVpc } from './inspector-model.ts';
import { ReadOnlyField } from './ReadOnlyField.tsx';
import { ResourceLink } from './ResourceLink.tsx';
import { SelectField } from './SelectField.tsx';
import { StringListField } from './StringListField.tsx';
import { TextField } from './TextField.tsx';

type Kind = 'instances' | 'networkInterfaces';

export function InterfaceFields({
  document,
  resource: item,
  kind,
  onEdit,
  onSelect,
}: FormProps<Instance | NetworkInterface> & { kind: Kind }) {
  const t = document.topology;
  const subnet = (t.subnets ?? []).find((s) => s.id === item.subnetId);
  const vpcId = subnet?.vpcId;
  const used = vpcId === undefined ? new Set<string>() : privateAddressesInVpc(document, vpcId);
  const siblings = vpcId === undefined ? [] : subnetsOfVpc(document, vpcId);
  const groups = (t.securityGroups ?? []).filter((g) => g.vpcId === vpcId);
  const unknownGroups = item.securityGroupIds.filter((g) => !groups.some((x) => x.id === g));
  const patch = (label: string, fields: Parameters<typeof updateResource<Kind>>[3]) =>
    onEdit(`${label} of ${item.id}`, (d) => updateResource(d, kind, item.id, fields));
  return (
    <>
      {vpcId !== undefined && (
        <ReadOnlyField label="VPC">
          <ResourceLink document={document} id={vpcId} onSelect={onSelect} />
        </ReadOnlyField>
      )}
      <SelectField
        label="Subnet"
        value={item.subnetId}
        options={siblings.map((s) => ({
          value: s.id,
          label: `${displayName(document, s.id)} ${s.cidrBlock ?? s.ipv6CidrBlock ?? ''}`,
        }))}
        hint="Moving keeps the private IP when it fits, else takes the first free one."
        onChange={(subnetId) =>
          onEdit(`Move ${item.id} to ${subnetId}`, (d) => setInterfaceSubnet(d, item.id, subnetId))
        }
      />
      <TextField
        label="Private IP"
        value={item.privateIp}
        check={(text) => checkPrivateIp(text, 4, { subnetCidr: subnet?.cidrBlock, used, current: item.privateIp })}
        onCommit={(privateIp) => patch('Set private IP', { privateIp })}
      />
      <StringListField
        legend="Secondary private IPs"
        values={item.secondaryPrivateIps ?? []}
        itemLabel={(i) => `Secondary IP ${i + 1}`}
        addLabel="Add secondary IP"
        check={(text, _others, current) => checkPrivateIp(text, 4, { subnetCidr: subnet?.cidrBlock, used, current })}
        onChange={(next) => patch('Set secondary IPs', { secondaryPrivateIps: next.length === 0 ? undefined : next })}
      />
      <TextField
        label="Public IP"
        value={item.publicIp ?? ''}
        placeholder="none"
        check={(text) => checkPublicIp(text, publicAddresses(document), item.publicIp)}
        onCommit={(publicIp) => patch('Set public IP', { publicIp })}
      />
      <StringListField
        legend="IPv6 addresses"
        values={item.ipv6Addresses ?? []}
        itemLabel={(i) => `IPv6 address ${i + 1}`}
        addLabel="Add IPv6 address"
        check={(text, _others, current) =>
          checkPrivateIp(text, 6, { subnetCidr: subnet?.ipv6CidrBlock, used, current })
        }
        onChange={(next) => patch('Set IPv6 addresses', { ipv6Addresses: next.length === 0 ? undefined : next })}
      />
      <IdChecklist
        legend="Security groups"
        items={[
          ...groups.map((g) => ({ id: g.id, label: displayName(document, g.id) })),
          ...unknownGroups.map((g) => ({ id: g, label: g, note: '(not in this VPC)' })),
        ]}
        selected={item.securityGroupIds}
        empty="The VPC has no security groups."
        onChange={(next) =>
          onEdit(`Set security groups of ${item.id}`, (d) => setInstanceSecurityGroups(d, item.id, next))
        }
      />
      <CheckboxField
        label="Source/destination check"
        checked={item.sourceDestCheck !== false}
        hint="Off for NAT instances and appliances that forward traffic."
        onChange={(on) => patch('Set source/destination check', { sourceDestCheck: on ? undefined : false })}
      />
      <CheckboxField
        label="Source NAT (NAT instance)"
        checked={item.sourceNat === true}
        onChange={(on) => patch('Set source NAT', { sourceNat: on ? true : undefined })}
      />
    </>
  );
}
