/**
 * mlops.yaml as the user writes it. Held equal to schemas/mlops.schema.json by
 * test/config/types.test.ts: a fully populated example typed with these interfaces
 * must cover exactly the schema's property paths.
 */
export interface MlopsYaml {
  version: 1;
  project: string;
  scm?: ScmYaml;
  library?: LibraryYaml;
  output?: OutputYaml;
  agent?: AgentYaml;
  timeouts?: TimeoutsYaml;
  credentials?: Record<string, CredentialYaml>;
  notifications?: NotificationsYaml;
  registry?: RegistryYaml;
  state?: StateYaml;
  environments?: EnvironmentYaml[];
  models: ModelYaml[];
}

export interface ScmYaml {
  url: string;
  branch?: string;
  credential?: string;
}

export interface LibraryYaml {
  name?: string;
  version?: string;
  source?: 'repo' | 'global';
  path?: string;
}

export interface OutputYaml {
  dir?: string;
  ciJenkinsfile?: string;
}

/** Exactly one key is set (the schema enforces it). */
export interface AgentYaml {
  label?: string;
  docker?: DockerAgentYaml;
  kubernetes?: KubernetesAgentYaml;
}

export interface DockerAgentYaml {
  image: string;
  label?: string;
  args?: string;
}

export interface KubernetesAgentYaml {
  image: string;
  cpu?: string;
  memory?: string;
  gpu?: number;
  gpuResource?: string;
  nodeSelector?: Record<string, string>;
  serviceAccount?: string;
  namespace?: string;
}

export interface TimeoutsYaml {
  ci?: number;
  cd?: number;
  ct?: number;
  approval?: number;
}

export type CredentialType = 'usernamePassword' | 'string' | 'file' | 'sshUserPrivateKey';

export interface CredentialYaml {
  id: string;
  type: CredentialType;
}

export interface NotificationsYaml {
  slack?: { channel: string; credential?: string };
  email?: { to: string[] };
  onSuccess?: boolean;
}

export interface RegistryYaml {
  type: 'mlflow' | 'none';
  trackingUri?: string;
  credential?: string;
}

export interface StateYaml {
  dir?: string;
}

export interface EnvironmentYaml {
  name: string;
  approval?: { submitters: string; message?: string };
}

export interface ModelYaml {
  name: string;
  paths?: string[];
  agent?: AgentYaml;
  ci?: CiYaml;
  training?: TrainingYaml;
  triggers?: TriggersYaml;
  deploy?: DeployYaml;
}

export interface CiYaml {
  setup?: string;
  lint?: string;
  unitTests?: string;
  integrationTests?: string;
  dataChecks?: string;
  junit?: string[];
  image?: ImageYaml;
}

export interface ImageYaml {
  name: string;
  dockerfile?: string;
  context?: string;
  credential?: string;
  pushBranches?: string[];
}

export interface TrainingYaml {
  command: string;
}

export interface TriggersYaml {
  schedule?: string;
}

export interface DeployYaml {
  target: { type: string };
}
