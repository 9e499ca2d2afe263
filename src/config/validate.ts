import type { ErrorObject, ValidateFunction } from 'ajv';
import type { Diagnostic } from '../diagnostics.js';
import { didYouMean } from './hints.js';
import type { LoadedConfig } from './load.js';
import { pointerSegments, positionOf } from './positions.js';
import { deref, loadSchema, type JsonSchema } from './schema.js';
import { semanticChecks } from './checks.js';
import { patternReason } from './pattern-reasons.js';
import { findSecrets } from './secrets.js';

let compiled: ValidateFunction | undefined;

/**
 * The build compiles the schema into dist/config/schema-validator.js (see
 * scripts/build-artifacts.js) so a CLI start does not pay for ajv's compiler. Running
 * from sources (tests), that module is absent and ajv compiles with the same options.
 */
async function validator(): Promise<ValidateFunction> {
  if (compiled) return compiled;
  const standalone = './schema-validator.js';
  try {
    compiled = ((await import(standalone)) as { default: ValidateFunction }).default;
  } catch {
    const mod = (await import('ajv/dist/2020.js')) as unknown as { default: new (o: object) => { compile(s: object): ValidateFunction } };
    const ajv = new mod.default({ allErrors: true, verbose: true, strict: false, allowUnionTypes: true });
    compiled = ajv.compile(loadSchema());
  }
  return compiled;
}

/** Every problem in the config: schema errors first, then semantic checks on a valid shape. */
export async function validateConfig(cfg: LoadedConfig): Promise<Diagnostic[]> {
  const validate = await validator();
  if (!validate(cfg.data)) {
    // A secret is worth reporting even in a file of the wrong shape: it may be a paste away from a push.
    return [...findSecrets(cfg), ...explainSchemaErrors(cfg, validate.errors ?? [])];
  }
  return semanticChecks(cfg);
}

export function explainSchemaErrors(cfg: LoadedConfig, errors: ErrorObject[]): Diagnostic[] {
  const root = loadSchema();
  const kept = errors.filter((e) => !isNoise(e, errors));
  return kept.map((e) => toDiagnostic(cfg, e, root));
}

/** oneOf/anyOf/if summaries repeat what a more precise error at or below the same path says. */
function isNoise(e: ErrorObject, all: ErrorObject[]): boolean {
  if (!['oneOf', 'anyOf', 'if', 'not', 'propertyNames'].includes(e.keyword)) return false;
  return all.some((o) => o !== e && !['oneOf', 'anyOf', 'if'].includes(o.keyword) && o.instancePath.startsWith(e.instancePath));
}

function toDiagnostic(cfg: LoadedConfig, e: ErrorObject, root: JsonSchema): Diagnostic {
  const segs = pointerSegments(e.instancePath);
  const where = segs.join('.') || 'the top level';
  const parent = deref(e.parentSchema as JsonSchema | undefined, root);
  const at = (key?: string) => ({ file: cfg.file, ...positionOf(cfg, segs, key) });
  const describe = () => hintFrom(parent);
  switch (e.keyword) {
    case 'additionalProperties': {
      const key = String((e.params as { additionalProperty: string }).additionalProperty);
      const known = Object.keys(parent?.properties ?? {});
      return { ...at(key), message: `unknown key "${key}" in ${where}`, hint: didYouMean(key, known, 'allowed keys') || 'remove it' };
    }
    case 'required': {
      const key = String((e.params as { missingProperty: string }).missingProperty);
      const prop = deref(parent?.properties?.[key], root);
      return { ...at(), message: `missing required key "${key}" in ${where}`, hint: hintFrom(prop) ?? `add "${key}"` };
    }
    case 'enum': {
      const allowed = ((e.params as { allowedValues: unknown[] }).allowedValues ?? []).map(String);
      return { ...at(), message: `${where}: ${JSON.stringify(e.data)} is not allowed`, hint: didYouMean(String(e.data), allowed, 'use one of') };
    }
    case 'const':
      return { ...at(), message: `${where} must be ${JSON.stringify((e.params as { allowedValue: unknown }).allowedValue)}`, hint: describe() };
    case 'type': {
      const want = String((e.params as { type: string }).type).split(',').map(typeWord).join(' or ');
      return { ...at(), message: `${where} must be ${want}, not ${kindOf(e.data)}`, hint: describe() };
    }
    case 'minimum':
    case 'maximum': {
      const range = parent && typeof parent.minimum === 'number' && typeof parent.maximum === 'number'
        ? `a whole number from ${parent.minimum} to ${parent.maximum}` : undefined;
      return { ...at(), message: `${where} must be ${e.keyword === 'minimum' ? '>=' : '<='} ${(e.params as { limit: number }).limit}`, hint: describe() ?? range };
    }
    case 'propertyNames': {
      const name = String((e.params as { propertyName: string }).propertyName);
      return { ...at(name), message: `${where}: "${name}" is not a valid name`, hint: describe() };
    }
    case 'minProperties':
    case 'maxProperties': {
      const limit = (e.params as { limit: number }).limit;
      const keys = Object.keys((e.data as object) ?? {});
      const has = keys.length === 0 ? 'has no keys' : `has ${keys.length} (${keys.join(', ')})`;
      const bound = e.keyword === 'minProperties' ? 'at least' : 'at most';
      return { ...at(), message: `${where} takes ${bound} ${limit} key${limit === 1 ? '' : 's'}; it ${has}`, hint: parent?.description ?? describe() };
    }
    case 'minItems':
    case 'minLength': {
      const limit = (e.params as { limit: number }).limit;
      const what = e.keyword === 'minItems' ? 'item' : 'character';
      const message = limit === 1 ? `${where} must not be empty` : `${where} needs at least ${limit} ${what}s`;
      return { ...at(), message, hint: describe() };
    }
    case 'pattern': {
      const reason = patternReason(e.data, String((e.params as { pattern: string }).pattern), root);
      const message = `${where}: ${JSON.stringify(e.data)} ${reason ?? 'is not valid'}`;
      return { ...at(), message, hint: describe() ?? `it must match ${(e.params as { pattern: string }).pattern}` };
    }
    default:
      return { ...at(), message: `${where} ${e.message ?? 'is invalid'}`, hint: describe() };
  }
}

function hintFrom(schema: JsonSchema | undefined): string | undefined {
  if (!schema) return undefined;
  const parts: string[] = [];
  if (schema.description) parts.push(schema.description);
  const example = schema.examples?.[0];
  if (example !== undefined) parts.push(`example: ${JSON.stringify(example)}`);
  return parts.length ? parts.join(' ') : undefined;
}

/** JSON Schema's type names in the words of YAML users. */
function typeWord(type: string): string {
  const words: Record<string, string> = { object: 'a mapping', array: 'a list' };
  return words[type] ?? article(type);
}

function article(type: string): string {
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}

function kindOf(v: unknown): string {
  if (v === null) return 'null (an empty value)';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a mapping';
  return `${article(typeof v)} (${JSON.stringify(v)})`;
}
