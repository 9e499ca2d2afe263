#!/usr/bin/env node
// postinstall: build dist/ when this package is installed from its sources (a git clone, as
// pre-commit does for a `language: node` hook), never for the published package, which ships
// dist/ and no src/. Not `prepare`: pre-commit 3.0 reads the tarball name from `npm pack`'s
// stdout, which a prepare script's banner corrupts.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
if (!existsSync(join(root, 'src')) || !existsSync(join(root, 'tsconfig.build.json'))) process.exit(0);

let tsc;
try {
  tsc = createRequire(join(root, 'package.json')).resolve('typescript/bin/tsc');
} catch {
  console.error('mlops-jenkins: installed from source without its dev dependencies; cannot build.');
  console.error('hint: npm install --include=dev');
  process.exit(1);
}
// The same steps as `npm run build`.
for (const args of [[tsc, '-p', join(root, 'tsconfig.build.json')],
  [join(root, 'scripts', 'build-artifacts.js')]]) {
  const r = spawnSync(process.execPath, args, { stdio: ['ignore', 2, 2] });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
