#!/usr/bin/env node
// Regenerates every examples/<name>/ through the real CLI, as a user would.
import { spawnSync } from 'node:child_process';
import { readdirSync, existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(root, 'bin', 'mlops-jenkins.js');
let failed = 0;
for (const name of readdirSync(join(root, 'examples')).sort()) {
  const dir = join(root, 'examples', name);
  if (!existsSync(join(dir, 'mlops.yaml'))) continue;
  const r = spawnSync(process.execPath, [cli, 'generate', '--quiet'], { cwd: dir, stdio: 'inherit' });
  console.error(`${r.status === 0 ? 'ok  ' : 'FAIL'} examples/${name}`);
  if (r.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
