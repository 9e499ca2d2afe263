import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { normalize } from '../../src/config/normalize.js';
import type { MlopsYaml, ModelYaml } from '../../src/config/types.js';
import { explainSchedules } from '../../src/cli/explain.js';
import { ctView, pollJobName, pollSpec, pollView } from '../../src/plan/ct.js';
import { jobsView } from '../../src/plan/jobs.js';
import { repoRoot, runCli } from '../helpers/cli.js';

function config(model: Partial<ModelYaml>, extra: Partial<MlopsYaml> = {}) {
  return normalize({
    version: 1, project: 'risk', scm: { url: 'https://git.example.com/r.git' },
    models: [{ name: 'fraud', training: { command: 'python train.py' }, ...model }],
    ...extra,
  } as MlopsYaml);
}

describe('the poller', () => {
  it.each([
    ['no data or metric trigger: no poller', {}, null],
    ['data alone, default poll', { data: { type: 'path', source: 'data' } }, 'H/15 * * * *'],
    ['metric alone, default poll',
      { metric: { source: 'command', command: 'echo 1', threshold: 1 } }, 'H/30 * * * *'],
    ['both: one spec, the metric TZ dropped', {
      data: { type: 'path', source: 'data', poll: 'TZ=UTC\nH/10 * * * *' },
      metric: { source: 'command', command: 'echo 1', threshold: 1,
        poll: 'TZ=Europe/Paris\nH 8 * * *' } }, 'TZ=UTC\nH/10 * * * *\nH 8 * * *'],
    ['both with the same poll: written once', {
      data: { type: 'path', source: 'data', poll: '@hourly' },
      metric: { source: 'command', command: 'echo 1', threshold: 1, poll: '@hourly' } }, '@hourly'],
  ] as [string, object, string | null][])('%s', (_name, triggers, spec) => {
    const cfg = config({ triggers });
    expect(pollSpec(cfg.models[0]!)).toBe(spec);
    expect(pollView(cfg, cfg.models[0]!)?.cron ?? null).toBe(spec);
  });

  it('starts the training job and gets its own Job DSL entry', () => {
    const cfg = config({ triggers: { data: { type: 's3', source: 's3://b/p/' } } });
    expect(pollView(cfg, cfg.models[0]!)?.poll).toEqual({
      model: 'fraud', stateDir: '/var/lib/mlops-jenkins', trainingJob: 'risk/ct-fraud',
      data: { type: 's3', source: 's3://b/p/', gcsTool: 'auto', dvcUpdate: false },
    });
    expect(jobsView(cfg).ct.map((j) => [j.name, j.scriptPath, j.cron])).toEqual([
      ['risk/ct-fraud', 'jenkins/ct/fraud.Jenkinsfile', null],
      ['risk/poll-ct-fraud', 'jenkins/ct/fraud.poll.Jenkinsfile', 'H/15 * * * *'],
    ]);
  });
});

describe('the training job', () => {
  it('hands over to CD only for a deployable model with handover on', () => {
    const deploy = { target: { type: 'docker' as const } };
    expect(ctView(config({ deploy }), config({ deploy }).models[0]!).cdJob).toBe('risk/cd-fraud');
    const off = config({ deploy, training: { command: 't', handover: false } });
    expect(ctView(off, off.models[0]!).cdJob).toBeNull();
    const none = config({});
    expect(ctView(none, none.models[0]!).cdJob).toBeNull();
  });

  it('runs fetch, prepare, train and evaluate in that order, skipping absent ones', () => {
    const cfg = config({ training: { command: 'train', fetch: 'fetch', evaluate: 'eval' } });
    expect(ctView(cfg, cfg.models[0]!).train.commands).toEqual([
      { label: 'fetch data', script: 'fetch' }, { label: 'train', script: 'train' },
      { label: 'evaluate', script: 'eval' },
    ]);
  });

  it('passes the MLflow registry, its token credential and the champion alias', () => {
    const cfg = config({ training: { command: 't', champion: { metric: 'auc' } } }, {
      registry: { type: 'mlflow', trackingUri: 'https://mlflow.example.com', credential: 'ml' },
      credentials: { ml: { id: 'mlflow-token', type: 'string' } },
    });
    const view = ctView(cfg, cfg.models[0]!);
    expect(view.register).toEqual({ model: 'fraud', registry: 'mlflow',
      trackingUri: 'https://mlflow.example.com', credentialId: 'mlflow-token',
      registeredModel: 'fraud', runIdFile: 'mlflow-run-id', artifactPath: 'model' });
    expect(view.champion).toMatchObject({ metric: 'auc', direction: 'higher',
      minImprovement: 0, alias: 'champion', registry: 'mlflow' });
  });

  it('declares webhook and upstream triggers in the Jenkinsfile and the seed', () => {
    const cfg = config({ triggers: { webhook: { credential: 'hook' },
      upstream: { jobs: ['data/a', 'data/b'] } } },
    { credentials: { hook: { id: 'hook-token', type: 'string' } } });
    expect(ctView(cfg, cfg.models[0]!).triggers).toEqual({ cron: null,
      webhookCredentialId: 'hook-token',
      upstream: { projects: 'data/a,data/b', threshold: 'SUCCESS' } });
    expect(jobsView(cfg).ct[0]).toMatchObject({ hasTriggers: true,
      webhookCredentialId: 'hook-token' });
  });
});

describe('validate --explain', () => {
  it('says when each schedule fires, H resolved for the real job names', () => {
    const cfg = config({ triggers: { schedule: 'H 3 * * 1',
      metric: { source: 'command', command: 'echo 1', threshold: 1, poll: '@daily' } } });
    expect(pollJobName(cfg, cfg.models[0]!)).toBe('risk/poll-ct-fraud');
    expect(explainSchedules(cfg)).toEqual([
      "fraud: retrains at 03:56 on Monday, the Jenkins controller's time zone (job risk/ct-fraud)",
      "fraud: checks its command metric at 08:08 every day, the Jenkins controller's time zone" +
        ' (job risk/poll-ct-fraud)',
    ]);
  });

  it('prints the plain words on stdout from the CLI', async () => {
    const r = await runCli(['validate', '--explain', '-c',
      join(repoRoot, 'examples/docker-single/mlops.yaml')], repoRoot);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toMatch(
      /^churn: retrains at \d\d:\d\d on Monday, .* \(job churn\/ct-churn\)$/);
  });
});
