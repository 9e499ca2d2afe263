import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runLint, type CommandIO, type LintCommandOptions } from '../../src/cli/commands/lint.js';
import { fakeToken, fakeUser, startFakeJenkins, type FakeJenkins } from '../lint/fake-jenkins.js';

const fixtures = relative(process.cwd(), join(import.meta.dirname, '../lint/fixtures/rules'));
const clean = join(fixtures, 'stage-body.pass.Jenkinsfile');
const broken = join(fixtures, 'stage-name.fail.Jenkinsfile');
const warnOnly = join(fixtures, 'param-interpolation.fail.Jenkinsfile');
// Format and exit-code tests need no JVM: an empty PATH skips the Groovy check (tested once).
const noJava = { PATH: mkdtempSync(join(tmpdir(), 'nojava-')) };

async function lint(files: string[], opts: LintCommandOptions = {},
  env: NodeJS.ProcessEnv = process.env) {
  let stdout = '';
  let stderr = '';
  const io: CommandIO = { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), env };
  const code = await runLint(files, opts, io);
  return { code, stdout, stderr };
}

describe('mlops-jenkins lint FILE...', () => {
  it('prints file:line:col, rule and hint, and exits 1 on an error', async () => {
    const r = await lint([clean, broken]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe(`${broken}:7:15: error [stage-name] duplicate stage name "Test" `
      + '(first at line 4)\n  hint: give each stage its own name; Jenkins identifies stages by '
      + 'name\n1 error(s), 0 warning(s) in 2 files\n');
  });

  it('exits 0 when only warnings are found', async () => {
    const r = await lint([warnOnly], { format: 'json' }, noJava);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as { summary: unknown; findings: { rule: string }[] };
    expect(json.summary).toEqual({ error: 0, warning: 2, info: 0 });
    expect(json.findings.map((f) => f.rule)).toEqual(['param-interpolation', 'param-interpolation']);
  });

  it('writes SARIF 2.1.0 with rule metadata and locations', async () => {
    const r = await lint([broken], { format: 'sarif' }, noJava);
    const sarif = JSON.parse(r.stdout);
    expect(sarif.version).toBe('2.1.0');
    const run = sarif.runs[0];
    expect(run.invocations[0].toolExecutionNotifications[0].message.text)
      .toMatch(/^skipped groovy-syntax: no groovy or java on PATH/);
    expect(run.tool.driver.rules).toEqual([{ id: 'stage-name',
      shortDescription: { text: 'Every stage has a name, unique in the whole pipeline' } }]);
    expect(run.results).toEqual([expect.objectContaining({ ruleId: 'stage-name', ruleIndex: 0,
      level: 'error', locations: [{ physicalLocation: { artifactLocation: { uri: broken },
        region: { startLine: 7, startColumn: 15 } } }] })]);
  });

  it('writes JUnit XML: a failing case per finding, a passing case per clean file', async () => {
    const r = await lint([clean, broken], { format: 'junit' }, noJava);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('<testsuites name="mlops-jenkins lint" tests="2" failures="1">');
    expect(r.stdout).toContain(`<testcase classname="${clean}" name="lint"/>`);
    expect(r.stdout).toContain('<failure type="stage-name" message="duplicate stage name '
      + '&quot;Test&quot; (first at line 4)">');
  });

  it('says the Groovy check was skipped, and why, without Java', async () => {
    const r = await lint([clean], {}, noJava);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^skipped groovy-syntax: no groovy or java on PATH; install/m);
  });

  it.each([
    [{ format: 'xml' }, [clean], 'unknown --format "xml"'],
    [{}, ['does/not/exist.Jenkinsfile'], 'cannot read does/not/exist.Jenkinsfile: ENOENT'],
    [{ jenkinsUrl: 'ftp://x' }, [clean], '--jenkins-url must be http or https'],
    [{ jenkinsUrl: 'http://u:p@127.0.0.1/' }, [clean], '--jenkins-url must not carry credentials'],
  ] as [LintCommandOptions, string[], string][])('exits 2 on bad usage: %j', async (opts, files, msg) => {
    const r = await lint(files, opts);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`error: ${msg}`);
    expect(r.stderr).toContain('hint: ');
  });
});

describe('mlops-jenkins lint --jenkins-url', () => {
  let jenkins: FakeJenkins;
  beforeAll(async () => {
    jenkins = await startFakeJenkins();
  });
  afterAll(() => jenkins.close());
  const creds = { ...noJava, JENKINS_USER: fakeUser, JENKINS_TOKEN: fakeToken };

  it("reports Jenkins' verdict beside ours", async () => {
    const r = await lint([clean], { jenkinsUrl: jenkins.url }, creds);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`${clean}: Jenkins validator: valid\n`);
  });

  it('exits 2 when the token is rejected, after printing the offline results', async () => {
    const r = await lint([clean], { jenkinsUrl: jenkins.url }, { ...creds, JENKINS_TOKEN: 'x' });
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('skipped jenkins-validator: Jenkins rejected the credentials');
    expect(r.stderr).toMatch(/^error: Jenkins rejected the credentials \(HTTP 401\)\nhint: /);
  });

  it('exits 2 when only one of JENKINS_USER and JENKINS_TOKEN is set', async () => {
    const r = await lint([clean], { jenkinsUrl: jenkins.url }, { JENKINS_USER: 'a' });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('error: JENKINS_TOKEN is not set');
  });
});
