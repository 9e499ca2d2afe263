// The harness itself, run under real Groovy: if it misplays a step, every library test lies.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { callsOf, ROOT, runScenarios, type Scenario, type ScenarioResult } from './run.js';

const fixture = join(ROOT, 'test/harness/fixture');
const ws = mkdtempSync(join(tmpdir(), 'harness-ws-'));

const scenarios: Scenario[] = (
  [
  { name: 'var calls var', script: `return mlopsGreet(name: 'ann')` },
  { name: 'defaults from step yaml', script: `return mlopsGreet()` },
  { name: 'sh failure', script: `int s = sh(script: 'exit 3', returnStatus: true)\necho "s=$s"\nsh 'exit 4'` },
  {
    name: 'credentials',
    script: `withCredentials([string(credentialsId: 'tok', variable: 'TOKEN')]) {
      sh(script: 'test "$(printf %s "$TOKEN" | wc -c)" -eq 6', label: 'uses token')
    }`,
    credentials: { tok: { type: 'string', secret: 's3cret' } },
  },
  { name: 'missing credential', script: `withCredentials([string(credentialsId: 'nope', variable: 'T')]) { echo 'no' }` },
  {
    name: 'input approved then rejected',
    script: `def who = input(message: 'Deploy?', submitter: 'ops', submitterParameter: 'by')
      echo "approved by $who"
      input(message: 'Again?')`,
    inputs: [{ by: 'ann' }, { abort: true }],
  },
  {
    name: 'retry around a timeout that fires once',
    script: `retry(2) { timeout(time: 1, unit: 'MINUTES') { sh(script: 'true', label: 'poll') } }`,
    timeouts: [1],
  },
  { name: 'lock nesting', script: `lock(resource: 'm/e') { writeFile(file: 'a/b.txt', text: 'x') }\nreturn readFile('a/b.txt')` },
  {
    name: 'catchError keeps going',
    script: `catchError(buildResult: 'FAILURE') { error('boom') }\necho 'after'\ncurrentBuild.result = 'SUCCESS'`,
  },
  { name: 'sleep is a step', script: `sleep 5\nsleep(time: 2, unit: 'SECONDS')` },
  {
    name: 'leftover processes',
    script: `sh 'sleep 300 >/dev/null 2>&1 &'
      sh 'JENKINS_NODE_COOKIE=dontKillMe nohup sleep 301 >/dev/null 2>&1 & echo $! > kept.pid'`,
  },
  {
    name: 'env and withEnv',
    script: `env.A = 'one'
      withEnv(['A=two', 'PATH+X=/opt/x']) { sh 'test "$A" = two && case "$PATH" in /opt/x:*) ;; *) exit 1;; esac' }
      return env.A + ' ' + env.BUILD_NUMBER`,
    buildNumber: 7,
  },
  ] as Array<Omit<Scenario, 'workspace'>>
).map((s) => ({ workspace: join(ws, s.name.replace(/\W+/g, '-')), ...s }));

let results: Record<string, ScenarioResult>;

beforeAll(async () => {
  for (const s of scenarios) mkdirSync(s.workspace, { recursive: true });
  const list = await runScenarios(scenarios, { library: fixture });
  results = Object.fromEntries(list.map((r) => [r.name, r]));
}, 60_000);

describe('pipeline harness', () => {
  it('resolves a global var from a var and runs its sh for real inside withEnv', () => {
    const r = results['var calls var']!;
    expect(r.result).toBe('SUCCESS');
    expect(r.returned).toBe('hello ann from var-calls-var');
    const [sh] = callsOf(r, 'sh');
    expect(sh).toMatchObject({ args: { label: 'greet', returnStdout: true }, within: ['withEnv'] });
    expect(sh!.env).toMatchObject({ MLOPS_NAME: 'ann' });
  });

  it('serves step defaults rendered from the step yaml', () => {
    expect(results['defaults from step yaml']!.returned).toBe('hello world from defaults-from-step-yaml');
  });

  it('fails the build on a non-zero sh unless the status is asked for', () => {
    const r = results['sh failure']!;
    expect(r.log).toContain('s=3');
    expect(r).toMatchObject({ result: 'FAILURE', error: 'script returned exit code 4' });
  });

  it('binds fake secrets as env vars and records them masked', () => {
    const r = results['credentials']!;
    expect(r.result).toBe('SUCCESS');
    expect(callsOf(r, 'sh')[0]).toMatchObject({ status: 0, env: { TOKEN: '****' } });
    expect(JSON.stringify(r.calls)).not.toContain('s3cret');
    expect(results['missing credential']!.error).toBe("Could not find credentials entry with ID 'nope'");
  });

  it('answers input from the scenario and aborts the build on a rejection', () => {
    const r = results['input approved then rejected']!;
    expect(r.log).toContain('approved by ann');
    expect(r.result).toBe('ABORTED');
    expect(callsOf(r, 'input')).toHaveLength(2);
  });

  it('retries the body when its timeout fires', () => {
    const r = results['retry around a timeout that fires once']!;
    expect(r.result).toBe('SUCCESS');
    expect(callsOf(r, 'timeout').map((c) => c.fired ?? false)).toEqual([true, false]);
    expect(callsOf(r, 'sh')[0]!.within).toEqual(['retry', 'timeout']);
  });

  it('records what runs inside a lock', () => {
    const r = results['lock nesting']!;
    expect(r.returned).toBe('x');
    expect(callsOf(r, 'writeFile')[0]!.within).toEqual(['lock:m/e']);
  });

  it('lets catchError mark the build and go on; a result never gets better', () => {
    const r = results['catchError keeps going']!;
    expect(r.log).toContain('after');
    expect(r.result).toBe('FAILURE');
  });

  it('routes sleep to the step instead of the JDK', () => {
    expect(callsOf(results['sleep is a step']!, 'sleep').map((c) => c.args)).toEqual([
      { time: 5 },
      { time: 2, unit: 'SECONDS' },
    ]);
  });

  it('ends processes left with the build cookie, like Jenkins, and spares the others', () => {
    const r = results['leftover processes']!;
    const kept = Number(readFileSync(join(scenarios[10]!.workspace, 'kept.pid'), 'utf8'));
    // Never signal 0 or 1 below: that would be this process group or init.
    expect(kept, r.log.join('\n')).toBeGreaterThan(1);
    expect(r.killed.length, r.log.join('\n')).toBeGreaterThan(0);
    expect(r.killed).not.toContain(kept);
    expect(() => process.kill(kept, 0)).not.toThrow();
    process.kill(kept);
  });

  it('stacks withEnv over env and supports PATH+NAME', () => {
    const r = results['env and withEnv']!;
    expect(r.result).toBe('SUCCESS');
    expect(r.returned).toBe('one 7');
  });

  it('refuses library code the Jenkins sandbox would reject', async () => {
    const lib = mkdtempSync(join(tmpdir(), 'harness-badlib-'));
    mkdirSync(join(lib, 'vars'));
    writeFileSync(join(lib, 'vars/mlopsBad.groovy'), `def call() { new File('/etc/hosts').text }\n`);
    await expect(runScenarios([{ name: 'x', script: '', workspace: ws }], { library: lib })).rejects.toThrow(
      /mlopsBad.groovy.*java.io.File is not allowed/s,
    );
  }, 30_000);
});
