import type { Config, Model } from '../config/normalize.js';
import { agentBlock } from './agent.js';
import { libraryLoad } from './library.js';

export interface CdView {
  libraryLoad: string;
  timeoutMinutes: number;
  approvalMinutes: number;
  modelNames: string[];
  /** Per model: what mlopsDeploy needs, keyed by model name. */
  models: Record<string, unknown>;
  agent: string;
  environments: EnvironmentView[];
}

interface EnvironmentView {
  name: string;
  approveStage: string;
  deployStage: string;
  lockSuffix: string;
  milestone: number;
  approval: { submitters: string; message: string } | null;
}

/** Models that deploy: only those with a `deploy` section get a place in CD. */
export function deployable(config: Config): Model[] {
  return config.models.filter((m) => m.deploy !== undefined);
}

export function cdView(config: Config): CdView {
  const models = deployable(config);
  return {
    libraryLoad: libraryLoad(config),
    timeoutMinutes: config.timeouts.cd,
    approvalMinutes: config.timeouts.approval,
    modelNames: models.map((m) => m.name),
    models: Object.fromEntries(models.map((m) => [m.name, { target: m.deploy!.target }])),
    agent: agentBlock(config.agent, 8),
    environments: config.environments.map((e, i) => ({
      name: e.name,
      approveStage: `Approve ${e.name}`,
      deployStage: `Deploy ${e.name}`,
      lockSuffix: `-${e.name}`,
      milestone: i + 1,
      approval: e.approval
        ? { submitters: e.approval.submitters, message: e.approval.message ?? 'Deploy to this environment?' }
        : null,
    })),
  };
}
