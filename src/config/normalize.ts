import { normalizeDeploy, type Deploy } from './deploy.js';
import type {
  AgentYaml, CiYaml, CredentialYaml, EnvironmentYaml, MlopsYaml,
  NotificationsYaml, TrainingYaml, TriggersYaml,
} from './types.js';

/** The config with every default applied; what plans and templates read. */
export interface Config {
  /** mlops.yaml path relative to the project root, as named in markers. */
  source: string;
  project: string;
  scm: { url?: string; branch: string; credential?: string };
  library: { name: string; version?: string; source: 'repo' | 'global'; path: string };
  output: { dir: string; ciJenkinsfile: string };
  agent: AgentYaml;
  /** Runs gates, deploys and rollbacks; needs the targets' tools. */
  deployAgent: AgentYaml;
  timeouts: { ci: number; cd: number; ct: number; approval: number };
  credentials: Record<string, CredentialYaml>;
  notifications: NotificationsYaml & { onSuccess: boolean };
  registry: { type: 'mlflow' | 'none'; trackingUri?: string; credential?: string };
  state: { dir: string };
  environments: EnvironmentYaml[];
  models: Model[];
}

export interface Model {
  name: string;
  paths: string[];
  agent: AgentYaml;
  ci: CiYaml & { junit: string[] };
  training?: TrainingYaml;
  triggers: TriggersYaml;
  deploy?: Deploy;
}

export const DEFAULT_ENVIRONMENTS: EnvironmentYaml[] = [
  { name: 'staging' },
  { name: 'production', approval: { submitters: 'ml-leads' } },
];

/** Pure: a schema-valid MlopsYaml to a Config. */
export function normalize(raw: MlopsYaml, source = 'mlops.yaml'): Config {
  const agent: AgentYaml = raw.agent ?? { label: 'linux' };
  const environments = raw.environments ?? DEFAULT_ENVIRONMENTS;
  const state = { dir: '/var/lib/mlops-jenkins', ...raw.state };
  return {
    source,
    project: raw.project,
    scm: { branch: 'main', ...raw.scm },
    library: { name: 'mlops', source: 'repo', path: 'jenkins/library', ...raw.library },
    output: { dir: 'jenkins', ciJenkinsfile: 'Jenkinsfile', ...raw.output },
    agent,
    deployAgent: raw.deployAgent ?? agent,
    timeouts: { ci: 60, cd: 120, ct: 360, approval: 1440, ...raw.timeouts },
    credentials: raw.credentials ?? {},
    notifications: { onSuccess: true, ...raw.notifications },
    registry: raw.registry ?? { type: 'none' },
    state,
    environments,
    models: raw.models.map((m) => ({
      name: m.name,
      paths: m.paths ?? ['**'],
      agent: m.agent ?? agent,
      ci: { junit: [], ...m.ci },
      training: m.training,
      triggers: m.triggers ?? {},
      deploy: m.deploy && normalizeDeploy(m.deploy, m.name, environments.map((e) => e.name), state.dir),
    })),
  };
}
