import { execa } from 'execa';
import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliPath, listTree, runCli, tempDir } from '../helpers/cli.js';

const MANIFEST = '.mlops-jenkins/manifest.json';
const TMP = /(^|\/)\.[^/]+\.\d+\.[0-9a-f]{8}\.tmp$/;

const config = (models: string[], lint: string): string => [
  'version: 1',
  'project: demo',
  'scm:',
  '  url: https://git.example.com/demo.git',
  'models:',
  ...models.flatMap((m) => [
    `  - name: ${m}`,
    '    ci:',
    `      lint: ${lint} ${m}`,
    '    training:',
    `      command: python ${m}/train.py --lint ${lint}`,
    '    triggers:',
    '      schedule: "H 3 * * *"',
  ]),
  '',
].join('\n');

const snapshot = (dir: string): Map<string, string> =>
  new Map(listTree(dir).map((f) => [f, readFileSync(join(dir, f), 'utf8')]));

/** Runs generate told to stop at write step `k`; kills it there. False when it finished first. */
async function generateKilledAt(dir: string, k: number): Promise<boolean> {
  const child = execa(process.execPath, [cliPath, 'generate', '-q'], {
    cwd: dir, reject: false, stdin: 'ignore', env: { MLOPS_JENKINS_TEST_HANG_AT: String(k) },
  });
  let hung = false;
  child.stderr!.on('data', (chunk: Buffer) => {
    if (!hung && chunk.toString().includes(`test hang at write step ${k}`)) {
      hung = true;
      child.kill('SIGKILL');
    }
  });
  const r = await child;
  if (!hung) expect(r.exitCode, r.stderr).toBe(0);
  return hung;
}

describe('generate killed in the middle of writing', () => {
  it('leaves every file old or new, never partial, and the manifest consistent, at every step', async () => {
    // Old state: three models generated. New config: every generated text changes, one
    // model is gone (a delete) and one is new (a create).
    const base = tempDir('interrupt-base-');
    writeFileSync(join(base, 'mlops.yaml'), config(['alpha', 'beta', 'gamma'], 'ruff'));
    expect((await runCli(['generate', '-q'], base)).exitCode).toBe(0);
    writeFileSync(join(base, 'mlops.yaml'), config(['alpha', 'beta', 'delta'], 'flake8'));
    const before = snapshot(base);
    const clean = tempDir('interrupt-clean-');
    cpSync(base, clean, { recursive: true });
    expect((await runCli(['generate', '-q'], clean)).exitCode).toBe(0);
    const after = snapshot(clean);

    let k = 0;
    for (; k < 200; k++) {
      const dir = tempDir('interrupt-');
      cpSync(base, dir, { recursive: true });
      if (!(await generateKilledAt(dir, k))) break;
      const now = snapshot(dir);
      for (const [path, text] of now) {
        if (TMP.test(path)) continue;
        const ok = text === before.get(path) || text === after.get(path);
        expect(ok, `step ${k}: ${path} is neither the old nor the new content`).toBe(true);
      }
      for (const path of new Set([...before.keys(), ...after.keys()])) {
        // A file may be missing only if it is missing in the old or the new state.
        if (!now.has(path)) expect(!before.has(path) || !after.has(path), `step ${k}: ${path} lost`).toBe(true);
      }
      // The manifest is written last: while it is the old one, it describes the old files it
      // lists that are still on disk unchanged or already replaced by ours.
      expect([before.get(MANIFEST), after.get(MANIFEST)]).toContain(now.get(MANIFEST));
      if (now.get(MANIFEST) === after.get(MANIFEST)) {
        for (const [path, text] of after) expect(now.get(path), `step ${k}: ${path}`).toBe(text);
      }
      // The next run finishes the job: same bytes as an uninterrupted run, no leftovers,
      // and no file mistaken for a hand edit.
      const rerun = await runCli(['generate'], dir);
      expect(rerun.exitCode, rerun.stderr).toBe(0);
      expect(rerun.stderr).not.toContain('edited by hand');
      expect(snapshot(dir)).toEqual(after);
    }
    // Two steps per written file, one per deleted file, and the manifest: many points tried.
    expect(k).toBeGreaterThanOrEqual(10);
    expect(existsSync(join(base, 'jenkins/ct/gamma.Jenkinsfile'))).toBe(true);
    expect(after.has('jenkins/ct/gamma.Jenkinsfile')).toBe(false);
    expect(after.has('jenkins/ct/delta.Jenkinsfile')).toBe(true);
  }, 120_000);
});
