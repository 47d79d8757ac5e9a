// The AWS importer's code catalogue: every code it can emit is listed once, named IMPORT_AWS_*, with a
// summary and a reference; and every code the sources use is in it.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AWS_IMPORT_CODES } from '../../../../src/interop/aws/index.ts';

const SRC = join(import.meta.dirname, '../../../../src/interop/aws');

describe('AWS_IMPORT_CODES', () => {
  it.each(Object.entries(AWS_IMPORT_CODES))('%s has a summary and a reference', (code, info) => {
    expect(code).toMatch(/^IMPORT_AWS_[A-Z_]+$/);
    expect(info.summary.length).toBeGreaterThan(10);
    expect(info.doc.length).toBeGreaterThan(0);
  });

  it('lists every code the importer uses, and uses every code it lists', () => {
    const used = new Set<string>();
    for (const name of readdirSync(SRC).filter((n) => n.endsWith('.ts') && n !== 'codes.ts')) {
      for (const m of readFileSync(join(SRC, name), 'utf8').matchAll(/'(IMPORT_AWS_[A-Z_]+)'/g)) used.add(m[1]!);
    }
    expect([...used].sort()).toEqual(Object.keys(AWS_IMPORT_CODES).sort());
  });
});
