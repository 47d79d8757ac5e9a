// The import section of `npm run bench`: a generated AWS account export (describe-* JSON texts) of 5,000
// instances through importAws, and the same network through exportTerraform. Goal: the import in under
// 3 s in Node. Figures only; never fails the run.
import { performance } from 'node:perf_hooks';
import { exportTerraform, importAws } from '../src/interop/index.ts';
import { generateAwsExport } from './aws-export.ts';

const GOAL_MS = 3000;

function fmt(n: number, digits = 0): string {
  return n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
}

/** Runs the import section; returns whether the goal was met. */
export function runImportSection(options: { quick: boolean }): boolean {
  const instances = options.quick ? 500 : 5000;
  console.log('');
  console.log(`== import: a generated AWS account export of ${fmt(instances)} instances`);
  const files = generateAwsExport({ instances });
  const bytes = files.reduce((sum, f) => sum + f.text.length, 0);
  console.log(`  input: ${files.length} files, ${fmt(bytes / 1024 / 1024, 1)} MB of describe-* JSON`);
  // One warm-up, then the best of three: the machine is shared, the minimum is the least disturbed run.
  importAws(files);
  const times: number[] = [];
  let result = importAws(files);
  for (let i = 0; i < 3; i++) {
    const start = performance.now();
    result = importAws(files);
    times.push(performance.now() - start);
  }
  const best = Math.min(...times);
  const counts = Object.entries(result.counts)
    .filter(([, n]) => n > 0)
    .map(([k, n]) => `${fmt(n)} ${k}`)
    .join(', ');
  console.log(`  imported: ${counts}; ${result.diagnostics.length} diagnostics`);
  console.log(`  importAws: best ${fmt(best)} ms, runs ${times.map((t) => fmt(t)).join(' / ')} ms`);
  const ok = best < GOAL_MS && result.document !== undefined;
  console.log(`  ${ok ? 'PASS' : 'FAIL'}  < ${fmt(GOAL_MS)} ms: ${fmt(best)} ms`);
  if (result.document) {
    const start = performance.now();
    const hcl = exportTerraform(result.document);
    console.log(
      `  exportTerraform of the imported network: ${fmt(performance.now() - start)} ms, ${fmt(hcl.text.length / 1024 / 1024, 1)} MB of HCL`,
    );
  }
  return ok;
}
