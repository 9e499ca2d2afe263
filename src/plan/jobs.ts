import type { Config } from '../config/normalize.js';
import { deployable } from './cd.js';
import { trainable } from './ct.js';

export interface JobsView {
  folder: string;
  scm: { url: string; branch: string; credentialsId: string | null };
  ci: { name: string; scriptPath: string };
  cd: { name: string; scriptPath: string; models: string[] } | null;
  rollback: { name: string; scriptPath: string; models: string[]; environments: string[] } | null;
  ct: { name: string; scriptPath: string; cron: string | null }[];
}

/**
 * The Job DSL seed. Triggers and parameters are declared here as well as in the
 * Jenkinsfiles: a Jenkinsfile's own take effect only after its first run.
 */
export function jobsView(config: Config): JobsView {
  const cred = config.scm.credential ? config.credentials[config.scm.credential] : undefined;
  const dir = config.output.dir;
  const f = config.project;
  const deployModels = deployable(config).map((m) => m.name);
  return {
    folder: f,
    scm: { url: config.scm.url ?? '', branch: config.scm.branch, credentialsId: cred?.id ?? null },
    ci: { name: `${f}/ci`, scriptPath: config.output.ciJenkinsfile },
    cd: deployModels.length ? { name: `${f}/cd`, scriptPath: `${dir}/cd.Jenkinsfile`, models: deployModels } : null,
    rollback: deployModels.length
      ? { name: `${f}/rollback`, scriptPath: `${dir}/rollback.Jenkinsfile`, models: deployModels, environments: config.environments.map((e) => e.name) }
      : null,
    ct: trainable(config).map((m) => ({
      name: `${f}/ct-${m.name}`,
      scriptPath: `${dir}/ct/${m.name}.Jenkinsfile`,
      cron: m.triggers.schedule ?? null,
    })),
  };
}
