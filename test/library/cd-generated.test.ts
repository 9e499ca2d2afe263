// Done-when check: for every target, the CD and rollback Jenkinsfiles generated from an
// mlops.yaml carry what the library needs to deploy, detect a failed check and roll back.
// The generated DEPLOY / ROLLBACK maps are run under the harness exactly as written (fakes
// for tools with no engine here; the local target for real).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeFakes, type Fakes } from '../fakes/fakes.js';
import { runScenarios, ROOT, type Scenario, type ScenarioResult } from '../harness/run.js';
import { runCli, tempDir } from '../helpers/cli.js';

const project = tempDir('cd-generated-');
const state = join(project, 'state');
const server = `${process.execPath} ${join(ROOT, 'test/fixtures/model-server.mjs')}`;

const mlopsYaml = `version: 1
project: deploy-all
scm: {url: "https://git.example.com/ml/deploy-all.git"}
credentials:
  ssh: {id: ssh-deploy, type: sshUserPrivateKey}
  registry: {id: registry-push, type: usernamePassword}
  kube: {id: kubeconfig, type: file}
  aws: {id: aws-deployer, type: usernamePassword}
  gcp: {id: gcp-sa, type: file}
state:
  dir: ${state}
notifications:
  email: {to: [ml-team@example.com]}
environments:
  - name: staging
  - name: production
    approval: {submitters: ml-leads}
models:
  - name: local-m
    deploy:
      target: {type: local, startCommand: "${server}", installCommand: 'cp -R "$WORKSPACE/models/$MLOPS_VERSION/." .'}
      healthCheck: {attempts: 2, intervalSeconds: 1}
  - name: ssh-m
    deploy:
      target: {type: ssh, host: models.example.com, dir: /srv/ssh-m, startCommand: python serve.py, credential: ssh}
      healthCheck: {url: 'https://ssh-m.example.com/health', attempts: 2, intervalSeconds: 1}
  - name: docker-m
    deploy:
      target: {type: docker, image: registry.example.com/docker-m, network: models, credential: registry}
      strategy: blue-green
  - name: k8s-m
    deploy:
      target: {type: kubernetes, deployment: k8s-m, image: registry.example.com/k8s-m, credential: kube}
  - name: helm-m
    deploy:
      target: {type: helm, release: helm-m, chart: charts/helm-m, credential: kube}
      healthCheck: {url: 'https://helm-m.example.com/health', attempts: 2, intervalSeconds: 1}
  - name: sm-m
    deploy:
      target:
        type: sagemaker
        endpoint: sm-m
        region: eu-west-1
        roleArn: arn:aws:iam::123456789012:role/sm
        image: 123456789012.dkr.ecr.eu-west-1.amazonaws.com/sm-m:{version}
        modelData: s3://models/sm-m/{version}/model.tar.gz
        instanceType: ml.m5.large
        credential: aws
  - name: vertex-m
    deploy:
      target: {type: vertex, project: acme-ml, region: europe-west4, endpoint: '42', modelId: '567', credential: gcp}
      strategy: canary
      canary:
        steps: [20]
        analysis: {provider: http, url: 'https://metrics.example.com/vertex-m', field: error_rate, successCondition: result < 0.05, count: 1}
  - name: azure-m
    deploy:
      target: {type: azureml, endpoint: azure-m, resourceGroup: ml-rg, workspace: ml-ws, deploymentFile: deploy/azure.yml, modelName: azure-m}
`;

type Rule = [string, number, string?, number?];
/** Per model: fake answers of a good deploy, of a failing one, and a rollback command to expect. */
const targets: Record<string, { ok: Rule[]; fail: Rule[]; rollback: RegExp }> = {
  'local-m': { ok: [], fail: [], rollback: /^$/ },
  'ssh-m': {
    ok: [['curl *', 0, '200']],
    fail: [['curl *', 0, '503', 2], ['curl *', 0, '200']],
    rollback: /^ssh -o BatchMode=yes -p 22 -i \S+ deploy@models.example.com sh -s$/,
  },
  'docker-m': {
    ok: [['docker inspect --format *', 0, 'running healthy']],
    fail: [['docker inspect --format * mlops-docker-m-staging-2', 0, 'exited 137'], ['docker inspect --format *', 0, 'running healthy']],
    rollback: /^docker rm --force mlops-docker-m-staging-2$/,
  },
  'k8s-m': {
    ok: [],
    fail: [['kubectl * rollout status *', 1, 'error: deployment "k8s-m" exceeded its progress deadline', 1]],
    rollback: /^kubectl --namespace default set image deployment\/k8s-m k8s-m=registry.example.com\/k8s-m:1$/,
  },
  'helm-m': {
    ok: [['helm status *', 0, 'STATUS: deployed'], ['curl *', 0, '200']],
    fail: [['helm status *', 0, 'STATUS: deployed'], ['helm get values *', 0, '{"image":{"tag":"2"}}'], ['curl *', 0, '503', 2], ['curl *', 0, '200']],
    rollback: /^helm upgrade --install helm-m charts\/helm-m --namespace default --atomic --wait --timeout 300s --set-string image.tag=1$/,
  },
  'sm-m': {
    ok: [['aws sagemaker describe-endpoint * --query *', 0, 'InService\tsm-m-staging-2']],
    fail: [['aws sagemaker describe-endpoint * --query *', 0, 'Failed\tsm-m-staging-2', 1], ['aws sagemaker describe-endpoint * --query *', 0, 'InService\tsm-m-staging-1']],
    rollback: /^aws sagemaker update-endpoint --endpoint-name sm-m --region eu-west-1 --endpoint-config-name sm-m-staging-1$/,
  },
  'vertex-m': {
    ok: [['gcloud ai endpoints describe *', 0, '111\tvertex-m-1\n222\tvertex-m-2'], ['curl *', 0, '{"error_rate": 0.01}']],
    fail: [['gcloud ai endpoints describe *', 0, '111\tvertex-m-1\n222\tvertex-m-2'], ['curl *', 0, '{"error_rate": 0.3}']],
    rollback: /^gcloud ai endpoints update 42 --project acme-ml --region europe-west4 --traffic-split=111=100,222=0$/,
  },
  'azure-m': {
    ok: [['az ml online-deployment show * --query provisioning_state *', 0, 'Succeeded']],
    fail: [['az ml online-deployment show --endpoint-name azure-m --name v2 * --query provisioning_state *', 0, 'Failed'], ['az ml online-deployment show * --query provisioning_state *', 0, 'Succeeded']],
    rollback: /^az ml online-endpoint update --name azure-m --resource-group ml-rg --workspace-name ml-ws --traffic v1=100 v2=0$/,
  },
};

const fakes: Record<string, Fakes> = {};
const results: Record<string, ScenarioResult> = {};
let cdText = '';
let rollbackText = '';

/** The maps a generated Jenkinsfile defines before `pipeline {`, without the library line. */
function definitions(jenkinsfile: string): string {
  const head = jenkinsfile.slice(0, jenkinsfile.indexOf('\npipeline {'));
  return head.split('\n').filter((l) => !/^(library\(|@Library)/.test(l)).join('\n');
}

function seedLedger(model: string): void {
  mkdirSync(join(state, 'ledger', model), { recursive: true });
  const entry = { model, environment: 'staging', version: '1', previous: null, action: 'deploy', outcome: 'succeeded', build: 1 };
  writeFileSync(join(state, 'ledger', model, 'staging.jsonl'), `${JSON.stringify(entry)}\n`);
}

beforeAll(async () => {
  writeFileSync(join(project, 'mlops.yaml'), mlopsYaml);
  const gen = await runCli(['generate'], project);
  expect(gen.exitCode, gen.stderr).toBe(0);
  cdText = readFileSync(join(project, 'jenkins/cd.Jenkinsfile'), 'utf8');
  rollbackText = readFileSync(join(project, 'jenkins/rollback.Jenkinsfile'), 'utf8');
  const ws = join(project, 'ws');
  for (const v of ['1', '2']) {
    mkdirSync(join(ws, 'models', v), { recursive: true });
    writeFileSync(join(ws, 'models', v, 'model.json'), '{}');
  }
  writeFileSync(join(ws, 'models', '2', 'unhealthy'), '');
  const credentials = {
    'ssh-deploy': { type: 'sshUserPrivateKey' as const, username: 'deploy', key: 'KEY' },
    'registry-push': { type: 'usernamePassword' as const, username: 'bot', password: 'pw' },
    kubeconfig: { type: 'file' as const, content: 'kube' },
    'aws-deployer': { type: 'usernamePassword' as const, username: 'AKIA', password: 'secret' },
    'gcp-sa': { type: 'file' as const, content: '{}' },
  };
  const deploy = (model: string, version: string) =>
    `${definitions(cdText)}\nlock(resource: 'mlops-${model}-staging') {\n  mlopsDeploy(DEPLOY['${model}']['staging'] + [version: '${version}'])\n}`;
  const scenarios: Scenario[] = [];
  for (const [model, t] of Object.entries(targets)) {
    if (model === 'local-m') continue;
    seedLedger(model);
    // The failing deploy first: it leaves version 1 live again for the good one.
    for (const [kind, rules] of [['fail', t.fail], ['ok', t.ok]] as const) {
      const f = makeFakes();
      for (const r of rules) f.rule(...r);
      fakes[`${model} ${kind}`] = f;
      scenarios.push({ name: `${model} ${kind}`, workspace: ws, env: f.env, credentials, script: deploy(model, '2') });
    }
  }
  // The local target deploys v1 (good) then v2 (its health check fails) for real.
  scenarios.push({ name: 'local-m ok', workspace: ws, credentials, script: deploy('local-m', '1') });
  scenarios.push({ name: 'local-m fail', workspace: ws, credentials, script: deploy('local-m', '2') });
  // Manual rollback job, as generated: k8s-m back to the version before the live one.
  const k8s = makeFakes();
  fakes['k8s-m manual'] = k8s;
  scenarios.push({
    name: 'k8s-m manual',
    workspace: ws,
    env: k8s.env,
    credentials,
    script: `${definitions(rollbackText)}\nmlopsRollback(ROLLBACK['k8s-m']['staging'] + [version: ''])`,
  });
  // Each model's CD job reads the same file; its MODEL choices are its own model only.
  const choices = `${definitions(cdText)}\necho('MODEL choices: ' + (JOB_MODEL in MODELS ? [JOB_MODEL] : MODELS))`;
  for (const job of ['cd-k8s-m', 'cd-unknown']) {
    scenarios.push({ name: `choices ${job}`, workspace: ws, env: { JOB_BASE_NAME: job }, credentials, script: choices });
  }
  for (const r of await runScenarios(scenarios)) results[r.name] = r;
}, 180_000);

afterAll(() => {
  for (const v of ['1', '2']) {
    try {
      process.kill(Number(readFileSync(join(state, 'serving/local-m/staging/versions', v, 'server.pid'), 'utf8')));
    } catch {
      // Already stopped by the library.
    }
  }
});

describe.each(Object.keys(targets))('generated CD for %s', (model) => {
  it('deploys', () => {
    expect(results[`${model} ok`]).toMatchObject({ result: 'SUCCESS', error: null });
  });

  it('detects the failed check and rolls back to the previous version', () => {
    const r = results[`${model} fail`]!;
    expect(r.result).toBe('FAILURE');
    expect(r.error).toMatch(new RegExp(`^Deploy of ${model} 2 to staging failed \\(.*\\); rolled back to 1$`));
    if (fakes[`${model} fail`]) expect(fakes[`${model} fail`]!.lines()).toContainEqual(expect.stringMatching(targets[model]!.rollback));
  });
});

describe('generated CD and rollback jobs', () => {
  it('restores the previous good version from the ledger', () => {
    const r = results['k8s-m manual']!;
    expect(r).toMatchObject({ result: 'SUCCESS', description: 'k8s-m rolled back to 1 in staging' });
    expect(fakes['k8s-m manual']!.lines()[0]).toBe(
      'kubectl --namespace default set image deployment/k8s-m k8s-m=registry.example.com/k8s-m:1',
    );
  });

  it('keeps approvals outside any agent and deploys under lock and milestone', () => {
    expect(cdText).toMatch(/stage\('Approve production'\) \{\n\s+agent none\n\s+steps \{\n\s+timeout\(time: 1440, unit: 'MINUTES'\) \{\n\s+input\(/);
    expect(cdText).toContain("lock(resource: 'mlops-' + params.MODEL + '-production')");
    expect(cdText).toContain('milestone(ordinal: 4)');
    expect(cdText).toContain("string(name: 'VERSION'");
  });

  it('limits MODEL to the model of the job (cd-<model>), all models for another job name', () => {
    expect(results['choices cd-k8s-m']!.log).toContain('MODEL choices: [k8s-m]');
    expect(results['choices cd-unknown']!.log).toContain(
      'MODEL choices: [local-m, ssh-m, docker-m, k8s-m, helm-m, sm-m, vertex-m, azure-m]');
    expect(cdText).toContain("choice(name: 'MODEL', choices: JOB_MODEL in MODELS ? [JOB_MODEL] : MODELS,");
  });

  it('asks for approval naming the model and version, joined from params in Groovy', () => {
    expect(cdText).toContain(
      "input(message: params.MODEL + ' ' + params.VERSION + ' to ' + 'production' + ': ' +\n" +
        "            'Deploy to this environment?', submitter: 'ml-leads')",
    );
  });

  it('notifies on failure and on the first good build after failures, in CD and rollback', () => {
    const post =
      '  post {\n    failure {\n' +
      "      mlopsNotify([onSuccess: true, email: [to: 'ml-team@example.com']])\n" +
      '    }\n    fixed {\n' +
      "      mlopsNotify([onSuccess: true, email: [to: 'ml-team@example.com']])\n" +
      '    }\n  }\n}\n';
    expect(cdText.endsWith(post)).toBe(true);
    expect(rollbackText.endsWith(post)).toBe(true);
  });
});
