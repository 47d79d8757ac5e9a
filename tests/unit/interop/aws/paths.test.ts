// What a file's path and the data say about Regions and accounts, and where per-table ids come from.
import { describe, expect, it } from 'vitest';
import { importAws } from '../../../../src/interop/aws/index.ts';
import { idInPath, pathFacts, regionOfArn, regionOfZone } from '../../../../src/interop/aws/paths.ts';
import { codes, file, find, loaded } from './helpers.ts';

describe('paths', () => {
  it.each<[string, string | undefined, string | undefined]>([
    ['vpcs.json', undefined, undefined],
    ['us-east-1/describe-subnets.json', 'us-east-1', undefined],
    ['accounts/111122223333/eu-west-1/route-tables.json', 'eu-west-1', '111122223333'],
    ['accounts/111122223333/vpcs.json', undefined, '111122223333'],
    ['export/us-gov-west-1/vpcs.json', 'us-gov-west-1', undefined],
    ['ap-southeast-3.json', 'ap-southeast-3', undefined],
    ['accounts/12345/us-east-2/vpcs.json', 'us-east-2', undefined],
    ['accounts\\111122223333\\ca-central-1\\vpcs.json', 'ca-central-1', '111122223333'],
    ['tgw-routes/tgw-rtb-0abc123.json', undefined, undefined],
  ])('%s', (path, region, account) => {
    expect(pathFacts(path)).toMatchObject({ region, account });
  });

  it.each<[string, string | undefined]>([
    ['us-east-1a', 'us-east-1'],
    ['eu-west-2c', 'eu-west-2'],
    ['us-gov-west-1b', 'us-gov-west-1'],
    ['us-east-1-bos-1a', 'us-east-1'],
    ['us-west-2-wl1-las-wlz-1', 'us-west-2'],
    ['use1-az1', undefined],
    ['', undefined],
  ])('zone %s is in %s', (zone, region) => {
    expect(regionOfZone(zone)).toBe(region);
  });

  it('reads the Region of an ARN', () => {
    expect(regionOfArn('arn:aws:ec2:ap-south-2:111122223333:subnet/subnet-0a')).toBe('ap-south-2');
    expect(regionOfArn('arn:aws:networkmanager::111122223333:core-network/x')).toBeUndefined();
  });

  it.each<[string, 'tgw-rtb-' | 'pl-', string | undefined]>([
    ['tgw-routes/tgw-rtb-0abc123.json', 'tgw-rtb-', 'tgw-rtb-0abc123'],
    ['routes-tgw-rtb-0abc123.json', 'tgw-rtb-', 'tgw-rtb-0abc123'],
    ['tgw-rtb-0aaa/propagations.json', 'tgw-rtb-', 'tgw-rtb-0aaa'],
    ['tgw-rtb-0aaa/tgw-rtb-0bbb.json', 'tgw-rtb-', 'tgw-rtb-0bbb'],
    ['tgw-routes.json', 'tgw-rtb-', undefined],
    ['entries/pl-0a1b2c3d.json', 'pl-', 'pl-0a1b2c3d'],
    ['simple-pl-0a1b.json', 'pl-', 'pl-0a1b'],
    ['samples.json', 'pl-', undefined],
  ])('%s names %s', (path, prefix, id) => {
    expect(idInPath(path, prefix)).toBe(id);
  });
});

describe('Regions of VPCs', () => {
  const vpcs = (path: string) =>
    file(path, { Vpcs: [{ VpcId: 'vpc-01', CidrBlock: '10.0.0.0/16', OwnerId: '111122223333' }] });

  it('takes the Region of the folder', () => {
    const r = importAws([vpcs('eu-north-1/vpcs.json')]);
    expect(find(loaded(r), 'vpcs', 'vpc-01').region).toBe('eu-north-1');
    expect(codes(r)).toEqual([]);
  });

  it.each<[string, Record<string, unknown>, string]>([
    [
      'a subnet zone',
      {
        Subnets: [{ SubnetId: 'subnet-01', VpcId: 'vpc-01', CidrBlock: '10.0.1.0/24', AvailabilityZone: 'sa-east-1c' }],
      },
      'sa-east-1',
    ],
    [
      'a peering’s VpcInfo',
      {
        VpcPeeringConnections: [
          {
            VpcPeeringConnectionId: 'pcx-01',
            RequesterVpcInfo: { VpcId: 'vpc-01', Region: 'me-south-1' },
            AccepterVpcInfo: { VpcId: 'vpc-09', Region: 'me-south-1' },
            Status: { Code: 'active' },
          },
        ],
      },
      'me-south-1',
    ],
    [
      'an instance placement',
      {
        Reservations: [
          {
            Instances: [
              {
                InstanceId: 'i-01',
                VpcId: 'vpc-01',
                State: { Name: 'terminated' },
                Placement: { AvailabilityZone: 'af-south-1a' },
              },
            ],
          },
        ],
      },
      'af-south-1',
    ],
  ])('takes the Region from %s when the path has none', (_name, body, region) => {
    const r = importAws([vpcs('vpcs.json'), file('more.json', body)]);
    expect(find(loaded(r), 'vpcs', 'vpc-01').region).toBe(region);
    expect(codes(r)).not.toContain('IMPORT_AWS_REGION_ASSUMED');
  });

  it('falls back to defaultRegion, then us-east-1 with a warning', () => {
    expect(find(loaded(importAws([vpcs('vpcs.json')], { defaultRegion: 'eu-south-2' })), 'vpcs', 'vpc-01').region).toBe(
      'eu-south-2',
    );
    const r = importAws([vpcs('vpcs.json')]);
    expect(find(loaded(r), 'vpcs', 'vpc-01').region).toBe('us-east-1');
    expect(codes(r)).toEqual(['IMPORT_AWS_REGION_ASSUMED']);
  });

  it('keeps the folder’s Region when the data disagrees, with a warning', () => {
    const r = importAws([
      vpcs('us-west-2/vpcs.json'),
      file('us-west-2/subnets.json', {
        Subnets: [{ SubnetId: 'subnet-01', VpcId: 'vpc-01', CidrBlock: '10.0.1.0/24', AvailabilityZone: 'us-west-1a' }],
      }),
    ]);
    expect(find(loaded(r), 'vpcs', 'vpc-01').region).toBe('us-west-2');
    expect(codes(r)).toEqual(['IMPORT_AWS_CONFLICT']);
  });

  it('names the accounts of the path and of OwnerId fields', () => {
    const r = importAws([vpcs('accounts/999988887777/us-east-1/vpcs.json')]);
    expect(loaded(r).meta?.description).toContain('111122223333, 999988887777');
  });
});
