import { stringify } from 'yaml';
import type { AgentYaml } from '../config/types.js';
import { groovyMultiline, groovyString } from '../render/groovy.js';

/**
 * The declarative `agent { ... }` block for a stage, as lines indented by `indent`.
 * Container agents get HOME and caches inside the workspace (see `isContainer`).
 */
export function agentBlock(agent: AgentYaml, indent: number): string {
  const pad = ' '.repeat(indent);
  const inner = ' '.repeat(indent + 2);
  if (agent.docker) {
    const lines = [`${inner}  image ${groovyString(agent.docker.image)}`];
    if (agent.docker.label) lines.push(`${inner}  label ${groovyString(agent.docker.label)}`);
    if (agent.docker.args) lines.push(`${inner}  args ${groovyString(agent.docker.args)}`);
    return [`${pad}agent {`, `${inner}docker {`, ...lines, `${inner}}`, `${pad}}`].join('\n');
  }
  if (agent.kubernetes) {
    return [
      `${pad}agent {`,
      `${inner}kubernetes {`,
      `${inner}  defaultContainer 'main'`,
      `${inner}  yaml ${groovyMultiline(podYaml(agent.kubernetes))}`,
      `${inner}}`,
      `${pad}}`,
    ].join('\n');
  }
  return `${pad}agent { label ${groovyString(agent.label ?? 'linux')} }`;
}

/** Non-root images cannot write to HOME; pip and friends then fail. */
export function isContainer(agent: AgentYaml): boolean {
  return agent.docker !== undefined || agent.kubernetes !== undefined;
}

/** A pod template with one `main` container; GPUs become a resource limit. */
export function podYaml(k: NonNullable<AgentYaml['kubernetes']>): string {
  const cpu = k.cpu ?? '1';
  const memory = k.memory ?? '2Gi';
  const limits: Record<string, string | number> = { cpu, memory };
  if (k.gpu && k.gpu > 0) limits[k.gpuResource ?? 'nvidia.com/gpu'] = k.gpu;
  const spec: Record<string, unknown> = {};
  if (k.serviceAccount) spec.serviceAccountName = k.serviceAccount;
  if (k.nodeSelector && Object.keys(k.nodeSelector).length > 0) {
    spec.nodeSelector = Object.fromEntries(Object.entries(k.nodeSelector).sort(([a], [b]) => a.localeCompare(b)));
  }
  spec.containers = [
    {
      name: 'main',
      image: k.image,
      command: ['sleep'],
      args: ['infinity'],
      resources: { requests: { cpu, memory }, limits },
    },
  ];
  const pod: Record<string, unknown> = { apiVersion: 'v1', kind: 'Pod' };
  if (k.namespace) pod.metadata = { namespace: k.namespace };
  pod.spec = spec;
  return stringify(pod, { lineWidth: 0 });
}
