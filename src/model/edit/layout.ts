// The layout key convention of docs/editor.md: keys of derived containers (regions, availability-zone
// bands, the internet) and small writers for `layout`. Positions are relative to the node's parent.
import type { Document } from '../types.ts';
import type { Position } from './types.ts';

/** The key of the internet node (absolute on the canvas). */
export const INTERNET_LAYOUT_KEY = 'internet';

/** `region/<region>`: a region container (absolute on the canvas). */
export function regionLayoutKey(region: string): string {
  return `region/${region}`;
}

/** `<vpc id>/<availability zone>`: an availability-zone band inside its VPC. */
export function azBandLayoutKey(vpcId: string, availabilityZone: string): string {
  return `${vpcId}/${availabilityZone}`;
}

/**
 * The VPC and zone an availability-zone band key names, when the VPC exists and the zone looks like
 * one of its region's zones. A key such as `i-web/eth0` (a primary interface) is no band.
 */
export function parseAzBandKey(doc: Document, key: string): { vpcId: string; availabilityZone: string } | undefined {
  const slash = key.lastIndexOf('/');
  if (slash <= 0) return undefined;
  const vpcId = key.slice(0, slash);
  const availabilityZone = key.slice(slash + 1);
  const vpc = (doc.topology.vpcs ?? []).find((v) => v.id === vpcId);
  if (!vpc || !isZoneOfRegion(availabilityZone, vpc.region ?? 'us-east-1')) return undefined;
  return { vpcId, availabilityZone };
}

/**
 * AZ names are the region plus a letter (`us-east-1a`); Local Zones add a suffix before the letter
 * (`us-east-1-bos-1a`).
 */
export function isZoneOfRegion(availabilityZone: string, region: string): boolean {
  if (!availabilityZone.startsWith(region)) return false;
  return /^([a-z]|-[a-z0-9-]*[a-z])$/.test(availabilityZone.slice(region.length));
}

/** Writes (or replaces) the position of one node; sizes already stored are kept. */
export function setLayoutPosition(draft: Document, key: string, position: Position): void {
  const layout = (draft.layout ??= {});
  const prior = Object.prototype.hasOwnProperty.call(layout, key) ? layout[key] : undefined;
  const entry: { x: number; y: number; width?: number; height?: number } = { x: position.x, y: position.y };
  if (prior?.width !== undefined) entry.width = prior.width;
  if (prior?.height !== undefined) entry.height = prior.height;
  // Plain assignment: immer drafts refuse Object.defineProperty.
  layout[key] = entry;
}
