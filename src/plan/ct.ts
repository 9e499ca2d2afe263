import type { Config, Model } from '../config/normalize.js';
import type { DataTriggerYaml, MetricTriggerYaml, TargetType } from '../config/types.js';
import { cdJobName, deployable } from './cd.js';
import { agentBlock } from './agent.js';
import { libraryLoad } from './library.js';

/** Models that retrain: those with a `training` section. */
export function trainable(config: Config): Model[] {
  return config.models.filter((m) => m.training !== undefined);
}

/** Full Jenkins name of a model's training job (it seeds the job's `H` values). */
export function ctJobName(config: Config, m: Model): string {
  return `${config.project}/ct-${m.name}`;
}

/**
 * Full name of a model's poller job. Pollers start with `poll-` and training jobs with
 * `ct-`, so no model name can make the two collide.
 */
export function pollJobName(config: Config, m: Model): string {
  return `${config.project}/poll-ct-${m.name}`;
}

export const DEFAULT_DATA_POLL = 'H/15 * * * *';
export const DEFAULT_METRIC_POLL = 'H/30 * * * *';

/**
 * The poller's one cron spec: the data poll's lines, then the metric poll's. Jenkins reads
 * `TZ=` only on the first line, so the metric's own `TZ=` is dropped when both are set.
 * Limitation: with both triggers, each poll runs both checks.
 */
export function pollSpec(m: Model): string | null {
  const specs: string[] = [];
  if (m.triggers.data) specs.push(m.triggers.data.poll ?? DEFAULT_DATA_POLL);
  if (m.triggers.metric) specs.push(m.triggers.metric.poll ?? DEFAULT_METRIC_POLL);
  if (specs.length === 0) return null;
  if (specs.length === 2 && specs[0] === specs[1]) return specs[0]!;
  return specs.map((s, i) => (i === 0 ? s : s.split(/\r?\n/)
    .filter((l) => !l.trim().startsWith('TZ=')).join('\n'))).join('\n');
}

function dataArgs(d: DataTriggerYaml): Record<string, unknown> {
  return { type: d.type, source: d.source, gcsTool: d.gcsTool ?? 'auto',
    dvcUpdate: d.dvcUpdate ?? false };
}

function metricArgs(t: MetricTriggerYaml): Record<string, unknown> {
  const out: Record<string, unknown> = { source: t.source, threshold: t.threshold,
    direction: t.direction ?? 'below', cooldownMinutes: t.cooldownMinutes ?? 360 };
  if (t.url) out.url = t.url;
  if (t.query) out.query = t.query;
  if (t.jsonPath) out.jsonPath = t.jsonPath;
  if (t.command) out.command = t.command;
  return out;
}

/** What both the training job and the poller hand to the checks. */
function checks(config: Config, m: Model): Record<string, unknown> {
  const out: Record<string, unknown> = { model: m.name, stateDir: config.state.dir };
  if (m.triggers.data) out.data = dataArgs(m.triggers.data);
  if (m.triggers.metric) out.metric = metricArgs(m.triggers.metric);
  return out;
}

/**
 * Targets whose `image:VERSION` is an image CI would have to build: CI tags images with the
 * commit and training builds none, so handing a training version to CD would deploy a tag
 * nobody pushed. There hand-over is off unless `handover: true` says the training publishes
 * an image tagged with the version.
 */
const IMAGE_TARGETS: readonly TargetType[] = ['docker', 'kubernetes', 'helm'];

/** Whether a promoted version goes to CD when `training.handover` is not set. */
export function handoverByDefault(targetType: TargetType): boolean {
  return !IMAGE_TARGETS.includes(targetType);
}

export interface CtView {
  libraryLoad: string;
  model: string;
  timeoutMinutes: number;
  triggers: { cron: string | null; webhookCredentialId: string | null;
    upstream: { projects: string; threshold: string } | null } | null;
  checkAgent: string;
  trainAgent: string;
  decide: Record<string, unknown>;
  record: Record<string, unknown>;
  train: Record<string, unknown>;
  evaluate: Record<string, unknown>;
  register: Record<string, unknown>;
  champion: Record<string, unknown> | null;
  cdJob: string | null;
}

export function ctView(config: Config, m: Model): CtView {
  const t = m.training!;
  const trig = m.triggers;
  const registry = config.registry;
  const credentialId = registry.credential
    ? config.credentials[registry.credential]?.id : undefined;
  const mlflow: Record<string, unknown> = registry.type === 'mlflow'
    ? { registry: 'mlflow', trackingUri: registry.trackingUri ?? '',
      credentialId: credentialId ?? '', registeredModel: t.registeredModel ?? m.name }
    : { registry: 'none' };
  const webhook = trig.webhook ? config.credentials[trig.webhook.credential]?.id ?? null : null;
  const triggers = trig.schedule || webhook || trig.upstream ? {
    cron: trig.schedule ?? null,
    webhookCredentialId: webhook,
    upstream: trig.upstream
      ? { projects: trig.upstream.jobs.join(','), threshold: trig.upstream.threshold ?? 'SUCCESS' }
      : null,
  } : null;
  const commands: { label: string; script: string }[] = [];
  for (const [label, script] of [['fetch data', t.fetch], ['prepare', t.prepare],
    ['train', t.command], ['evaluate', t.evaluate]] as const) {
    if (script) commands.push({ label, script });
  }
  const handsOver = m.deploy !== undefined && deployable(config).some((d) => d.name === m.name)
    && (t.handover ?? Object.values(m.deploy.targets).every((d) => handoverByDefault(d.type)));
  return {
    libraryLoad: libraryLoad(config),
    model: m.name,
    timeoutMinutes: config.timeouts.ct,
    triggers,
    checkAgent: agentBlock(config.agent, 6),
    trainAgent: agentBlock(t.agent ?? m.agent, 6),
    decide: { ...checks(config, m), pollerJob: pollJobName(config, m) },
    record: { model: m.name, stateDir: config.state.dir },
    train: { model: m.name, commands },
    evaluate: { model: m.name, metricsFile: t.metricsFile ?? 'metrics.json',
      thresholds: t.thresholds ?? [] },
    register: registry.type === 'mlflow'
      ? { model: m.name, ...mlflow, runIdFile: t.runIdFile ?? 'mlflow-run-id',
        artifactPath: t.artifactPath ?? 'model' }
      : { model: m.name, ...mlflow, artifacts: t.artifacts ?? 'model',
        store: t.artifactStore ?? '' },
    champion: t.champion ? { model: m.name, stateDir: config.state.dir, ...mlflow,
      metric: t.champion.metric, direction: t.champion.direction ?? 'higher',
      minImprovement: t.champion.minImprovement ?? 0, alias: t.champion.alias ?? 'champion' }
      : null,
    cdJob: handsOver ? cdJobName(config, m.name) : null,
  };
}

export interface PollView {
  libraryLoad: string;
  model: string;
  cron: string;
  agent: string;
  poll: Record<string, unknown>;
}

/** The poller of a model with a data or metric trigger; null when it has neither. */
export function pollView(config: Config, m: Model): PollView | null {
  const cron = pollSpec(m);
  if (!cron) return null;
  return {
    libraryLoad: libraryLoad(config),
    model: m.name,
    cron,
    agent: agentBlock(config.agent, 2),
    poll: { ...checks(config, m), trainingJob: ctJobName(config, m) },
  };
}
