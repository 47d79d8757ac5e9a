// scripts/collect-aws.sh against a fake `aws` that records its arguments: the calls it makes (all
// read-only, every describe call the importer reads, one set per transit gateway route table and per
// customer-managed prefix list), where it writes them, and that the folder imports.
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { importAws, type SourceFile } from '../../../src/interop/index.ts';
import { listFiles } from '../../../src/cli/files.ts';

const script = fileURLToPath(new URL('../../../scripts/collect-aws.sh', import.meta.url));

/** A stand-in for the AWS CLI: logs each call as one line and prints what the real one would. */
const FAKE_AWS = `#!/usr/bin/env bash
echo "$*" >> "$FAKE_AWS_LOG"
table=""
for arg in "$@"; do case "$arg" in tgw-rtb-*) table="$arg" ;; esac; done
case "$1 $2" in
  "sts get-caller-identity") echo "111122223333" ;;
  "ec2 describe-transit-gateway-route-tables")
    if [[ "$*" == *--query* ]]; then printf 'tgw-rtb-0aaa\\ttgw-rtb-0bbb\\n'; else cat <<'JSON'
{"TransitGatewayRouteTables": [
  {"TransitGatewayRouteTableId": "tgw-rtb-0aaa", "TransitGatewayId": "tgw-0t1", "State": "available", "DefaultAssociationRouteTable": false, "DefaultPropagationRouteTable": false},
  {"TransitGatewayRouteTableId": "tgw-rtb-0bbb", "TransitGatewayId": "tgw-0t1", "State": "available", "DefaultAssociationRouteTable": false, "DefaultPropagationRouteTable": false}]}
JSON
    fi ;;
  "ec2 describe-managed-prefix-lists")
    if [[ "$*" == *--query* ]]; then echo "pl-0ccc"; else
      echo '{"PrefixLists": [{"PrefixListId": "pl-0ccc", "AddressFamily": "IPv4", "State": "create-complete", "PrefixListName": "office", "OwnerId": "111122223333", "MaxEntries": 5, "Version": 1}]}'
    fi ;;
  "ec2 describe-vpcs") echo '{"Vpcs": [{"VpcId": "vpc-0a1", "CidrBlock": "10.0.0.0/16", "OwnerId": "111122223333", "State": "available", "CidrBlockAssociationSet": [{"AssociationId": "a1", "CidrBlock": "10.0.0.0/16", "CidrBlockState": {"State": "associated"}}]}]}' ;;
  "ec2 describe-subnets") echo '{"Subnets": [{"SubnetId": "subnet-0b1", "VpcId": "vpc-0a1", "AvailabilityZone": "us-east-1a", "CidrBlock": "10.0.1.0/24", "OwnerId": "111122223333"}]}' ;;
  "ec2 describe-transit-gateways") echo '{"TransitGateways": [{"TransitGatewayId": "tgw-0t1", "State": "available", "OwnerId": "111122223333", "Options": {"DefaultRouteTableAssociation": "disable", "DefaultRouteTablePropagation": "disable"}}]}' ;;
  "ec2 describe-transit-gateway-attachments") echo '{"TransitGatewayAttachments": [{"TransitGatewayAttachmentId": "tgw-attach-0a", "TransitGatewayId": "tgw-0t1", "TransitGatewayOwnerId": "111122223333", "ResourceOwnerId": "111122223333", "ResourceType": "vpc", "ResourceId": "vpc-0a1", "State": "available", "Association": {"TransitGatewayRouteTableId": "tgw-rtb-0aaa", "State": "associated"}}]}' ;;
  "ec2 describe-transit-gateway-vpc-attachments") echo '{"TransitGatewayVpcAttachments": [{"TransitGatewayAttachmentId": "tgw-attach-0a", "TransitGatewayId": "tgw-0t1", "VpcId": "vpc-0a1", "VpcOwnerId": "111122223333", "State": "available", "SubnetIds": ["subnet-0b1"], "Options": {"ApplianceModeSupport": "disable"}}]}' ;;
  "ec2 get-transit-gateway-route-table-associations")
    if [ "$table" = "tgw-rtb-0aaa" ]; then echo '{"Associations": [{"TransitGatewayAttachmentId": "tgw-attach-0a", "ResourceId": "vpc-0a1", "ResourceType": "vpc", "State": "associated"}]}'; else echo '{"Associations": []}'; fi ;;
  "ec2 get-transit-gateway-route-table-propagations")
    if [ "$table" = "tgw-rtb-0bbb" ]; then echo '{"TransitGatewayRouteTablePropagations": [{"TransitGatewayAttachmentId": "tgw-attach-0a", "ResourceId": "vpc-0a1", "ResourceType": "vpc", "State": "enabled"}]}'; else echo '{"TransitGatewayRouteTablePropagations": []}'; fi ;;
  "ec2 search-transit-gateway-routes")
    if [ "$table" = "tgw-rtb-0aaa" ]; then echo '{"Routes": [{"DestinationCidrBlock": "0.0.0.0/0", "TransitGatewayAttachments": [{"ResourceId": "vpc-0a1", "TransitGatewayAttachmentId": "tgw-attach-0a", "ResourceType": "vpc"}], "Type": "static", "State": "active"}], "AdditionalRoutesAvailable": false}';
    else echo '{"Routes": [{"DestinationCidrBlock": "192.168.0.0/16", "Type": "static", "State": "blackhole"}], "AdditionalRoutesAvailable": false}'; fi ;;
  "ec2 get-managed-prefix-list-entries") echo '{"Entries": [{"Cidr": "203.0.113.0/24", "Description": "office"}]}' ;;
  "ec2 describe-vpc-endpoints") echo '{"VpcEndpoints": []}' ;;
  *) echo '{}' ;;
esac
`;

interface Run {
  status: number | null;
  stderr: string;
  calls: string[];
  out: string;
}

function collect(args: string[]): Run {
  const dir = mkdtempSync(join(tmpdir(), 'collect-aws-'));
  const fake = join(dir, 'aws');
  writeFileSync(fake, FAKE_AWS);
  chmodSync(fake, 0o755);
  const log = join(dir, 'calls.log');
  writeFileSync(log, '');
  const out = join(dir, 'export');
  const result = spawnSync('bash', [script, '--out', out, ...args], {
    env: { ...process.env, AWS_CLI: fake, FAKE_AWS_LOG: log },
    encoding: 'utf8',
  });
  const calls = readFileSync(log, 'utf8').split('\n').filter(Boolean);
  return { status: result.status, stderr: result.stderr, calls, out };
}

const DESCRIBE_CALLS = [
  'describe-vpcs',
  'describe-subnets',
  'describe-route-tables',
  'describe-network-acls',
  'describe-security-groups',
  'describe-instances',
  'describe-network-interfaces',
  'describe-internet-gateways',
  'describe-egress-only-internet-gateways',
  'describe-nat-gateways',
  'describe-vpc-peering-connections',
  'describe-transit-gateways',
  'describe-transit-gateway-attachments',
  'describe-transit-gateway-vpc-attachments',
  'describe-transit-gateway-peering-attachments',
  'describe-transit-gateway-route-tables',
  'describe-vpc-endpoints',
  'describe-prefix-lists',
  'describe-managed-prefix-lists',
  'describe-addresses',
];

describe('scripts/collect-aws.sh', () => {
  const run = collect(['--regions', 'us-east-1,eu-west-2', '--profile', 'audit']);

  it('succeeds', () => {
    expect(run.stderr).not.toMatch(/unknown|not installed/);
    expect(run.status).toBe(0);
  });

  it('makes read-only calls only, each with the profile', () => {
    for (const call of run.calls) {
      expect(call).toMatch(/^(sts get-caller-identity|ec2 (describe|get|search)-[a-z-]+)( |$)/);
      expect(call).toContain('--profile audit');
    }
  });

  it('makes every describe call once per region, as JSON, in that region', () => {
    for (const region of ['us-east-1', 'eu-west-2']) {
      const json = run.calls.filter((c) => c.includes(`--region ${region}`) && c.includes('--output json'));
      expect(json.filter((c) => c.includes(' describe-')).map((c) => c.split(' ')[1])).toEqual(DESCRIBE_CALLS);
    }
  });

  it('asks for the associations, propagations and static routes of every TGW route table and the entries of customer lists', () => {
    for (const region of ['us-east-1', 'eu-west-2']) {
      for (const table of ['tgw-rtb-0aaa', 'tgw-rtb-0bbb']) {
        for (const verb of [
          'get-transit-gateway-route-table-associations',
          'get-transit-gateway-route-table-propagations',
          'search-transit-gateway-routes',
        ]) {
          expect(run.calls).toContainEqual(
            expect.stringMatching(
              new RegExp(`^ec2 ${verb} --transit-gateway-route-table-id ${table} .*--region ${region}`),
            ),
          );
        }
      }
      expect(run.calls).toContainEqual(
        expect.stringMatching(
          new RegExp(`^ec2 get-managed-prefix-list-entries --prefix-list-id pl-0ccc --region ${region}`),
        ),
      );
    }
    const searches = run.calls.filter((c) => c.startsWith('ec2 search-transit-gateway-routes'));
    expect(searches).toHaveLength(4);
    expect(searches.filter((c) => !c.includes('Name=type,Values=static'))).toEqual([]);
  });

  it('writes accounts/<account>/<region>/<call>.json and one file per table and call', () => {
    const dir = join(run.out, 'accounts', '111122223333', 'eu-west-2');
    for (const name of DESCRIBE_CALLS) expect(existsSync(join(dir, `${name}.json`))).toBe(true);
    for (const suffix of ['associations', 'propagations', 'static-routes']) {
      expect(existsSync(join(dir, `tgw-rtb-0bbb.${suffix}.json`))).toBe(true);
    }
    expect(existsSync(join(dir, 'pl-0ccc.entries.json'))).toBe(true);
    expect(JSON.parse(readFileSync(join(dir, 'describe-vpcs.json'), 'utf8'))).toHaveProperty('Vpcs');
  });

  it('writes a folder the AWS importer reads: per-table associations, propagations, routes and list entries', () => {
    const files: SourceFile[] = listFiles(run.out).map((path) => ({ path, text: readFileSync(path, 'utf8') }));
    const result = importAws(files);
    expect(result.diagnostics.filter((d) => d.severity !== 'warning')).toEqual([]);
    const t = result.document?.topology;
    expect(t?.transitGatewayRouteTables).toEqual([
      expect.objectContaining({
        id: 'tgw-rtb-0aaa',
        associations: ['tgw-attach-0a'],
        propagations: [],
        routes: [{ destination: '0.0.0.0/0', attachmentId: 'tgw-attach-0a' }],
      }),
      expect.objectContaining({
        id: 'tgw-rtb-0bbb',
        associations: [],
        propagations: ['tgw-attach-0a'],
        routes: [{ destination: '192.168.0.0/16', blackhole: true }],
      }),
    ]);
    expect(t?.prefixLists).toEqual([expect.objectContaining({ id: 'pl-0ccc', cidrs: ['203.0.113.0/24'] })]);
    // Two regions were collected with the same fake answers: one VPC, merged by id.
    expect(t?.vpcs?.map((v) => v.id)).toEqual(['vpc-0a1']);
  });

  it('prints the calls without running any with --dry-run', () => {
    const dry = collect(['--regions', 'ap-southeast-2', '--dry-run']);
    expect(dry.status).toBe(0);
    expect(dry.calls).toEqual([]);
  });

  it.each([[['--regions', 'not a region']], [['--bogus']]])('refuses bad arguments %j with exit 2', (args) => {
    const bad = collect(args);
    expect(bad.status).toBe(2);
    expect(bad.calls.filter((c) => !c.startsWith('sts'))).toEqual([]);
  });
});
