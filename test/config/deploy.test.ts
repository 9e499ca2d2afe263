// The deploy section: each problem reported where it is, with a hint; defaults applied per
// environment.
import { describe, expect, it } from 'vitest';
import { parseConfigText } from '../../src/config/load.js';
import { normalize } from '../../src/config/normalize.js';
import type { MlopsYaml } from '../../src/config/types.js';
import { validateConfig } from '../../src/config/validate.js';

const head = `version: 1
project: p
scm: {url: "https://git.example.com/p.git"}
credentials:
  kube: {id: kube-id, type: file}
  token: {id: token-id, type: string}
models:
  - name: fraud
    deploy:
`;

async function problems(deploy: string): Promise<string[]> {
  const cfg = parseConfigText('mlops.yaml', new TextEncoder().encode(head + deploy));
  return (await validateConfig(cfg)).map((d) => `${d.line}:${d.col} ${d.message} | ${d.hint ?? ''}`);
}

describe('deploy section validation', () => {
  it.each([
    [
      'a setting the target type needs, at the target',
      '      target: {type: kubernetes, image: reg/fraud}\n',
      ['10:7 missing required key "deployment" in models.0.deploy.target | Name of the Deployment whose image is set. example: "fraud-api"'],
    ],
    [
      'a misspelt setting, at its key, with the right name',
      '      target:\n        type: helm\n        release: fraud\n        chrt: charts/fraud\n',
      [
        '10:7 missing required key "chart" in models.0.deploy.target | Chart reference: a path in the repository, repo/name or an OCI URL. example: "charts/model-server"',
        '13:9 unknown key "chrt" in models.0.deploy.target | did you mean "chart"?',
      ],
    ],
    [
      'a setting of another target type',
      '      target: {type: docker, image: reg/fraud, network: ml, namespace: ml}\n',
      ['10:61 unknown key "namespace" in models.0.deploy.target | allowed keys: type, image, network, alias, healthCommand, credential'],
    ],
    [
      'a canary on a target that rolls out in place',
      '      target: {type: kubernetes, deployment: fraud, image: reg/fraud}\n      strategy: canary\n',
      ['11:17 canary needs a target that splits traffic (sagemaker, vertex, azureml); kubernetes and helm support replace | use strategy: replace, or a target that splits traffic'],
    ],
    [
      'canary settings without strategy: canary, at the canary block',
      '      target: {type: kubernetes, deployment: fraud, image: reg/fraud}\n      canary: {steps: [10]}\n',
      ['11:7 canary settings are only used with strategy: canary | set strategy: canary, or remove the canary block'],
    ],
    [
      'an environment override for an environment that does not exist',
      '      target: {type: kubernetes, deployment: fraud, image: reg/fraud}\n      environments:\n        prod: {namespace: ml-prod}\n',
      ['12:9 deploy.environments names an unknown environment "prod" | environments: staging, production'],
    ],
    [
      'a credential of the wrong type for the target',
      '      target: {type: kubernetes, deployment: fraud, image: reg/fraud, credential: token}\n',
      ['10:83 credential "token" is string; a kubernetes target needs file | change credentials.token.type or reference another credential'],
    ],
    [
      'a canary that checks nothing',
      '      target: {type: vertex, project: acme-ml, region: eu, endpoint: "1", modelId: "2"}\n      strategy: canary\n',
      ['11:17 a canary without canary.analysis moves traffic without checking it | add canary.analysis (a Prometheus or HTTP JSON metric with a success condition)'],
    ],
  ])('reports %s', async (_name, deploy, want) => {
    expect(await problems(deploy)).toEqual(want);
  });

  it('accepts a complete kubernetes deploy with a production override', async () => {
    expect(await problems('      target: {type: kubernetes, deployment: fraud, image: reg/fraud, credential: kube}\n      environments:\n        production: {namespace: ml-prod}\n')).toEqual([]);
  });
});

describe('deploy defaults', () => {
  it('merges environment overrides over the target and fills per-environment defaults', () => {
    const raw = {
      version: 1,
      project: 'p',
      state: { dir: '/srv/state' },
      models: [
        { name: 'a', deploy: { target: { type: 'local', startCommand: 'serve' } } },
        {
          name: 'b',
          deploy: {
            target: { type: 'docker', image: 'reg/b', network: 'ml' },
            environments: { production: { network: 'ml-prod' } },
          },
        },
      ],
    } as MlopsYaml;
    const [a, b] = normalize(raw).models;
    expect(a!.deploy!.targets).toEqual({
      staging: { type: 'local', startCommand: 'serve', dir: '/srv/state/serving/a/staging' },
      production: { type: 'local', startCommand: 'serve', dir: '/srv/state/serving/a/production' },
    });
    expect(b!.deploy!.targets.production).toEqual({ type: 'docker', image: 'reg/b', network: 'ml-prod', alias: 'b-production' });
    expect(b!.deploy).toMatchObject({ strategy: 'replace', registeredModel: 'b', readiness: { attempts: 30 } });
  });
});
