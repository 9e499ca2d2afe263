#!/usr/bin/env node
// Whole-process timings of the CLI, as the pre-commit hook and CI run it: median and
// spread of wall time, and peak memory (via /usr/bin/time when installed).
// Usage: npm run bench [-- --runs N]
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(root, 'bin', 'mlops-jenkins.js');
const runsArg = process.argv.indexOf('--runs');
const runs = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 15;
const gnuTime = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;

const work = mkdtempSync(join(tmpdir(), 'mlops-bench-'));
cpSync(join(root, 'examples', 'k8s-monorepo'), join(work, 'k8s'), { recursive: true });
// A large monorepo: 200 models, to see how generation scales.
const big = join(work, 'big');
cpSync(join(root, 'examples', 'k8s-monorepo'), big, { recursive: true });
const base = readFileSync(join(big, 'mlops.yaml'), 'utf8').split('models:')[0];
const models = Array.from({ length: 200 }, (_, i) => `  - name: m${i}
    paths: ["models/m${i}/**"]
    ci:
      unitTests: pytest models/m${i}
    training:
      command: python models/m${i}/train.py
    triggers:
      schedule: "H H * * *"
`).join('');
writeFileSync(join(big, 'mlops.yaml'), `${base}models:\n${models}`);
spawnSync(process.execPath, [cli, 'generate', '-q', '--force'], { cwd: big });

const cases = [
  ['--version (start-up)', ['--version'], work],
  ['validate (3 models)', ['validate', '-q'], join(work, 'k8s')],
  ['generate --check (3 models)', ['generate', '--check', '-q'], join(work, 'k8s')],
  ['generate --check (200 models)', ['generate', '--check', '-q'], big],
];

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
console.log(`node ${process.version}, ${runs} runs each after one warm-up; wall ms median [min-max], peak RSS MiB median`);
for (const [name, args, cwd] of cases) {
  const wall = [];
  const rss = [];
  for (let i = 0; i <= runs; i++) {
    const cmd = gnuTime ? gnuTime : process.execPath;
    const argv = gnuTime ? ['-f', '%M', process.execPath, cli, ...args] : [cli, ...args];
    const t0 = process.hrtime.bigint();
    const r = spawnSync(cmd, argv, { cwd, encoding: 'utf8' });
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    if (r.status !== 0) {
      console.error(`${name}: exit ${r.status}\n${r.stderr}`);
      process.exit(1);
    }
    if (i === 0) continue;
    wall.push(ms);
    if (gnuTime) rss.push(Number(r.stderr.trim().split('\n').pop()) / 1024);
  }
  const mem = rss.length ? `${median(rss).toFixed(1)} MiB` : 'n/a (install GNU time)';
  console.log(`${name.padEnd(32)} ${median(wall).toFixed(0).padStart(5)} ms [${Math.min(...wall).toFixed(0)}-${Math.max(...wall).toFixed(0)}]  ${mem}`);
}
