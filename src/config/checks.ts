import { checkCron } from '../cron/index.js';
import type { Diagnostic } from '../diagnostics.js';
import { deployChecks } from './deploy.js';
import { didYouMean } from './hints.js';
import type { LoadedConfig } from './load.js';
import { positionOf } from './positions.js';
import { positionInValue } from './scalar-offset.js';
import { loadSchema, type JsonSchema } from './schema.js';
import { findSecrets } from './secrets.js';
import { OUTPUT_PATH_FIELDS, outputPathProblem } from './output-paths.js';

type Path = (string | number)[];
type Visit = (value: unknown, path: Path) => void;

/**
 * Checks JSON Schema cannot express: uniqueness, references between sections and
 * the grammar of embedded languages (cron). Run only on a config of valid shape.
 */
export function semanticChecks(cfg: LoadedConfig): Diagnostic[] {
  const out: Diagnostic[] = [];
  const report = (path: Path, message: string, hint?: string, key?: string, offset?: number) => {
    const inside = offset === undefined ? undefined : positionInValue(cfg, path, offset);
    const pos = inside ?? positionOf(cfg, path.map(String), key);
    out.push(hint ? { file: cfg.file, ...pos, message, hint } : { file: cfg.file, ...pos, message });
  };
  const data = cfg.data as Record<string, unknown>;
  out.push(...findSecrets(cfg));
  uniqueNames(data.models, ['models'], 'model', report);
  uniqueNames(data.environments, ['environments'], 'environment', report);
  credentialReferences(data, report);
  for (const field of OUTPUT_PATH_FIELDS) {
    const value = (data[field[0]!] as Record<string, unknown> | undefined)?.[field[1]!];
    const problem = typeof value === 'string' ? outputPathProblem(field, value) : undefined;
    if (problem) report(field, problem.message, problem.hint);
  }
  libraryVersion(data, report);
  imageAgents(data, report);
  deployChecks(data, report);
  for (const [defName, check] of Object.entries(defChecks)) {
    walkDef(data, loadSchema(), defName, (value, path) => {
      for (const p of check(value)) report(path, p.message, p.hint, undefined, p.offset);
    });
  }
  return out;
}

/**
 * A check for every value whose schema is `$ref: #/$defs/<name>`, wherever it sits. A problem
 * with an `offset` is reported at that character of the string value.
 */
export type DefCheck = (value: unknown) => { message: string; hint?: string; offset?: number }[];
export const defChecks: Record<string, DefCheck> = {
  // Jenkins' own cron grammar: ranges, H, aliases, TZ=; errors at the bad token.
  cron: (value) => {
    if (typeof value !== 'string') return [];
    const result = checkCron(value);
    return result.ok ? [] : result.errors.map((e) => ({
      message: `invalid Jenkins cron: ${e.message}`, hint: e.hint, offset: e.offset,
    }));
  },
};

/**
 * `docker build` needs a Docker engine, which a docker or kubernetes build container lacks:
 * with such a model agent, ci.image must name an agent to build on.
 */
function imageAgents(data: Record<string, unknown>, report: Report): void {
  if (!Array.isArray(data.models)) return;
  const top = data.agent as Record<string, unknown> | undefined;
  data.models.forEach((m: unknown, i) => {
    const model = m as { agent?: Record<string, unknown>; ci?: { image?: Record<string, unknown> } } | null;
    const image = model?.ci?.image;
    if (!image || typeof image !== 'object' || image.agent !== undefined) return;
    const agent = model.agent ?? top;
    const kind = agent?.docker ? 'docker' : agent?.kubernetes ? 'kubernetes' : undefined;
    if (!kind) return;
    report(['models', i, 'ci', 'image'],
      `ci.image needs an agent: the model's agent is a ${kind} container, which has no Docker engine to build the image`,
      'add agent: { label: <label of Docker-capable agents> } under ci.image, e.g. agent: { label: docker }');
  });
}

type Report = (path: Path, message: string, hint?: string, key?: string, offset?: number) => void;

function uniqueNames(list: unknown, path: Path, what: string, report: Report): void {
  if (!Array.isArray(list)) return;
  const seen = new Map<string, number>();
  list.forEach((item, i) => {
    const name = (item as { name?: unknown })?.name;
    if (typeof name !== 'string') return;
    const first = seen.get(name);
    if (first !== undefined) {
      report([...path, i, 'name'], `duplicate ${what} name "${name}" (also ${path.join('.')}[${first}])`, `${what} names must be unique; rename one`);
    } else seen.set(name, i);
  });
}

/** Which credential type each reference site needs, by the key that holds it. */
const NEEDED_TYPE: Record<string, string[]> = {
  image: ['usernamePassword'],
  registry: ['string'],
  slack: ['string'],
  webhook: ['string'],
  analysis: ['string'],
  scm: ['usernamePassword', 'sshUserPrivateKey'],
};

function credentialReferences(data: Record<string, unknown>, report: Report): void {
  const declared = (data.credentials ?? {}) as Record<string, { type: string }>;
  const names = Object.keys(declared);
  walk(data, [], (value, path) => {
    if (path[path.length - 1] !== 'credential' || typeof value !== 'string') return;
    const entry = declared[value];
    if (!entry) {
      const hint = names.length === 0
        ? `declare it under credentials: { ${value}: { id: <Jenkins credential id>, type: ... } }`
        : didYouMean(value, names, 'declared credentials');
      report(path, `unknown credential "${value}"`, hint);
      return;
    }
    const site = String(path[path.length - 2] ?? '');
    const allowed = NEEDED_TYPE[site];
    if (allowed && !allowed.includes(entry.type)) {
      report(path, `credential "${value}" is ${entry.type}; ${path.slice(0, -1).join('.')} needs ${allowed.join(' or ')}`, `change credentials.${value}.type or reference another credential`);
    }
  });
}

function libraryVersion(data: Record<string, unknown>, report: Report): void {
  const lib = data.library as { source?: string; version?: string } | undefined;
  if (lib?.source === 'global' && !lib.version) {
    report(['library'], 'library.version is required with source: global', 'pin the library to a tag, e.g. version: v0.1.0, so a library change never reaches a pipeline unannounced');
  }
}

function walk(value: unknown, path: Path, visit: Visit): void {
  visit(value, path);
  if (Array.isArray(value)) value.forEach((v, i) => walk(v, [...path, i], visit));
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) walk(v, [...path, k], visit);
  }
}

/** Walks data and schema together, calling visit where the schema refers to $defs/defName. */
export function walkDef(data: unknown, root: JsonSchema, defName: string, visit: Visit): void {
  const defs = (root.$defs ?? {}) as Record<string, JsonSchema>;
  const target = `#/$defs/${defName}`;
  const go = (value: unknown, schema: JsonSchema | undefined, path: Path, depth: number): void => {
    if (!schema || depth > 40) return;
    if (schema.$ref === target) {
      visit(value, path);
      return;
    }
    const s = schema.$ref ? defs[schema.$ref.replace('#/$defs/', '')] : schema;
    if (!s) return;
    for (const key of ['oneOf', 'anyOf', 'allOf'] as const) {
      for (const sub of (s[key] as JsonSchema[] | undefined) ?? []) go(value, sub, path, depth + 1);
    }
    if (Array.isArray(value)) {
      value.forEach((v, i) => go(v, s.items as JsonSchema | undefined, [...path, i], depth + 1));
    } else if (value && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) {
        const sub = s.properties?.[k] ?? (typeof s.additionalProperties === 'object' ? (s.additionalProperties as JsonSchema) : undefined);
        go(v, sub, [...path, k], depth + 1);
      }
    }
  };
  go(data, root, [], 0);
}
