// Every target without an engine on this machine, through fake binaries: the exact commands
// of a successful deploy of version 2 over version 1, and of a deploy whose check fails and
// is rolled back. All scenarios run in one JVM.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeFakes, type Fakes } from '../fakes/fakes.js';
import { runScenarios, type Credential, type Scenario, type ScenarioResult } from '../harness/run.js';
import { gmap } from './groovy-literal.js';

type Rule = [pattern: string, exit: number, output?: string, times?: number];

interface Case {
  target: Record<string, unknown>;
  credentials?: Record<string, Credential>;
  strategy?: string;
  canary?: Record<string, unknown>;
  healthCheck?: Record<string, unknown>;
  /** Fake answers of the deploy that succeeds. */
  ok?: Rule[];
  /** Fake answers of the deploy that fails after it went out; the first match wins. */
  fail: Rule[];
}

const prometheus = (value: string) =>
  `{"status":"success","data":{"resultType":"vector","result":[{"metric":{},"value":[1700000000,"${value}"]}]}}`;

const cases: Record<string, Case> = {
  kubernetes: {
    target: { type: 'kubernetes', namespace: 'ml', deployment: 'fraud', image: 'registry.example.com/fraud', credential: 'kube' },
    credentials: { kube: { type: 'file', content: 'apiVersion: v1' } },
    fail: [['kubectl * rollout status *', 1, 'error: deployment "fraud" exceeded its progress deadline', 1]],
  },
  helm: {
    target: { type: 'helm', release: 'fraud', chart: 'charts/fraud', namespace: 'ml', credential: 'kube' },
    credentials: { kube: { type: 'file', content: 'apiVersion: v1' } },
    ok: [['helm status *', 0, 'NAME: fraud\nSTATUS: deployed']],
    fail: [
      ['helm upgrade *', 1, 'Error: UPGRADE FAILED: release fraud failed, and has been rolled back due to atomic being set'],
      ['helm get values *', 0, '{"image":{"tag":"1"}}'],
      ['helm status *', 0, 'NAME: fraud\nSTATUS: deployed'],
    ],
  },
  'helm, health check fails': {
    target: { type: 'helm', release: 'fraud', chart: 'charts/fraud', namespace: 'ml' },
    healthCheck: { url: 'https://fraud.example.com/health', attempts: 2, intervalSeconds: 1 },
    ok: [
      ['helm status *', 0, 'NAME: fraud\\nSTATUS: deployed'],
      ['curl *', 0, '200'],
    ],
    fail: [
      ['helm get values *', 0, '{"image":{"tag":"2"}}'],
      ['helm status *', 0, 'NAME: fraud\\nSTATUS: deployed'],
      ['curl *', 0, '503', 2],
      ['curl *', 0, '200'],
    ],
  },
  docker: {
    target: { type: 'docker', image: 'registry.example.com/fraud', network: 'ml', alias: 'fraud', credential: 'registry' },
    credentials: { registry: { type: 'usernamePassword', username: 'bot', password: 'hunter2' } },
    ok: [
      ['docker container inspect mlops-fraud-production-2', 1, 'Error: No such container', 1],
      ['docker inspect --format *', 0, 'running healthy'],
    ],
    fail: [
      ['docker container inspect mlops-fraud-production-2', 1, 'Error: No such container', 1],
      ['docker inspect --format * mlops-fraud-production-2', 0, 'running unhealthy'],
      ['docker inspect --format *', 0, 'running healthy'],
    ],
  },
  sagemaker: {
    target: {
      type: 'sagemaker',
      endpoint: 'fraud-prod',
      region: 'eu-west-1',
      roleArn: 'arn:aws:iam::123456789012:role/sagemaker',
      image: '123456789012.dkr.ecr.eu-west-1.amazonaws.com/fraud:{version}',
      modelData: 's3://models/fraud/{version}/model.tar.gz',
      instanceType: 'ml.m5.large',
      alarms: ['fraud-5xx', 'fraud-latency'],
      credential: 'aws',
    },
    strategy: 'blue-green',
    credentials: { aws: { type: 'usernamePassword', username: 'AKIAEXAMPLE', password: 'aws-secret-value' } },
    ok: [
      ['aws sagemaker describe-model --model-name fraud-production-2 *', 254, 'Could not find model'],
      ['aws sagemaker describe-endpoint-config --endpoint-config-name fraud-production-2 *', 254, 'Could not find'],
      ['aws sagemaker describe-endpoint * --query *', 0, 'Updating\tfraud-production-2', 1],
      ['aws sagemaker describe-endpoint * --query *', 0, 'InService\tfraud-production-2'],
    ],
    fail: [
      ['aws sagemaker describe-model --model-name fraud-production-2 *', 254, 'Could not find model'],
      ['aws sagemaker describe-endpoint-config --endpoint-config-name fraud-production-2 *', 254, 'Could not find'],
      ['aws sagemaker describe-endpoint * --query *', 0, 'Failed\tfraud-production-2', 1],
      ['aws sagemaker describe-endpoint * --query *', 0, 'InService\tfraud-production-1'],
    ],
  },
  vertex: {
    target: { type: 'vertex', project: 'acme', region: 'europe-west4', endpoint: '1234', modelId: '567', credential: 'gcp' },
    credentials: { gcp: { type: 'file', content: '{"type":"service_account"}' } },
    strategy: 'canary',
    canary: {
      steps: [25],
      analysis: {
        provider: 'prometheus',
        url: 'http://prometheus.example:9090',
        query: 'sum(rate(fraud_errors[5m]))',
        successCondition: 'result < 0.05',
        count: 2,
        intervalSeconds: 1,
      },
    },
    ok: [
      ['gcloud ai endpoints describe *', 0, '111\tfraud-1\n222\tfraud-2'],
      ['curl *', 0, prometheus('0.01')],
    ],
    fail: [
      ['gcloud ai endpoints describe *', 0, '111\tfraud-1\n222\tfraud-2'],
      ['curl *', 0, prometheus('0.2')],
    ],
  },
  azureml: {
    target: {
      type: 'azureml',
      endpoint: 'fraud',
      resourceGroup: 'ml-rg',
      workspace: 'ml-ws',
      deploymentFile: 'deploy/azure.yml',
      modelName: 'fraud',
    },
    strategy: 'blue-green',
    ok: [['az ml online-deployment show * --query provisioning_state *', 0, 'Succeeded']],
    fail: [
      ['az ml online-deployment show --endpoint-name fraud --name v2 * --query provisioning_state *', 0, 'Failed'],
      ['az ml online-deployment show * --query provisioning_state *', 0, 'Succeeded'],
    ],
  },
};

const root = mkdtempSync(join(tmpdir(), 'cd-targets-'));
const fakes: Record<string, Fakes> = {};
const results: Record<string, ScenarioResult> = {};

function scenario(name: string, c: Case, failing: boolean): Scenario {
  const f = makeFakes();
  for (const r of failing ? c.fail : (c.ok ?? [])) f.rule(...r);
  fakes[name] = f;
  const state = join(root, name, 'state');
  mkdirSync(join(state, 'ledger/fraud'), { recursive: true });
  writeFileSync(
    join(state, 'ledger/fraud/production.jsonl'),
    `${JSON.stringify({ time: '2026-01-01T00:00:00Z', model: 'fraud', environment: 'production', version: '1', previous: null, action: 'deploy', outcome: 'succeeded', build: 1, job: 'cd' })}\n`,
  );
  const ws = join(root, name, 'ws');
  mkdirSync(ws, { recursive: true });
  const args = {
    model: 'fraud',
    version: '2',
    environment: 'production',
    stateDir: state,
    target: c.target,
    strategy: c.strategy,
    canary: c.canary,
    healthCheck: c.healthCheck,
    readiness: { attempts: 3, attemptTimeoutSeconds: 60, intervalSeconds: 1 },
  };
  return {
    name,
    workspace: ws,
    env: f.env,
    credentials: c.credentials,
    buildNumber: 7,
    script: `lock(resource: 'mlops-fraud-production') {\n  mlopsDeploy(${gmap(args).slice(1, -1)})\n}`,
  };
}

/** Temporary paths differ per run; the commands around them do not. */
const stable = (lines: string[]) =>
  lines.map((l) => l.replace(/\/\S*@tmp\/secretFiles\/secret\d+/g, '<secret-file>').replace(/ -o \/\S+/, ' -o <tmp>'));

beforeAll(async () => {
  const scenarios = Object.entries(cases).flatMap(([type, c]) => [
    scenario(`${type} deploy`, c, false),
    scenario(`${type} rollback`, c, true),
  ]);
  // Every readiness attempt times out (the 1st and 2nd timeout calls): the deploy is aborted
  // by its timeouts, and the rollback must still run.
  const aborted = scenario('kubernetes aborted', cases.kubernetes!, false);
  aborted.timeouts = [1, 2];
  aborted.script = aborted.script.replace("readiness: [attempts: 3", "readiness: [attempts: 2");
  scenarios.push(aborted);
  // kubectl set image itself fails (wrong container, RBAC): nothing changed, nothing undone.
  const refused = scenario('kubernetes set image refused', cases.kubernetes!, true);
  fakes['kubernetes set image refused']!.rule(
    'kubectl * set image *', 1, 'error: unable to find container named "fraud"');
  scenarios.push(refused);
  for (const r of await runScenarios(scenarios)) results[r.name] = r;
}, 120_000);

/** The exact commands, reviewed one by one against each tool's documentation. */
const expected: Record<string, string[]> = {
  'kubernetes deploy': [
    "kubectl --namespace ml set image deployment/fraud fraud=registry.example.com/fraud:2",
    "kubectl --namespace ml annotate deployment/fraud --overwrite kubernetes.io/change-cause=mlops: fraud 2 (7)",
    "kubectl --namespace ml rollout status deployment/fraud --timeout=60s",
  ],
  'kubernetes rollback': [
    "kubectl --namespace ml set image deployment/fraud fraud=registry.example.com/fraud:2",
    "kubectl --namespace ml annotate deployment/fraud --overwrite kubernetes.io/change-cause=mlops: fraud 2 (7)",
    "kubectl --namespace ml rollout status deployment/fraud --timeout=60s",
    "kubectl --namespace ml set image deployment/fraud fraud=registry.example.com/fraud:1",
    "kubectl --namespace ml annotate deployment/fraud --overwrite kubernetes.io/change-cause=mlops: fraud 1 (7)",
    "kubectl --namespace ml rollout status deployment/fraud --timeout=60s",
  ],
  'helm deploy': [
    "helm upgrade --install fraud charts/fraud --namespace ml --atomic --wait --timeout 300s --set-string image.tag=2",
    "helm status fraud --namespace ml",
  ],
  'helm rollback': [
    "helm upgrade --install fraud charts/fraud --namespace ml --atomic --wait --timeout 300s --set-string image.tag=2",
    "helm get values fraud --namespace ml --all --output json",
    "helm status fraud --namespace ml",
  ],
  'helm, health check fails deploy': [
    "helm upgrade --install fraud charts/fraud --namespace ml --atomic --wait --timeout 300s --set-string image.tag=2",
    "helm status fraud --namespace ml",
    "curl -sS -o <tmp> -w %{http_code} --max-time 30 https://fraud.example.com/health",
  ],
  'helm, health check fails rollback': [
    "helm upgrade --install fraud charts/fraud --namespace ml --atomic --wait --timeout 300s --set-string image.tag=2",
    "helm status fraud --namespace ml",
    "curl -sS -o <tmp> -w %{http_code} --max-time 30 https://fraud.example.com/health",
    "curl -sS -o <tmp> -w %{http_code} --max-time 30 https://fraud.example.com/health",
    "helm get values fraud --namespace ml --all --output json",
    "helm upgrade --install fraud charts/fraud --namespace ml --atomic --wait --timeout 300s --set-string image.tag=1",
    "helm status fraud --namespace ml",
    "curl -sS -o <tmp> -w %{http_code} --max-time 30 https://fraud.example.com/health",
  ],
  'docker deploy': [
    "docker container inspect mlops-fraud-production-2",
    "docker login --username bot --password-stdin registry.example.com",
    "docker pull registry.example.com/fraud:2",
    "docker run --detach --name mlops-fraud-production-2 --network ml --restart unless-stopped --label mlops.model=fraud --label mlops.environment=production --label mlops.version=2 registry.example.com/fraud:2",
    "docker inspect --format {{.State.Status}} {{if .State.Health}}{{.State.Health.Status}}{{end}} mlops-fraud-production-2",
    "docker network disconnect ml mlops-fraud-production-2",
    "docker network connect --alias fraud ml mlops-fraud-production-2",
    "docker container inspect mlops-fraud-production-1",
    "docker network disconnect ml mlops-fraud-production-1",
    "docker network connect ml mlops-fraud-production-1",
    "docker container inspect mlops-fraud-production-1",
    "docker rm --force mlops-fraud-production-1",
  ],
  'docker rollback': [
    "docker container inspect mlops-fraud-production-2",
    "docker login --username bot --password-stdin registry.example.com",
    "docker pull registry.example.com/fraud:2",
    "docker run --detach --name mlops-fraud-production-2 --network ml --restart unless-stopped --label mlops.model=fraud --label mlops.environment=production --label mlops.version=2 registry.example.com/fraud:2",
    "docker inspect --format {{.State.Status}} {{if .State.Health}}{{.State.Health.Status}}{{end}} mlops-fraud-production-2",
    "docker container inspect mlops-fraud-production-1",
    "docker start mlops-fraud-production-1",
    "docker inspect --format {{.State.Status}} {{if .State.Health}}{{.State.Health.Status}}{{end}} mlops-fraud-production-1",
    "docker network disconnect ml mlops-fraud-production-1",
    "docker network connect --alias fraud ml mlops-fraud-production-1",
    "docker container inspect mlops-fraud-production-2",
    "docker network disconnect ml mlops-fraud-production-2",
    "docker network connect ml mlops-fraud-production-2",
    "docker container inspect mlops-fraud-production-2",
    "docker rm --force mlops-fraud-production-2",
  ],
  'sagemaker deploy': [
    "aws sagemaker describe-model --model-name fraud-production-2 --region eu-west-1",
    "aws sagemaker create-model --model-name fraud-production-2 --region eu-west-1 --execution-role-arn arn:aws:iam::123456789012:role/sagemaker --primary-container Image=123456789012.dkr.ecr.eu-west-1.amazonaws.com/fraud:2,ModelDataUrl=s3://models/fraud/2/model.tar.gz",
    "aws sagemaker describe-endpoint-config --endpoint-config-name fraud-production-2 --region eu-west-1",
    "aws sagemaker create-endpoint-config --endpoint-config-name fraud-production-2 --region eu-west-1 --production-variants VariantName=AllTraffic,ModelName=fraud-production-2,InstanceType=ml.m5.large,InitialInstanceCount=1",
    "aws sagemaker describe-endpoint --endpoint-name fraud-prod --region eu-west-1",
    "aws sagemaker update-endpoint --endpoint-name fraud-prod --region eu-west-1 --endpoint-config-name fraud-production-2 --deployment-config {\"BlueGreenUpdatePolicy\":{\"TrafficRoutingConfiguration\":{\"Type\":\"ALL_AT_ONCE\",\"WaitIntervalInSeconds\":0}},\"AutoRollbackConfiguration\":{\"Alarms\":[{\"AlarmName\":\"fraud-5xx\"},{\"AlarmName\":\"fraud-latency\"}]}}",
    "aws sagemaker describe-endpoint --endpoint-name fraud-prod --region eu-west-1 --query [EndpointStatus,EndpointConfigName] --output text",
    "aws sagemaker describe-endpoint --endpoint-name fraud-prod --region eu-west-1 --query [EndpointStatus,EndpointConfigName] --output text",
  ],
  'sagemaker rollback': [
    "aws sagemaker describe-model --model-name fraud-production-2 --region eu-west-1",
    "aws sagemaker create-model --model-name fraud-production-2 --region eu-west-1 --execution-role-arn arn:aws:iam::123456789012:role/sagemaker --primary-container Image=123456789012.dkr.ecr.eu-west-1.amazonaws.com/fraud:2,ModelDataUrl=s3://models/fraud/2/model.tar.gz",
    "aws sagemaker describe-endpoint-config --endpoint-config-name fraud-production-2 --region eu-west-1",
    "aws sagemaker create-endpoint-config --endpoint-config-name fraud-production-2 --region eu-west-1 --production-variants VariantName=AllTraffic,ModelName=fraud-production-2,InstanceType=ml.m5.large,InitialInstanceCount=1",
    "aws sagemaker describe-endpoint --endpoint-name fraud-prod --region eu-west-1",
    "aws sagemaker update-endpoint --endpoint-name fraud-prod --region eu-west-1 --endpoint-config-name fraud-production-2 --deployment-config {\"BlueGreenUpdatePolicy\":{\"TrafficRoutingConfiguration\":{\"Type\":\"ALL_AT_ONCE\",\"WaitIntervalInSeconds\":0}},\"AutoRollbackConfiguration\":{\"Alarms\":[{\"AlarmName\":\"fraud-5xx\"},{\"AlarmName\":\"fraud-latency\"}]}}",
    "aws sagemaker describe-endpoint --endpoint-name fraud-prod --region eu-west-1 --query [EndpointStatus,EndpointConfigName] --output text",
    "aws sagemaker describe-model --model-name fraud-production-1 --region eu-west-1",
    "aws sagemaker describe-endpoint-config --endpoint-config-name fraud-production-1 --region eu-west-1",
    "aws sagemaker update-endpoint --endpoint-name fraud-prod --region eu-west-1 --endpoint-config-name fraud-production-1",
    "aws sagemaker describe-endpoint --endpoint-name fraud-prod --region eu-west-1 --query [EndpointStatus,EndpointConfigName] --output text",
  ],
  'vertex deploy': [
    "gcloud ai endpoints describe 1234 --project acme --region europe-west4 --flatten=deployedModels --format=value(deployedModels.id,deployedModels.displayName)",
    "gcloud ai endpoints deploy-model 1234 --project acme --region europe-west4 --model=567@2 --display-name=fraud-2 --machine-type=n1-standard-2 --min-replica-count=1 --traffic-split=0=0,111=100",
    "gcloud ai endpoints describe 1234 --project acme --region europe-west4 --flatten=deployedModels --format=value(deployedModels.id,deployedModels.displayName)",
    "gcloud ai endpoints describe 1234 --project acme --region europe-west4 --flatten=deployedModels --format=value(deployedModels.id,deployedModels.displayName)",
    "gcloud ai endpoints describe 1234 --project acme --region europe-west4 --flatten=deployedModels --format=value(deployedModels.id,deployedModels.displayName)",
    "gcloud ai endpoints describe 1234 --project acme --region europe-west4 --flatten=deployedModels --format=value(deployedModels.id,deployedModels.displayName)",
    "gcloud ai endpoints update 1234 --project acme --region europe-west4 --traffic-split=222=25,111=75",
    "curl -fsS --max-time 30 --get --data-urlencode query=sum(rate(fraud_errors[5m])) http://prometheus.example:9090/api/v1/query",
    "curl -fsS --max-time 30 --get --data-urlencode query=sum(rate(fraud_errors[5m])) http://prometheus.example:9090/api/v1/query",
    "gcloud ai endpoints describe 1234 --project acme --region europe-west4 --flatten=deployedModels --format=value(deployedModels.id,deployedModels.displayName)",
    "gcloud ai endpoints describe 1234 --project acme --region europe-west4 --flatten=deployedModels --format=value(deployedModels.id,deployedModels.displayName)",
    "gcloud ai endpoints update 1234 --project acme --region europe-west4 --traffic-split=222=100,111=0",
    "gcloud ai endpoints describe 1234 --project acme --region europe-west4 --flatten=deployedModels --format=value(deployedModels.id,deployedModels.displayName)",
    "gcloud ai endpoints undeploy-model 1234 --project acme --region europe-west4 --deployed-model-id=111",
  ],
  'vertex rollback': [
    "gcloud ai endpoints describe 1234 --project acme --region europe-west4 --flatten=deployedModels --format=value(deployedModels.id,deployedModels.displayName)",
    "gcloud ai endpoints deploy-model 1234 --project acme --region europe-west4 --model=567@2 --display-name=fraud-2 --machine-type=n1-standard-2 --min-replica-count=1 --traffic-split=0=0,111=100",
    "gcloud ai endpoints describe 1234 --project acme --region europe-west4 --flatten=deployedModels --format=value(deployedModels.id,deployedModels.displayName)",
    "gcloud ai endpoints describe 1234 --project acme --region europe-west4 --flatten=deployedModels --format=value(deployedModels.id,deployedModels.displayName)",
    "gcloud ai endpoints describe 1234 --project acme --region europe-west4 --flatten=deployedModels --format=value(deployedModels.id,deployedModels.displayName)",
    "gcloud ai endpoints describe 1234 --project acme --region europe-west4 --flatten=deployedModels --format=value(deployedModels.id,deployedModels.displayName)",
    "gcloud ai endpoints update 1234 --project acme --region europe-west4 --traffic-split=222=25,111=75",
    "curl -fsS --max-time 30 --get --data-urlencode query=sum(rate(fraud_errors[5m])) http://prometheus.example:9090/api/v1/query",
    "gcloud ai endpoints describe 1234 --project acme --region europe-west4 --flatten=deployedModels --format=value(deployedModels.id,deployedModels.displayName)",
    "gcloud ai endpoints describe 1234 --project acme --region europe-west4 --flatten=deployedModels --format=value(deployedModels.id,deployedModels.displayName)",
    "gcloud ai endpoints update 1234 --project acme --region europe-west4 --traffic-split=111=100,222=0",
    "gcloud ai endpoints describe 1234 --project acme --region europe-west4 --flatten=deployedModels --format=value(deployedModels.id,deployedModels.displayName)",
    "gcloud ai endpoints describe 1234 --project acme --region europe-west4 --flatten=deployedModels --format=value(deployedModels.id,deployedModels.displayName)",
    "gcloud ai endpoints describe 1234 --project acme --region europe-west4 --flatten=deployedModels --format=value(deployedModels.id,deployedModels.displayName)",
    "gcloud ai endpoints describe 1234 --project acme --region europe-west4 --flatten=deployedModels --format=value(deployedModels.id,deployedModels.displayName)",
    "gcloud ai endpoints update 1234 --project acme --region europe-west4 --traffic-split=111=100,222=0",
    "gcloud ai endpoints describe 1234 --project acme --region europe-west4 --flatten=deployedModels --format=value(deployedModels.id,deployedModels.displayName)",
    "gcloud ai endpoints describe 1234 --project acme --region europe-west4 --flatten=deployedModels --format=value(deployedModels.id,deployedModels.displayName)",
    "gcloud ai endpoints undeploy-model 1234 --project acme --region europe-west4 --deployed-model-id=222",
  ],
  'azureml deploy': [
    "az ml online-deployment create --endpoint-name fraud --name v2 --resource-group ml-rg --workspace-name ml-ws --file deploy/azure.yml --set model=azureml:fraud:2",
    "az ml online-deployment show --endpoint-name fraud --name v2 --resource-group ml-rg --workspace-name ml-ws --query provisioning_state --output tsv",
    "az ml online-deployment show --endpoint-name fraud --name v1 --resource-group ml-rg --workspace-name ml-ws --query name --output tsv",
    "az ml online-endpoint update --name fraud --resource-group ml-rg --workspace-name ml-ws --traffic v2=100 v1=0",
    "az ml online-deployment show --endpoint-name fraud --name v1 --resource-group ml-rg --workspace-name ml-ws --query name --output tsv",
    "az ml online-deployment delete --endpoint-name fraud --name v1 --resource-group ml-rg --workspace-name ml-ws --yes",
  ],
  'azureml rollback': [
    "az ml online-deployment create --endpoint-name fraud --name v2 --resource-group ml-rg --workspace-name ml-ws --file deploy/azure.yml --set model=azureml:fraud:2",
    "az ml online-deployment show --endpoint-name fraud --name v2 --resource-group ml-rg --workspace-name ml-ws --query provisioning_state --output tsv",
    "az ml online-deployment show --endpoint-name fraud --name v1 --resource-group ml-rg --workspace-name ml-ws --query name --output tsv",
    "az ml online-deployment show --endpoint-name fraud --name v2 --resource-group ml-rg --workspace-name ml-ws --query name --output tsv",
    "az ml online-endpoint update --name fraud --resource-group ml-rg --workspace-name ml-ws --traffic v1=100 v2=0",
    "az ml online-deployment show --endpoint-name fraud --name v1 --resource-group ml-rg --workspace-name ml-ws --query provisioning_state --output tsv",
    "az ml online-deployment show --endpoint-name fraud --name v2 --resource-group ml-rg --workspace-name ml-ws --query name --output tsv",
    "az ml online-endpoint update --name fraud --resource-group ml-rg --workspace-name ml-ws --traffic v1=100 v2=0",
    "az ml online-deployment show --endpoint-name fraud --name v2 --resource-group ml-rg --workspace-name ml-ws --query name --output tsv",
    "az ml online-deployment delete --endpoint-name fraud --name v2 --resource-group ml-rg --workspace-name ml-ws --yes",
  ],
};

const messages: Record<string, RegExp> = {
  kubernetes: /readiness failed: readiness of fraud 2 on kubernetes failed for good/,
  helm: /deploy failed: script returned exit code 1/,
  'helm, health check fails': /health check failed: health check of https:\/\/fraud.example.com\/health not ready after 2 attempts/,
  docker: /readiness failed: readiness of fraud 2 on docker failed for good/,
  sagemaker: /readiness failed: readiness of fraud 2 on sagemaker failed for good/,
  vertex: /canary 25% failed: analysis canary 25% failed: 1 of 1 measurements did not meet 'result < 0.05'/,
  azureml: /readiness failed: readiness of fraud 2 on azureml failed for good/,
};

describe.each(Object.keys(cases))('%s target through fakes', (type) => {
  it('deploys version 2 with these exact commands', () => {
    const r = results[`${type} deploy`]!;
    expect(r).toMatchObject({ result: 'SUCCESS', error: null });
    expect(stable(fakes[`${type} deploy`]!.lines())).toEqual(expected[`${type} deploy`]);
  });

  it('rolls back to version 1 with these exact commands when a check fails', () => {
    const r = results[`${type} rollback`]!;
    expect(r.result).toBe('FAILURE');
    expect(r.error).toMatch(messages[type]!);
    expect(r.error).toMatch(/^Deploy of fraud 2 to production failed \(.*\); rolled back to 1$/);
    expect(stable(fakes[`${type} rollback`]!.lines())).toEqual(expected[`${type} rollback`]);
  });
});

describe('a deploy aborted by its timeouts', () => {
  it('still rolls back, and the failure names both versions', () => {
    const r = results['kubernetes aborted']!;
    expect(r.result).toBe('FAILURE');
    expect(r.error).toBe('Deploy of fraud 2 to production failed (readiness failed: Timeout has been exceeded); rolled back to 1');
    expect(r.calls.filter((c) => c.step === 'timeout').map((c) => c.fired ?? false)).toEqual([true, true, false]);
    expect(stable(fakes['kubernetes aborted']!.lines())).toEqual([
      'kubectl --namespace ml set image deployment/fraud fraud=registry.example.com/fraud:2',
      'kubectl --namespace ml annotate deployment/fraud --overwrite kubernetes.io/change-cause=mlops: fraud 2 (7)',
      'kubectl --namespace ml set image deployment/fraud fraud=registry.example.com/fraud:1',
      'kubectl --namespace ml annotate deployment/fraud --overwrite kubernetes.io/change-cause=mlops: fraud 1 (7)',
      'kubectl --namespace ml rollout status deployment/fraud --timeout=60s',
    ]);
  });
});

describe('a deploy whose first command fails', () => {
  it('leaves the target alone: no rollback, and the live version stays', () => {
    const r = results['kubernetes set image refused']!;
    expect(r.result).toBe('FAILURE');
    expect(r.error).toBe(
      'Deploy of fraud 2 to production failed (deploy failed: kubernetes changed nothing) ' +
        'before changing the target; not rolled back, 1 is still live',
    );
    expect(stable(fakes['kubernetes set image refused']!.lines())).toEqual([
      'kubectl --namespace ml set image deployment/fraud fraud=registry.example.com/fraud:2',
    ]);
  });
});

describe('credentials of the targets', () => {
  it('reach the tools only as environment variables, never as arguments', () => {
    const all = Object.values(fakes).flatMap((f) => f.lines()).join('\n');
    for (const secret of ['hunter2', 'aws-secret-value', 'AKIAEXAMPLE', 'apiVersion: v1']) {
      expect(all).not.toContain(secret);
    }
  });

  it('are bound with withCredentials to the variables each tool reads', () => {
    const bound = (name: string) =>
      results[name]!.calls.filter((c) => c.step === 'withCredentials').map((c) => c.args[0]);
    expect(bound('kubernetes deploy')[0]).toEqual({ kind: 'file', credentialsId: 'kube', variable: 'KUBECONFIG' });
    expect(bound('sagemaker deploy')[0]).toEqual({
      kind: 'usernamePassword',
      credentialsId: 'aws',
      usernameVariable: 'AWS_ACCESS_KEY_ID',
      passwordVariable: 'AWS_SECRET_ACCESS_KEY',
    });
    expect(bound('vertex deploy')[0]).toMatchObject({ variable: 'CLOUDSDK_AUTH_CREDENTIAL_FILE_OVERRIDE' });
    expect(bound('docker deploy')[0]).toMatchObject({ passwordVariable: 'MLOPS_REGISTRY_PASSWORD' });
  });
});
