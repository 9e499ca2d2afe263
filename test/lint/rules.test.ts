import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkGroovySyntax, type GroovySyntaxResult } from '../../src/lint/groovy-syntax.js';
import { lintJenkinsfile, rules } from '../../src/lint/rules/index.js';

const dir = join(import.meta.dirname, 'fixtures/rules');
const read = (name: string) => readFileSync(join(dir, name), 'utf8');

/**
 * Expected findings are written in the failing fixtures as `// <- rule-id` at the end of the
 * line they are reported on (`rule-id@-1`: on the line above); several ids mean several findings.
 */
function expected(text: string): string[] {
  const out: string[] = [];
  text.split('\n').forEach((line, i) => {
    const m = /\/\/ <- (.*)$/.exec(line);
    for (const id of m?.[1]?.trim().split(/\s+/) ?? []) {
      const [rule, offset] = id.split('@');
      out.push(`${rule}:${i + 1 + Number(offset ?? 0)}`);
    }
  });
  return out.sort();
}

const ids = rules.map((r) => r.id);

describe('offline Jenkinsfile rules', () => {
  it('has a failing and a passing fixture for every rule, and no stray fixture', () => {
    const files = readdirSync(dir).sort();
    expect(files).toEqual(ids.flatMap((id) => [`${id}.fail.Jenkinsfile`, `${id}.pass.Jenkinsfile`])
      .sort());
  });

  it.each(ids)('%s: the failing fixture gives exactly the marked findings', (id) => {
    const text = read(`${id}.fail.Jenkinsfile`);
    const findings = lintJenkinsfile(`${id}.fail.Jenkinsfile`, text);
    expect(findings.map((f) => `${f.rule}:${f.line}`).sort()).toEqual(expected(text));
    for (const f of findings) {
      expect(f.hint.length).toBeGreaterThan(10);
      expect(f.col).toBeGreaterThanOrEqual(1);
      expect(f.col).toBeLessThanOrEqual((text.split('\n')[f.line - 1] ?? '').length);
    }
  });

  it.each(ids)('%s: the passing fixture is clean under every rule', (id) => {
    expect(lintJenkinsfile(`${id}.pass.Jenkinsfile`, read(`${id}.pass.Jenkinsfile`))).toEqual([]);
  });

  it('checks a pipeline defined by a shared-library step like a Jenkinsfile', () => {
    const step = (agent: string) => `def call(Map cfg = [:]) {\n  pipeline {\n${agent}`
      + "    stages { stage('Build') { steps { sh 'make' } } }\n  }\n}\n";
    expect(lintJenkinsfile('vars/mlopsPipeline.groovy', step('    agent any\n'))).toEqual([]);
    expect(lintJenkinsfile('vars/mlopsPipeline.groovy', step('')).map((f) =>
      `${f.rule}:${f.line}`)).toEqual(['required-section:2']);
  });

  it('reports the column of the offending token', () => {
    const [f] = lintJenkinsfile('J', read('stage-name.fail.Jenkinsfile'));
    expect(f).toMatchObject({ rule: 'stage-name', line: 7, col: 15, severity: 'error' });
  });
});

describe('the rule fixtures are valid Groovy (the rules, not the parser, reject them)', () => {
  let result: GroovySyntaxResult;
  beforeAll(async () => {
    result = await checkGroovySyntax(readdirSync(dir).map((f) => ({ path: f, text: read(f) })));
  });
  it('parses every fixture with Groovy 2.4', () => {
    expect(result.available).toBe(true);
    expect(result.findings).toEqual([]);
  });
});
