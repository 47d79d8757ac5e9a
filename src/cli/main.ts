/**
 * Process entry of `vpcsim` (bin/vpcsim.js runs it through tsx): wires stdin/stdout, files and colour
 * to run() and exits with its code. Nothing here is tested directly; run.ts holds the logic.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { listFiles } from './files.ts';
import { run } from './run.ts';

/** https://no-color.org: any non-empty NO_COLOR turns colour off. */
const color = process.stdout.isTTY === true && !process.env['NO_COLOR'];

// A closed pipe (`vpcsim trace ... | head`) is not an error worth a stack trace.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});

const code = await run(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  readFile: (path) => readFileSync(path, 'utf8'),
  listFiles,
  writeFile: (path, text) => writeFileSync(path, text),
  color,
});

// Let buffered output drain before exiting.
await new Promise<void>((resolve) => process.stdout.write('', () => resolve()));
await new Promise<void>((resolve) => process.stderr.write('', () => resolve()));
process.exit(code);
