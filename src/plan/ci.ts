import type { Config, Model } from '../config/normalize.js';
import { agentBlock, isContainer } from './agent.js';
import { libraryLoad } from './library.js';
import { notifyArgs } from './notify.js';

export interface CiView {
  libraryLoad: string;
  timeoutMinutes: number;
  models: CiModelView[];
  notify: Record<string, unknown> | null;
}

interface CiModelView {
  name: string;
  paths: string[];
  agent: string;
  args: Record<string, unknown>;
  junit: string | null;
}

/** The multibranch CI pipeline: one parallel branch per model, run when its files changed. */
export function ciView(config: Config): CiView {
  return {
    libraryLoad: libraryLoad(config),
    timeoutMinutes: config.timeouts.ci,
    models: config.models.map((m) => modelView(config, m)),
    notify: notifyArgs(config),
  };
}

function modelView(config: Config, m: Model): CiModelView {
  const ci = m.ci;
  const args: Record<string, unknown> = { model: m.name };
  for (const key of ['setup', 'lint', 'unitTests', 'integrationTests', 'dataChecks'] as const) {
    if (ci[key] !== undefined) args[key] = ci[key];
  }
  if (ci.image) {
    const cred = ci.image.credential ? config.credentials[ci.image.credential] : undefined;
    args.image = {
      name: ci.image.name,
      dockerfile: ci.image.dockerfile ?? 'Dockerfile',
      context: ci.image.context ?? '.',
      pushBranches: ci.image.pushBranches ?? ['main'],
      ...(cred ? { credentialsId: cred.id } : {}),
    };
  }
  if (isContainer(m.agent)) args.isolateHome = true;
  return {
    name: m.name,
    paths: m.paths,
    agent: agentBlock(m.agent, 10),
    args,
    junit: ci.junit.length > 0 ? ci.junit.join(',') : null,
  };
}
