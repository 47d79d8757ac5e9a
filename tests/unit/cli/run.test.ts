// `vpcsim` through run(): help and version, and every kind of bad input exits 2 with one message that
// names the problem and its place (format.md section 7). Uses the real model and engine.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { json, runCli, smallDocument, tempFiles } from './helpers.ts';

const packageVersion = (
  JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as {
    version: string;
  }
).version;

const TRACE = ['trace', 'net.json', '--from', 'i-web', '--to', 'internet'];
const files = { 'net.json': json(smallDocument()) };

/** No stack trace, no JavaScript error names: a person-readable message. */
function expectCleanError(stderr: string): void {
  expect(stderr.startsWith('vpcsim: ')).toBe(true);
  expect(stderr).not.toMatch(/\n\s+at /);
  expect(stderr).not.toMatch(/TypeError|ReferenceError|SyntaxError|internal error/);
}

describe('help and version', () => {
  it('--help lists the commands and exits 0', async () => {
    const r = await runCli(['--help']);
    expect(r.code).toBe(0);
    for (const command of ['trace', 'check', 'lint']) expect(r.stdout).toContain(command);
  });

  it('trace --help lists the options and exits 0', async () => {
    const r = await runCli(['trace', '--help']);
    expect(r.code).toBe(0);
    for (const option of [
      '--from',
      '--to',
      '--protocol',
      '--port',
      '--family',
      '--to-address',
      '--one-way',
      '--json',
    ]) {
      expect(r.stdout).toContain(option);
    }
  });

  it('help trace works like trace --help', async () => {
    const r = await runCli(['help', 'trace']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('--from');
  });

  it('--version prints the package version and exits 0', async () => {
    const r = await runCli(['--version']);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe(packageVersion);
  });

  it('no command shows the usage and exits 2', async () => {
    const r = await runCli([]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Usage');
  });
});

describe('bad options exit 2 and name the option', () => {
  it.each([
    [['--port', 'abc'], '--port', 'abc'],
    [['--port', '70000'], '--port', '70000'],
    [['--port', '-1'], '--port', '-1'],
    [['--family', '5'], '--family', '5'],
    [['--protocol', 'foo'], '--protocol', 'foo'],
    [['--protocol', '256'], '--protocol', '256'],
    [['--to-address', 'elsewhere'], '--to-address', 'elsewhere'],
    [['--source-port', '1.5'], '--source-port', '1.5'],
    [['--icmp-type', 'x'], '--icmp-type', 'x'],
    [['--bogus'], '--bogus', '--bogus'],
  ])('%j', async (extra, option, value) => {
    const r = await runCli([...TRACE, ...extra], files);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(option);
    expect(r.stderr).toContain(value);
    expectCleanError(r.stderr);
  });

  it('a missing --from is named', async () => {
    const r = await runCli(['trace', 'net.json', '--to', 'internet'], files);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--from');
  });

  it('an unknown command is named', async () => {
    const r = await runCli(['frobnicate'], files);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('frobnicate');
  });

  it.each([['check'], ['lint']])('%s without files exits 2', async (command) => {
    const r = await runCli([command], files);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('missing required argument');
  });

  it('trace with two files exits 2', async () => {
    const r = await runCli([...TRACE, 'other.json'], files);
    expect(r.code).toBe(2);
  });
});

describe('unreadable files exit 2 with one line naming the path', () => {
  it.each([['trace'], ['check'], ['lint']])('%s: a missing file', async (command) => {
    const argv =
      command === 'trace' ? ['trace', 'missing-file.json', '--from', 'a', '--to', 'b'] : [command, 'missing-file.json'];
    const r = await runCli(argv, {});
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("'missing-file.json'");
    expect(r.stderr).toContain('no such file');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expectCleanError(r.stderr);
  });

  it('a directory instead of a file (real disk)', async () => {
    const { dir } = tempFiles({});
    const r = await runCli(['trace', dir, '--from', 'a', '--to', 'b']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(dir);
    expect(r.stderr).toContain('directory');
  });

  it.each([
    ['{\n  "format": "vpcsim/1",\n  "topology": {},\n}\n', 'line 4, column 1'],
    ['{\n  "format": "vpcsim/1"\n  "topology": {}\n}\n', 'line 3, column 3'],
    ['{ "format": "vpcsim/1", // a comment\n "topology": {} }', 'line 1, column 25'],
    ['', 'line 1, column 1'],
  ])('not JSON: %j fails at %s', async (text, place) => {
    const r = await runCli([...TRACE], { 'net.json': text });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("'net.json' is not valid JSON");
    expect(r.stderr).toContain(place);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('a byte-order mark is not an error', async () => {
    const r = await runCli(['lint', 'net.json'], { 'net.json': `\uFEFF${json(smallDocument())}` });
    expect(r.stderr).not.toContain('not valid JSON');
  });
});

/** smallDocument() with one change applied to a deep copy. */
function brokenDocument(
  edit: (doc: Record<string, unknown> & { topology: Record<string, unknown[]> }) => void,
): string {
  const doc = structuredClone(smallDocument()) as Record<string, unknown> & { topology: Record<string, unknown[]> };
  edit(doc);
  return json(doc);
}

describe('documents that cannot be understood exit 2 and name the place', () => {
  it.each([
    [
      'an unknown format version',
      brokenDocument((d) => {
        d['format'] = 'vpcsim/9';
      }),
      ['vpcsim/9'],
    ],
    ['a JSON array instead of a document', '[]', []],
    [
      'a wrong type',
      brokenDocument((d) => {
        (d.topology['vpcs']![0] as Record<string, unknown>)['cidrBlocks'] = 'not-a-list';
      }),
      ['topology.vpcs[0].cidrBlocks'],
    ],
    [
      'a dangling VPC id',
      brokenDocument((d) => {
        (d.topology['subnets']![0] as Record<string, unknown>)['vpcId'] = 'vpc-missing';
      }),
      ['vpc-missing'],
    ],
    [
      'a dangling security group id',
      brokenDocument((d) => {
        (d.topology['instances']![0] as Record<string, unknown>)['securityGroupIds'] = ['sg-missing'];
      }),
      ['sg-missing'],
    ],
    [
      'a malformed CIDR',
      brokenDocument((d) => {
        (d.topology['subnets']![0] as Record<string, unknown>)['cidrBlock'] = '10.0.1.0/33';
      }),
      ['10.0.1.0/33'],
    ],
  ])('%s', async (_what, text, facts) => {
    for (const argv of [TRACE, ['check', 'net.json']]) {
      const r = await runCli(argv, { 'net.json': text });
      expect(r.code).toBe(2);
      expect(r.stderr).toContain("'net.json'");
      for (const fact of facts) expect(r.stderr).toContain(fact);
      expectCleanError(r.stderr);
    }
  });
});

describe('questions the engine cannot answer exit 2 and name the problem', () => {
  it('an unknown endpoint', async () => {
    const r = await runCli(['trace', 'net.json', '--from', 'i-nope', '--to', 'internet', '--port', '443'], files);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('i-nope');
    expect(r.stderr).toContain('--from');
    expect(r.stderr).toMatch(/QUERY_[A-Z_]+/);
    expectCleanError(r.stderr);
  });

  it('a tcp question without a port', async () => {
    const r = await runCli(['trace', 'net.json', '--from', 'i-web', '--to', 'internet', '--protocol', 'tcp'], files);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--port');
    expect(r.stderr).toMatch(/QUERY_[A-Z_]+/);
  });

  it('a malformed IP literal as an endpoint', async () => {
    const r = await runCli(['trace', 'net.json', '--from', '10.0.1.999', '--to', 'internet', '--port', '443'], files);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('10.0.1.999');
  });
});
