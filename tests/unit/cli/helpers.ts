// Test doubles for the CLI: an in-memory or real-disk CliIo that records what the command printed.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { listFiles } from '../../../src/cli/files.ts';
import type { CliIo } from '../../../src/cli/run.ts';
import { run } from '../../../src/cli/run.ts';

export interface Outcome {
  code: number;
  stdout: string;
  stderr: string;
}

/** Reads files from a map; a missing name fails like Node's ENOENT. */
function memoryReadFile(files: Readonly<Record<string, string>>): (path: string) => string {
  return (path) => {
    const text = files[path];
    if (text === undefined) {
      throw Object.assign(new Error(`ENOENT: no such file or directory, open '${path}'`), { code: 'ENOENT' });
    }
    return text;
  };
}

/** Lists in-memory files like a folder tree: a name gives itself, a prefix every name below it. */
function memoryListFiles(files: Readonly<Record<string, string>>): (path: string) => string[] {
  return (path) => {
    if (files[path] !== undefined) return [path];
    const below = Object.keys(files)
      .filter((name) => name.startsWith(`${path.replace(/\/$/, '')}/`))
      .sort();
    if (below.length === 0) {
      throw Object.assign(new Error(`ENOENT: no such file or directory, stat '${path}'`), { code: 'ENOENT' });
    }
    return below;
  };
}

/** Runs `vpcsim argv` against in-memory files (or the real disk when `files` is omitted). */
export async function runCli(argv: string[], files?: Readonly<Record<string, string>>): Promise<Outcome> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: (s) => {
      stdout += s;
    },
    stderr: (s) => {
      stderr += s;
    },
    readFile: files ? memoryReadFile(files) : (path) => readFileSync(path, 'utf8'),
    listFiles: files ? memoryListFiles(files) : listFiles,
    writeFile: (path, text) => writeFileSync(path, text),
  };
  const code = await run(argv, io);
  return { code, stdout, stderr };
}

/** A fresh temporary directory with the given files (values are JSON-encoded unless strings). */
export function tempFiles(files: Readonly<Record<string, unknown>>): { dir: string; path(name: string): string } {
  const dir = mkdtempSync(join(tmpdir(), 'vpcsim-cli-'));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  }
  return { dir, path: (name) => join(dir, name) };
}

/** A small valid document: one VPC, one public subnet with an instance, an IGW and a route to it. */
export function smallDocument(): Record<string, unknown> {
  return {
    format: 'vpcsim/1',
    topology: {
      vpcs: [{ id: 'vpc-a', cidrBlocks: ['10.0.0.0/16'] }],
      subnets: [{ id: 'sn-pub', vpcId: 'vpc-a', availabilityZone: 'us-east-1a', cidrBlock: '10.0.1.0/24' }],
      internetGateways: [{ id: 'igw-a', vpcId: 'vpc-a' }],
      routeTables: [
        {
          id: 'rtb-pub',
          vpcId: 'vpc-a',
          subnetIds: ['sn-pub'],
          routes: [{ destination: '0.0.0.0/0', target: 'igw-a' }],
        },
      ],
      securityGroups: [
        { id: 'sg-web', vpcId: 'vpc-a', inbound: [{ protocol: 'tcp', ports: '443', source: '0.0.0.0/0' }] },
      ],
      instances: [
        {
          id: 'i-web',
          subnetId: 'sn-pub',
          privateIp: '10.0.1.10',
          publicIp: '54.1.1.10',
          securityGroupIds: ['sg-web'],
        },
      ],
    },
    checks: [
      {
        name: 'web reaches the internet on 443',
        from: 'i-web',
        to: 'internet',
        protocol: 'tcp',
        port: 443,
        expect: 'REACHABLE',
      },
      {
        name: 'internet reaches web on 443',
        from: 'internet',
        to: 'i-web',
        protocol: 'tcp',
        port: 443,
        expect: 'REACHABLE',
      },
      {
        name: 'internet cannot reach web on 22',
        from: 'internet',
        to: 'i-web',
        protocol: 'tcp',
        port: 22,
        expect: 'BLOCKED',
      },
    ],
  };
}

export function json(value: unknown): string {
  return JSON.stringify(value, null, 2);
}
