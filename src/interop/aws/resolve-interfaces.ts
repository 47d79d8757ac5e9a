/**
 * Resolves instances, network interfaces and NAT gateways. Interfaces of NAT gateways, endpoints and
 * attachments feed those resources instead of becoming interfaces whose addresses would collide.
 */
import type { Instance, NatGateway, NetworkInterface } from '../../model/index.ts';
import type { InstanceDraft, InterfaceDraft } from './drafts.ts';
import type { Entry } from './merge.ts';
import { resolveAddresses } from './resolve-addresses.ts';
import { fromOrigin, type From } from './resolve-context.ts';
import type { Ctx } from './resolve-types.ts';

/** Interface types owned by a resource the format models in its own way, and the id in their description. */
const OWNED_TYPES: Readonly<Record<string, { pattern: RegExp; what: string }>> = {
  nat_gateway: { pattern: /\bnat-[0-9a-f]+\b/, what: 'NAT gateway' },
  vpc_endpoint: { pattern: /\bvpce-[0-9a-f]+\b/, what: 'VPC endpoint' },
  gateway_load_balancer_endpoint: { pattern: /\bvpce-[0-9a-f]+\b/, what: 'VPC endpoint' },
  transit_gateway: { pattern: /\btgw-attach-[0-9a-f]+\b/, what: 'transit gateway attachment' },
};

const LOAD_BALANCER_TYPES = new Set(['network_load_balancer', 'gateway_load_balancer', 'load_balancer']);

/** Feeds NAT gateway drafts from their interfaces and returns the ids of interfaces that are owned. */
function claimOwnedInterfaces(cx: Ctx, natByEni: Map<string, string>): Set<string> {
  const { st, rs } = cx;
  const owned = new Set<string>();
  for (const { value: d, origin } of st.interfaces.entries.values()) {
    const kind = d.interfaceType === undefined ? undefined : OWNED_TYPES[d.interfaceType];
    if (!kind) continue;
    owned.add(d.id);
    const ownerId =
      (d.interfaceType === 'nat_gateway' ? natByEni.get(d.id) : undefined) ??
      kind.pattern.exec(d.description ?? '')?.[0];
    const known =
      ownerId !== undefined &&
      (st.leftOut.has(ownerId) ||
        st.natGateways.get(ownerId) !== undefined ||
        st.endpoints.get(ownerId) !== undefined ||
        st.attachments.get(ownerId) !== undefined);
    if (!known) {
      const from = fromOrigin(origin, d.id, `network interface ${d.id} (${d.interfaceType ?? 'interface'})`);
      const collectedAs =
        d.interfaceType === 'nat_gateway'
          ? (['NatGateways'] as const)
          : d.interfaceType === 'transit_gateway'
            ? (['TransitGatewayAttachments'] as const)
            : (['VpcEndpoints'] as const);
      rs.report(
        ownerId ?? '(unnamed)',
        kind.what,
        collectedAs,
        from,
        `the interface is left out: the ${kind.what} would model it`,
      );
      continue;
    }
    const nat =
      d.interfaceType === 'nat_gateway' && ownerId !== undefined ? st.natGateways.get(ownerId)?.value : undefined;
    if (nat) {
      nat.privateIp ??= d.privateIp;
      if (nat.connectivity === 'public' && nat.publicIp === undefined && d.publicIp !== undefined)
        nat.publicIp = d.publicIp;
      natByEni.set(d.id, nat.id);
    }
  }
  return owned;
}

function resolveNatGateways(cx: Ctx): void {
  const { st, rs, out } = cx;
  for (const { value: d, origin } of st.natGateways.entries.values()) {
    const from = fromOrigin(origin, d.id, `NAT gateway ${d.id}`);
    if (!rs.check(d.subnetId, 'subnets', ['Subnets'], from, 'the NAT gateway is left out')) {
      rs.drop(d.id, `its subnet ${d.subnetId} is not in the import`);
      continue;
    }
    const nat: NatGateway = { id: d.id, subnetId: d.subnetId };
    if (d.name !== undefined) nat.name = d.name;
    if (d.connectivity === 'private') nat.connectivity = 'private';
    if (d.privateIp !== undefined) nat.privateIp = d.privateIp;
    if (d.publicIp !== undefined) nat.publicIp = d.publicIp;
    if (d.state !== 'available') nat.state = d.state;
    out.natGateways.push(nat);
    cx.natGateways.set(d.id, nat);
    rs.keep(d.id, 'natGateways');
  }
}

/** The format's instance state for an AWS State.Name, reporting approximations. */
type State = 'running' | 'stopped' | 'terminated';

function instanceState(cx: Ctx, d: InstanceDraft, from: From): State {
  const mapped: Readonly<Record<string, State>> = {
    running: 'running',
    stopped: 'stopped',
    terminated: 'terminated',
    pending: 'stopped',
    stopping: 'stopped',
    'shutting-down': 'terminated',
  };
  const state = mapped[d.state];
  const where = { file: from.file, path: from.path, rid: d.id };
  if (state === undefined) {
    cx.st.r.warning(
      'IMPORT_AWS_FIELD_VALUE',
      where,
      `${from.file}: instance ${d.id} has state ${JSON.stringify(d.state)}; it is imported as stopped`,
    );
    return 'stopped';
  }
  if (state !== d.state) {
    cx.st.r.warning(
      'IMPORT_AWS_STATE_MAPPED',
      where,
      `${from.file}: instance ${d.id} is ${d.state}; only running instances forward traffic, so it is imported as ${state}`,
    );
  }
  return state;
}

/** Copies the interface fields the format has onto an instance or a network interface. */
function copyFields(target: Instance | NetworkInterface, d: Partial<InterfaceDraft>): void {
  if (d.secondaryPrivateIps !== undefined && d.secondaryPrivateIps.length > 0)
    target.secondaryPrivateIps = d.secondaryPrivateIps;
  if (d.publicIp !== undefined) target.publicIp = d.publicIp;
  if (d.ipv6Addresses !== undefined && d.ipv6Addresses.length > 0) target.ipv6Addresses = d.ipv6Addresses;
  if (d.sourceDestCheck === false) target.sourceDestCheck = false;
}

function resolveInstance(cx: Ctx, entry: Entry<InstanceDraft>, claimed: Set<string>): void {
  const { st, rs, out } = cx;
  const { value: d, origin } = entry;
  const from = fromOrigin(origin, d.id, `instance ${d.id}`);
  const primary = d.primaryInterfaceId === undefined ? undefined : st.interfaces.get(d.primaryInterfaceId)?.value;
  const fields: Partial<InterfaceDraft> = primary ?? { ...d.fallback };
  const { subnetId, privateIp } = fields;
  if (subnetId === undefined || privateIp === undefined) {
    if (d.state === 'terminated' || d.state === 'shutting-down') {
      st.r.warning(
        'IMPORT_AWS_DELETED',
        { file: origin.file, path: origin.path, rid: d.id },
        `${origin.file}: instance ${d.id} is ${d.state} and has no subnet or address left; it is left out`,
      );
    } else {
      st.r.error(
        'IMPORT_AWS_FIELD_MISSING',
        { file: origin.file, path: origin.path, rid: d.id },
        `${origin.file}: instance ${d.id} has no ${subnetId === undefined ? 'SubnetId' : 'PrivateIpAddress'} (nor a primary interface with one); the instance is left out`,
      );
    }
    rs.drop(d.id, `it is ${d.state} without a subnet or address`);
    return;
  }
  const state = instanceState(cx, d, from);
  if (!rs.check(subnetId, 'subnets', ['Subnets'], from, 'the instance is left out')) {
    rs.drop(d.id, `its subnet ${subnetId} is not in the import`);
    return;
  }
  const groups = fields.securityGroupIds ?? [];
  const inst: Instance = {
    id: d.id,
    subnetId,
    privateIp,
    securityGroupIds: rs.filter(
      groups,
      'securityGroups',
      ['SecurityGroups'],
      from,
      'the group is removed from the instance',
    ),
  };
  if (d.name !== undefined) inst.name = d.name;
  copyFields(inst, fields);
  if (primary) inst.primaryInterfaceId = primary.id;
  if (d.os !== undefined) inst.os = d.os;
  if (state !== 'running') inst.state = state;
  out.instances.push(inst);
  rs.keep(d.id, 'instances');
  const interfaceId = primary?.id ?? `${d.id}/eth0`;
  rs.keep(interfaceId, 'networkInterfaces');
  cx.interfaces.set(interfaceId, inst);
  claimed.add(interfaceId);
}

function resolveInterface(cx: Ctx, entry: Entry<InterfaceDraft>): void {
  const { st, rs, out } = cx;
  const { value: d, origin } = entry;
  const from = fromOrigin(origin, d.id, `network interface ${d.id}`);
  let instanceId = d.instanceId;
  if (instanceId !== undefined && !rs.has(instanceId, 'instances')) {
    if (st.leftOut.has(instanceId)) {
      rs.report(instanceId, 'instance', ['Reservations'], from, 'the interface attached to it is left out too');
      rs.drop(d.id, `its instance ${instanceId} was left out`);
      return;
    }
    rs.report(instanceId, 'instance', ['Reservations'], from, 'the interface is imported unattached');
    instanceId = undefined;
  }
  if (!rs.check(d.subnetId, 'subnets', ['Subnets'], from, 'the interface is left out')) {
    rs.drop(d.id, `its subnet ${d.subnetId} is not in the import`);
    return;
  }
  const eni: NetworkInterface = {
    id: d.id,
    subnetId: d.subnetId,
    privateIp: d.privateIp,
    securityGroupIds: rs.filter(
      d.securityGroupIds,
      'securityGroups',
      ['SecurityGroups'],
      from,
      'the group is removed from the interface',
    ),
  };
  if (d.name !== undefined) eni.name = d.name;
  if (instanceId !== undefined) eni.instanceId = instanceId;
  copyFields(eni, d);
  const balancer =
    (d.interfaceType !== undefined && LOAD_BALANCER_TYPES.has(d.interfaceType)) ||
    (d.description ?? '').startsWith('ELB ');
  if (balancer) {
    st.r.warning(
      'IMPORT_AWS_UNSUPPORTED',
      { file: origin.file, path: origin.path, rid: d.id },
      `${origin.file}: network interface ${d.id} belongs to a load balancer (${d.description ?? d.interfaceType ?? ''}); vpcsim does not model load balancing, so it is imported as a plain interface that answers for itself`,
    );
  }
  out.networkInterfaces.push(eni);
  cx.interfaces.set(d.id, eni);
  rs.keep(d.id, 'networkInterfaces');
}

/** NAT gateways, instances with their primary interfaces, other interfaces, then Elastic IPs. */
export function resolveInterfaces(cx: Ctx): void {
  const { st } = cx;
  const natByEni = new Map<string, string>();
  for (const { value: nat } of st.natGateways.entries.values()) {
    for (const eni of nat.interfaceIds) natByEni.set(eni, nat.id);
  }
  const owned = claimOwnedInterfaces(cx, natByEni);
  resolveNatGateways(cx);
  const claimed = new Set<string>(owned);
  for (const entry of st.instances.entries.values()) resolveInstance(cx, entry, claimed);
  for (const entry of st.interfaces.entries.values()) {
    if (!claimed.has(entry.value.id)) resolveInterface(cx, entry);
  }
  resolveAddresses(cx, natByEni, owned);
}
