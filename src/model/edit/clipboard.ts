// Copy and paste of instances: deep copies now, pasted later into a subnet with fresh ids and
// addresses. Copying reads a document; pasting mutates a draft.
import type { Document, Instance, Layout } from '../types.ts';
import { ensureDefaultSecurityGroup } from './create.ts';
import { findSubnet, nextFreeIp, uniqueId } from './next-free.ts';

/** What `copyInstances` puts on the clipboard: plain JSON, independent of the document it came from. */
export interface ClipboardPayload {
  instances: Instance[];
  /** Layout entries of the copied instances, by their original id. */
  layout: Layout;
}

/** Where a pasted node lands relative to its original, so the copy does not hide it. */
const PASTE_OFFSET = 24;

/** Deep copies of the named instances and their layout entries; other ids are ignored. */
export function copyInstances(doc: Document, ids: readonly string[]): ClipboardPayload {
  const wanted = new Set(ids);
  const instances = (doc.topology.instances ?? []).filter((i) => wanted.has(i.id)).map(cloneJson);
  const layout: Layout = {};
  for (const i of instances) {
    const entry = doc.layout && Object.prototype.hasOwnProperty.call(doc.layout, i.id) ? doc.layout[i.id] : undefined;
    if (entry) layout[i.id] = { ...entry };
  }
  return { instances, layout };
}

/** A deep copy through JSON: documents are plain JSON, and immer drafts (proxies) cannot be structuredClone'd. */
function cloneJson<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/** `i-web-2` → `i-web`, so a copy of a copy is `i-web-3`, not `i-web-2-1`. */
function idBase(id: string): string {
  const base = id.replace(/-\d+$/, '');
  return base === '' ? 'i' : base;
}

/**
 * Pastes the payload's instances into `subnetId` (or each one's original subnet) and returns the new
 * ids. Each copy gets a new id, the subnet's next free address, its groups where they belong to the
 * target VPC (others become the VPC's default group) and a position offset by 24,24. Addresses that
 * would collide are not copied: the public IP, secondary and IPv6 addresses, an explicit primary
 * interface id. An instance whose subnet is gone or full is skipped.
 */
export function pasteInstances(draft: Document, payload: ClipboardPayload, subnetId?: string): string[] {
  const created: string[] = [];
  for (const original of payload.instances) {
    const subnet = findSubnet(draft, subnetId ?? original.subnetId);
    if (!subnet) continue;
    const privateIp = nextFreeIp(draft, subnet.id);
    if (privateIp === undefined) continue;
    const id = uniqueId(draft, idBase(original.id));
    const groupsInVpc = new Set(
      (draft.topology.securityGroups ?? []).filter((g) => g.vpcId === subnet.vpcId).map((g) => g.id),
    );
    const groups: string[] = [];
    for (const g of original.securityGroupIds) {
      const kept = groupsInVpc.has(g) ? g : ensureDefaultSecurityGroup(draft, subnet.vpcId);
      if (!groups.includes(kept)) groups.push(kept);
    }
    if (groups.length === 0) groups.push(ensureDefaultSecurityGroup(draft, subnet.vpcId));
    const copy: Instance = { ...cloneJson(original), id, subnetId: subnet.id, privateIp, securityGroupIds: groups };
    delete copy.publicIp;
    delete copy.secondaryPrivateIps;
    delete copy.ipv6Addresses;
    delete copy.primaryInterfaceId;
    (draft.topology.instances ??= []).push(copy);
    const entry = Object.prototype.hasOwnProperty.call(payload.layout, original.id)
      ? payload.layout[original.id]
      : undefined;
    if (entry) {
      (draft.layout ??= {})[id] = { ...entry, x: entry.x + PASTE_OFFSET, y: entry.y + PASTE_OFFSET };
    }
    created.push(id);
  }
  return created;
}
