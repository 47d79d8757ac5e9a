// The matrix view's pure pieces: which endpoints a matrix can name, the named ports, verdict words and the
// accessible description of one cell.
import type { MatrixCell, MatrixVerdict } from '../../engine/index.ts';
import type { Topology } from '../../model/index.ts';

export type MatrixEndpointKind = 'instance' | 'interface' | 'external-host' | 'internet';

export interface MatrixEndpoint {
  id: string;
  label: string;
  /** Drives the "All instances" shortcut; endpoints without a kind are offered but never picked by it. */
  kind?: MatrixEndpointKind;
}

function labelOf(resource: { id: string; name?: string }): string {
  return resource.name && resource.name !== resource.id ? `${resource.name} (${resource.id})` : resource.id;
}

/** Instances, network interfaces that are not an instance's primary one, external hosts and the internet. */
export function matrixEndpoints(topology: Topology): MatrixEndpoint[] {
  const instances = topology.instances ?? [];
  const primaries = new Set(instances.map((i) => i.primaryInterfaceId ?? `${i.id}/eth0`));
  return [
    ...instances.map((i): MatrixEndpoint => ({ id: i.id, label: labelOf(i), kind: 'instance' })),
    ...(topology.networkInterfaces ?? [])
      .filter((eni) => !primaries.has(eni.id))
      .map((eni): MatrixEndpoint => ({ id: eni.id, label: labelOf(eni), kind: 'interface' })),
    ...(topology.externalHosts ?? []).map((h): MatrixEndpoint => ({
      id: h.id,
      label: labelOf(h),
      kind: 'external-host',
    })),
    { id: 'internet', label: 'Internet', kind: 'internet' },
  ];
}

/** Well-known ports offered by name. */
export const MATRIX_PORTS: readonly { port: number; name: string }[] = [
  { port: 22, name: 'ssh' },
  { port: 53, name: 'dns' },
  { port: 80, name: 'http' },
  { port: 443, name: 'https' },
  { port: 3306, name: 'mysql' },
  { port: 3389, name: 'rdp' },
  { port: 5432, name: 'postgres' },
];

export const MATRIX_PROTOCOLS = ['tcp', 'udp', 'icmp', 'icmpv6', 'all'] as const;

export function protocolHasPorts(protocol: string): boolean {
  return protocol === 'tcp' || protocol === 'udp';
}

export const VERDICT_WORDS: Record<MatrixVerdict, string> = {
  REACHABLE: 'Reachable',
  REACHABLE_PARTIAL: 'Partly reachable',
  BLOCKED: 'Blocked',
  INVALID_CONFIG: 'Invalid config',
  UNSUPPORTED: 'Unsupported',
  ERROR: 'Not a valid question',
  SELF: 'Same endpoint',
};

/** A short mark drawn in the cell, so the verdict does not rest on colour alone. */
export const VERDICT_MARKS: Record<MatrixVerdict, string> = {
  REACHABLE: '✓',
  REACHABLE_PARTIAL: '◐',
  BLOCKED: '✕',
  INVALID_CONFIG: '!',
  UNSUPPORTED: '?',
  ERROR: '!',
  SELF: '–',
};

export function verdictClass(verdict: MatrixVerdict): string {
  return `matrix-${verdict.toLowerCase().replaceAll('_', '-')}`;
}

/** "web (i-web) to Internet: Blocked by ENI_SG_RULES_MISMATCH at i-db/eth0". */
export function describeCell(cell: MatrixCell, fromLabel: string, toLabel: string): string {
  const head = `${fromLabel} to ${toLabel}: ${VERDICT_WORDS[cell.verdict]}`;
  if (cell.verdict === 'SELF' || !cell.code) return head;
  const where = cell.componentId ? ` at ${cell.componentId}` : '';
  return cell.verdict === 'ERROR' ? `${head} (${cell.code})` : `${head}, ${cell.code}${where}`;
}
