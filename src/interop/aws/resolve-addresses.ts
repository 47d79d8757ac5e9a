// Resolves Elastic IPs: each gives its public address to the interface or NAT gateway that lacks one.
import type { From } from './resolve-context.ts';
import type { Ctx } from './resolve-types.ts';

/**
 * Applies describe-addresses: `natByEni` maps NAT gateway interfaces to their gateways, `owned` holds
 * the interfaces the format derives (endpoints, attachments), whose addresses it does not record.
 */
export function resolveAddresses(cx: Ctx, natByEni: Map<string, string>, owned: Set<string>): void {
  const { st, rs } = cx;
  const primaryOf = new Map<string, string>();
  for (const inst of cx.out.instances) primaryOf.set(inst.id, inst.primaryInterfaceId ?? `${inst.id}/eth0`);
  for (const a of st.addresses.values()) {
    const where = { file: a.file, path: a.path, rid: a.allocationId ?? a.publicIp };
    const interfaceId = a.interfaceId ?? (a.instanceId === undefined ? undefined : primaryOf.get(a.instanceId));
    if (interfaceId === undefined) {
      st.r.warning(
        'IMPORT_AWS_UNSUPPORTED',
        where,
        a.instanceId === undefined
          ? `${a.file}: Elastic IP ${a.publicIp} is not associated with anything; unassociated addresses are not modelled`
          : `${a.file}: Elastic IP ${a.publicIp} is associated with instance ${a.instanceId}, which is not in the import; it is left out`,
      );
      continue;
    }
    const natId = natByEni.get(interfaceId);
    const nat = natId === undefined ? undefined : cx.natGateways.get(natId);
    if (nat) {
      if (nat.publicIp === undefined && nat.connectivity !== 'private') nat.publicIp = a.publicIp;
      else if (nat.publicIp !== a.publicIp) mismatch(cx, where, a.publicIp, `NAT gateway ${nat.id}`, nat.publicIp);
      continue;
    }
    const target = cx.interfaces.get(interfaceId);
    if (!target) {
      if (owned.has(interfaceId)) continue;
      const from: From = { ...where, scope: a.scope, label: `Elastic IP ${a.publicIp}` };
      rs.report(
        interfaceId,
        'network interface',
        ['NetworkInterfaces', 'Reservations'],
        from,
        'the address is left out',
      );
      continue;
    }
    if (a.privateIp !== undefined && a.privateIp !== target.privateIp) {
      st.r.warning(
        'IMPORT_AWS_UNSUPPORTED',
        where,
        `${a.file}: Elastic IP ${a.publicIp} maps to the secondary address ${a.privateIp} of ${interfaceId}; vpcsim models one public IP per interface (on the primary address), so it is left out`,
      );
    } else if (target.publicIp === undefined) {
      target.publicIp = a.publicIp;
    } else if (target.publicIp !== a.publicIp) {
      mismatch(cx, where, a.publicIp, `network interface ${interfaceId}`, target.publicIp);
    }
  }
}

function mismatch(
  cx: Ctx,
  where: { file: string; path: string; rid: string },
  eip: string,
  what: string,
  has: string | undefined,
): void {
  cx.st.r.warning(
    'IMPORT_AWS_EIP_MISMATCH',
    where,
    `${where.file}: Elastic IP ${eip} is associated with ${what}, which shows ${has ?? 'no public IP'}; ${has ?? 'nothing'} was kept`,
  );
}
