// Step metadata (`library/steps/<step>.yaml`) rendered two ways: the defaults a step merges at
// run time (`resources/mlops/steps/<step>.json`) and the help Jenkins shows (`vars/<step>.txt`).
// Both come from the same text so they cannot drift.
import { parse } from 'yaml';

export type ParamType = 'string' | 'number' | 'boolean' | 'map' | 'list';

export interface StepParam {
  type: ParamType;
  doc: string;
  default?: unknown;
  required?: boolean;
  enum?: string[];
}

export interface StepMeta {
  name: string;
  description: string;
  params: Record<string, StepParam>;
}

const TYPES: readonly ParamType[] = ['string', 'number', 'boolean', 'map', 'list'];

/** Parses and checks one step's metadata; throws naming the step and field on a mistake. */
export function parseStepMeta(yamlText: string): StepMeta {
  const raw = parse(yamlText) as Partial<StepMeta> | null;
  const name = raw?.name;
  if (typeof name !== 'string' || !/^mlops[A-Z][A-Za-z]*$/.test(name)) {
    throw new Error(`step metadata: name must be mlops<Name>, got ${JSON.stringify(name)}`);
  }
  if (typeof raw?.description !== 'string' || raw.description.trim() === '') {
    throw new Error(`step ${name}: description is required`);
  }
  const params = raw.params ?? {};
  for (const [key, p] of Object.entries(params)) {
    if (!TYPES.includes(p.type)) {
      throw new Error(`step ${name}: param ${key} type must be one of ${TYPES.join(', ')}`);
    }
    if (typeof p.doc !== 'string' || p.doc.trim() === '') {
      throw new Error(`step ${name}: param ${key} needs a doc`);
    }
    if (p.required === true && p.default !== undefined) {
      throw new Error(`step ${name}: param ${key} is required, so it cannot have a default`);
    }
  }
  return { name, description: raw.description.trim(), params };
}

/**
 * The JSON `mlopsConfig.merge` reads: defaults, required names, allowed values and types.
 * Keys are sorted so the same metadata always gives the same bytes.
 */
export function renderStepDefaults(yamlText: string): string {
  const meta = parseStepMeta(yamlText);
  const keys = Object.keys(meta.params).sort();
  const defaults: Record<string, unknown> = {};
  const allowed: Record<string, string[]> = {};
  const types: Record<string, ParamType> = {};
  const required: string[] = [];
  for (const key of keys) {
    const p = meta.params[key]!;
    types[key] = p.type;
    if (p.default !== undefined) defaults[key] = p.default;
    if (p.required === true) required.push(key);
    if (p.enum) allowed[key] = p.enum;
  }
  return `${JSON.stringify({ step: meta.name, defaults, required, allowed, types }, null, 2)}\n`;
}

/** Plain-text help for Jenkins' Global Variable Reference (it shows `vars/<step>.txt`). */
export function renderStepHelp(yamlText: string): string {
  const meta = parseStepMeta(yamlText);
  const lines = [`${meta.name}(Map args)`, '', meta.description, '', 'Parameters:'];
  for (const key of Object.keys(meta.params).sort()) {
    const p = meta.params[key]!;
    const notes: string[] = [p.type];
    if (p.required === true) notes.push('required');
    if (p.default !== undefined) notes.push(`default ${JSON.stringify(p.default)}`);
    if (p.enum) notes.push(`one of ${p.enum.join(', ')}`);
    lines.push(`  ${key} (${notes.join(', ')})`, `      ${p.doc.trim().replace(/\s+/g, ' ')}`);
  }
  return `${lines.join('\n').replace(/[<>&]/g, (c) => `&#${c.charCodeAt(0)};`)}\n`;
}
