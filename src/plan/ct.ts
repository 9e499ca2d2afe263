import type { Config, Model } from '../config/normalize.js';
import { agentBlock } from './agent.js';
import { libraryLoad } from './library.js';

export interface CtView {
  libraryLoad: string;
  model: string;
  timeoutMinutes: number;
  cron: string | null;
  agent: string;
  train: Record<string, unknown>;
}

/** Models that retrain: those with a `training` section. */
export function trainable(config: Config): Model[] {
  return config.models.filter((m) => m.training !== undefined);
}

export function ctView(config: Config, m: Model): CtView {
  return {
    libraryLoad: libraryLoad(config),
    model: m.name,
    timeoutMinutes: config.timeouts.ct,
    cron: m.triggers.schedule ?? null,
    agent: agentBlock(m.agent, 6),
    train: { model: m.name, command: m.training!.command },
  };
}
