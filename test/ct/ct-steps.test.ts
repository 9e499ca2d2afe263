// The CT library steps run for real under Groovy 2.4.21 in the pipeline harness: their
// shell scripts fingerprint real folders, query a loopback Prometheus-like server and a
// loopback MLflow-like registry, and the tests assert what each build decided and did.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  callsOf, runScenarios, type Scenario, type ScenarioResult,
} from '../harness/run.js';
import { mlflowServer } from './mlflow-server.js';
import { loopbackServer, runScript, tempDir } from './support.js';

const root = tempDir('ct-steps');
const TIMER = "[_class: 'hudson.triggers.TimerTrigger$TimerTriggerCause']";
const POLLER = "[_class: 'hudson.model.Cause$UpstreamCause', upstreamProject: 'fraud/churn-ct-poll']";
const WEBHOOK = "[_class: 'org.jenkinsci.plugins.gwt.GenericCause']";

/** A workspace with a small dataset, and the state dir of its own model. */
function workspace(name: string): { ws: string; state: string } {
  const ws = join(root, name);
  mkdirSync(join(ws, 'data'), { recursive: true });
  writeFileSync(join(ws, 'data/train.csv'), 'id,y\n1,0\n2,1\n');
  return { ws, state: join(root, `${name}-state`) };
}

async function fingerprintOf(ws: string): Promise<string> {
  const r = await runScript('fingerprint', { MLOPS_SOURCE_TYPE: 'path', MLOPS_SOURCE: 'data' },
    { cwd: ws });
  expect(r.code).toBe(0);
  return r.stdout;
}

function seedLedger(state: string, model: string, lines: object[]): void {
  mkdirSync(join(state, 'ct', model), { recursive: true });
  writeFileSync(join(state, 'ct', model, 'events.jsonl'),
    lines.map((l) => `${JSON.stringify(l)}\n`).join(''));
}

function ledger(state: string, model: string): Record<string, unknown>[] {
  try {
    return readFileSync(join(state, 'ct', model, 'events.jsonl'), 'utf8').split('\n')
      .filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>);
  } catch {
    return [];
  }
}

/**
 * The stages of jenkins/ct/<model>.Jenkinsfile as plain steps in order, each on its own node
 * as there: Why and Promote on the light agent, Train on the training agent.
 */
function trainingRun(o: { state: string; causes: string; model: string; auc: number;
  mlflow?: string; failTraining?: boolean; data?: boolean }): string {
  const registry = o.mlflow
    ? `registry: 'mlflow', trackingUri: '${o.mlflow}', registeredModel: '${o.model}'`
    : "registry: 'none'";
  const train = o.failTraining ? 'echo "CUDA out of memory" >&2; exit 1'
    : `mkdir -p out/model && echo '{"auc": ${o.auc}}' > out/metrics.json && ` +
      `echo run-${o.model} > out/run-id && echo weights > out/model/w.bin`;
  const record = `model: '${o.model}', stateDir: '${o.state}'`;
  return `
    Map ct = stage('Why') { node('light') {
      Map decided = mlopsCtDecide(model: '${o.model}', stateDir: '${o.state}', causes: [${o.causes}],
        pollerJob: 'fraud/churn-ct-poll'${o.data === false ? '' : ", data: [type: 'path', source: 'data']"})
      if (decided.train) { mlopsCtRecord(${record}, event: 'start', reasons: decided.reasons) }
      return decided
    } }
    if (!ct.train) { return 'skipped' }
    Map result = stage('Train') { node('gpu') {
      mlopsTrain(model: '${o.model}',
        commands: [[label: 'fetch data', script: 'test -f data/train.csv'],
                   [label: 'train', script: '${train.replace(/'/g, "\\'")}']])
      Map ev = mlopsEvaluate(model: '${o.model}', metricsFile: 'out/metrics.json',
        thresholds: ['auc >= 0.8'])
      if (!ev.passed) { return [passed: false, version: ''] }
      return [passed: true, metric: ev.metrics.auc, version: mlopsRegister(model: '${o.model}',
        ${registry}, runIdFile: 'out/run-id', artifacts: 'out/model', store: '${join(root, 'store')}')]
    } }
    return stage('Promote') { node('light') {
      mlopsCtRecord(${record}, event: 'trained', fingerprint: ct.fingerprint,
        version: result.version)
      if (!result.passed) { return 'rejected' }
      Map gate = mlopsChampion(model: '${o.model}', stateDir: '${o.state}', version: result.version,
        metric: 'auc', challenger: result.metric, minImprovement: 0.01, ${registry})
      if (!gate.promote) { return 'kept' }
      mlopsHandover(model: '${o.model}', version: result.version, cdJob: 'fraud/cd')
      return 'promoted'
    } }
  `;
}

let results: Record<string, ScenarioResult>;
let mlflow: Awaited<ReturnType<typeof mlflowServer>>;
let prometheus: Awaited<ReturnType<typeof loopbackServer>>;
const ws: Record<string, { ws: string; state: string }> = {};

beforeAll(async () => {
  // Three registered models whose champion (version 1, run old-<model>) scored 0.88.
  const models = ['m-promote', 'm-keep', 'm-reject'];
  mlflow = await mlflowServer(Object.fromEntries(models.map((m) => [`old-${m}`, { auc: 0.88 }])));
  for (const name of models) {
    mlflow.models[name] = { versions: [{ version: '1', run_id: `old-${name}` }],
      aliases: { champion: '1' } };
  }
  prometheus = await loopbackServer();
  prometheus.setHandler((req, res) => {
    const query = new URL(req.url ?? '/', prometheus.url).searchParams.get('query') ?? '';
    const value = /dropped/.test(query) ? '0.71' : '0.93';
    const result = /missing/.test(query) ? [] : [{ metric: {}, value: [1.7e9, value] }];
    res.writeHead(200, { 'Content-Type': 'application/json' })
      .end(JSON.stringify({ status: 'success', data: { resultType: 'vector', result } }));
  });
  const metric = (q: string) => `[source: 'prometheus', url: '${prometheus.url}', query: '${q}',
    threshold: 0.8, cooldownMinutes: 60]`;
  const poll = (model: string, state: string, extra: string) =>
    `return mlopsCtPoll(model: '${model}', stateDir: '${state}', trainingJob: 'fraud/${model}-ct', ${extra})`;

  for (const name of ['poll-same', 'poll-new', 'poll-metric', 'poll-cooldown', 'poll-missing',
    'promote', 'keep', 'reject', 'fail', 'queued-after', 'ledger-champion', 'webhook-schedule']) {
    ws[name] = workspace(name);
  }
  const fp = await fingerprintOf(ws['poll-same']!.ws);
  seedLedger(ws['poll-same']!.state, 'churn', [{ event: 'trained', time: 1, build: '1', fingerprint: fp, version: '' }]);
  seedLedger(ws['poll-new']!.state, 'churn', [{ event: 'trained', time: 1, build: '1', fingerprint: 'old', version: '' }]);
  seedLedger(ws['queued-after']!.state, 'churn', [{ event: 'trained', time: 1, build: '1', fingerprint: fp, version: '' }]);
  // A retraining started a minute ago: the cooldown of 60 minutes is running.
  seedLedger(ws['poll-cooldown']!.state, 'churn',
    [{ event: 'started', time: Math.floor(Date.now() / 1000) - 60, build: '9', reason: 'metric-drop' }]);
  seedLedger(ws['ledger-champion']!.state, 'm-ledger',
    [{ event: 'promoted', time: 1, build: '3', version: '3', metric: 0.85 }]);

  const scenarios: Scenario[] = [
    { name: 'poll-same', workspace: ws['poll-same']!.ws,
      script: poll('churn', ws['poll-same']!.state, "data: [type: 'path', source: 'data']") },
    { name: 'poll-new', workspace: ws['poll-new']!.ws,
      script: poll('churn', ws['poll-new']!.state, "data: [type: 'path', source: 'data']") },
    { name: 'poll-metric', workspace: ws['poll-metric']!.ws,
      script: poll('churn', ws['poll-metric']!.state, `metric: ${metric('auc_dropped')}`) },
    { name: 'poll-cooldown', workspace: ws['poll-cooldown']!.ws,
      script: poll('churn', ws['poll-cooldown']!.state, `metric: ${metric('auc_dropped')}`) },
    { name: 'poll-missing', workspace: ws['poll-missing']!.ws,
      script: poll('churn', ws['poll-missing']!.state, `metric: ${metric('auc_missing')}`) },
    { name: 'promote', workspace: ws.promote!.ws, buildNumber: 12, script: trainingRun({
      state: ws.promote!.state, causes: TIMER, model: 'm-promote', auc: 0.91, mlflow: mlflow.url }) },
    { name: 'keep', workspace: ws.keep!.ws, script: trainingRun({
      state: ws.keep!.state, causes: TIMER, model: 'm-keep', auc: 0.885, mlflow: mlflow.url }) },
    { name: 'reject', workspace: ws.reject!.ws, script: trainingRun({
      state: ws.reject!.state, causes: TIMER, model: 'm-reject', auc: 0.71, mlflow: mlflow.url }) },
    { name: 'fail', workspace: ws.fail!.ws, script: trainingRun({
      state: ws.fail!.state, causes: POLLER, model: 'churn', auc: 0.9, failTraining: true }) },
    { name: 'queued-after', workspace: ws['queued-after']!.ws, script: trainingRun({
      state: ws['queued-after']!.state, causes: POLLER, model: 'churn', auc: 0.9 }) },
    { name: 'ledger-champion', workspace: ws['ledger-champion']!.ws, buildNumber: 4,
      script: trainingRun({ state: ws['ledger-champion']!.state, causes: `${WEBHOOK}`,
        model: 'm-ledger', auc: 0.9 }) },
    { name: 'webhook-schedule', workspace: ws['webhook-schedule']!.ws, script: `
      return mlopsCtDecide(model: 'churn', stateDir: '${ws['webhook-schedule']!.state}',
        causes: [${TIMER}, ${WEBHOOK}, ${TIMER}], pollerJob: 'fraud/churn-ct-poll').reasons` },
  ];
  const list = await runScenarios(scenarios);
  results = Object.fromEntries(list.map((r) => [r.name, r]));
}, 120_000);

afterAll(async () => {
  await mlflow.close();
  await prometheus.close();
});

const shLabels = (r: ScenarioResult) => callsOf(r, 'sh').map((c) => c.args.label as string);

describe('the poller job', () => {
  it('ends quickly and green as "no new data" when the data did not change', () => {
    const r = results['poll-same']!;
    expect(r).toMatchObject({ result: 'SUCCESS', returned: false, description: 'no new data' });
    expect(callsOf(r, 'build')).toEqual([]);
    expect(shLabels(r)).toEqual(['fingerprint the data', 'last trained fingerprint']);
  });

  it('starts the training job without waiting when the data changed', () => {
    const r = results['poll-new']!;
    expect(r).toMatchObject({ result: 'SUCCESS', returned: true,
      description: 'new data: started fraud/churn-ct' });
    expect(callsOf(r, 'build').map((c) => c.args)).toEqual([{ job: 'fraud/churn-ct', wait: false }]);
  });

  it('starts the training job when the metric dropped below its threshold', () => {
    const r = results['poll-metric']!;
    expect(r.description).toBe('metric drop (0.71): started fraud/churn-ct');
    expect(callsOf(r, 'build')).toHaveLength(1);
  });

  it('holds back during the cooldown after the last retraining', () => {
    const r = results['poll-cooldown']!;
    expect(r).toMatchObject({ result: 'SUCCESS', returned: false,
      description: 'metric 0.71 crossed, cooldown running' });
    expect(callsOf(r, 'build')).toEqual([]);
  });

  it('fails, and starts nothing, when the metric is missing', () => {
    const r = results['poll-missing']!;
    expect(r.result).toBe('FAILURE');
    expect(r.error).toContain('the metric has no usable value');
    expect(callsOf(r, 'build')).toEqual([]);
  });
});

describe('the training job', () => {
  it('trains, registers, beats the champion and hands the version to CD', () => {
    const r = results.promote!;
    expect(r.error).toBeNull();
    expect(r).toMatchObject({ result: 'SUCCESS', returned: 'promoted' });
    expect(r.description).toBe('Retrain m-promote: schedule' +
      ' | version 2 promoted: auc 0.91 vs champion 0.88 | handed m-promote 2 to fraud/cd');
    expect(callsOf(r, 'build').map((c) => c.args)).toEqual([{ job: 'fraud/cd', wait: false,
      parameters: [{ kind: 'string', name: 'MODEL', value: 'm-promote' },
        { kind: 'string', name: 'VERSION', value: '2' }] }]);
    expect(mlflow.models['m-promote']!.aliases).toEqual({ champion: '2', challenger: '2' });
    const mine = mlflow.calls.filter((c) => c.params.name === 'm-promote' ||
      c.params.run_id === 'old-m-promote');
    expect(mine).toEqual([
      { method: 'POST', path: 'registered-models/create', params: { name: 'm-promote' } },
      { method: 'POST', path: 'model-versions/create', params: { name: 'm-promote',
        source: 'runs:/run-m-promote/model', run_id: 'run-m-promote' } },
      { method: 'POST', path: 'registered-models/alias', params: { name: 'm-promote',
        alias: 'challenger', version: '2' } },
      { method: 'GET', path: 'registered-models/alias', params: { name: 'm-promote',
        alias: 'champion' } },
      { method: 'GET', path: 'runs/get', params: { run_id: 'old-m-promote' } },
      { method: 'POST', path: 'registered-models/alias', params: { name: 'm-promote',
        alias: 'champion', version: '2' } },
    ]);
    expect(shLabels(r)).toEqual(['fingerprint the data', 'last trained fingerprint',
      'record the training start', 'fetch data', 'train', 'register the model version',
      'alias challenger', 'record the trained data', 'metric of @champion', 'alias champion']);
    const ledgerWrites = callsOf(r, 'sh').filter((c) => /^record/.test(c.args.label as string));
    expect(ledgerWrites).toHaveLength(2);
    for (const w of ledgerWrites) expect(w.within).toContain('lock:mlops-ct-m-promote');
    expect(ledger(ws.promote!.state, 'm-promote').map((e) => [e.event, e.version ?? null]))
      .toEqual([['started', null], ['trained', '2']]);
  });

  it('reads and writes the training state only on the light agent, never in training', () => {
    // A training pod has no state volume: what it wrote would be lost and the poller, on the
    // light agent, would retrain at every poll.
    for (const name of ['promote', 'reject', 'fail', 'ledger-champion']) {
      const r = results[name]!;
      const state = callsOf(r, 'sh').filter((c) => c.env?.MLOPS_CT_ACTION !== undefined);
      expect(state.length, name).toBeGreaterThan(1);
      for (const c of state) expect(c.within, `${name}: ${c.args.label}`).not.toContain('stage:Train');
      const training = callsOf(r, 'sh').filter((c) => c.within.includes('stage:Train'));
      expect(training.length, name).toBeGreaterThan(0);
      for (const c of training) expect(c.env?.MLOPS_STATE_DIR, name).toBeUndefined();
    }
  });

  it('keeps a better-but-not-enough challenger and does not call CD', () => {
    const r = results.keep!;
    expect(r).toMatchObject({ result: 'SUCCESS', returned: 'kept' });
    expect(r.description).toContain('version 2 kept as challenger: auc 0.885 vs champion 0.88');
    expect(callsOf(r, 'build')).toEqual([]);
    expect(mlflow.models['m-keep']!.aliases).toEqual({ champion: '1', challenger: '2' });
  });

  it('rejects a model below its threshold: UNSTABLE, nothing registered, data recorded', () => {
    const r = results.reject!;
    expect(r).toMatchObject({ result: 'UNSTABLE', returned: 'rejected' });
    expect(r.description).toBe('Retrain m-reject: schedule | rejected: auc = 0.71 does not meet auc >= 0.8');
    expect(mlflow.models['m-reject']!.versions).toHaveLength(1);
    expect(callsOf(r, 'build')).toEqual([]);
    expect(ledger(ws.reject!.state, 'm-reject').map((e) => e.event)).toEqual(['started', 'trained']);
  });

  it('records the start but not the data when the training fails', () => {
    const r = results.fail!;
    expect(r.result).toBe('FAILURE');
    expect(r.description).toBe('Retrain churn: new data');
    expect(ledger(ws.fail!.state, 'churn')).toEqual([
      expect.objectContaining({ event: 'started', reason: 'new-data' }),
    ]);
  });

  it('ends quickly as "no new data" when a queued poll finds the data already trained', () => {
    const r = results['queued-after']!;
    expect(r).toMatchObject({ result: 'SUCCESS', returned: 'skipped',
      description: 'No retraining of churn: no new data' });
    expect(shLabels(r)).toEqual(['fingerprint the data', 'last trained fingerprint']);
  });

  it('without a registry: build number as version, artifact store, ledger champion', () => {
    const r = results['ledger-champion']!;
    expect(r).toMatchObject({ result: 'SUCCESS', returned: 'promoted' });
    expect(r.description).toBe('Retrain m-ledger: webhook | version 4 promoted: auc 0.9 vs' +
      ' champion 0.85 | handed m-ledger 4 to fraud/cd');
    expect(readFileSync(join(root, 'store/m-ledger/4/model/w.bin'), 'utf8')).toBe('weights\n');
    expect(ledger(ws['ledger-champion']!.state, 'm-ledger').at(-1)).toMatchObject(
      { event: 'promoted', version: '4', metric: 0.9 });
  });

  it('names every cause once, in the order they came', () => {
    expect(results['webhook-schedule']!.returned).toEqual(['schedule', 'webhook']);
  });
});
