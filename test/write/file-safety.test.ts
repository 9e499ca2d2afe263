import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listTree, runCli, tempDir } from '../helpers/cli.js';

const minimal = [
  'version: 1',
  'project: demo',
  'scm:',
  '  url: https://git.example.com/demo.git',
  'models:',
  '  - name: churn',
  '    ci:',
  '      lint: ruff check .',
  '',
].join('\n');

/** A project folder and a folder outside it holding a file that must survive. */
function projectWithOutside(): { dir: string; outside: string } {
  const dir = tempDir('file-safety-');
  const outside = tempDir('outside-');
  writeFileSync(join(outside, 'keep.txt'), 'precious\n');
  writeFileSync(join(dir, 'mlops.yaml'), minimal);
  return { dir, outside };
}

describe('output paths stay inside the project root', () => {
  it.each([
    ['jenkins/ is a symlink to a folder outside', (dir: string, outside: string) => symlinkSync(outside, join(dir, 'jenkins')), 'jenkins is a link that leads outside the project root'],
    ['a nested folder is a symlink outside', (dir: string, outside: string) => {
      mkdirSync(join(dir, 'jenkins'));
      symlinkSync(outside, join(dir, 'jenkins', 'library'));
    }, 'jenkins/library is a link that leads outside the project root'],
    ['.mlops-jenkins is a symlink outside', (dir: string, outside: string) => symlinkSync(outside, join(dir, '.mlops-jenkins')), '.mlops-jenkins is a link that leads outside the project root'],
    ['the Jenkinsfile is a symlink to a file outside', (dir: string, outside: string) => symlinkSync(join(outside, 'keep.txt'), join(dir, 'Jenkinsfile')), 'refusing to write Jenkinsfile: it is a symlink'],
    ['the Jenkinsfile is a dangling symlink to outside', (dir: string, outside: string) => symlinkSync(join(outside, 'new.txt'), join(dir, 'Jenkinsfile')), 'refusing to write Jenkinsfile: it is a symlink'],
  ])('%s: refused, exit 2, nothing written anywhere', async (_name, arrange, message) => {
    const { dir, outside } = projectWithOutside();
    arrange(dir, outside);
    const inside = listTree(dir);
    const r = await runCli(['generate', '--force'], dir);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain(message);
    expect(r.stderr).not.toMatch(/^\s+at /m);
    expect(listTree(outside)).toEqual(['keep.txt']);
    expect(readFileSync(join(outside, 'keep.txt'), 'utf8')).toBe('precious\n');
    expect(listTree(dir)).toEqual(inside);
  });

  it('a symlink that stays inside the root is followed', async () => {
    const dir = tempDir('file-safety-');
    writeFileSync(join(dir, 'mlops.yaml'), minimal);
    mkdirSync(join(dir, 'ci-files'));
    symlinkSync(join(dir, 'ci-files'), join(dir, 'jenkins'));
    const r = await runCli(['generate', '-q'], dir);
    expect(r.exitCode, r.stderr).toBe(0);
    expect(listTree(join(dir, 'ci-files'))).toContain('jobs.groovy');
  });

  it('--root with a config outside it is refused', async () => {
    const { dir, outside } = projectWithOutside();
    const r = await runCli(['generate', '-c', join(dir, 'mlops.yaml'), '--root', outside], dir);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain('is outside the project root');
    expect(listTree(outside)).toEqual(['keep.txt']);
  });
});

describe('outputs that would overwrite each other or a folder', () => {
  it('two outputs on one path stop the run before anything is written', async () => {
    const dir = tempDir('file-safety-');
    writeFileSync(join(dir, 'mlops.yaml'), `${minimal}output:\n  ciJenkinsfile: jenkins/jobs.groovy\n`);
    const r = await runCli(['generate', '--force'], dir);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toBe('error: output paths collide: jenkins/jobs.groovy would be generated twice, or over another generated file\n'
      + '  hint: change output.dir, output.ciJenkinsfile or library.path so every generated file has its own place');
    expect(listTree(dir)).toEqual(['mlops.yaml']);
  });

  it('a folder where a generated file goes is a user error, not a crash', async () => {
    const dir = tempDir('file-safety-');
    writeFileSync(join(dir, 'mlops.yaml'), minimal);
    mkdirSync(join(dir, 'Jenkinsfile'));
    const r = await runCli(['generate', '--force'], dir);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toBe('error: cannot write Jenkinsfile: a folder is in the way\n  hint: move it away, or change output.dir, output.ciJenkinsfile or library.path');
    expect(listTree(dir)).toEqual(['mlops.yaml']);
  });
});

describe('files without the marker and hand edits', () => {
  it('a manifest-listed file that lost its marker is not deleted without --force', async () => {
    const dir = tempDir('file-safety-');
    writeFileSync(join(dir, 'mlops.yaml'), minimal.replace('models:', 'models:\n  - name: extra\n    training:\n      command: python t.py'));
    expect((await runCli(['generate', '-q'], dir)).exitCode).toBe(0);
    const ct = join(dir, 'jenkins/ct/extra.Jenkinsfile');
    writeFileSync(ct, 'pipeline { /* mine now */ }\n');
    writeFileSync(join(dir, 'mlops.yaml'), minimal);
    const refused = await runCli(['generate'], dir);
    expect(refused.exitCode).toBe(2);
    expect(refused.stderr).toContain('jenkins/ct/extra.Jenkinsfile exists and was not generated by mlops-jenkins (no marker); not deleting it');
    expect(readFileSync(ct, 'utf8')).toBe('pipeline { /* mine now */ }\n');
    const forced = await runCli(['generate', '--force'], dir);
    expect(forced.exitCode).toBe(0);
    expect(listTree(dir)).not.toContain('jenkins/ct/extra.Jenkinsfile');
  });

  it('a marker-less file in the way stops the whole run: nothing else is written', async () => {
    const dir = tempDir('file-safety-');
    writeFileSync(join(dir, 'mlops.yaml'), minimal);
    mkdirSync(join(dir, 'jenkins'));
    writeFileSync(join(dir, 'jenkins/jobs.groovy'), 'job("mine")\n');
    const r = await runCli(['generate'], dir);
    expect(r.exitCode).toBe(2);
    expect(listTree(dir)).toEqual(['jenkins/jobs.groovy', 'mlops.yaml']);
    expect(readFileSync(join(dir, 'jenkins/jobs.groovy'), 'utf8')).toBe('job("mine")\n');
  });

  it('a generated file edited by hand is reported by generate and by --check', async () => {
    const dir = tempDir('file-safety-');
    writeFileSync(join(dir, 'mlops.yaml'), minimal);
    expect((await runCli(['generate', '-q'], dir)).exitCode).toBe(0);
    const jobs = join(dir, 'jenkins/jobs.groovy');
    writeFileSync(jobs, `${readFileSync(jobs, 'utf8')}// my tweak\n`);
    const check = await runCli(['generate', '--check'], dir);
    expect(check.exitCode).toBe(1);
    expect(check.stderr).toContain('jenkins/jobs.groovy: edited by hand');
    const r = await runCli(['generate'], dir);
    expect(r.exitCode).toBe(0);
    expect(r.stderr).toContain('jenkins/jobs.groovy was edited by hand since it was generated; overwriting it');
    expect(readFileSync(jobs, 'utf8')).not.toContain('my tweak');
  });
});
