// The file system as the import command sees it: a path names one file, or a folder of files.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** A file gives itself; a folder gives every file below it, sorted, skipping hidden entries. */
export function listFiles(path: string): string[] {
  if (!statSync(path).isDirectory()) return [path];
  const found: string[] = [];
  const walk = (dir: string): void => {
    const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1));
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile()) found.push(full);
    }
  };
  walk(path);
  return found;
}
