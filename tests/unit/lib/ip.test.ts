// Unit tests of src/lib/ip.ts: strict address and CIDR parsing, RFC 5952 formatting and the block
// arithmetic every route, NACL and security-group match is built on.
import { describe, expect, it } from 'vitest';
import {
  cidr4,
  cidr6,
  cidrAddress,
  cidrContains,
  cidrContainsCidr,
  cidrEquals,
  cidrLastAddress,
  cidrSize,
  cidrsOverlap,
  formatIp,
  formatIpv4,
  formatIpv6,
  ipEquals,
  ipv4,
  ipv6,
  mask4,
  mask6,
  mustParseCidr,
  parseCidr,
  parseCidrLoose,
  parseIp,
  type Cidr,
  type IpAddress,
} from '../../../src/lib/index.ts';

const V6_MAX = 2n ** 128n - 1n;

/** Parses a CIDR the test knows to be valid; a parse failure fails the test where it happens. */
function cidr(text: string): Cidr {
  const r = parseCidr(text);
  if (!r.ok) throw new Error(`test fixture ${text} did not parse: ${r.error.kind}`);
  return r.value;
}

function ip(text: string): IpAddress {
  const a = parseIp(text);
  if (!a) throw new Error(`test fixture ${text} did not parse`);
  return a;
}

describe('parseIp, IPv4', () => {
  it.each([
    ['0.0.0.0', 0],
    ['1.2.3.4', 0x01020304],
    ['10.0.0.1', 0x0a000001],
    ['127.0.0.1', 0x7f000001],
    ['128.0.0.0', 2 ** 31],
    ['192.168.100.200', 0xc0a864c8],
    ['249.250.251.252', 0xf9fafbfc],
    ['255.255.255.255', 2 ** 32 - 1],
  ])('%s -> %d (unsigned)', (text, value) => {
    expect(parseIp(text)).toEqual({ family: 4, value });
  });

  it.each([
    ['leading zero (octal-looking)', '010.0.0.1'],
    ['leading zero in the last octet', '1.2.3.04'],
    ['double zero', '00.0.0.0'],
    ['three parts', '1.2.3'],
    ['five parts', '1.2.3.4.5'],
    ['trailing dot', '1.2.3.4.'],
    ['leading dot', '.1.2.3.4'],
    ['empty part', '1..2.3'],
    ['octet 256', '256.0.0.1'],
    ['octet 300', '1.2.3.300'],
    ['four-digit octet', '1.2.3.1000'],
    ['with a prefix', '1.2.3.4/24'],
    ['leading space', ' 1.2.3.4'],
    ['trailing space', '1.2.3.4 '],
    ['trailing newline', '1.2.3.4\n'],
    ['sign', '+1.2.3.4'],
    ['negative', '-1.2.3.4'],
    ['hex octet', '0x1.2.3.4'],
    ['letters', 'a.b.c.d'],
    ['full-width digits', '１.２.３.４'],
    ['with a port', '1.2.3.4:80'],
    ['empty string', ''],
    ['a dot', '.'],
    ['a bare number', '16909060'],
    ['very long digits', `${'1'.repeat(10_000)}.0.0.1`],
    ['very long repetition', '1.2.3.4'.repeat(1_000)],
  ])('rejects %s: %j', (_why, text) => {
    expect(parseIp(text)).toBeUndefined();
  });

  it.each([
    ['a number', 16909060],
    ['null', null],
    ['undefined', undefined],
    ['an object', { toString: () => '1.2.3.4' }],
    ['an array', ['1.2.3.4']],
    ['a boolean', true],
    ['a bigint', 1n],
  ])('rejects a non-string (%s)', (_why, value) => {
    expect(parseIp(value as unknown as string)).toBeUndefined();
  });
});

describe('parseIp, IPv6', () => {
  it.each([
    ['::', 0n],
    ['::1', 1n],
    ['1::', 1n << 112n],
    ['2001:db8::1', 0x20010db8000000000000000000000001n],
    ['2001:DB8::1', 0x20010db8000000000000000000000001n],
    ['2001:0db8:0000:0000:0000:0000:0000:0001', 0x20010db8000000000000000000000001n],
    ['0:0:0:0:0:0:0:0', 0n],
    ['1:2:3:4:5:6:7:8', 0x00010002000300040005000600070008n],
    ['1:2:3:4:5:6:7::', 0x00010002000300040005000600070000n],
    ['::2:3:4:5:6:7:8', 0x00000002000300040005000600070008n],
    ['fe80::1', 0xfe800000000000000000000000000001n],
    ['ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff', V6_MAX],
    ['::ffff:c0a8:101', 0xffffc0a80101n],
  ])('%s', (text, value) => {
    expect(parseIp(text)).toEqual({ family: 6, value });
  });

  it.each([
    ['a zone id', 'fe80::1%eth0'],
    ['a numeric zone id', 'fe80::1%1'],
    ['a prefix', '2001:db8::/64'],
    ['a /128 prefix', '::1/128'],
    ['nine groups', '1:2:3:4:5:6:7:8:9'],
    ['seven groups without ::', '1:2:3:4:5:6:7'],
    ['eight groups and ::', 'ffff::ffff:ffff:ffff:ffff:ffff:ffff:ffff'],
    ['two ::', '1::2::3'],
    ['triple colon', ':::'],
    ['a single leading colon', ':1'],
    ['a single trailing colon', '1:'],
    ['a five-digit group', '02001:db8::1'],
    ['a non-hex group', 'gggg::1'],
    ['brackets', '[::1]'],
    ['leading space', ' ::1'],
    ['trailing space', '::1 '],
    ['leading newline', '\n::1'],
    ['trailing newline', '::1\n'],
    ['full-width digit', '２001:db8::1'],
    ['a bad embedded IPv4 octet', '::ffff:256.0.0.1'],
    ['an embedded IPv4 with a leading zero', '::ffff:010.0.0.1'],
    ['an embedded IPv4 with three parts', '::ffff:1.2.3'],
    ['an embedded IPv4 with five parts', '::ffff:1.2.3.4.5'],
    ['an embedded IPv4 with a prefix', '::ffff:1.2.3.4/24'],
    ['very long', `${'1:'.repeat(5_000)}1`],
    ['very long, all colons', ':'.repeat(10_000)],
  ])('rejects %s: %j', (_why, text) => {
    expect(parseIp(text)).toBeUndefined();
  });
});

// RFC 4291 section 2.2, form 3: `x:x:x:x:x:x:d.d.d.d`, the dotted quad is the LOW 32 bits and the six
// hex groups (or `::`) stay in the high 96 bits. Section 2.5.5.2: ::ffff:1.2.3.4 is 0:0:0:0:0:ffff:102:304.
describe('parseIp, IPv6 with an embedded IPv4 tail (RFC 4291 2.2 form 3)', () => {
  it.each([
    ['::1.2.3.4', 0x01020304n],
    ['::ffff:1.2.3.4', 0xffff01020304n],
    ['::ffff:10.2.3.4', 0xffff0a020304n],
    ['::ffff:192.168.1.1', 0xffffc0a80101n],
    ['::FFFF:192.168.1.1', 0xffffc0a80101n],
    ['64:ff9b::192.0.2.33', 0x0064ff9b0000000000000000c0000221n],
    ['1:2:3:4:5:6:10.2.3.4', 0x0001000200030004000500060a020304n],
  ])('%s keeps every group', (text, value) => {
    expect(parseIp(text)).toEqual({ family: 6, value });
  });

  it.each([
    ['garbage before a one-digit first octet', 'x:1.2.3.4'],
    ['a non-hex group before the dotted quad', 'zz:1.2.3.4'],
    ['a single leading colon', ':1.2.3.4'],
    ['seven groups and a dotted quad (nine groups)', '1:2:3:4:5:6:7:1.2.3.4'],
    ['seven groups and a dotted quad, two-digit octet', '1:2:3:4:5:6:7:10.2.3.4'],
  ])('rejects %s: %j', (_why, text) => {
    expect(parseIp(text)).toBeUndefined();
  });

  it('parses an IPv4-mapped CIDR into the mapped block', () => {
    const r = parseCidr('::ffff:10.0.0.0/104');
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.value.network).toBe(0xffff0a000000n);
      expect(r.value.prefix).toBe(104);
    }
  });
});

describe('formatIpv4 and formatIp', () => {
  it.each([
    [0, '0.0.0.0'],
    [0x01020304, '1.2.3.4'],
    [2 ** 31, '128.0.0.0'],
    [2 ** 32 - 1, '255.255.255.255'],
  ])('%d -> %s', (value, text) => {
    expect(formatIpv4(value)).toBe(text);
    expect(formatIp(ipv4(value))).toBe(text);
  });

  it('formats an IPv6 address through formatIp', () => {
    expect(formatIp(ipv6(1n))).toBe('::1');
  });
});

describe('formatIpv6 (RFC 5952)', () => {
  it.each([
    ['all zero', '0:0:0:0:0:0:0:0', '::'],
    ['loopback', '0:0:0:0:0:0:0:1', '::1'],
    ['trailing zeros', '1:0:0:0:0:0:0:0', '1::'],
    ['lower case, leading zeros dropped', '2001:0DB8:00AB:0000:0000:0000:0000:0001', '2001:db8:ab::1'],
    ['tie between two runs: the first is compressed', '2001:db8:0:0:1:0:0:1', '2001:db8::1:0:0:1'],
    ['the longest run wins over an earlier shorter one', '2001:0:0:1:0:0:0:1', '2001:0:0:1::1'],
    ['a single zero group is not compressed', '2001:db8:0:1:1:1:1:1', '2001:db8:0:1:1:1:1:1'],
    ['single zero groups at both ends are not compressed', '0:1:1:1:1:1:1:0', '0:1:1:1:1:1:1:0'],
    ['a run of two at the start', '0:0:1:1:1:1:1:1', '::1:1:1:1:1:1'],
    ['a run of two at the end', '1:1:1:1:1:1:0:0', '1:1:1:1:1:1::'],
    ['a lone leading zero, then a run of six', '0:1:0:0:0:0:0:0', '0:1::'],
    ['tie at both ends: the first is compressed', '0:0:1:1:1:1:0:0', '::1:1:1:1:0:0'],
    ['no zeros', 'ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff', 'ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff'],
    ['groups with inner zeros keep them', '2001:db8:a0b:12f0:0:0:0:1', '2001:db8:a0b:12f0::1'],
  ])('%s: %s -> %s', (_why, full, expected) => {
    const value = BigInt(
      `0x${full
        .split(':')
        .map((g) => g.padStart(4, '0'))
        .join('')}`,
    );
    expect(formatIpv6(value)).toBe(expected);
  });
});

describe('mask4 and mask6', () => {
  it.each([
    [0, 0],
    [1, 0x80000000],
    [8, 0xff000000],
    [24, 0xffffff00],
    [31, 0xfffffffe],
    [32, 0xffffffff],
  ])('mask4(%d)', (prefix, mask) => {
    expect(mask4(prefix)).toBe(mask);
  });

  it.each([
    [0, 0n],
    [1, 1n << 127n],
    [64, ((1n << 64n) - 1n) << 64n],
    [127, V6_MAX - 1n],
    [128, V6_MAX],
  ])('mask6(%d)', (prefix, mask) => {
    expect(mask6(prefix)).toBe(mask);
  });
});

describe('parseCidr', () => {
  it.each([
    ['0.0.0.0/0', 0, 2 ** 32 - 1, 0],
    ['10.0.0.0/8', 0x0a000000, 0x0affffff, 8],
    ['10.0.0.0/16', 0x0a000000, 0x0a00ffff, 16],
    ['172.16.0.0/12', 0xac100000, 0xac1fffff, 12],
    ['192.168.1.0/24', 0xc0a80100, 0xc0a801ff, 24],
    ['10.0.0.4/31', 0x0a000004, 0x0a000005, 31],
    ['10.0.0.1/32', 0x0a000001, 0x0a000001, 32],
    ['255.255.255.255/32', 2 ** 32 - 1, 2 ** 32 - 1, 32],
    ['128.0.0.0/1', 2 ** 31, 2 ** 32 - 1, 1],
  ])('%s', (text, network, last, prefix) => {
    expect(parseCidr(text)).toEqual({ ok: true, value: { family: 4, network, last, prefix, text } });
  });

  it.each([
    ['::/0', '::/0', 0n, V6_MAX, 0],
    ['2001:db8::/32', '2001:db8::/32', 0x20010db8n << 96n, (0x20010db8n << 96n) | ((1n << 96n) - 1n), 32],
    ['2001:DB8:0:0::/64', '2001:db8::/64', 0x20010db8n << 96n, (0x20010db8n << 96n) | ((1n << 64n) - 1n), 64],
    ['::1/128', '::1/128', 1n, 1n, 128],
    ['ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff/128', 'ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff/128', V6_MAX, V6_MAX, 128],
    ['8000::/1', '8000::/1', 1n << 127n, V6_MAX, 1],
  ])('%s (canonical %s)', (input, text, network, last, prefix) => {
    expect(parseCidr(input)).toEqual({ ok: true, value: { family: 6, network, last, prefix, text } });
  });

  it.each([
    ['prefix 33', '10.0.0.0/33'],
    ['prefix 100', '10.0.0.0/100'],
    ['four-digit prefix', '10.0.0.0/1000'],
    ['negative prefix', '10.0.0.0/-1'],
    ['plus sign', '10.0.0.0/+8'],
    ['empty prefix', '10.0.0.0/'],
    ['leading-zero prefix', '10.0.0.0/08'],
    ['double-zero prefix', '0.0.0.0/00'],
    ['exponent prefix', '10.0.0.0/1e1'],
    ['fractional prefix', '10.0.0.0/8.0'],
    ['space after the prefix', '10.0.0.0/8 '],
    ['space before the prefix', '10.0.0.0/ 8'],
    ['space before the slash', '10.0.0.0 /8'],
    ['missing prefix', '10.0.0.0'],
    ['missing address', '/8'],
    ['two slashes', '10.0.0.0/8/8'],
    ['bad address', '10.0.0/8'],
    ['leading-zero octet', '010.0.0.0/8'],
    ['octet 256', '256.0.0.0/8'],
    ['IPv6 prefix 129', '2001:db8::/129'],
    ['IPv6 leading-zero prefix', '2001:db8::/064'],
    ['IPv6 missing prefix', '2001:db8::'],
    ['IPv6 zone id', 'fe80::%eth0/64'],
    ['empty', ''],
    ['a slash', '/'],
    ['very long', `10.0.0.0/${'8'.repeat(10_000)}`],
  ])('syntax error: %s (%j)', (_why, text) => {
    expect(parseCidr(text)).toEqual({ ok: false, error: { kind: 'syntax' } });
  });

  it.each([null, undefined, 8, {}, ['10.0.0.0/8']])('syntax error for the non-string %j', (value) => {
    expect(parseCidr(value as unknown as string)).toEqual({ ok: false, error: { kind: 'syntax' } });
  });

  it.each([
    ['10.0.1.5/24', '10.0.1.0/24'],
    ['10.0.0.1/8', '10.0.0.0/8'],
    ['10.0.0.1/31', '10.0.0.0/31'],
    ['255.255.255.255/0', '0.0.0.0/0'],
    ['192.168.1.129/25', '192.168.1.128/25'],
    ['2001:db8::1/64', '2001:db8::/64'],
    ['2001:db8:1:2:3:4:5:6/48', '2001:db8:1::/48'],
    ['::1/0', '::/0'],
    ['::1/127', '::/127'],
  ])('host bits: %s -> canonical %s', (text, canonical) => {
    expect(parseCidr(text)).toEqual({ ok: false, error: { kind: 'host-bits', canonical } });
  });

  it('round-trips its canonical text', () => {
    for (const text of ['0.0.0.0/0', '10.0.0.0/16', '2001:db8::/32', '::/0', '::1/128']) {
      expect(cidr(text).text).toBe(text);
    }
  });
});

describe('parseCidrLoose', () => {
  it.each([
    ['10.0.0.0/16', '10.0.0.0/16'],
    ['10.0.1.5/24', '10.0.1.0/24'],
    ['10.0.0.1/0', '0.0.0.0/0'],
    ['2001:db8::1/64', '2001:db8::/64'],
    ['2001:DB8::/32', '2001:db8::/32'],
  ])('%s -> %s', (input, text) => {
    expect(parseCidrLoose(input)).toEqual(cidr(text));
  });

  it.each(['10.0.0.0/33', '10.0.0.0', '10.0.0.0/08', '2001:db8::/129', '', 'x/8'])(
    'undefined for the syntax error %j',
    (text) => {
      expect(parseCidrLoose(text)).toBeUndefined();
    },
  );
});

describe('mustParseCidr', () => {
  it('returns the block for a valid literal', () => {
    expect(mustParseCidr('10.0.0.0/8')).toEqual(cidr('10.0.0.0/8'));
  });

  it.each(['10.0.0.1/8', '10.0.0.0/33', 'nonsense'])('throws for %j', (text) => {
    expect(() => mustParseCidr(text)).toThrow(Error);
  });
});

describe('cidr4 and cidr6', () => {
  it('build the block that contains a value', () => {
    expect(cidr4(0x0a000105, 24)).toEqual(cidr('10.0.1.0/24'));
    expect(cidr4(0xffffffff, 0)).toEqual(cidr('0.0.0.0/0'));
    expect(cidr4(0x0a000105, 32)).toEqual(cidr('10.0.1.5/32'));
    expect(cidr6(0x20010db8000000000000000000000001n, 64)).toEqual(cidr('2001:db8::/64'));
    expect(cidr6(V6_MAX, 0)).toEqual(cidr('::/0'));
    expect(cidr6(V6_MAX, 128)).toEqual(cidr('ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff/128'));
  });
});

describe('cidrContains', () => {
  it.each([
    ['10.0.0.0/16', '10.0.0.0', true],
    ['10.0.0.0/16', '10.0.255.255', true],
    ['10.0.0.0/16', '10.0.1.2', true],
    ['10.0.0.0/16', '10.1.0.0', false],
    ['10.0.0.0/16', '9.255.255.255', false],
    ['10.0.0.1/32', '10.0.0.1', true],
    ['10.0.0.1/32', '10.0.0.2', false],
    ['0.0.0.0/0', '0.0.0.0', true],
    ['0.0.0.0/0', '255.255.255.255', true],
    ['128.0.0.0/1', '127.255.255.255', false],
    ['128.0.0.0/1', '255.255.255.255', true],
    ['2001:db8::/32', '2001:db8::1', true],
    ['2001:db8::/32', '2001:db8:ffff:ffff:ffff:ffff:ffff:ffff', true],
    ['2001:db8::/32', '2001:db9::', false],
    ['2001:db8::/32', '2001:db7:ffff:ffff:ffff:ffff:ffff:ffff', false],
    ['::/0', '::', true],
    ['::/0', 'ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff', true],
    ['::1/128', '::1', true],
    ['::1/128', '::2', false],
    // Families never mix, even where the numbers would.
    ['0.0.0.0/0', '::', false],
    ['0.0.0.0/0', '::1', false],
    ['::/0', '0.0.0.0', false],
    ['::/0', '10.0.0.1', false],
    ['::/96', '10.0.0.1', false],
  ])('%s contains %s: %s', (block, addr, expected) => {
    expect(cidrContains(cidr(block), ip(addr))).toBe(expected);
  });
});

describe('cidrContainsCidr, cidrsOverlap and cidrEquals', () => {
  it.each([
    ['10.0.0.0/16', '10.0.1.0/24', true, true],
    ['10.0.1.0/24', '10.0.0.0/16', false, true],
    ['10.0.0.0/16', '10.0.0.0/16', true, true],
    ['10.0.0.0/16', '10.1.0.0/16', false, false],
    ['10.0.0.0/24', '10.0.1.0/24', false, false],
    ['10.0.0.0/25', '10.0.0.128/25', false, false],
    ['0.0.0.0/0', '10.0.0.0/8', true, true],
    ['0.0.0.0/0', '255.255.255.255/32', true, true],
    ['10.0.0.5/32', '10.0.0.5/32', true, true],
    ['10.0.0.5/32', '10.0.0.6/32', false, false],
    ['2001:db8::/32', '2001:db8:1::/48', true, true],
    ['2001:db8:1::/48', '2001:db8::/32', false, true],
    ['2001:db8::/32', '2001:db9::/32', false, false],
    ['::/0', '::1/128', true, true],
    // Families never mix: ::/96 and 0.0.0.0/0 cover the same numbers.
    ['0.0.0.0/0', '::/0', false, false],
    ['::/0', '0.0.0.0/0', false, false],
    ['::/96', '0.0.0.0/0', false, false],
    ['0.0.0.0/0', '::/96', false, false],
  ])('%s vs %s: contains %s, overlaps %s', (outer, inner, contains, overlaps) => {
    const a = cidr(outer);
    const b = cidr(inner);
    expect(cidrContainsCidr(a, b)).toBe(contains);
    expect(cidrsOverlap(a, b)).toBe(overlaps);
    expect(cidrsOverlap(b, a)).toBe(overlaps);
  });

  it.each([
    ['10.0.0.0/16', '10.0.0.0/16', true],
    ['10.0.0.0/16', '10.0.0.0/17', false],
    ['10.0.0.0/16', '10.1.0.0/16', false],
    ['2001:db8::/32', '2001:DB8:0::/32', true],
    ['2001:db8::/32', '2001:db8::/33', false],
    ['0.0.0.0/0', '::/0', false],
    ['0.0.0.0/32', '::/128', false],
  ])('cidrEquals(%s, %s) is %s', (a, b, expected) => {
    expect(cidrEquals(cidr(a), cidr(b))).toBe(expected);
    expect(cidrEquals(cidr(b), cidr(a))).toBe(expected);
  });
});

describe('cidrSize', () => {
  it.each([
    ['0.0.0.0/0', 2n ** 32n],
    ['10.0.0.0/8', 2n ** 24n],
    ['10.0.0.0/16', 65_536n],
    ['10.0.0.0/24', 256n],
    ['10.0.0.0/31', 2n],
    ['10.0.0.0/32', 1n],
    ['255.255.255.255/32', 1n],
    ['::/0', 2n ** 128n],
    ['2001:db8::/64', 2n ** 64n],
    ['2001:db8::/127', 2n],
    ['::1/128', 1n],
  ])('%s has %d addresses', (block, size) => {
    expect(cidrSize(cidr(block))).toBe(size);
  });
});

describe('cidrAddress, cidrLastAddress, ipEquals, ipv4, ipv6', () => {
  it.each([
    ['10.0.0.0/16', 0, '10.0.0.0'],
    ['10.0.0.0/16', 1, '10.0.0.1'],
    ['10.0.0.0/16', 256, '10.0.1.0'],
    ['10.0.0.0/16', 65_535, '10.0.255.255'],
    ['255.255.255.0/24', 255, '255.255.255.255'],
    ['2001:db8::/64', 0, '2001:db8::'],
    ['2001:db8::/64', 5, '2001:db8::5'],
    ['2001:db8::/64', 65_536, '2001:db8::1:0'],
  ])('%s + %d = %s', (block, offset, addr) => {
    expect(cidrAddress(cidr(block), offset)).toEqual(ip(addr));
  });

  it.each([
    ['10.0.0.0/16', '10.0.255.255'],
    ['10.0.0.1/32', '10.0.0.1'],
    ['0.0.0.0/0', '255.255.255.255'],
    ['2001:db8::/64', '2001:db8::ffff:ffff:ffff:ffff'],
    ['::/0', 'ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff'],
  ])('last address of %s is %s', (block, addr) => {
    expect(cidrLastAddress(cidr(block))).toEqual(ip(addr));
  });

  it('keeps IPv4 values unsigned', () => {
    expect(ipv4(-1)).toEqual({ family: 4, value: 2 ** 32 - 1 });
    expect(ipv4(0xffffffff | 0)).toEqual({ family: 4, value: 0xffffffff });
    expect(ipv4(2 ** 31)).toEqual({ family: 4, value: 2 ** 31 });
    expect(ipv6(5n)).toEqual({ family: 6, value: 5n });
  });

  it.each([
    ['10.0.0.1', '10.0.0.1', true],
    ['10.0.0.1', '10.0.0.2', false],
    ['::1', '0:0:0:0:0:0:0:1', true],
    ['::1', '::2', false],
    ['0.0.0.1', '::1', false],
    ['0.0.0.0', '::', false],
  ])('ipEquals(%s, %s) is %s', (a, b, expected) => {
    expect(ipEquals(ip(a), ip(b))).toBe(expected);
    expect(ipEquals(ip(b), ip(a))).toBe(expected);
  });
});
