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
  /** Set when the image is built in its own stage, on ci.image.agent. */
  image: { agent: string; args: Record<string, unknown>; testsStage: string; imageStage: string } | null;
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
  let imageArgs: Record<string, unknown> | undefined;
  if (ci.image) {
    const cred = ci.image.credential ? config.credentials[ci.image.credential] : undefined;
    imageArgs = {
      name: ci.image.name,
      dockerfile: ci.image.dockerfile ?? 'Dockerfile',
      context: ci.image.context ?? '.',
      pushBranches: ci.image.pushBranches ?? ['main'],
      ...(cred ? { credentialsId: cred.id } : {}),
    };
  }
  const imageAgent = ci.image?.agent;
  if (imageArgs && !imageAgent) args.image = imageArgs;
  if (isContainer(m.agent)) args.isolateHome = true;
  return {
    name: m.name,
    paths: m.paths,
    agent: agentBlock(m.agent, imageAgent ? 14 : 10),
    args,
    junit: ci.junit.length > 0 ? ci.junit.join(',') : null,
    image: imageArgs && imageAgent
      ? {
        agent: agentBlock(imageAgent, 14),
        args: { model: m.name, part: 'image', image: imageArgs },
        // Stage names are unique across the pipeline: Jenkins identifies stages by name.
        testsStage: `${m.name}: tests`,
        imageStage: `${m.name}: image`,
      }
      : null,
  };
}
