import { execa } from 'execa';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { copyExample, runCli } from '../helpers/cli.js';

/**
 * The CI Jenkinsfile's `when` expressions, taken from a freshly generated file and evaluated
 * by groovy 2.4.21 against fake `params` and `currentBuild`: a model must be built again
 * after a build that did not succeed, since `changeset` only sees the newest changes.
 */
describe('CI Jenkinsfile: which builds run every model', () => {
  let expressions: string[] = [];
  let jenkinsfile = '';

  beforeAll(async () => {
    const dir = copyExample('docker-single');
    const r = await runCli(['generate', '--force', '-q'], dir);
    expect(r.exitCode, r.stderr).toBe(0);
    jenkinsfile = readFileSync(join(dir, 'Jenkinsfile'), 'utf8');
    const anyOf = jenkinsfile.slice(jenkinsfile.indexOf('anyOf {'), jenkinsfile.indexOf('changeset('));
    expressions = [...anyOf.matchAll(/expression (\{ return .* \})\n/g)].map((m) => m[1]!);
  });

  it('has the previous-build condition, with the reason next to it', () => {
    expect(jenkinsfile).toContain(
      "expression { return currentBuild.previousBuild == null || currentBuild.previousBuild.result != 'SUCCESS' }",
    );
    expect(jenkinsfile).toContain('aborted (abortPrevious) or failed build');
    expect(expressions).toHaveLength(3);
  });

  it('evaluates to true after no, an aborted or a failed previous build, false after a good one', async () => {
    const cases: [string, string][] = [
      ['first', 'changeSets: [], previousBuild: null'],
      ['none', "changeSets: ['c'], previousBuild: null"],
      ['aborted', "changeSets: ['c'], previousBuild: new Expando(result: 'ABORTED')"],
      ['failed', "changeSets: ['c'], previousBuild: new Expando(result: 'FAILURE')"],
      ['unstable', "changeSets: ['c'], previousBuild: new Expando(result: 'UNSTABLE')"],
      ['succeeded', "changeSets: ['c'], previousBuild: new Expando(result: 'SUCCESS')"],
    ];
    const script = [
      'def anyExpression(Map params, Expando currentBuild) {',
      `  return [${expressions.join(', ')}].any { it() }`,
      '}',
      ...cases.map(([name, build]) =>
        `println '${name} ' + anyExpression([ALL_MODELS: false], new Expando(${build}))`),
      "println 'forced ' + anyExpression([ALL_MODELS: true], "
        + "new Expando(changeSets: ['c'], previousBuild: new Expando(result: 'SUCCESS')))",
    ].join('\n');
    const r = await execa('groovy', ['-e', script]);
    expect(r.stdout.trim().split('\n')).toEqual([
      'first true', 'none true', 'aborted true', 'failed true', 'unstable true', 'succeeded false',
      'forced true',
    ]);
  });
});
