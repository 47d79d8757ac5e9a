// The HCL writer, the names it gives resources, and hclJsonToResources: strings survive hcl2json
// exactly (no user text becomes an interpolation), names are Terraform identifiers, unique and stable,
// references come back as addresses.
import { parse } from '@cdktf/hcl2json';
import { describe, expect, it } from 'vitest';
import { hclJsonToResources } from '../../../../src/interop/hcl/index.ts';
import { commentText, quote } from '../../../../src/interop/hcl/hcl-writer.ts';
import { Namer, slug } from '../../../../src/interop/hcl/naming.ts';
import { splitTemplate } from '../../../../src/interop/hcl/hcl-json.ts';

/** Strings that try to break out of a quoted HCL string or to start a template sequence. */
const HOSTILE = [
  'plain',
  '"quoted"',
  'back\\slash',
  'trailing\\',
  '${var.secret}',
  '%{ if true }x%{ endif }',
  '$${already escaped}',
  '$$${x}',
  '%%{y}',
  '$',
  '$$',
  '%',
  'a$',
  '{}',
  '}"\n}\nresource "aws_vpc" "evil" {\n',
  'line\nbreak\r\ttab',
  '\u0000\u0001\u001f\u007f',
  'é€😀 日本',
  '\u2028\u2029',
  '\\"${',
  '$\\{',
];

/** The value a one-attribute HCL file gives back through hcl2json and hclJsonToResources. */
async function readBack(literal: string): Promise<unknown> {
  const json: unknown = await parse('main.tf', `resource "t_x" "y" {\n  v = ${literal}\n}\n`);
  const [resource] = hclJsonToResources(json);
  return resource?.values['v'];
}

describe('quote', () => {
  it.each(HOSTILE)('%j comes back from hcl2json exactly', async (text) => {
    expect(await readBack(quote(text))).toBe(text);
  });

  it('doubles ${ and %{ so they are not templates', () => {
    expect(quote('${a}%{b}')).toBe('"$${a}%%{b}"');
    expect(quote('$${a}')).toBe('"$$${a}"');
  });

  it('replaces a lone surrogate, which UTF-8 cannot carry, and keeps pairs', async () => {
    expect(await readBack(quote('a\ud800b'))).toBe('a\ufffdb');
    expect(await readBack(quote('\ud83d\ude00'))).toBe('😀');
  });
});

describe('commentText', () => {
  it('keeps a comment on one line', () => {
    expect(commentText('a\nb\r\nresource "x" "y" {}\u2028c')).toBe('a b resource "x" "y" {} c');
  });
});

describe('slug', () => {
  it.each([
    ['Web server (Linux)', 'web_server_linux'],
    ['subnet-public-a', 'subnet_public_a'],
    ['  --Ünïcödé__name--  ', 'unicode_name'],
    ['10.0.0.0/16', 'r_10_0_0_0_16'],
    ['${evil}"', 'evil'],
    ['日本', ''],
    ['a'.repeat(60), 'a'.repeat(48)],
    [`${'word_'.repeat(12)}end`, 'word_word_word_word_word_word_word_word_word'],
  ])('%j -> %j', (text, expected) => {
    expect(slug(text)).toBe(expected);
  });
});

describe('Namer', () => {
  it('is unique per type, falls back when no candidate has a slug, and suffixes in claim order', () => {
    const namer = new Namer();
    expect(namer.claim('aws_vpc', ['Main'], 'vpc')).toBe('main');
    expect(namer.claim('aws_vpc', ['main'], 'vpc')).toBe('main_2');
    expect(namer.claim('aws_vpc', ['MAIN!'], 'vpc')).toBe('main_3');
    expect(namer.claim('aws_subnet', ['main'], 'subnet')).toBe('main');
    expect(namer.claim('aws_subnet', [undefined, '日本'], 'subnet')).toBe('subnet');
    expect(namer.claim('aws_subnet', ['***', 'second choice'], 'subnet')).toBe('second_choice');
  });
});

describe('splitTemplate', () => {
  it('separates literal text, interpolations and directives, decoding $${ and %%{', () => {
    expect(splitTemplate('a-${aws_vpc.x.id}-$${b}-%%{c}-%{ if d }')).toStrictEqual([
      { text: 'a-' },
      { expr: 'aws_vpc.x.id', directive: false },
      { text: '-${b}-%{c}-' },
      { expr: 'if d', directive: true },
    ]);
    expect(splitTemplate('${lookup({a = "}"}, "a")}')).toStrictEqual([
      { expr: 'lookup({a = "}"}, "a")', directive: false },
    ]);
    expect(splitTemplate('${unterminated')).toStrictEqual([{ text: '${unterminated' }]);
    expect(splitTemplate('')).toStrictEqual([{ text: '' }]);
  });
});

describe('hclJsonToResources', () => {
  const config = `
variable "cidr" {
  type    = string
  default = "10.0.0.0/16"
}
locals {
  az = "us-east-1a"
}
provider "aws" {
  region = "us-east-1"
}
provider "aws" {
  alias  = "eu"
  region = "eu-west-1"
}
resource "aws_vpc" "main" {
  cidr_block = var.cidr
}
resource "aws_subnet" "a" {
  vpc_id            = aws_vpc.main.id
  availability_zone = local.az
  cidr_block        = "10.0.1.0/24"
  depends_on        = [aws_vpc.main]
  tags              = { Name = "sub-\${aws_vpc.main.id}", Other = "$\${x}" }
}
resource "aws_route" "r" {
  route_table_id       = aws_route_table.rt.id
  network_interface_id = aws_instance.nat.primary_network_interface_id
  destination_cidr_block = aws_vpc.main.cidr_block
  gateway_id           = var.unknown
  carrier_gateway_id   = upper("x")
}
resource "aws_instance" "nat" {
  provider  = aws.eu
  subnet_id = aws_subnet.a.id
  ingress {
    from_port = 1
  }
  ingress {
    from_port = 2
  }
}
resource "aws_route_table" "rt" {
  region = "ap-south-1"
}
data "aws_ec2_managed_prefix_list" "s3" {
  name = "com.amazonaws.us-east-1.s3"
}
`;

  it('resolves references, variables and locals, and gives each resource its provider region', async () => {
    const resources = hclJsonToResources(await parse('main.tf', config));
    const at = new Map(resources.map((r) => [r.address, r]));
    expect(at.get('aws_vpc.main')).toStrictEqual({
      address: 'aws_vpc.main',
      mode: 'managed',
      type: 'aws_vpc',
      name: 'main',
      values: { cidr_block: '10.0.0.0/16', region: 'us-east-1' },
    });
    expect(at.get('aws_subnet.a')?.values).toStrictEqual({
      vpc_id: 'aws_vpc.main',
      availability_zone: 'us-east-1a',
      cidr_block: '10.0.1.0/24',
      tags: { Name: 'sub-aws_vpc.main', Other: '${x}' },
      region: 'us-east-1',
    });
    expect(at.get('aws_route.r')?.values).toStrictEqual({
      route_table_id: 'aws_route_table.rt',
      network_interface_id: 'aws_instance.nat.primary_network_interface_id',
      destination_cidr_block: '10.0.0.0/16',
      gateway_id: 'var.unknown',
      carrier_gateway_id: '${upper("x")}',
      region: 'us-east-1',
    });
    // A computed attribute stays unknown, as in a plan: the reference keeps its text, the resource gets nothing.
    expect(at.get('aws_instance.nat')?.values).toStrictEqual({
      subnet_id: 'aws_subnet.a',
      ingress: [{ from_port: 1 }, { from_port: 2 }],
      region: 'eu-west-1',
    });
    expect(at.get('aws_route_table.rt')?.values).toStrictEqual({ region: 'ap-south-1' });
    expect(at.get('data.aws_ec2_managed_prefix_list.s3')).toStrictEqual({
      address: 'data.aws_ec2_managed_prefix_list.s3',
      mode: 'data',
      type: 'aws_ec2_managed_prefix_list',
      name: 's3',
      values: { name: 'com.amazonaws.us-east-1.s3', region: 'us-east-1' },
    });
  });

  it('survives references that form a cycle and input that is not a configuration', async () => {
    const cyclic = `
resource "t_a" "x" {
  v = t_b.y.w
}
resource "t_b" "y" {
  w = t_a.x.v
}
`;
    const at = new Map(hclJsonToResources(await parse('main.tf', cyclic)).map((r) => [r.address, r.values]));
    expect(at.get('t_a.x')).toStrictEqual({ v: 't_a.x.v' });
    expect(at.get('t_b.y')).toStrictEqual({ w: 't_b.y.w' });
    expect(hclJsonToResources(null)).toStrictEqual([]);
    expect(hclJsonToResources({ resource: 'nonsense', data: [] })).toStrictEqual([]);
  });
});
