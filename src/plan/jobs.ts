import type { Config } from '../config/normalize.js';
import { cdJobName, deployable } from './cd.js';
import { ctJobName, ctView, pollJobName, pollView, trainable } from './ct.js';

export interface JobsView {
  folder: string;
  scm: { url: string; branch: string; credentialsId: string | null };
  ci: { name: string; scriptPath: string };
  /** One CD job per deployable model: milestones are per job, so one model never aborts another's deploy. */
  cd: { name: string; scriptPath: string; model: string; choices: string[] }[];
  rollback: { name: string; scriptPath: string; models: string[]; environments: string[] } | null;
  ct: CtJob[];
}

/** A training job, or a poller job, with the triggers the seed declares for it. */
export interface CtJob {
  name: string;
  description: string;
  scriptPath: string;
  cron: string | null;
  webhookCredentialId: string | null;
  upstream: { projects: string; threshold: string } | null;
  hasTriggers: boolean;
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
    cd: deployModels.map((m) => ({ name: cdJobName(config, m), scriptPath: `${dir}/cd.Jenkinsfile`, model: m,
      choices: [m] })),
    rollback: deployModels.length
      ? { name: `${f}/rollback`, scriptPath: `${dir}/rollback.Jenkinsfile`, models: deployModels, environments: config.environments.map((e) => e.name) }
      : null,
    ct: trainable(config).flatMap((m) => {
      const t = ctView(config, m).triggers;
      const jobs: CtJob[] = [{
        name: ctJobName(config, m),
        description: `Continuous training of ${m.name}.`,
        scriptPath: `${dir}/ct/${m.name}.Jenkinsfile`,
        cron: t?.cron ?? null,
        webhookCredentialId: t?.webhookCredentialId ?? null,
        upstream: t?.upstream ?? null,
        hasTriggers: t !== null,
      }];
      const poll = pollView(config, m);
      if (poll) {
        jobs.push({ name: pollJobName(config, m),
          description: `Polls the data and metric of ${m.name}; starts its training job.`,
          scriptPath: `${dir}/ct/${m.name}.poll.Jenkinsfile`, cron: poll.cron,
          webhookCredentialId: null, upstream: null, hasTriggers: true });
      }
      return jobs;
    }),
  };
}
