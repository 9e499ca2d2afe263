import type { Config } from '../config/normalize.js';
import { agentBlock } from './agent.js';
import { deployable, rollbackArgs } from './cd.js';
import { libraryLoad } from './library.js';
import { notifyArgs } from './notify.js';

export interface RollbackView {
  libraryLoad: string;
  timeoutMinutes: number;
  modelNames: string[];
  environmentNames: string[];
  /** mlopsRollback arguments (all but the version) by model, then environment. */
  rollback: Record<string, Record<string, Record<string, unknown>>>;
  agent: string;
  /** mlopsNotify arguments for the post section; null without notifications. */
  notify: Record<string, unknown> | null;
}

/** The manual rollback job: same targets and steps as CD, driven by parameters. */
export function rollbackView(config: Config): RollbackView {
  const models = deployable(config);
  const envNames = config.environments.map((e) => e.name);
  return {
    libraryLoad: libraryLoad(config),
    timeoutMinutes: config.timeouts.cd,
    modelNames: models.map((m) => m.name),
    environmentNames: envNames,
    rollback: Object.fromEntries(
      models.map((m) => [m.name, Object.fromEntries(envNames.map((e) => [e, rollbackArgs(config, m, e)]))]),
    ),
    agent: agentBlock(config.deployAgent, 6),
    notify: notifyArgs(config),
  };
}
