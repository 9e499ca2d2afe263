import { mkdtempSync, symlinkSync, realpathSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkGroovySyntax, type GroovySyntaxResult, type SourceFile } from '../../src/lint/groovy-syntax.js';

const declarative = `@Library('mlops@v1') _
import com.acme.Tools

pipeline {
  agent { label 'linux' }
  environment { IMAGE = "registry/app:\${env.BUILD_NUMBER}" }
  stages {
    stage('Build') {
      steps {
        sh 'make build'
        sh """
          echo \${IMAGE}
        """
        script {
          def re = /a+\\/b/
          def dollar = $/path\\to $IMAGE/$
          if (env.BRANCH_NAME ==~ re) { echo "\${dollar}" }
        }
      }
    }
  }
  post { always { echo 'done' } }
}
`;

const libraryStep = `import groovy.transform.Field

@Field String greeting = 'hi'

def call(Map args = [:]) {
  for (int i = 0; i < 2; i++) {
    echo "\${greeting} \${args.name}"
  }
}

@NonCPS
private static List<String> sorted(List<String> xs) {
  return xs.sort { a, b -> a <=> b }
}
`;

// [name, given file, want rule, line, col, message fragment]
const broken: [string, SourceFile, string, number, number, RegExp][] = [
  ['missing closing brace', { path: 'jenkins/ci.Jenkinsfile', text: "pipeline {\n  agent any\n  stages {\n"
    + "    stage('a') { steps { echo 'x' } }\n}\n" }, 'groovy-syntax', 6, 1, /end of the file/],
  ['unterminated single-quoted string', { path: 'jenkins/cd.Jenkinsfile', text: "pipeline {\n"
    + "  agent any\n  stages { stage('a') { steps { sh 'echo } } }\n}\n" },
  'groovy-syntax', 3, 47, /expecting '''/],
  ['unterminated GString on one line', { path: 'vars/mlopsBad.groovy', text: 'def call() {\n'
    + '  echo "broken ${x\n}\n' }, 'groovy-syntax', 2, 18, /end of line reached within a simple string/],
  ['Java 8 lambda (Groovy 3 only)', { path: 'vars/mlopsLambda.groovy', text: 'def call() {\n'
    + '  [1, 2].each((x) -> echo(x))\n}\n' }, 'groovy-syntax', 2, 19, /->/],
  ['variable declared twice', { path: 'Jenkinsfile.dup', text: 'node {\n  def x = 1\n'
    + '  def x = 2\n}\n' }, 'groovy-semantic', 3, 7, /already contains a variable of the name x/],
];

describe('checkGroovySyntax with the real Groovy in one JVM', () => {
  let result: GroovySyntaxResult;
  const good: SourceFile[] = [
    { path: 'Jenkinsfile', text: declarative },
    { path: 'library/vars/mlopsGreet.groovy', text: libraryStep },
    { path: 'scripted.Jenkinsfile', text: "node('x') {\n  stage('s') { sh 'true' }\n}\n" },
    { path: 'unicode.Jenkinsfile', text: "pipeline { agent any\n stages { stage('café ☕') {"
      + " steps { echo 'ünïcode' } } } }\n" },
  ];

  beforeAll(async () => {
    result = await checkGroovySyntax([...good, ...broken.map((b) => b[1])]);
  });

  it('runs Groovy 2.4, the version Jenkins runs', () => {
    expect(result.available).toBe(true);
    expect(result.version).toMatch(/^2\.4\./);
  });

  it.each(good.map((g) => [g.path]))('accepts %s', (path) => {
    expect(result.findings.filter((f) => f.file === path)).toEqual([]);
  });

  it.each(broken)('rejects %s with its position', (_name, file, rule, line, col, message) => {
    const mine = result.findings.filter((f) => f.file === file.path);
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ rule, line, col, severity: 'error' });
    expect(mine[0]?.message).toMatch(message);
    expect(mine[0]?.hint).not.toBe('');
  });
});

describe('checkGroovySyntax runtime discovery', () => {
  it('falls back to java with the Groovy jar when no groovy launcher is on PATH', async () => {
    const bin = mkdtempSync(join(tmpdir(), 'lint-java-'));
    symlinkSync(realpathSync('/usr/bin/java'), join(bin, 'java'));
    const res = await checkGroovySyntax(
      [{ path: 'Jenkinsfile', text: 'pipeline {\n' }],
      { env: { PATH: bin } },
    );
    expect(res.available).toBe(true);
    expect(res.findings.map((f) => [f.rule, f.line])).toEqual([['groovy-syntax', 2]]);
  });

  it('reports the check as unavailable, with the reason, without Java', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'lint-nojava-'));
    const res = await checkGroovySyntax([{ path: 'Jenkinsfile', text: 'x' }], {
      env: { PATH: empty },
    });
    expect(res).toEqual({ available: false, reason: expect.stringMatching(/no groovy or java/),
      findings: [] });
  });

  it('reports a launcher that cannot start as unavailable, not as a clean file', async () => {
    const bin = mkdtempSync(join(tmpdir(), 'lint-nojvm-'));
    symlinkSync('/bin/false', join(bin, 'groovy'));
    const res = await checkGroovySyntax([{ path: 'Jenkinsfile', text: 'x' }], {
      env: { PATH: bin },
    });
    expect(res.available).toBe(false);
    expect(res.reason).toMatch(/could not run the syntax check/);
  });
});
