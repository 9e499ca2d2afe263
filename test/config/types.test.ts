import { describe, expect, it } from 'vitest';
import type { MlopsYaml, TargetSettingsYaml } from '../../src/config/types.js';
import { loadSchema, type JsonSchema } from '../../src/config/schema.js';

/**
 * The TypeScript types of mlops.yaml are held equal to the JSON Schema here: these samples
 * must type-check as MlopsYaml (so they use no key the types lack) and together use exactly
 * the property paths the schema defines (so neither side has a key the other lacks).
 * Adding a schema property means adding it to the types and to a sample.
 */
/** One value for every target setting; the schema lets each target type take a subset. */
const allTargetSettings: TargetSettingsYaml = {
  dir: '/d', startCommand: 's', installCommand: 'i', host: 'h', port: 22, user: 'u', image: 'i',
  network: 'n', alias: 'a', healthCommand: 'h', namespace: 'n', deployment: 'd', container: 'c',
  context: 'c', release: 'r', chart: 'c', chartVersion: '1', valuesFile: 'v.yaml', tagKey: 'image.tag',
  timeoutSeconds: 300, endpoint: 'e', region: 'r', roleArn: 'arn', modelData: 's3://m', instanceType: 'ml.m5',
  instanceCount: 1, alarms: ['a'], project: 'p', modelId: 'm', machineType: 'n1', minReplicas: 1,
  resourceGroup: 'rg', workspace: 'ws', deploymentFile: 'd.yml', modelName: 'm', credential: 'c',
};

const samples: MlopsYaml[] = [
  {
    version: 1,
    project: 'p',
    scm: { url: 'u', branch: 'main', credential: 'git' },
    library: { name: 'mlops', version: 'v1', source: 'repo', path: 'jenkins/library' },
    output: { dir: 'jenkins', ciJenkinsfile: 'Jenkinsfile' },
    agent: {
      label: 'linux',
      docker: { image: 'python', label: 'docker', args: '' },
      kubernetes: {
        image: 'python', cpu: '1', memory: '1Gi', gpu: 1, gpuResource: 'nvidia.com/gpu',
        nodeSelector: { k: 'v' }, serviceAccount: 'sa', namespace: 'ns',
      },
    },
    deployAgent: {
      label: 'deploy',
      docker: { image: 'kubectl', label: 'docker', args: '' },
      kubernetes: {
        image: 'kubectl', cpu: '1', memory: '1Gi', gpu: 0, gpuResource: 'nvidia.com/gpu',
        nodeSelector: { k: 'v' }, serviceAccount: 'sa', namespace: 'ns',
      },
    },
    timeouts: { ci: 1, cd: 1, ct: 1, approval: 1 },
    credentials: { git: { id: 'g', type: 'usernamePassword' } },
    notifications: { slack: { channel: '#c', credential: 's' }, email: { to: ['a@b.c'] }, onSuccess: true },
    registry: { type: 'mlflow', trackingUri: 'http://m', credential: 'm' },
    state: { dir: '/var/lib/x' },
    environments: [{ name: 'prod', approval: { submitters: 'x', message: 'ok?' } }],
    models: [
      {
        name: 'm',
        paths: ['**'],
        agent: {
          label: 'gpu',
          docker: { image: 'python', label: 'docker', args: '' },
          kubernetes: {
            image: 'python', cpu: '1', memory: '1Gi', gpu: 1, gpuResource: 'nvidia.com/gpu',
            nodeSelector: { k: 'v' }, serviceAccount: 'sa', namespace: 'ns',
          },
        },
        ci: {
          setup: 's', lint: 'l', unitTests: 'u', integrationTests: 'i', dataChecks: 'd', junit: ['r'],
          image: {
            name: 'i', dockerfile: 'D', context: '.', credential: 'r', pushBranches: ['main'],
            agent: {
              label: 'docker',
              docker: { image: 'docker', label: 'docker', args: '' },
              kubernetes: {
                image: 'docker', cpu: '1', memory: '1Gi', gpu: 0, gpuResource: 'nvidia.com/gpu',
                nodeSelector: { k: 'v' }, serviceAccount: 'sa', namespace: 'ns',
              },
            },
          },
        },
        training: {
          fetch: 'f', prepare: 'p', command: 'python train.py', evaluate: 'e',
          metricsFile: 'm.json', thresholds: ['auc >= 0.8', 'auc <= 1'],
          champion: { metric: 'auc', direction: 'higher', minImprovement: 0, alias: 'champion' },
          agent: {
            label: 'gpu',
            docker: { image: 'python', label: 'docker', args: '' },
            kubernetes: {
              image: 'python', cpu: '1', memory: '1Gi', gpu: 1, gpuResource: 'nvidia.com/gpu',
              nodeSelector: { k: 'v' }, serviceAccount: 'sa', namespace: 'ns',
            },
          },
          registeredModel: 'm', runIdFile: 'r', artifactPath: 'model', artifacts: 'out',
          artifactStore: 's3://b/p', handover: true,
        },
        triggers: {
          schedule: 'H * * * *',
          data: { type: 's3', source: 's3://b/p', poll: 'H/15 * * * *', gcsTool: 'auto',
            dvcUpdate: false },
          metric: { source: 'prometheus', url: 'http://p', query: 'q', jsonPath: 'a.b',
            command: 'c', threshold: 1, direction: 'below', cooldownMinutes: 60, poll: '@hourly' },
          webhook: { credential: 'hook' },
          upstream: { jobs: ['x'], threshold: 'SUCCESS' },
        },
        deploy: {
          target: { type: 'kubernetes', ...allTargetSettings },
          environments: { prod: allTargetSettings },
          strategy: 'canary',
          canary: {
            steps: [10, 50],
            waitSeconds: 60,
            analysis: {
              provider: 'prometheus', url: 'http://p', query: 'q', field: 'f', successCondition: 'result < 1',
              failureLimit: 1, count: 3, intervalSeconds: 60, credential: 'm',
            },
          },
          gates: {
            metricsFile: 'm.json',
            thresholds: ['auc >= 0.8'],
            perfTest: { command: 'k6 run', url: 'http://u', maxP95Ms: 200, maxErrorRate: 0.01, timeoutMinutes: 5 },
          },
          readiness: { attempts: 1, attemptTimeoutSeconds: 1, intervalSeconds: 1 },
          healthCheck: {
            url: 'http://u', path: '/h', expectStatus: 200, expectBody: 'ok',
            attempts: 1, attemptTimeoutSeconds: 1, intervalSeconds: 1,
          },
          smokeTest: { command: 'c', attempts: 1, attemptTimeoutSeconds: 1, intervalSeconds: 1 },
          registeredModel: 'm',
        },
      },
    ],
  },
];

function schemaPaths(root: JsonSchema): Set<string> {
  const defs = (root.$defs ?? {}) as Record<string, JsonSchema>;
  const out = new Set<string>();
  const go = (s: JsonSchema | undefined, path: string, depth: number) => {
    if (!s || depth > 30) return;
    if (s.$ref) go(defs[s.$ref.replace('#/$defs/', '')], path, depth + 1);
    for (const key of ['oneOf', 'anyOf', 'allOf'] as const) {
      for (const sub of (s[key] as JsonSchema[] | undefined) ?? []) go(sub, path, depth + 1);
    }
    for (const key of ['then', 'else'] as const) go(s[key] as JsonSchema | undefined, path, depth + 1);
    for (const [k, sub] of Object.entries(s.properties ?? {})) {
      out.add(`${path}.${k}`);
      go(sub, `${path}.${k}`, depth + 1);
    }
    if (typeof s.additionalProperties === 'object') {
      out.add(`${path}.*`);
      go(s.additionalProperties as JsonSchema, `${path}.*`, depth + 1);
    }
    if (typeof s.items === 'object') go(s.items as JsonSchema, `${path}[]`, depth + 1);
  };
  go(root, '', 0);
  return out;
}

/** Paths used by a sample, with map keys written `*` where the schema has open maps. */
function samplePaths(value: unknown, schemaSet: Set<string>, path = '', out = new Set<string>()): Set<string> {
  if (Array.isArray(value)) {
    for (const v of value) samplePaths(v, schemaSet, `${path}[]`, out);
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const open = schemaSet.has(`${path}.*`) || [...schemaSet].some((p) => p.startsWith(`${path}.*.`));
      const seg = !schemaSet.has(`${path}.${k}`) && open ? `${path}.*` : `${path}.${k}`;
      out.add(seg);
      samplePaths(v, schemaSet, seg, out);
    }
  }
  return out;
}

describe('config types and JSON Schema', () => {
  it('use the same property paths', () => {
    const fromSchema = schemaPaths(loadSchema());
    const fromTypes = new Set<string>();
    for (const s of samples) for (const p of samplePaths(s, fromSchema)) fromTypes.add(p);
    const onlySchema = [...fromSchema].filter((p) => !fromTypes.has(p)).sort();
    const onlyTypes = [...fromTypes].filter((p) => !fromSchema.has(p)).sort();
    expect({ onlySchema, onlyTypes }).toEqual({ onlySchema: [], onlyTypes: [] });
  });

  it('give every property a description and an example, and close every object', () => {
    const root = loadSchema();
    const problems: string[] = [];
    const visit = (s: JsonSchema, path: string) => {
      if (s.type === 'object' && s.additionalProperties === undefined && !s.$ref) problems.push(`${path}: additionalProperties not set`);
      for (const [k, sub] of Object.entries(s.properties ?? {})) {
        if (!sub.description) problems.push(`${path}.${k}: no description`);
        if (!sub.examples?.length) problems.push(`${path}.${k}: no examples`);
        visit(sub, `${path}.${k}`);
      }
      for (const key of ['oneOf', 'anyOf', 'allOf'] as const) {
        ((s[key] as JsonSchema[] | undefined) ?? []).forEach((sub, i) => visit(sub, `${path}/${key}${i}`));
      }
      if (typeof s.additionalProperties === 'object') visit(s.additionalProperties as JsonSchema, `${path}.*`);
      if (typeof s.items === 'object') visit(s.items as JsonSchema, `${path}[]`);
    };
    visit(root, '');
    for (const [name, def] of Object.entries((root.$defs ?? {}) as Record<string, JsonSchema>)) visit(def, `$defs.${name}`);
    expect(problems).toEqual([]);
  });
});
