// The inspector's field validators, table-driven: which texts may be written and which are refused.
import { describe, expect, it } from 'vitest';
import {
  checkCidr,
  checkIcmpField,
  checkIp,
  checkNaclCidr,
  checkOptionalWord,
  checkPorts,
  checkPrefixListCidr,
  checkPrivateIp,
  checkProtocol,
  checkPublicIp,
  checkRouteDestination,
  checkRuleNumber,
  checkSgPeer,
  checkSubnetCidr,
  checkSubnetIpv6Cidr,
  checkTgwDestination,
  checkVpcCidr,
  checkVpcIpv6Cidr,
  checkWord,
  type FieldCheck,
} from '../../../../src/ui/inspector/field-checks.ts';

type Row<T> = [text: string, ok: boolean, value?: T];

function table<T>(name: string, check: (text: string) => FieldCheck<T>, rows: Row<T>[]) {
  describe(name, () => {
    it.each(rows)('%j → ok %s', (text, ok, value) => {
      const r = check(text);
      expect(r.ok).toBe(ok);
      if (r.ok && value !== undefined) expect(r.value).toEqual(value);
      if (!r.ok) expect(r.reason.length).toBeGreaterThan(0);
    });
  });
}

table('checkCidr', (t) => checkCidr(t), [
  ['10.0.0.0/16', true],
  ['::/0', true],
  ['0.0.0.0/0', true],
  ['10.0.0.0/33', false],
  ['10.0.1.0/16', false],
  ['10.0.0.0', false],
  ['10.0.0/16', false],
  ['', false],
  ['banana/8', false],
  ['2001:db8::1/32', false],
]);

table('checkCidr family 6', (t) => checkCidr(t, 6), [
  ['2001:db8::/32', true],
  ['10.0.0.0/16', false],
]);

table('checkVpcCidr', (t) => checkVpcCidr(t, ['10.1.0.0/16']), [
  ['10.0.0.0/16', true, '10.0.0.0/16'],
  [' 10.2.0.0/20 ', true, '10.2.0.0/20'],
  ['10.0.0.0/8', false],
  ['10.0.0.0/29', false],
  ['10.1.128.0/17', false],
  ['127.0.0.0/16', false],
  ['169.254.0.0/16', false],
  ['2600::/56', false],
  ['10.0.0.1/16', false],
]);

table('checkVpcIpv6Cidr', (t) => checkVpcIpv6Cidr(t, ['2600:1f18:1:2300::/56']), [
  ['2600:1f18:1:2400::/56', true],
  ['2600:1f18:1:2300::/60', false],
  ['2600:1f18:1:2400::/64', false],
  ['2600:1f18:1:2400::/58', false],
  ['10.0.0.0/16', false],
]);

const subnetCx = { vpcBlocks: ['10.0.0.0/16'], siblings: ['10.0.1.0/24'] };
table('checkSubnetCidr', (t) => checkSubnetCidr(t, subnetCx), [
  ['10.0.2.0/24', true, '10.0.2.0/24'],
  ['10.0.0.0/28', true],
  ['10.0.1.128/25', false],
  ['10.0.0.0/8', false],
  ['10.0.0.0/29', false],
  ['10.1.0.0/24', false],
  ['10.0.2.1/24', false],
  ['', false],
]);

table('checkSubnetCidr optional', (t) => checkSubnetCidr(t, { ...subnetCx, optional: true }), [
  ['', true, undefined],
  ['10.0.2.0/24', true],
]);

table(
  'checkSubnetIpv6Cidr',
  (t) => checkSubnetIpv6Cidr(t, { vpcBlocks: ['2600:1f18:1:2300::/56'], siblings: ['2600:1f18:1:2301::/64'] }),
  [
    ['2600:1f18:1:2302::/64', true],
    ['2600:1f18:1:2301::/64', false],
    ['2600:1f18:1:2400::/64', false],
    ['2600:1f18:1:2302::/65', false],
  ],
);

table('checkSubnetIpv6Cidr without a VPC block', (t) => checkSubnetIpv6Cidr(t, { vpcBlocks: [], siblings: [] }), [
  ['2600:1f18:1:2302::/64', false],
]);

table('checkIp', (t) => checkIp(t), [
  ['10.0.0.1', true],
  ['2001:db8::1', true],
  ['2001:DB8:0::1', true, '2001:db8::1'],
  ['10.0.0.256', false],
  ['10.0.0.1/32', false],
  ['', false],
]);

const ipCx = { subnetCidr: '10.0.1.0/24', used: new Set(['10.0.1.10', '10.0.1.11']), current: '10.0.1.10' };
table('checkPrivateIp', (t) => checkPrivateIp(t, 4, ipCx), [
  ['10.0.1.20', true],
  ['10.0.1.4', true],
  ['10.0.1.10', true],
  ['10.0.1.254', true],
  ['10.0.1.11', false],
  ['10.0.1.0', false],
  ['10.0.1.3', false],
  ['10.0.1.255', false],
  ['10.0.2.20', false],
  ['10.0.1', false],
  ['2001:db8::5', false],
]);

table(
  'checkPrivateIp IPv6',
  (t) => checkPrivateIp(t, 6, { subnetCidr: '2600:1f18:1:2301::/64', used: new Set<string>() }),
  [
    ['2600:1f18:1:2301::10', true],
    ['2600:1f18:1:2301::2', false],
    ['2600:1f18:1:2302::10', false],
    ['10.0.1.10', false],
  ],
);

table('checkPrivateIp without a block', (t) => checkPrivateIp(t, 6, { subnetCidr: undefined, used: new Set() }), [
  ['2600:1f18:1:2301::10', false],
]);

table('checkPublicIp', (t) => checkPublicIp(t, new Set(['3.3.3.3']), '54.1.1.1'), [
  ['', true, undefined],
  ['54.210.10.10', true],
  ['54.1.1.1', true],
  ['3.3.3.3', false],
  ['10.0.0.5', false],
  ['100.64.1.1', false],
  ['192.168.1.1', false],
  ['54.1.1', false],
]);

table('checkPorts', checkPorts, [
  ['', true, undefined],
  ['443', true, '443'],
  ['1024-65535', true, '1024-65535'],
  ['1024 - 2048', true, '1024-2048'],
  ['80-80', true, '80'],
  ['0', true],
  ['65536', false],
  ['100-50', false],
  ['http', false],
  ['1-2-3', false],
  ['-1', false],
]);

table('checkProtocol', checkProtocol, [
  ['tcp', true],
  ['ICMPv6', true, 'icmpv6'],
  ['all', true],
  ['47', true],
  ['0', true],
  ['255', true],
  ['256', false],
  ['007', false],
  ['gre', false],
  ['', false],
]);

table('checkRuleNumber', (t) => checkRuleNumber(t, [100, 200]), [
  ['1', true, 1],
  ['150', true, 150],
  ['32766', true],
  ['0', false],
  ['32767', false],
  ['100', false],
  ['1.5', false],
  ['-5', false],
  ['', false],
]);

table('checkIcmpField', checkIcmpField, [
  ['', true, undefined],
  ['8', true, 8],
  ['-1', true, -1],
  ['255', true],
  ['256', false],
  ['-2', false],
  ['x', false],
]);

const destCx = { prefixListIds: ['pl-s3', 'pl-office'], taken: ['0.0.0.0/0', '10.1.0.0/16'] };
table('checkRouteDestination', (t) => checkRouteDestination(t, destCx), [
  ['::/0', true],
  ['192.168.0.0/16', true],
  ['pl-s3', true],
  ['0.0.0.0/0', false],
  ['10.1.0.0/16', false],
  ['10.1.0.1/16', false],
  ['pl-missing', false],
  ['10.0.0.1', false],
  ['', false],
]);

table('checkTgwDestination', (t) => checkTgwDestination(t, ['10.0.0.0/8']), [
  ['10.1.0.0/16', true],
  ['10.0.0.0/8', false],
  ['10.0.0.1/8', false],
  ['pl-s3', false],
]);

const peerCx = { securityGroupIds: ['sg-web'], prefixListIds: ['pl-s3'] };
table('checkSgPeer', (t) => checkSgPeer(t, peerCx), [
  ['0.0.0.0/0', true],
  ['::/0', true],
  ['sg-web', true],
  ['pl-s3', true],
  ['sg-missing', false],
  ['10.0.0.1/8', false],
  ['10.0.0.1', false],
  ['', false],
]);

table('checkNaclCidr', checkNaclCidr, [
  ['0.0.0.0/0', true],
  ['::/0', true],
  ['pl-s3', false],
  ['10.0.0.0/40', false],
]);

table('checkPrefixListCidr', (t) => checkPrefixListCidr(t, ['203.0.113.0/24']), [
  ['198.51.100.0/24', true],
  ['2001:db8::/32', true],
  ['203.0.113.0/24', false],
  ['203.0.113.1/24', false],
]);

table('checkWord', checkWord, [
  ['us-east-1a', true],
  [' s3 ', true, 's3'],
  ['', false],
  ['us east', false],
]);

table('checkOptionalWord', checkOptionalWord, [
  ['', true, undefined],
  ['available', true],
  ['two words', false],
]);
