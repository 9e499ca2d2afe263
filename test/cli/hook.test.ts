import { execa } from 'execa';
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { hookFilesPattern, hookScript } from '../../src/cli/commands/hook.js';
import { copyExample, repoRoot, runCli, tempDir } from '../helpers/cli.js';

const gitEnv = {
  GIT_AUTHOR_NAME: 'Test', GIT_AUTHOR_EMAIL: 'test@example.com',
  GIT_COMMITTER_NAME: 'Test', GIT_COMMITTER_EMAIL: 'test@example.com',
  GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1',
};
const git = (cwd: string, ...args: string[]) =>
  execa('git', args, { cwd, reject: false, env: gitEnv, stdin: 'ignore' });

/** A project repository: the docker-single example, committed. */
async function project(): Promise<string> {
  const dir = copyExample('docker-single');
  await git(dir, 'init', '-q');
  await git(dir, 'add', '-A');
  await git(dir, 'commit', '-qm', 'init');
  return dir;
}

/** Makes mlops.yaml say something the committed Jenkinsfile does not, and stages it. */
async function makeStale(dir: string): Promise<void> {
  const cfg = join(dir, 'mlops.yaml');
  writeFileSync(cfg, readFileSync(cfg, 'utf8').replace('lint: ruff check src tests',
    'lint: ruff check src'));
  await git(dir, 'add', 'mlops.yaml');
}

const hooks = parse(readFileSync(join(repoRoot, '.pre-commit-hooks.yaml'), 'utf8')) as
  { id: string; entry: string; language: string; files: string; pass_filenames: boolean }[];

describe('.pre-commit-hooks.yaml', () => {
  it('declares node hooks whose files pattern is the one the plain git hook uses', () => {
    expect(hooks.map((h) => [h.id, h.entry, h.language])).toEqual([
      ['mlops-jenkins-generate', 'mlops-jenkins hook run', 'node'],
      ['mlops-jenkins-lint', 'mlops-jenkins lint', 'node'],
      ['mlops-jenkins-lint-files', 'mlops-jenkins lint', 'node'],
    ]);
    expect(hooks[0]?.files).toBe(hookFilesPattern);
    const re = new RegExp(hookFilesPattern);
    for (const p of ['mlops.yaml', 'ml/mlops.yml', 'Jenkinsfile', 'jenkins/cd.Jenkinsfile',
      'jenkins/library/vars/mlopsCi.groovy', '.mlops-jenkins/manifest.json']) {
      expect(p).toMatch(re);
    }
    for (const p of ['README.md', 'src/train.py', 'notjenkins/x']) expect(p).not.toMatch(re);
  });
});

describe('the hook under the real pre-commit, installed from this checkout', () => {
  it('fails a commit with a stale Jenkinsfile, regenerates it, and passes the next commit',
    { timeout: 300_000 }, async () => {
      // pre-commit installs a hook repository from a git commit: snapshot this working tree.
      const hookRepo = tempDir('hook-repo-');
      const listed = await execa('git', ['ls-files', '-co', '--exclude-standard'],
        { cwd: repoRoot });
      for (const f of listed.stdout.split('\n')) {
        if (!f || /^(examples|test)\//.test(f)) continue;
        mkdirSync(dirname(join(hookRepo, f)), { recursive: true });
        try {
          cpSync(join(repoRoot, f), join(hookRepo, f));
        } catch { /* listed but deleted in the working tree */ }
      }
      await git(hookRepo, 'init', '-q');
      await git(hookRepo, 'add', '-A');
      await git(hookRepo, 'commit', '-qm', 'snapshot');
      const rev = (await git(hookRepo, 'rev-parse', 'HEAD')).stdout.trim();

      const dir = await project();
      writeFileSync(join(dir, '.pre-commit-config.yaml'), `repos:\n  - repo: ${hookRepo}\n`
        + `    rev: ${rev}\n    hooks:\n      - id: mlops-jenkins-generate\n`);
      await git(dir, 'add', '.pre-commit-config.yaml');
      await git(dir, 'commit', '-qm', 'pre-commit config');
      const env = { ...gitEnv, PRE_COMMIT_HOME: tempDir('pre-commit-home-'),
        npm_config_prefer_offline: 'true', npm_config_audit: 'false', npm_config_fund: 'false',
        npm_config_update_notifier: 'false' };
      const install = await execa('pre-commit', ['install', '--install-hooks'],
        { cwd: dir, env, reject: false });
      expect(install.exitCode, install.stderr + install.stdout).toBe(0);

      const before = readFileSync(join(dir, 'Jenkinsfile'), 'utf8');
      await makeStale(dir);
      const stale = await execa('git', ['commit', '-m', 'stale'], { cwd: dir, env, reject: false });
      expect(stale.exitCode).toBe(1);
      const out = stale.stdout + stale.stderr;
      expect(out).toMatch(/mlops-jenkins generate \(Jenkins files match mlops\.yaml\)\.+Failed/);
      expect(out).toContain('regenerated 2 file(s): .mlops-jenkins/manifest.json, Jenkinsfile');
      expect(out).toContain('git add -- .mlops-jenkins/manifest.json Jenkinsfile');
      const after = readFileSync(join(dir, 'Jenkinsfile'), 'utf8');
      expect(after).not.toBe(before);
      expect(after).toContain("'ruff check src'");
      expect((await git(dir, 'log', '--format=%s', '-1')).stdout).toBe('pre-commit config');

      await git(dir, 'add', '-A');
      const again = await execa('git', ['commit', '-m', 'config and regenerated files'],
        { cwd: dir, env, reject: false });
      expect(again.exitCode, again.stdout + again.stderr).toBe(0);
      expect(again.stdout + again.stderr).toMatch(/\.+Passed/);
      expect((await git(dir, 'status', '--porcelain')).stdout).toBe('');
      expect((await runCli(['lint'], dir)).exitCode).toBe(0);
    });
});

describe('mlops-jenkins hook install (plain git hook)', () => {
  it('writes a POSIX sh hook that shellcheck accepts', async () => {
    const path = join(tempDir('hook-sh-'), 'pre-commit');
    writeFileSync(path, hookScript({ config: "ml/my config's.yaml" }));
    const r = await execa('shellcheck', ['-s', 'sh', path], { reject: false });
    expect(r.stdout).toBe('');
    expect(r.exitCode).toBe(0);
  });

  it('stops a stale commit, then lets the regenerated files through', async () => {
    const dir = await project();
    const install = await runCli(['hook', 'install'], dir);
    expect(install.exitCode, install.stderr).toBe(0);
    expect(install.stderr).toContain('installed .git/hooks/pre-commit');

    await makeStale(dir);
    const stale = await git(dir, 'commit', '-m', 'stale');
    expect(stale.exitCode).toBe(1);
    expect(stale.stderr).toContain('git add -- .mlops-jenkins/manifest.json Jenkinsfile');
    await git(dir, 'add', '-A');
    expect((await git(dir, 'commit', '-qm', 'fixed')).exitCode).toBe(0);
    // Unrelated commits do not start node at all.
    writeFileSync(join(dir, 'README.md'), 'notes\n');
    await git(dir, 'add', 'README.md');
    expect((await git(dir, 'commit', '-qm', 'docs')).exitCode).toBe(0);
  });

  it('leaves a hand-edited generated file alone and says why', async () => {
    const dir = await project();
    expect((await runCli(['hook', 'install'], dir)).exitCode).toBe(0);
    const file = join(dir, 'jenkins/cd.Jenkinsfile');
    const edited = `${readFileSync(file, 'utf8')}// mine\n`;
    writeFileSync(file, edited);
    await git(dir, 'add', '-A');
    const r = await git(dir, 'commit', '-m', 'hand edit');
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toContain('jenkins/cd.Jenkinsfile was edited by hand since it was generated;'
      + ' left as it is');
    expect(readFileSync(file, 'utf8')).toBe(edited);
  });

  it('refuses to replace a hook that is not ours, and husky-managed hooks', async () => {
    const dir = await project();
    writeFileSync(join(dir, '.git/hooks/pre-commit'), '#!/bin/sh\necho mine\n');
    const r = await runCli(['hook', 'install'], dir);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain('already exists and is not ours');
    await git(dir, 'config', 'core.hooksPath', '.husky/_');
    const husky = await runCli(['hook', 'install'], dir);
    expect(husky.exitCode).toBe(2);
    expect(husky.stderr).toContain('core.hooksPath=.husky/_');
  });
});
