import { execa } from 'execa';
import { cpSync, readFileSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listTree, repoRoot, tempDir } from '../helpers/cli.js';

/** A copy of the built package, so one of its own files can be broken without touching ours. */
function brokenPackage(breakIt: (pkg: string) => void): string {
  const pkg = tempDir('broken-pkg-');
  for (const part of ['bin', 'dist', 'templates', 'library', 'schemas', 'resources', 'package.json']) {
    cpSync(join(repoRoot, part), join(pkg, part), { recursive: true });
  }
  symlinkSync(join(repoRoot, 'node_modules'), join(pkg, 'node_modules'));
  breakIt(pkg);
  return pkg;
}

const minimal = 'version: 1\nproject: demo\nscm:\n  url: https://git.example.com/demo.git\nmodels:\n  - name: churn\n';

async function run(pkg: string, args: string[], env: Record<string, string> = {}) {
  const dir = tempDir('internal-');
  writeFileSync(join(dir, 'mlops.yaml'), minimal);
  const r = await execa(process.execPath, [join(pkg, 'bin', 'mlops-jenkins.js'), ...args], {
    cwd: dir, reject: false, stdin: 'ignore', env: { NO_COLOR: '1', DEBUG: '', ...env },
  });
  return { exitCode: r.exitCode, stderr: String(r.stderr), stdout: String(r.stdout), files: listTree(dir) };
}

const BUG_NOTE = 'This is a bug in mlops-jenkins. Please report it with the command you ran and DEBUG=1 output.';

describe('an internal error is a short bug-report note and exit 3, never a stack trace', () => {
  it.each([
    ['a template with a syntax error', (pkg: string) => {
      const t = join(pkg, 'templates', 'ci.Jenkinsfile.hbs');
      writeFileSync(t, readFileSync(t, 'utf8').replace('{{/each}}', ''));
    }, ['generate']],
    ['a missing template', (pkg: string) => unlinkSync(join(pkg, 'templates', 'jobs.groovy.hbs')), ['generate']],
    ['corrupted library step metadata', (pkg: string) => writeFileSync(join(pkg, 'library', 'steps', 'mlopsCi.yaml'), 'description: [x\n'), ['generate']],
  ])('%s', async (_name, breakIt, args) => {
    const r = await run(brokenPackage(breakIt), args);
    expect(r.exitCode).toBe(3);
    expect(r.stderr).toMatch(/^error: internal error: .+\nThis is a bug/);
    expect(r.stderr).toContain(BUG_NOTE);
    expect(r.stderr).not.toMatch(/^\s+at .+/m);
    expect(r.files).toEqual(['mlops.yaml']);
  });

  it('prints the stack only when DEBUG is set', async () => {
    const pkg = brokenPackage((p) => unlinkSync(join(p, 'templates', 'jobs.groovy.hbs')));
    const r = await run(pkg, ['generate'], { DEBUG: '1' });
    expect(r.exitCode).toBe(3);
    expect(r.stderr).toMatch(/^\s+at .+/m);
  });
});
