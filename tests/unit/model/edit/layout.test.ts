// layout.ts: the derived container keys of docs/editor.md and the position writer.
import { describe, expect, it } from 'vitest';
import {
  availabilityZonesOf,
  azBandLayoutKey,
  isZoneOfRegion,
  parseAzBandKey,
  regionLayoutKey,
  setLayoutPosition,
  type Document,
} from '../../../../src/model/index.ts';

function doc(): Document {
  return {
    format: 'vpcsim/1',
    topology: {
      vpcs: [
        { id: 'v', cidrBlocks: ['10.0.0.0/16'] },
        { id: 'w', region: 'eu-west-1', cidrBlocks: ['10.1.0.0/16'] },
      ],
      subnets: [{ id: 's', vpcId: 'v', availabilityZone: 'us-east-1c', cidrBlock: '10.0.1.0/24' }],
      instances: [{ id: 'i', subnetId: 's', privateIp: '10.0.1.4', securityGroupIds: [] }],
    },
    layout: { v: { x: 1, y: 2, width: 300, height: 200 } },
  };
}

describe('layout keys', () => {
  it('builds region and zone band keys', () => {
    expect(regionLayoutKey('us-east-1')).toBe('region/us-east-1');
    expect(azBandLayoutKey('v', 'us-east-1a')).toBe('v/us-east-1a');
  });

  it('parses a zone band key only for an existing VPC and a zone of its region', () => {
    expect(parseAzBandKey(doc(), 'v/us-east-1a')).toEqual({ vpcId: 'v', availabilityZone: 'us-east-1a' });
    expect(parseAzBandKey(doc(), 'w/eu-west-1b')).toEqual({ vpcId: 'w', availabilityZone: 'eu-west-1b' });
    expect(parseAzBandKey(doc(), 'w/us-east-1a')).toBeUndefined();
    expect(parseAzBandKey(doc(), 'i/eth0')).toBeUndefined();
    expect(parseAzBandKey(doc(), 'nope/us-east-1a')).toBeUndefined();
    expect(parseAzBandKey(doc(), 'v')).toBeUndefined();
  });

  it.each([
    ['us-east-1a', 'us-east-1', true],
    ['us-east-1-bos-1a', 'us-east-1', true],
    ['us-east-1', 'us-east-1', false],
    ['us-east-12a', 'us-east-1', false],
    ['eu-west-1a', 'us-east-1', false],
  ])('%s is a zone of %s: %s', (zone, region, expected) => {
    expect(isZoneOfRegion(zone, region)).toBe(expected);
  });

  it('lists the zones a VPC uses plus the first two of its region', () => {
    expect(availabilityZonesOf(doc(), 'v')).toEqual(['us-east-1a', 'us-east-1b', 'us-east-1c']);
    expect(availabilityZonesOf(doc(), 'w')).toEqual(['eu-west-1a', 'eu-west-1b']);
    expect(availabilityZonesOf(doc(), 'nope')).toEqual([]);
  });
});

describe('setLayoutPosition', () => {
  it('writes a position and keeps a stored size', () => {
    const d = doc();
    setLayoutPosition(d, 'v', { x: 10, y: 20 });
    setLayoutPosition(d, 's', { x: 3, y: 4 });
    expect(d.layout).toEqual({ v: { x: 10, y: 20, width: 300, height: 200 }, s: { x: 3, y: 4 } });
    const empty: Document = { format: 'vpcsim/1', topology: {} };
    setLayoutPosition(empty, 'internet', { x: 0, y: 0 });
    expect(empty.layout).toEqual({ internet: { x: 0, y: 0 } });
  });
});
