import type { Config, Model } from '../config/normalize.js';
import type { Deploy } from '../config/deploy.js';
import type { TargetYaml } from '../config/types.js';
import { agentBlock } from './agent.js';
import { libraryLoad } from './library.js';
import { notifyArgs } from './notify.js';

export interface CdView {
  libraryLoad: string;
  timeoutMinutes: number;
  approvalMinutes: number;
  modelNames: string[];
  /** mlopsDeploy arguments (all but the version) by model, then environment. */
  deploy: Record<string, Record<string, Record<string, unknown>>>;
  /** mlopsGate arguments by model; null when the model has no gates. */
  gates: Record<string, Record<string, unknown> | null>;
  hasGates: boolean;
  agent: string;
  /** mlopsNotify arguments for the post section; null without notifications. */
  notify: Record<string, unknown> | null;
  environments: EnvironmentView[];
}

interface EnvironmentView {
  name: string;
  approveStage: string;
  deployStage: string;
  lockSuffix: string;
  /** Milestones: one when approved, one when the deploy starts; always increasing. */
  approvedMilestone: number;
  deployMilestone: number;
  approval: { submitters: string; message: string } | null;
}

/** Models that deploy: only those with a `deploy` section get a place in CD. */
export function deployable(config: Config): Model[] {
  return config.models.filter((m) => m.deploy !== undefined);
}

/**
 * The CD job of one model. Each model has its own (all read cd.Jenkinsfile): milestones are
 * per job, so a newer deploy of one model must not abort a deploy of another.
 */
export function cdJobName(config: Config, model: string): string {
  return `${config.project}/cd-${model}`;
}

/** Jenkins credential id of a credential name from mlops.yaml. */
function credentialId(config: Config, name: string | undefined): string | undefined {
  return name === undefined ? undefined : config.credentials[name]?.id;
}

function target(config: Config, t: TargetYaml): Record<string, unknown> {
  const { credential, ...rest } = t;
  const id = credentialId(config, credential);
  return id ? { ...rest, credential: id } : rest;
}

function registry(config: Config, d: Deploy, env: string): Record<string, unknown> | undefined {
  if (config.registry.type !== 'mlflow') return undefined;
  const id = credentialId(config, config.registry.credential);
  return {
    type: 'mlflow',
    trackingUri: config.registry.trackingUri,
    registeredModel: d.registeredModel,
    alias: env,
    ...(id ? { credential: id } : {}),
  };
}

/** What mlopsRollback needs for a model in an environment (the version comes as a parameter). */
export function rollbackArgs(config: Config, m: Model, env: string): Record<string, unknown> {
  const d = m.deploy!;
  const reg = registry(config, d, env);
  return {
    model: m.name,
    environment: env,
    target: target(config, d.targets[env]!),
    readiness: d.readiness,
    healthCheck: d.healthCheck,
    ...(reg ? { registry: reg } : {}),
    stateDir: config.state.dir,
  };
}

/** What mlopsDeploy needs for a model in an environment (the version comes as a parameter). */
export function deployArgs(config: Config, m: Model, env: string): Record<string, unknown> {
  const d = m.deploy!;
  const args: Record<string, unknown> = { ...rollbackArgs(config, m, env), strategy: d.strategy };
  if (d.strategy === 'canary') {
    const { analysis, ...rest } = d.canary;
    const metricsId = credentialId(config, analysis?.credential);
    args.canary = analysis
      ? { ...rest, analysis: { ...analysis, ...(metricsId ? { credential: metricsId } : {}) } }
      : rest;
  }
  if (d.smokeTest) args.smokeTest = d.smokeTest;
  return args;
}

function gateArgs(m: Model): Record<string, unknown> | null {
  const g = m.deploy?.gates;
  if (!g || (!g.thresholds && !g.perfTest)) return null;
  return { ...g };
}

export function cdView(config: Config): CdView {
  const models = deployable(config);
  const envNames = config.environments.map((e) => e.name);
  const gates = Object.fromEntries(models.map((m) => [m.name, gateArgs(m)]));
  return {
    libraryLoad: libraryLoad(config),
    timeoutMinutes: config.timeouts.cd,
    approvalMinutes: config.timeouts.approval,
    modelNames: models.map((m) => m.name),
    deploy: Object.fromEntries(
      models.map((m) => [m.name, Object.fromEntries(envNames.map((e) => [e, deployArgs(config, m, e)]))]),
    ),
    gates,
    hasGates: Object.values(gates).some((g) => g !== null),
    agent: agentBlock(config.deployAgent, 6),
    notify: notifyArgs(config),
    environments: config.environments.map((e, i) => ({
      name: e.name,
      approveStage: `Approve ${e.name}`,
      deployStage: `Deploy ${e.name}`,
      lockSuffix: `-${e.name}`,
      approvedMilestone: 2 * i + 1,
      deployMilestone: 2 * i + 2,
      approval: e.approval
        ? { submitters: e.approval.submitters, message: e.approval.message ?? 'Deploy to this environment?' }
        : null,
    })),
  };
}
