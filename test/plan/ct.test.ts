import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { normalize } from '../../src/config/normalize.js';
import type { MlopsYaml, ModelYaml } from '../../src/config/types.js';
import { explainSchedules } from '../../src/cli/explain.js';
import { ctView, pollJobName, pollSpec, pollView } from '../../src/plan/ct.js';
import { jobsView } from '../../src/plan/jobs.js';
import { renderTemplate } from '../../src/render/templates.js';
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
  it.each([
    ['local', { type: 'local', startCommand: 'serve' }, 'risk/cd-fraud'],
    ['ssh', { type: 'ssh', host: 'h', dir: '/srv/m', startCommand: 'serve' }, 'risk/cd-fraud'],
    ['sagemaker', { type: 'sagemaker', endpoint: 'e' }, 'risk/cd-fraud'],
    ['vertex', { type: 'vertex', endpoint: 'e' }, 'risk/cd-fraud'],
    ['azureml', { type: 'azureml', endpoint: 'e' }, 'risk/cd-fraud'],
    // These deploy image:VERSION, and nothing builds an image tagged with a training version.
    ['docker', { type: 'docker', image: 'r/m' }, null],
    ['kubernetes', { type: 'kubernetes', image: 'r/m' }, null],
    ['helm', { type: 'helm', release: 'm', chart: 'c' }, null],
  ] as [string, object, string | null][])(
    'hands over by default to a %s target: %s', (_type, target, cdJob) => {
      const cfg = config({ deploy: { target } as ModelYaml['deploy'] });
      expect(ctView(cfg, cfg.models[0]!).cdJob).toBe(cdJob);
    });

  it('hands over to an image target only when handover: true is set; never without deploy', () => {
    const deploy = { target: { type: 'kubernetes' as const, image: 'r/m' } };
    const on = config({ deploy, training: { command: 't', handover: true } });
    expect(ctView(on, on.models[0]!).cdJob).toBe('risk/cd-fraud');
    const off = config({ deploy: { target: { type: 'local' as const, startCommand: 's' } },
      training: { command: 't', handover: false } });
    expect(ctView(off, off.models[0]!).cdJob).toBeNull();
    const none = config({ training: { command: 't', handover: true } });
    expect(ctView(none, none.models[0]!).cdJob).toBeNull();
  });

  it('keeps the training state on the light agent: the GPU pod only trains', async () => {
    const cfg = config({
      training: { command: 'python train.py', champion: { metric: 'auc' },
        agent: { kubernetes: { image: 'pytorch/pytorch:2', gpu: 1 } } },
      triggers: { data: { type: 'path', source: 'data' } },
    }, { agent: { label: 'light' }, state: { dir: '/srv/mlops' } });
    const view = ctView(cfg, cfg.models[0]!);
    expect(view.train).toEqual({ model: 'fraud',
      commands: [{ label: 'train', script: 'python train.py' }] });
    expect(view.record).toEqual({ model: 'fraud', stateDir: '/srv/mlops' });
    const text = await renderTemplate('ct.Jenkinsfile', view);
    const why = text.slice(text.indexOf("stage('Why')"), text.indexOf("stage('Train')"));
    const train = text.slice(text.indexOf("stage('Train')"), text.indexOf("stage('Promote')"));
    const promote = text.slice(text.indexOf("stage('Promote')"));
    for (const stage of [why, train, promote]) expect(stage.length).toBeGreaterThan(0);
    expect(why).toContain("label 'light'");
    expect(why).toContain("mlopsCtRecord(RECORD + [event: 'start'");
    expect(train).toContain('kubernetes');
    expect(train).toMatch(/mlopsTrain\(TRAIN\)[\s\S]*mlopsEvaluate[\s\S]*mlopsRegister/);
    expect(train).not.toMatch(/mlopsCtRecord|mlopsCtDecide|mlopsChampion|mlopsHandover|RECORD/);
    expect(promote).toContain("label 'light'");
    expect(promote).toMatch(/mlopsCtRecord\(RECORD \+ \[event: 'trained'[\s\S]*mlopsChampion/);
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
