#!/usr/bin/env node
// Launcher of the `vpcsim` command: registers tsx (a runtime dependency) so that Node 20 can load the
// TypeScript sources, then runs src/cli/main.ts.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
