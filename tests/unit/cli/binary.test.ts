// Smoke tests of the real launcher: `node bin/vpcsim.js` runs the TypeScript CLI through tsx.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../..', import.meta.url));

function vpcsim(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, ['bin/vpcsim.js', ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
    timeout: 30_000,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('bin/vpcsim.js', () => {
  it('--help exits 0 and lists the commands', () => {
    const r = vpcsim('--help');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('trace');
    expect(r.stdout).toContain('check');
    expect(r.stdout).toContain('lint');
  });

  it('a missing file exits 2 with the path on stderr and no stack trace', () => {
    const r = vpcsim('trace', 'scenarios/does-not-exist.json', '--from', 'a', '--to', 'b');
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('scenarios/does-not-exist.json');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('a bad option value exits 2', () => {
    const r = vpcsim('trace', 'x.json', '--from', 'a', '--to', 'b', '--port', 'abc');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--port');
  });
});
