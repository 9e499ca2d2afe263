import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runLint } from '../../src/cli/commands/lint.js';
import { codenarcConfigDir, runCodeNarc } from '../../src/lint/codenarc.js';

const nodeDir = dirname(process.execPath);

/** A fake npm-groovy-lint that records its argv and answers like the real one (--output json). */
function fakeNpmGroovyLint(): { dir: string; argvFile: string } {
  const dir = mkdtempSync(join(tmpdir(), 'fake-ngl-'));
  const argvFile = join(dir, 'argv.json');
  const script = `#!/usr/bin/env node
const fs = require('fs');
const path = require('path');
const args = process.argv.slice(2);
fs.writeFileSync(${JSON.stringify(argvFile)}, JSON.stringify(args));
const file = path.resolve(args[args.length - 1]);
process.stdout.write(JSON.stringify({ summary: {}, files: { [file]: { errors: [
  { id: 0, line: 3, rule: 'UnusedVariable', severity: 'warning', msg: 'The variable [x] is not used' },
  { id: 1, line: 5, rule: 'UnnecessaryGString', severity: 'info', msg: "use single quotes" },
] } } }));
`;
  writeFileSync(join(dir, 'npm-groovy-lint'), script);
  chmodSync(join(dir, 'npm-groovy-lint'), 0o755);
  return { dir, argvFile };
}

describe('CodeNarc through npm-groovy-lint', () => {
  it('runs it once, serverless, with the shipped Jenkinsfile ruleset, and maps its findings',
    async () => {
      const fake = fakeNpmGroovyLint();
      const res = await runCodeNarc(['a/Jenkinsfile', 'b/Jenkinsfile'],
        { PATH: `${fake.dir}${delimiter}${nodeDir}` });
      expect(JSON.parse(readFileSync(fake.argvFile, 'utf8'))).toEqual(['--noserver', '--config',
        codenarcConfigDir(), '--output', 'json', '--failon', 'none', '--loglevel', 'info',
        'a/Jenkinsfile', 'b/Jenkinsfile']);
      expect(res.findings.map((f) => [f.file, f.line, f.rule, f.severity])).toEqual([
        ['b/Jenkinsfile', 3, 'codenarc/UnusedVariable', 'warning'],
        ['b/Jenkinsfile', 5, 'codenarc/UnnecessaryGString', 'info']]);
    });

  it('ships a ruleset that extends the Jenkinsfile preset', () => {
    const cfg = JSON.parse(readFileSync(join(codenarcConfigDir(), '.groovylintrc.json'), 'utf8'));
    expect(cfg.extends).toBe('recommended-jenkinsfile');
  });

  it('--codenarc without npm-groovy-lint is a usage error that says how to install it',
    async () => {
      let stderr = '';
      const code = await runLint([resolve('test/lint/fixtures/rules/stage-body.pass.Jenkinsfile')],
        { codenarc: true }, { stdout: () => undefined, stderr: (t) => (stderr += t),
          env: { PATH: nodeDir } });
      expect(code).toBe(2);
      expect(stderr).toContain('error: --codenarc: npm-groovy-lint is not on PATH; install it with '
        + '`npm install -g npm-groovy-lint`');
    });

  // The real tool is not a dependency; this runs where it is installed (not in CI here).
  const real = (() => {
    try {
      return execFileSync('sh', ['-c', 'command -v npm-groovy-lint'], { encoding: 'utf8' }).trim();
    } catch {
      return '';
    }
  })();
  it.runIf(real)('finds nothing above info in the generated examples (real npm-groovy-lint)',
    async () => {
      const files = execFileSync('git', ['ls-files', 'examples'], { encoding: 'utf8' }).split('\n')
        .filter((f) => /(Jenkinsfile|\.groovy)$/.test(f));
      const res = await runCodeNarc(files);
      expect(res.findings.filter((f) => f.severity !== 'info')).toEqual([]);
    });
});
