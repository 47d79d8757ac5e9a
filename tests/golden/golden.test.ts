// Golden runner: every scenarios/*.json must parse cleanly, pass its own checks, and produce exactly the
// reviewed trace results in tests/golden/<scenario>.golden.json. UPDATE_GOLDEN=1 rewrites those files.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compile, runCheck, type CheckResult } from '../../src/engine/index.ts';
import * as model from '../../src/model/index.ts';
import type { Diagnostic, Document } from '../../src/model/index.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SCENARIOS = join(ROOT, 'scenarios');
const GOLDEN = join(ROOT, 'tests', 'golden');
const UPDATE = process.env['UPDATE_GOLDEN'] === '1';

const scenarioNames = readdirSync(SCENARIOS)
  .filter((f) => f.endsWith('.json'))
  .map((f) => f.slice(0, -'.json'.length))
  .sort();

type ValidateDocument = (doc: Document) => Diagnostic[];

/**
 * Parses and validates a scenario. `validateDocument` is preferred when the model exports it (it also
 * checks `checks` and `layout`); otherwise the topology validator runs. While `parseDocument` is still
 * a stub that returns no document, the raw JSON stands in for it.
 */
function load(name: string): { document: Document; diagnostics: Diagnostic[] } {
  const raw: unknown = JSON.parse(readFileSync(join(SCENARIOS, `${name}.json`), 'utf8'));
  const parsed = model.parseDocument(raw);
  const document = parsed.document ?? (raw as Document);
  const validateDocument = (model as Record<string, unknown>)['validateDocument'];
  const validation =
    typeof validateDocument === 'function'
      ? (validateDocument as ValidateDocument)(document)
      : model.validateTopology(document.topology);
  return { document, diagnostics: [...parsed.diagnostics, ...validation] };
}

/** What a golden file stores for one check: the full trace result, or the error the trace returned. */
function recorded(r: CheckResult): unknown {
  // A JSON round trip drops `undefined` fields, so the comparison sees what the file can hold.
  return JSON.parse(JSON.stringify(r.result ?? { error: r.error ?? null })) as unknown;
}

function goldenPath(name: string): string {
  return join(GOLDEN, `${name}.golden.json`);
}

describe('golden scenarios', () => {
  it('has scenarios to run', () => {
    expect(scenarioNames.length).toBeGreaterThanOrEqual(12);
  });

  it('has no golden file without a scenario', () => {
    const orphans = readdirSync(GOLDEN)
      .filter((f) => f.endsWith('.golden.json'))
      .map((f) => f.slice(0, -'.golden.json'.length))
      .filter((n) => !scenarioNames.includes(n));
    expect(orphans).toEqual([]);
  });
});

for (const name of scenarioNames) {
  describe(`scenario ${name}`, () => {
    const { document, diagnostics } = load(name);
    const checks = document.checks ?? [];

    it('parses with no fatal or error diagnostics', () => {
      expect(document.format).toBe('vpcsim/1');
      const serious = diagnostics.filter((d) => d.severity === 'fatal' || d.severity === 'error');
      expect(serious.map((d) => `${d.code} ${d.resourceId ?? ''} ${d.message}`)).toEqual([]);
    });

    it('has checks with unique names', () => {
      expect(checks.length).toBeGreaterThan(0);
      expect(new Set(checks.map((c) => c.name)).size).toBe(checks.length);
    });

    it('pins where and why every BLOCKED check is blocked', () => {
      const vague = checks
        .filter((c) => c.expect === 'BLOCKED')
        .filter((c) => c.blockedAt === undefined || c.code === undefined || c.direction === undefined)
        .map((c) => c.name);
      expect(vague).toEqual([]);
    });

    // Computed on first use inside a test, so an engine that throws fails tests instead of collection.
    let results: CheckResult[] | undefined;
    const run = (): CheckResult[] => {
      if (!results) {
        const network = compile(document.topology);
        results = checks.map((check) => runCheck(network, check));
      }
      return results;
    };

    checks.forEach((check, i) => {
      it(`check passes: ${check.name}`, () => {
        const r = run()[i]!;
        expect(r.error, `trace error: ${r.error?.code ?? ''} ${r.error?.message ?? ''}`).toBeUndefined();
        expect(r.passed, r.mismatch ?? 'check did not pass').toBe(true);
      });
    });

    it('matches its golden file', () => {
      const actual: Record<string, unknown> = {};
      for (const r of run()) actual[r.check.name] = recorded(r);
      const file = goldenPath(name);
      if (UPDATE) {
        writeFileSync(file, `${JSON.stringify(actual, null, 2)}\n`);
        return;
      }
      if (!existsSync(file)) {
        expect.fail(
          `missing golden file tests/golden/${name}.golden.json: run \`npm run test:update\` and review the diff`,
        );
      }
      const expected: unknown = JSON.parse(readFileSync(file, 'utf8'));
      expect(actual).toEqual(expected);
    });
  });
}
