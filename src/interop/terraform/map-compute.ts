/**
 * Maps instances and network interfaces (an aws_network_interface at device index 0 becomes the
 * instance's primary interface), their `vpcsim:` tags and aws_ec2_instance_state, Elastic IP
 * associations, and the addresses a plan does not know yet.
 */
import { formatIpv4, parseCidrLoose } from '../../lib/index.ts';
import type { Instance, InstanceOs, NetworkInterface } from '../../model/index.ts';
import { dangling, missing, nameOf, need } from './common.ts';
import type { Entry, MapContext } from './context.ts';
import { defaultSgOf, sgFor } from './defaults.ts';
import type { Fields } from './fields.ts';

function groupsOf(cx: MapContext, f: Fields, key: string): string[] {
  const out: string[] = [];
  for (const id of f.refs(key)) {
    const sg = sgFor(cx, id) ?? id;
    if (!out.includes(sg)) out.push(sg);
  }
  return out;
}

/** What vpcsim's HCL exporter keeps as tags because no Terraform argument holds it. */
interface VpcsimTags {
  os?: InstanceOs;
  sourceNat?: boolean;
}

/**
 * Reads the `vpcsim:` tags: `vpcsim:os` ("windows" | "linux", instances only) and `vpcsim:source-nat`
 * ("true" | "false"). Any other `vpcsim:` tag or value is a warning and ignored.
 */
function vpcsimTags(f: Fields, isInstance: boolean): VpcsimTags {
  const out: VpcsimTags = {};
  const ignored = (key: string, value: string, expected: string): void => {
    f.cx.report(
      'IMPORT_TF_UNSUPPORTED_VALUE',
      'warning',
      f.address,
      `tag ${key} = "${value}" is not a vpcsim setting (${expected}); it was ignored`,
      'tags',
    );
  };
  for (const [key, value] of f.tags()) {
    if (!key.startsWith('vpcsim:')) continue;
    if (key === 'vpcsim:os' && isInstance) {
      if (value === 'windows' || value === 'linux') out.os = value;
      else ignored(key, value, 'expected windows or linux');
    } else if (key === 'vpcsim:source-nat') {
      if (value === 'true') out.sourceNat = true;
      else if (value !== 'false') ignored(key, value, 'expected true or false');
    } else {
      ignored(key, value, isInstance ? 'vpcsim:os or vpcsim:source-nat' : 'an interface takes vpcsim:source-nat');
    }
  }
  return out;
}

/** aws_network_interface */
export function mapNetworkInterface(cx: MapContext, e: Entry, f: Fields): void {
  const subnetId = need(f, 'subnet_id', 'subnets', 'a network interface sits in a subnet');
  if (subnetId === undefined) return;
  const list = f.ips('private_ip_list', 4);
  const set = f.ips('private_ips', 4);
  const primary = f.ip('private_ip', 4) ?? list[0] ?? set[0];
  const eni: NetworkInterface = { id: e.id, ...nameOf(e, f), subnetId, privateIp: primary ?? '', securityGroupIds: [] };
  const secondary = (list.length > 0 ? list : set).filter((ip) => ip !== primary);
  if (secondary.length > 0) eni.secondaryPrivateIps = secondary;
  const v6 = f.ips('ipv6_addresses', 6);
  const v6list = v6.length > 0 ? v6 : f.ips('ipv6_address_list', 6);
  if (v6list.length > 0) eni.ipv6Addresses = v6list;
  eni.securityGroupIds = groupsOf(cx, f, 'security_groups');
  if (eni.securityGroupIds.length === 0) {
    // AWS gives an interface created without groups the VPC's default group.
    const vpc = cx.items.subnets.get(subnetId)?.vpcId;
    const sg = vpc === undefined ? undefined : defaultSgOf(cx, vpc);
    if (sg !== undefined) eni.securityGroupIds = [sg];
  }
  if (f.bool('source_dest_check') === false) eni.sourceDestCheck = false;
  if (vpcsimTags(f, false).sourceNat === true) eni.sourceNat = true;
  for (const b of f.blocks('attachment')) {
    const inst = b.ref('instance');
    if (inst === undefined) continue;
    if (b.int('device_index') === 0) cx.primaryByInstance.set(inst, eni.id);
    else eni.instanceId = inst;
  }
  if (!cx.claim('networkInterfaces', eni, e.address)) return;
  if (primary === undefined) cx.addressGaps.push({ kind: 'networkInterfaces', id: eni.id, field: 'privateIp' });
}

const INSTANCE_STATES: Record<string, Instance['state']> = {
  pending: 'running',
  running: 'running',
  stopping: 'stopped',
  stopped: 'stopped',
  'shutting-down': 'terminated',
  terminated: 'terminated',
};

/** The aws_network_interface an instance uses as its primary interface, if any. */
function primaryInterface(cx: MapContext, e: Entry, f: Fields): NetworkInterface | undefined {
  for (const key of ['network_interface', 'primary_network_interface']) {
    for (const b of f.blocks(key)) {
      const id = b.ref('network_interface_id');
      if (id === undefined) continue;
      const eni = cx.items.networkInterfaces.get(id);
      if (!eni) continue;
      if ((b.int('device_index') ?? 0) === 0) return eni;
      eni.instanceId = e.id;
    }
  }
  const byId = f.ref('primary_network_interface_id');
  const attached = cx.primaryByInstance.get(e.id);
  return cx.items.networkInterfaces.get(byId ?? '') ?? cx.items.networkInterfaces.get(attached ?? '');
}

/** aws_instance */
export function mapInstance(cx: MapContext, e: Entry, f: Fields): void {
  const eni = primaryInterface(cx, e, f);
  const subnetId = f.ref('subnet_id') ?? eni?.subnetId;
  if (subnetId === undefined) {
    missing(f, 'subnet_id', 'an instance sits in a subnet (vpcsim has no default VPC to place it in); it was left out');
    return;
  }
  const subnet = cx.items.subnets.get(subnetId);
  if (!subnet) {
    dangling(f, 'subnet_id', subnetId, 'subnets', 'the instance was left out');
    return;
  }
  const inst: Instance = {
    id: e.id,
    ...nameOf(e, f),
    subnetId,
    privateIp: f.ip('private_ip', 4) ?? (eni?.privateIp || ''),
    securityGroupIds: [],
  };
  const secondary = f.ips('secondary_private_ips', 4);
  if (secondary.length > 0) inst.secondaryPrivateIps = secondary;
  else if (eni?.secondaryPrivateIps) inst.secondaryPrivateIps = eni.secondaryPrivateIps;
  const publicIp = f.ip('public_ip', 4);
  if (publicIp !== undefined) inst.publicIp = publicIp;
  const v6 = f.ips('ipv6_addresses', 6);
  if (v6.length > 0) inst.ipv6Addresses = v6;
  else if (eni?.ipv6Addresses) inst.ipv6Addresses = eni.ipv6Addresses;
  inst.securityGroupIds = groupsOf(cx, f, 'vpc_security_group_ids');
  if (inst.securityGroupIds.length === 0) {
    // Outside a default VPC `security_groups` holds ids; in one it holds names.
    for (const raw of f.strs('security_groups')) {
      const id = cx.resolve(raw);
      const sg =
        sgFor(cx, id) ??
        cx.sgByName.get(`${subnet.vpcId}\u0000${raw}`) ??
        (raw === 'default' ? defaultSgOf(cx, subnet.vpcId) : undefined);
      if (sg === undefined)
        dangling(f, 'security_groups', raw, 'securityGroups', 'the group was left out of the instance');
      else if (!inst.securityGroupIds.includes(sg)) inst.securityGroupIds.push(sg);
    }
  }
  if (inst.securityGroupIds.length === 0 && eni) inst.securityGroupIds = eni.securityGroupIds;
  if (inst.securityGroupIds.length === 0) {
    // AWS launches an instance without groups into the VPC's default group.
    const sg = defaultSgOf(cx, subnet.vpcId);
    if (sg !== undefined) inst.securityGroupIds = [sg];
  }
  const sdc = f.bool('source_dest_check') ?? eni?.sourceDestCheck;
  if (sdc === false) inst.sourceDestCheck = false;
  const tags = vpcsimTags(f, true);
  if (tags.os !== undefined) inst.os = tags.os;
  if (tags.sourceNat === true || eni?.sourceNat === true) inst.sourceNat = true;
  const rawState = f.str('instance_state');
  if (rawState !== undefined) {
    const state = Object.hasOwn(INSTANCE_STATES, rawState) ? INSTANCE_STATES[rawState] : undefined;
    if (state === undefined)
      f.invalid('instance_state', `is "${rawState}": not an EC2 instance state; taken as running`);
    else if (state !== 'running') inst.state = state;
  }
  if (eni) {
    // The interface resource is this instance's primary interface: one resource in the document, under the interface's id.
    cx.drop('networkInterfaces', eni.id);
    inst.primaryInterfaceId = eni.id;
    if (eni.publicIp !== undefined && inst.publicIp === undefined) inst.publicIp = eni.publicIp;
  } else {
    const pni = f.str('primary_network_interface_id');
    if (pni !== undefined && !cx.kindOfId.has(pni)) inst.primaryInterfaceId = pni;
  }
  if (!cx.claim('instances', inst, e.address)) return;
  const primaryId = inst.primaryInterfaceId ?? `${inst.id}/eth0`;
  cx.alias(primaryId, 'networkInterfaces', e.address);
  cx.primaryInterfaceOf.set(primaryId, inst.id);
  if (inst.privateIp === '') cx.addressGaps.push({ kind: 'instances', id: inst.id, field: 'privateIp' });
  // A plan leaves public_ip out until apply: the instance gets one if it asks for it or its subnet maps one.
  if (publicIp === undefined && f.absent('public_ip')) {
    const wants = f.bool('associate_public_ip_address') ?? subnet.mapPublicIpOnLaunch ?? false;
    if (wants) cx.addressGaps.push({ kind: 'instances', id: inst.id, field: 'publicIp' });
  }
}

/** aws_ec2_instance_state: the state Terraform keeps an instance in, over the instance's own attribute. */
export function mapInstanceState(cx: MapContext, _e: Entry, f: Fields): void {
  const id = f.ref('instance_id');
  if (id === undefined) {
    missing(f, 'instance_id', 'the state was ignored');
    return;
  }
  const inst = cx.items.instances.get(id);
  if (!inst) {
    dangling(f, 'instance_id', id, 'instances', 'the state was ignored');
    return;
  }
  const raw = f.str('state');
  if (raw === undefined) {
    missing(f, 'state', 'the state was ignored');
    return;
  }
  const state = raw === 'running' || raw === 'stopped' ? raw : undefined;
  if (state === undefined) f.invalid('state', `is "${raw}": expected running or stopped; it was ignored`);
  else if (state === 'running') delete inst.state;
  else inst.state = state;
}

/** aws_network_interface_attachment */
export function mapInterfaceAttachment(cx: MapContext, _e: Entry, f: Fields): void {
  const eniId = f.ref('network_interface_id');
  const inst = f.ref('instance_id');
  if (eniId === undefined || inst === undefined) {
    missing(f, eniId === undefined ? 'network_interface_id' : 'instance_id', 'the attachment was ignored');
    return;
  }
  const eni = cx.items.networkInterfaces.get(eniId);
  if (!eni) {
    if (!cx.primaryInterfaceOf.has(eniId))
      dangling(f, 'network_interface_id', eniId, 'networkInterfaces', 'the attachment was ignored');
    return;
  }
  if (!cx.is('instances', inst)) {
    dangling(f, 'instance_id', inst, 'instances', 'the attachment was ignored');
    return;
  }
  eni.instanceId = inst;
}

/** Puts each Elastic IP on the instance or interface it is associated with. */
export function applyElasticIps(cx: MapContext): void {
  const done = new Set<object>();
  for (const [eipId, eip] of cx.eips) {
    if (done.has(eip) || cx.natEips.has(eip)) continue;
    done.add(eip);
    if (eip.networkInterfaceId !== undefined && cx.natInterfaces.has(eip.networkInterfaceId)) continue;
    let owner: { kind: 'instances' | 'networkInterfaces'; id: string } | undefined;
    if (eip.instanceId !== undefined && cx.is('instances', eip.instanceId))
      owner = { kind: 'instances', id: eip.instanceId };
    else if (eip.networkInterfaceId !== undefined) {
      const inst = cx.primaryInterfaceOf.get(eip.networkInterfaceId);
      if (inst !== undefined && cx.is('instances', inst)) owner = { kind: 'instances', id: inst };
      else if (cx.is('networkInterfaces', eip.networkInterfaceId))
        owner = { kind: 'networkInterfaces', id: eip.networkInterfaceId };
    }
    const target = eip.instanceId ?? eip.networkInterfaceId;
    if (owner === undefined) {
      if (target !== undefined) {
        cx.report(
          'IMPORT_TF_DANGLING_REFERENCE',
          'error',
          eip.address,
          `the Elastic IP is associated with ${target}, which is no instance or network interface of the input; it was ignored`,
        );
      }
      continue;
    }
    const item =
      owner.kind === 'instances' ? cx.items.instances.get(owner.id) : cx.items.networkInterfaces.get(owner.id);
    if (!item) continue;
    if (eip.privateIp !== undefined && item.privateIp !== '' && eip.privateIp !== item.privateIp) {
      cx.report(
        'IMPORT_TF_UNSUPPORTED_VALUE',
        'warning',
        eip.address,
        `the Elastic IP is associated with secondary address ${eip.privateIp} of ${owner.id}; vpcsim models a public address on the primary address only, so it was ignored`,
      );
      continue;
    }
    if (eip.publicIp !== undefined) item.publicIp = eip.publicIp;
    else cx.addressGaps.push({ kind: owner.kind, id: owner.id, field: 'publicIp', eipId });
  }
}

/** Stand-in public addresses for a plan (TEST-NET-3, then TEST-NET-1): documentation ranges, never real hosts. */
const ASSUMED_PUBLIC_BLOCKS = [0xcb007100, 0xc0000200]; // 203.0.113.0/24, 192.0.2.0/24

/**
 * Fills the addresses a plan learns only at apply: a private address AWS picks in the subnet (the first
 * free one after the 4 AWS reserves) and a public address (a documentation address). Each is a warning,
 * since traces depend on it. A resource that cannot get an address is left out.
 */
export function fillAddressGaps(cx: MapContext): void {
  if (cx.addressGaps.length === 0) return;
  const used = new Set<string>();
  const holders = [...cx.items.instances.values(), ...cx.items.networkInterfaces.values()];
  for (const h of holders) {
    if (h.privateIp !== '') used.add(h.privateIp);
    for (const ip of h.secondaryPrivateIps ?? []) used.add(ip);
    if (h.publicIp !== undefined) used.add(h.publicIp);
  }
  for (const nat of cx.items.natGateways.values()) {
    if (nat.privateIp !== undefined) used.add(nat.privateIp);
    if (nat.publicIp !== undefined) used.add(nat.publicIp);
  }
  for (const eip of cx.eips.values()) if (eip.publicIp !== undefined) used.add(eip.publicIp);
  const nextInSubnet = new Map<string, number>();
  let publicBlock = 0;
  let publicOffset = 1;
  const nextPublic = (): string | undefined => {
    while (publicBlock < ASSUMED_PUBLIC_BLOCKS.length) {
      const base = ASSUMED_PUBLIC_BLOCKS[publicBlock]!;
      while (publicOffset < 255) {
        const ip = formatIpv4(base + publicOffset++);
        if (!used.has(ip)) {
          used.add(ip);
          return ip;
        }
      }
      publicBlock++;
      publicOffset = 1;
    }
    return undefined;
  };
  const nextPrivate = (subnetId: string): string | undefined => {
    const text = cx.items.subnets.get(subnetId)?.cidrBlock;
    const c = text === undefined ? undefined : parseCidrLoose(text);
    if (c === undefined || c.family !== 4) return undefined;
    let v = nextInSubnet.get(subnetId) ?? c.network + 4;
    let found: string | undefined;
    while (found === undefined && v < c.last) {
      const ip = formatIpv4(v++);
      if (!used.has(ip)) found = ip;
    }
    nextInSubnet.set(subnetId, v);
    if (found !== undefined) used.add(found);
    return found;
  };
  for (const gap of cx.addressGaps) {
    const item =
      gap.kind === 'instances'
        ? cx.items.instances.get(gap.id)
        : gap.kind === 'networkInterfaces'
          ? cx.items.networkInterfaces.get(gap.id)
          : cx.items.natGateways.get(gap.id);
    if (!item) continue;
    const address = cx.addressOf(gap.id);
    if (gap.field === 'privateIp') {
      if (item.privateIp !== '' && item.privateIp !== undefined) continue;
      const ip = nextPrivate(item.subnetId);
      if (ip === undefined) {
        cx.report(
          'IMPORT_TF_FIELD_MISSING',
          'error',
          address,
          `private_ip is not known and subnet ${item.subnetId} has no free IPv4 address to assume; the resource was left out`,
          'private_ip',
        );
        cx.drop(gap.kind, gap.id);
        continue;
      }
      item.privateIp = ip;
      assumed(cx, address, 'private_ip', `private address ${ip} (the first free one of subnet ${item.subnetId})`);
      continue;
    }
    if (item.publicIp !== undefined) continue;
    const eip = gap.eipId === undefined ? undefined : cx.eips.get(gap.eipId);
    const ip = eip?.publicIp ?? nextPublic();
    if (ip === undefined) continue;
    if (eip !== undefined) eip.publicIp = ip;
    item.publicIp = ip;
    assumed(
      cx,
      address,
      'public_ip',
      `public address ${ip} (a documentation address standing for the one AWS assigns)`,
    );
  }
}

function assumed(cx: MapContext, address: string, attribute: string, what: string): void {
  cx.report(
    'IMPORT_TF_ASSUMED',
    'warning',
    address,
    `${attribute} is not known until apply; vpcsim assumes ${what}, and traces rely on it`,
    attribute,
  );
}
