import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listTree, runCli, tempDir } from '../helpers/cli.js';

describe('init', () => {
  it('writes a starter that validates, whose first line points at the schema', async () => {
    const dir = tempDir();
    const r = await runCli(['init'], dir);
    expect(r.exitCode).toBe(0);
    const text = readFileSync(join(dir, 'mlops.yaml'), 'utf8');
    expect(text.split('\n')[0]).toBe('# yaml-language-server: $schema=./node_modules/mlops-jenkins/schemas/mlops.schema.json');
    expect((await runCli(['validate'], dir)).exitCode).toBe(0);
  });

  it('refuses to overwrite an existing file', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'mlops.yaml'), 'mine: true\n');
    const r = await runCli(['init'], dir);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain('already exists');
    expect(readFileSync(join(dir, 'mlops.yaml'), 'utf8')).toBe('mine: true\n');
  });

  it('-c in a missing folder: exit 2 with a hint, nothing written', async () => {
    const dir = tempDir();
    const r = await runCli(['init', '-c', 'ml/mlops.yaml'], dir);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain('cannot write ml/mlops.yaml: the folder ml does not exist');
    expect(r.stderr).toContain('hint: create it first (mkdir -p ml)');
    expect(listTree(dir)).toEqual([]);
  });

  it('-c in a subfolder: the $schema path is relative to that folder', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'ml', 'cfg'), { recursive: true });
    expect((await runCli(['init', '-c', 'ml/cfg/mlops.yaml'], dir)).exitCode).toBe(0);
    const text = readFileSync(join(dir, 'ml', 'cfg', 'mlops.yaml'), 'utf8');
    expect(text.split('\n')[0]).toBe('# yaml-language-server: $schema=../../node_modules/mlops-jenkins/schemas/mlops.schema.json');
  });
});

describe('validate', () => {
  it('reports every problem as FILE:LINE:COL with a hint, exit 2, no stack trace', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'mlops.yaml'), [
      'version: 1',
      'project: Demo_Project',
      'scm:',
      '  url: https://git.example.com/x.git',
      'models:',
      '  - name: churn',
      '    ci:',
      '      lnit: flake8',
      '    deploy:',
      '      target:',
      '        type: docker',
      'library:',
      '  source: globl',
      '',
    ].join('\n'));
    const r = await runCli(['validate'], dir);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain('mlops.yaml:2:10: project: "Demo_Project" has upper-case letters and "_"; try "demo-project"');
    expect(r.stderr).toContain('mlops.yaml:8:7: unknown key "lnit" in models.0.ci');
    expect(r.stderr).toContain('hint: did you mean "lint"?');
    expect(r.stderr).toContain('mlops.yaml:13:11: library.source: "globl" is not allowed');
    expect(r.stderr).toContain('hint: did you mean "global"?');
    expect(r.stderr).not.toMatch(/\n\s+at .*\.js:\d+/);
  });

  it('exits 2 with a hint when the file does not exist', async () => {
    const r = await runCli(['validate', '-c', 'nope.yaml'], tempDir());
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain('cannot read nope.yaml');
    expect(r.stderr).toContain('mlops-jenkins init');
  });
});

describe('usage', () => {
  it.each([
    [['--version'], 0, /^\d+\.\d+\.\d+$/],
    [['--help'], 0, /Usage: mlops-jenkins/],
    [['generate', '--help'], 0, /--check/],
    [['frobnicate'], 2, /unknown command/],
    [['generate', '--bogus'], 2, /unknown option/],
  ] as const)('%j exits %i', async (args, code, pattern) => {
    const r = await runCli([...args], tempDir());
    expect(r.exitCode).toBe(code);
    expect(r.stdout + r.stderr).toMatch(pattern);
  });
});
