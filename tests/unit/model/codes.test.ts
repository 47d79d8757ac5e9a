import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIAGNOSTIC_CODES } from '../../../src/model/index.ts';

const here = import.meta.dirname;
const sourceDir = join(here, '../../../src/model');
const read = (dir: string, filter: (f: string) => boolean) =>
  readdirSync(dir)
    .filter(filter)
    .map((f) => readFileSync(join(dir, f), 'utf8'))
    .join('\n');

describe('DIAGNOSTIC_CODES', () => {
  const entries = Object.entries(DIAGNOSTIC_CODES);
  const sources = read(sourceDir, (f) => f.endsWith('.ts') && f !== 'codes.ts');
  const tests = read(here, (f) => f.endsWith('.test.ts') && f !== 'codes.test.ts');

  it.each(entries)('%s has a summary and a documentation reference', (code, info) => {
    expect(code).toMatch(/^CFG_[A-Z0-9_]+$/);
    expect(info.summary.length).toBeGreaterThan(10);
    expect(info.doc).toMatch(/^https:\/\/docs\.aws\.amazon\.com\/|\.md\b/);
  });

  it.each(entries.map(([code]) => code))('%s is emitted by the model and asserted by a test', (code) => {
    expect(sources).toContain(`'${code}'`);
    expect(tests).toContain(`'${code}'`);
  });

  it('lists every code the model emits', () => {
    const used = new Set(sources.match(/'CFG_[A-Z0-9_]+'/g)?.map((s) => s.slice(1, -1)));
    expect([...used].filter((c) => !(c in DIAGNOSTIC_CODES))).toEqual([]);
  });
});
