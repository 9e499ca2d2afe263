// The `deploy` section of a model: defaults applied (normalize) and the checks the schema
// cannot express (references to environments and credentials of the right type).
import { didYouMean } from './hints.js';
import { DEFAULT_ENVIRONMENTS } from './normalize.js';
import type {
  DeployYaml, GatesYaml, PollYaml, TargetSettingsYaml, TargetType, TargetYaml,
} from './types.js';

type Poll = Required<PollYaml>;

export interface Deploy {
  strategy: 'replace' | 'blue-green' | 'canary';
  canary: NonNullable<DeployYaml['canary']> & { steps: number[]; waitSeconds: number };
  gates?: GatesYaml;
  readiness: Poll;
  healthCheck: Poll & { url?: string; path: string; expectStatus: number; expectBody?: string };
  smokeTest?: Poll & { command: string };
  registeredModel: string;
  /** Target settings per environment name: `target`, then that environment's overrides. */
  targets: Record<string, TargetYaml>;
}

const READINESS: Poll = { attempts: 30, attemptTimeoutSeconds: 60, intervalSeconds: 10 };
const HEALTH: Poll = { attempts: 10, attemptTimeoutSeconds: 30, intervalSeconds: 5 };
const SMOKE: Poll = { attempts: 3, attemptTimeoutSeconds: 300, intervalSeconds: 10 };

/** Defaults that depend on where the target sits: its model, environment and state dir. */
function targetDefaults(
  type: TargetType,
  model: string,
  env: string,
  stateDir: string,
): TargetSettingsYaml {
  switch (type) {
    case 'local':
      return { dir: `${stateDir}/serving/${model}/${env}` };
    case 'docker':
      return { alias: `${model}-${env}` };
    default:
      return {};
  }
}

export function normalizeDeploy(
  raw: DeployYaml,
  model: string,
  environments: string[],
  stateDir: string,
): Deploy {
  const targets: Record<string, TargetYaml> = {};
  for (const env of environments) {
    const base = targetDefaults(raw.target.type, model, env, stateDir);
    targets[env] = { ...base, ...raw.target, ...raw.environments?.[env], type: raw.target.type };
  }
  return {
    strategy: raw.strategy ?? 'replace',
    canary: { steps: [10, 50], waitSeconds: 300, ...raw.canary },
    ...(raw.gates ? { gates: raw.gates } : {}),
    readiness: { ...READINESS, ...raw.readiness },
    healthCheck: { path: '/health', expectStatus: 200, ...HEALTH, ...raw.healthCheck },
    ...(raw.smokeTest ? { smokeTest: { ...SMOKE, ...raw.smokeTest } } : {}),
    registeredModel: raw.registeredModel ?? model,
    targets,
  };
}

/** Credential type each target reads, and where it puts it (see mlopsTarget.groovy). */
export const TARGET_CREDENTIAL: Record<TargetType, string | null> = {
  local: null,
  ssh: 'sshUserPrivateKey',
  docker: 'usernamePassword',
  kubernetes: 'file',
  helm: 'file',
  sagemaker: 'usernamePassword',
  vertex: 'file',
  azureml: null,
};

/** Targets that split traffic between two versions, which a canary needs. */
const CANARY_TARGETS: TargetType[] = ['sagemaker', 'vertex', 'azureml'];

type Path = (string | number)[];
type Report = (path: Path, message: string, hint?: string, key?: string) => void;

/** Checks on every model's deploy section of a schema-valid config. */
export function deployChecks(data: Record<string, unknown>, report: Report): void {
  const declared = data.environments as { name: string }[] | undefined;
  const envs = (declared ?? DEFAULT_ENVIRONMENTS).map((e) => e.name);
  const credentials = (data.credentials ?? {}) as Record<string, { type: string }>;
  const models = (data.models ?? []) as { deploy?: DeployYaml }[];
  models.forEach((m, i) => {
    const deploy = m.deploy;
    if (!deploy) return;
    const at: Path = ['models', i, 'deploy'];
    const type = deploy.target.type;
    for (const env of Object.keys(deploy.environments ?? {})) {
      if (!envs.includes(env)) {
        report([...at, 'environments'], `deploy.environments names an unknown environment "${env}"`,
          didYouMean(env, envs, 'environments'), env);
      }
    }
    const sites: [Path, string | undefined][] = [
      [[...at, 'target', 'credential'], deploy.target.credential],
    ];
    for (const [env, o] of Object.entries(deploy.environments ?? {})) {
      sites.push([[...at, 'environments', env, 'credential'], o.credential]);
    }
    for (const [path, name] of sites) {
      const cred = name === undefined ? undefined : credentials[name];
      if (!cred) continue;
      const needed = TARGET_CREDENTIAL[type];
      if (needed === null) {
        report(path, `a ${type} target takes no credential`,
          type === 'azureml' ? 'log the agent in to Azure (managed identity) and remove it' : 'remove it');
      } else if (cred.type !== needed) {
        report(path, `credential "${name}" is ${cred.type}; a ${type} target needs ${needed}`,
          `change credentials.${name}.type or reference another credential`);
      }
    }
    // Checked here rather than in the schema so that the message points at `strategy`.
    if (deploy.strategy === 'canary' && !CANARY_TARGETS.includes(type)) {
      report([...at, 'strategy'],
        `canary needs a target that splits traffic (${CANARY_TARGETS.join(', ')}); ` +
          (type === 'kubernetes' || type === 'helm'
            ? 'kubernetes and helm support replace'
            : `${type} supports replace and blue-green`),
        'use strategy: replace, or a target that splits traffic');
    } else if (deploy.strategy === 'canary' && type !== 'sagemaker' && !deploy.canary?.analysis) {
      report([...at, 'strategy'], 'a canary without canary.analysis moves traffic without checking it',
        'add canary.analysis (a Prometheus or HTTP JSON metric with a success condition)');
    }
    if (deploy.canary !== undefined && deploy.strategy !== 'canary') {
      report(at, 'canary settings are only used with strategy: canary',
        'set strategy: canary, or remove the canary block', 'canary');
    }
  });
}
