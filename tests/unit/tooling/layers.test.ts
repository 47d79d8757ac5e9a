// Proves that `npm run lint` enforces the layer rule of architecture.md: each case lints a snippet as if
// it lived at `filePath` with the project's own eslint.config.js.
import { ESLint } from 'eslint';
import { fileURLToPath } from 'node:url';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../..', import.meta.url));

// The snippets are not files on disk, so the type-aware rules (which need a TypeScript program) are off.
const eslint = new ESLint({ cwd: root, overrideConfig: tseslint.configs.disableTypeChecked });

async function ruleIds(filePath: string, text: string): Promise<(string | null)[]> {
  const [result] = await eslint.lintText(text, { filePath });
  return (result?.messages ?? []).map((message) => message.ruleId);
}

describe('layer rule', () => {
  it.each([
    ['src/engine/probe.ts', "import { x } from '../ui/x.ts'; export const y = x;"],
    ['src/engine/probe.ts', "import { x } from '../store/index.ts'; export const y = x;"],
    ['src/engine/probe.ts', "import { useState } from 'react'; export const y = useState;"],
    ['src/engine/probe.ts', "import { produce } from 'immer'; export const y = produce;"],
    ['src/engine/probe.ts', "import { readFileSync } from 'node:fs'; export const y = readFileSync;"],
    ['src/engine/nested/probe.ts', "import { x } from '../../ui/index.ts'; export const y = x;"],
    ['src/lib/probe.ts', "import type { Document } from '../model/index.ts'; export type Y = Document;"],
    ['src/model/probe.ts', "import { trace } from '../engine/index.ts'; export const y = trace;"],
    ['src/store/probe.ts', "import { x } from '../ui/index.ts'; export const y = x;"],
    ['src/ui/Probe.tsx', "import { x } from '../app/main.tsx'; export const y = x;"],
    ['src/cli/probe.ts', "import { x } from '../store/index.ts'; export const y = x;"],
    ['src/cli/probe.ts', "import { createRoot } from 'react-dom/client'; export const y = createRoot;"],
    ['src/interop/probe.ts', "import { trace } from '../engine/index.ts'; export const y = trace;"],
    ['src/interop/aws/probe.ts', "import { readFileSync } from 'node:fs'; export const y = readFileSync;"],
    ['src/model/probe.ts', "import { importAws } from '../interop/index.ts'; export const y = importAws;"],
    ['src/engine/probe.ts', "import { importAws } from '../interop/index.ts'; export const y = importAws;"],
  ])('%s rejects a forbidden import: %s', async (filePath, text) => {
    expect(await ruleIds(filePath, text)).toContain('no-restricted-imports');
  });

  it.each([
    ['src/engine/probe.ts', "import { trace } from './trace.ts'; export const y = trace;"],
    ['src/engine/probe.ts', "import { parseCidr } from '../lib/index.ts'; export const y = parseCidr;"],
    ['src/engine/nested/probe.ts', "import { trace } from '../trace.ts'; export const y = trace;"],
    ['src/store/probe.ts', "import { compile } from '../engine/index.ts'; export const y = compile;"],
    ['src/ui/Probe.tsx', "import { useState } from 'react'; export const y = useState;"],
    ['src/app/probe.ts', "import { x } from '../ui/index.ts'; export const y = x;"],
    ['src/cli/probe.ts', "import { readFileSync } from 'node:fs'; export const y = readFileSync;"],
    ['src/interop/aws/probe.ts', "import { parseCidr } from '../../lib/index.ts'; export const y = parseCidr;"],
    ['src/cli/probe.ts', "import { importAws } from '../interop/index.ts'; export const y = importAws;"],
    ['src/app/probe.ts', "import { importAws } from '../interop/index.ts'; export const y = importAws;"],
  ])('%s allows a permitted import: %s', async (filePath, text) => {
    expect(await ruleIds(filePath, text)).toEqual([]);
  });

  it.each([
    ['src/ui/Probe.tsx', "import { trace } from '../engine/trace.ts'; export const y = trace;"],
    ['src/store/probe.ts', "import { parseCidr } from '../lib/ip.ts'; export const y = parseCidr;"],
    ['src/app/probe.ts', "import { x } from '../model/types.ts'; export const y = x;"],
  ])('%s must import another layer through its index.ts: %s', async (filePath, text) => {
    expect(await ruleIds(filePath, text)).toContain('no-restricted-imports');
  });
});

describe('engine purity', () => {
  it.each([
    ['export const y = Date.now();', 'no-restricted-globals'],
    ['export const y = new Date(0);', 'no-restricted-globals'],
    ['export const y = Math.random();', 'no-restricted-properties'],
  ])('src/engine rejects %s', async (text, rule) => {
    expect(await ruleIds('src/engine/probe.ts', text)).toContain(rule);
  });

  it('allows the same code outside the engine', async () => {
    expect(await ruleIds('src/store/probe.ts', 'export const y = Date.now() + Math.random();')).toEqual([]);
  });
});

describe('no any in src', () => {
  it('rejects an explicit any', async () => {
    expect(await ruleIds('src/model/probe.ts', 'export const y: any = 1;')).toContain(
      '@typescript-eslint/no-explicit-any',
    );
  });
});
