import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeFakes, type Fakes } from '../fakes/fakes.js';
import { runScenarios, type ScenarioResult } from '../harness/run.js';

/** mlopsCi and mlopsNotify executed under the harness; docker is a fake that records argv. */
describe('mlopsCi', () => {
  const fakes: Record<string, Fakes> = {};
  const results: Record<string, ScenarioResult> = {};

  const image = "[name: 'registry.example.com/ml/churn', dockerfile: 'Dockerfile', context: '.', " +
    "pushBranches: ['main'], credentialsId: 'registry']";
  const cases: Record<string, { branch: string; script: string; failing?: string }> = {
    main: {
      branch: 'main',
      script: `mlopsCi(model: 'churn', setup: 'echo setup >> trace', lint: 'echo lint >> trace',
        unitTests: 'echo unit >> trace', dataChecks: 'echo data >> trace', image: ${image})`,
    },
    feature: { branch: 'feature/x', script: `mlopsCi(model: 'churn', unitTests: 'true', image: ${image})` },
    failingLint: {
      branch: 'main',
      script: "mlopsCi(model: 'churn', lint: 'echo lint >> trace; exit 3', unitTests: 'echo unit >> trace')",
    },
    isolated: { branch: 'main', script: "mlopsCi(model: 'churn', unitTests: 'echo \"$HOME\" > home', isolateHome: true)" },
    missingModel: { branch: 'main', script: "mlopsCi(unitTests: 'true')" },
    imageOnly: {
      branch: 'main',
      script: `mlopsCi(model: 'churn', part: 'image', unitTests: 'echo unit >> trace', image: ${image})`,
    },
    imageOnlyWithoutImage: { branch: 'main', script: "mlopsCi(model: 'churn', part: 'image')" },
  };

  beforeAll(async () => {
    const scenarios = Object.entries(cases).map(([name, c]) => {
      const f = makeFakes();
      fakes[name] = f;
      const workspace = mkdtempSync(join(tmpdir(), `ci-${name}-`));
      writeFileSync(join(workspace, 'Dockerfile'), 'FROM scratch\n');
      return {
        name, script: c.script, workspace,
        env: { ...f.env, BRANCH_NAME: c.branch, GIT_COMMIT: '0123456789abcdef0123', WORKSPACE: workspace },
        credentials: { registry: { type: 'usernamePassword' as const, username: 'robot', password: 's3cr3t' } },
      };
    });
    for (const r of await runScenarios(scenarios)) results[r.name] = r;
  });

  it('runs the configured commands in order, then builds, logs in and pushes on main', () => {
    const r = results.main!;
    expect(r.result, r.error ?? '').toBe('SUCCESS');
    const labels = r.calls.filter((c) => c.step === 'sh').map((c) => c.args.label);
    expect(labels.slice(0, 4)).toEqual(['churn: set up', 'churn: lint', 'churn: unit tests', 'churn: data checks']);
    expect(fakes.main!.lines()).toEqual([
      'docker build --pull -f Dockerfile -t registry.example.com/ml/churn:0123456789ab .',
      'docker login -u robot --password-stdin registry.example.com',
      'docker push registry.example.com/ml/churn:0123456789ab',
    ]);
    const bound = r.calls.find((c) => c.step === 'withCredentials');
    expect(JSON.stringify(bound?.args)).toContain('registry');
  });

  it('builds but does not push, nor log in, from a branch that may not publish', () => {
    const r = results.feature!;
    expect(r.result, r.error ?? '').toBe('SUCCESS');
    expect(fakes.feature!.lines()).toEqual([
      'docker build --pull -f Dockerfile -t registry.example.com/ml/churn:0123456789ab .',
    ]);
    expect(r.calls.some((c) => c.step === 'withCredentials')).toBe(false);
  });

  it('stops at the first failing command and fails the build', () => {
    const r = results.failingLint!;
    expect(r.result).toBe('FAILURE');
    expect(r.error).toContain('exit code 3');
    const labels = r.calls.filter((c) => c.step === 'sh').map((c) => c.args.label);
    expect(labels).toEqual(['churn: lint']);
  });

  it('points HOME into the workspace on container agents', () => {
    const r = results.isolated!;
    expect(r.result, r.error ?? '').toBe('SUCCESS');
    const unit = r.calls.find((c) => c.args?.label === 'churn: unit tests');
    expect(unit?.env?.HOME).toMatch(/\/\.mlops\/home$/);
  });

  it("part: 'image' only builds and pushes the image: no command runs", () => {
    const r = results.imageOnly!;
    expect(r.result, r.error ?? '').toBe('SUCCESS');
    expect(r.calls.filter((c) => c.step === 'sh').map((c) => c.args.label)).not.toContain('churn: unit tests');
    expect(fakes.imageOnly!.lines()).toEqual([
      'docker build --pull -f Dockerfile -t registry.example.com/ml/churn:0123456789ab .',
      'docker login -u robot --password-stdin registry.example.com',
      'docker push registry.example.com/ml/churn:0123456789ab',
    ]);
  });

  it("part: 'image' without an image fails and says so", () => {
    const r = results.imageOnlyWithoutImage!;
    expect(r.result).toBe('FAILURE');
    expect(r.error).toContain("part: 'image' needs image");
  });

  it('names the missing field when called without a model', () => {
    const r = results.missingModel!;
    expect(r.result).toBe('FAILURE');
    expect(r.error).toContain('model');
  });
});

describe('mlopsNotify', () => {
  let results: Record<string, ScenarioResult> = {};
  beforeAll(async () => {
    const workspace = mkdtempSync(join(tmpdir(), 'notify-'));
    const list = await runScenarios([
      { name: 'failed', workspace, script: "currentBuild.result = 'FAILURE'\nmlopsNotify(slack: [channel: '#ml'], email: [to: 'a@b.c'])" },
      { name: 'passedQuiet', workspace, script: "mlopsNotify(onSuccess: false, slack: [channel: '#ml'])" },
      {
        name: 'noPlugin', workspace, missingSteps: ['slackSend'],
        script: "currentBuild.result = 'FAILURE'\nmlopsNotify(slack: [channel: '#ml'], email: [to: 'a@b.c'])",
      },
    ]);
    results = Object.fromEntries(list.map((r) => [r.name, r]));
  });

  it('tells Slack and email about a failure', () => {
    const r = results.failed!;
    const slack = r.calls.find((c) => c.step === 'slackSend');
    expect(slack?.args).toMatchObject({ channel: '#ml', color: 'danger' });
    expect(r.calls.find((c) => c.step === 'mail')?.args).toMatchObject({ to: 'a@b.c' });
  });

  it('only warns when the Slack plugin is missing, and still sends the email', () => {
    const r = results.noPlugin!;
    expect(r.error).toBeNull();
    expect(r.log.join('\n')).toContain('WARNING: could not notify by Slack: its plugin is not installed');
    expect(r.calls.map((c) => c.step)).toContain('mail');
  });

  it('stays quiet on success when onSuccess is false', () => {
    const r = results.passedQuiet!;
    expect(r.calls.map((c) => c.step)).not.toContain('slackSend');
  });
});
