#!/usr/bin/env node
// The test suite runs generated Groovy through Debian's groovy 2.4.21 (the version
// Jenkins runs), generated shell through shellcheck and the hook through pre-commit.
// None of these checks may be skipped silently: install what is missing when we are
// root with apt-get, otherwise stop with the exact command to run.
import { spawnSync } from 'node:child_process';

const tools = [
  { bin: 'groovy', pkg: 'groovy' },
  { bin: 'java', pkg: 'default-jre-headless' },
  { bin: 'shellcheck', pkg: 'shellcheck' },
  { bin: 'pre-commit', pkg: 'pre-commit' },
];

const has = (bin) => spawnSync('sh', ['-c', `command -v ${bin}`], { stdio: 'ignore' }).status === 0;
const missing = tools.filter((t) => !has(t.bin));
if (missing.length === 0) process.exit(0);

const pkgs = missing.map((t) => t.pkg).join(' ');
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
if (!isRoot || !has('apt-get')) {
  console.error(`error: the tests need ${missing.map((t) => t.bin).join(', ')}.`);
  console.error(`hint: sudo apt-get update && sudo apt-get install -y ${pkgs}`);
  process.exit(1);
}
console.error(`installing ${pkgs} with apt-get (needed by the Groovy, shell and hook tests)`);
const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
for (const args of [['update', '-qq'], ['install', '-y', '-qq', '--no-install-recommends', ...pkgs.split(' ')]]) {
  const r = spawnSync('apt-get', args, { stdio: ['ignore', 'ignore', 'inherit'], env });
  if (r.status !== 0) {
    console.error(`error: apt-get ${args.join(' ')} failed (exit ${r.status})`);
    process.exit(1);
  }
}
const still = missing.filter((t) => !has(t.bin));
if (still.length > 0) {
  console.error(`error: still missing after install: ${still.map((t) => t.bin).join(', ')}`);
  process.exit(1);
}
