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
  deployAgent?: AgentYaml;
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
  /** Docker-capable agent that builds the image; required with a container model agent. */
  agent?: AgentYaml;
}

export interface TrainingYaml {
  fetch?: string;
  prepare?: string;
  command: string;
  evaluate?: string;
  metricsFile?: string;
  /** `metric OP number`, as in deploy gates. */
  thresholds?: string[];
  champion?: { metric: string; direction?: 'higher' | 'lower'; minImprovement?: number;
    alias?: string };
  agent?: AgentYaml;
  registeredModel?: string;
  runIdFile?: string;
  artifactPath?: string;
  artifacts?: string;
  artifactStore?: string;
  handover?: boolean;
}

export interface DataTriggerYaml {
  type: 'path' | 's3' | 'gcs' | 'http' | 'dvc';
  source: string;
  poll?: string;
  gcsTool?: 'auto' | 'gcloud' | 'gsutil';
  dvcUpdate?: boolean;
}

export interface MetricTriggerYaml {
  source: 'prometheus' | 'http' | 'command';
  url?: string;
  query?: string;
  jsonPath?: string;
  command?: string;
  threshold: number;
  direction?: 'below' | 'above';
  cooldownMinutes?: number;
  poll?: string;
}

export interface TriggersYaml {
  schedule?: string;
  data?: DataTriggerYaml;
  metric?: MetricTriggerYaml;
  webhook?: { credential: string };
  upstream?: { jobs: string[]; threshold?: 'SUCCESS' | 'UNSTABLE' | 'FAILURE' };
}

export type TargetType = 'local' | 'ssh' | 'docker' | 'kubernetes' | 'helm' | 'sagemaker' | 'vertex' | 'azureml';

/** Every target setting; the schema says which ones each target type takes and needs. */
export interface TargetSettingsYaml {
  dir?: string;
  startCommand?: string;
  installCommand?: string;
  host?: string;
  port?: number;
  user?: string;
  image?: string;
  network?: string;
  alias?: string;
  healthCommand?: string;
  namespace?: string;
  deployment?: string;
  container?: string;
  context?: string;
  release?: string;
  chart?: string;
  chartVersion?: string;
  valuesFile?: string;
  tagKey?: string;
  timeoutSeconds?: number;
  endpoint?: string;
  region?: string;
  roleArn?: string;
  modelData?: string;
  instanceType?: string;
  instanceCount?: number;
  alarms?: string[];
  project?: string;
  modelId?: string;
  machineType?: string;
  minReplicas?: number;
  resourceGroup?: string;
  workspace?: string;
  deploymentFile?: string;
  modelName?: string;
  credential?: string;
}

export interface TargetYaml extends TargetSettingsYaml {
  type: TargetType;
}

export interface PollYaml {
  attempts?: number;
  attemptTimeoutSeconds?: number;
  intervalSeconds?: number;
}

export interface AnalysisYaml {
  provider: 'prometheus' | 'http';
  url: string;
  query?: string;
  field?: string;
  successCondition: string;
  failureLimit?: number;
  count?: number;
  intervalSeconds?: number;
  credential?: string;
}

export interface GatesYaml {
  metricsFile?: string;
  thresholds?: string[];
  perfTest?: {
    command: string;
    url?: string;
    maxP95Ms?: number;
    maxErrorRate?: number;
    timeoutMinutes?: number;
  };
}

export interface DeployYaml {
  target: TargetYaml;
  /** Per-environment settings merged over `target`, keyed by environment name. */
  environments?: Record<string, TargetSettingsYaml>;
  strategy?: 'replace' | 'blue-green' | 'canary';
  canary?: { steps?: number[]; waitSeconds?: number; analysis?: AnalysisYaml };
  gates?: GatesYaml;
  readiness?: PollYaml;
  healthCheck?: PollYaml & { url?: string; path?: string; expectStatus?: number; expectBody?: string };
  smokeTest?: PollYaml & { command: string };
  registeredModel?: string;
}
