// Shared helpers of the AWS importer tests: reading fixture trees, building describe-* files inline,
// and checking that an import loads through the model.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { expect } from 'vitest';
import { compile, trace, type TraceQuery, type TraceResult } from '../../../../src/engine/index.ts';
import type { ImportResult, SourceFile } from '../../../../src/interop/index.ts';
import { loadDocument, type Document, type Topology } from '../../../../src/model/index.ts';

const FIXTURES = join(import.meta.dirname, '../../../fixtures/aws');

/** Every file under tests/fixtures/aws/<name>, with paths relative to that folder ('/'-separated). */
export function readFixture(name: string): SourceFile[] {
  const root = join(FIXTURES, name);
  const out: SourceFile[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir).sort()) {
      const path = join(dir, entry);
      if (statSync(path).isDirectory()) walk(path);
      else out.push({ path: relative(root, path).split('\\').join('/'), text: readFileSync(path, 'utf8') });
    }
  };
  walk(root);
  return out;
}

/** One describe-* output file. */
export function file(path: string, body: unknown): SourceFile {
  return { path, text: JSON.stringify(body, null, 4) };
}

/** The codes of an import's diagnostics, in order. */
export function codes(result: ImportResult, severity?: 'fatal' | 'error' | 'warning'): string[] {
  return result.diagnostics.filter((d) => severity === undefined || d.severity === severity).map((d) => d.code);
}

/** The diagnostics about one resource. */
export function about(result: ImportResult, id: string): string[] {
  return result.diagnostics.filter((d) => d.resourceId === id).map((d) => d.code);
}

/** The document, asserting it exists and loads through the model without fatal diagnostics. */
export function loaded(result: ImportResult): Document {
  expect(result.document).toBeDefined();
  const doc = result.document!;
  const load = loadDocument(JSON.parse(JSON.stringify(doc)) as unknown);
  expect(load.diagnostics.filter((d) => d.severity === 'fatal')).toEqual([]);
  return doc;
}

/** The model's diagnostics (errors and warnings) of an imported document. */
export function modelDiagnostics(doc: Document): string[] {
  return loadDocument(JSON.parse(JSON.stringify(doc)) as unknown).diagnostics.map((d) => `${d.severity} ${d.code}`);
}

/** Traces a query, failing the test on a query error. */
export function traceOk(t: Topology, q: TraceQuery): TraceResult {
  const r = trace(compile(t), q);
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value;
}

/** The first blocking explanation of a trace. */
export function blocker(r: TraceResult): { code: string; componentId: string; pathDirection: string } | undefined {
  const e = r.explanations.find((x) => x.blocking !== false);
  return e && { code: e.code, componentId: e.componentId, pathDirection: e.pathDirection };
}

/** A resource of the imported topology by array and id. */
export function find<K extends keyof Topology>(doc: Document, array: K, id: string): NonNullable<Topology[K]>[number] {
  const items = (doc.topology[array] ?? []) as { id: string }[];
  const hit = items.find((r) => r.id === id);
  if (!hit) throw new Error(`${String(array)} ${id} is not in the import`);
  return hit as NonNullable<Topology[K]>[number];
}

export const ACCOUNT = '111122223333';

/** A minimal, consistent network (one VPC, one subnet, one group) to add the file under test to. */
export function baseFiles(prefix = ''): SourceFile[] {
  return [
    file(`${prefix}vpcs.json`, {
      Vpcs: [
        {
          CidrBlock: '10.0.0.0/16',
          State: 'available',
          VpcId: 'vpc-0000000000000000a',
          OwnerId: ACCOUNT,
          CidrBlockAssociationSet: [
            { AssociationId: 'vpc-cidr-assoc-01', CidrBlock: '10.0.0.0/16', CidrBlockState: { State: 'associated' } },
          ],
          IsDefault: false,
        },
      ],
    }),
    file(`${prefix}subnets.json`, {
      Subnets: [
        {
          AvailabilityZone: 'us-east-1a',
          CidrBlock: '10.0.1.0/24',
          MapPublicIpOnLaunch: false,
          State: 'available',
          SubnetId: 'subnet-0000000000000000a',
          VpcId: 'vpc-0000000000000000a',
          OwnerId: ACCOUNT,
        },
      ],
    }),
    file(`${prefix}security-groups.json`, {
      SecurityGroups: [
        {
          Description: 'app',
          GroupName: 'app',
          GroupId: 'sg-0000000000000000a',
          IpPermissions: [],
          IpPermissionsEgress: [],
          OwnerId: ACCOUNT,
          VpcId: 'vpc-0000000000000000a',
        },
      ],
    }),
  ];
}

/** An instance item of describe-instances with one interface (fields overridable). */
export function instanceItem(id: string, ip: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  const eni = `eni-${id.slice(2)}`;
  return {
    InstanceId: id,
    InstanceType: 't3.micro',
    LaunchTime: '2024-03-01T10:22:33+00:00',
    Placement: { AvailabilityZone: 'us-east-1a', Tenancy: 'default' },
    PrivateIpAddress: ip,
    State: { Code: 16, Name: 'running' },
    SubnetId: 'subnet-0000000000000000a',
    VpcId: 'vpc-0000000000000000a',
    NetworkInterfaces: [
      {
        Attachment: { AttachmentId: `eni-attach-${id.slice(2)}`, DeviceIndex: 0, Status: 'attached' },
        Groups: [{ GroupName: 'app', GroupId: 'sg-0000000000000000a' }],
        Ipv6Addresses: [],
        NetworkInterfaceId: eni,
        PrivateIpAddress: ip,
        PrivateIpAddresses: [{ Primary: true, PrivateIpAddress: ip }],
        SourceDestCheck: true,
        Status: 'in-use',
        SubnetId: 'subnet-0000000000000000a',
        VpcId: 'vpc-0000000000000000a',
        InterfaceType: 'interface',
      },
    ],
    SecurityGroups: [{ GroupName: 'app', GroupId: 'sg-0000000000000000a' }],
    SourceDestCheck: true,
    ...extra,
  };
}

/** describe-instances output with the given instances in one reservation. */
export function reservations(...instances: Record<string, unknown>[]): SourceFile {
  return file('instances.json', {
    Reservations: [{ Groups: [], Instances: instances, OwnerId: ACCOUNT, ReservationId: 'r-01' }],
  });
}
