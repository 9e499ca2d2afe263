import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../paths.js';

export type JsonSchema = {
  [key: string]: unknown;
  description?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  enum?: unknown[];
  examples?: unknown[];
  default?: unknown;
  $ref?: string;
};

let cached: JsonSchema | undefined;

/** The mlops.yaml JSON Schema, read once per process and only by commands that need it. */
export function loadSchema(): JsonSchema {
  cached ??= JSON.parse(
    readFileSync(join(packageRoot(), 'schemas', 'mlops.schema.json'), 'utf8'),
  ) as JsonSchema;
  return cached;
}

/** Follows a local `#/$defs/x` reference. */
export function deref(schema: JsonSchema | undefined, root: JsonSchema): JsonSchema | undefined {
  let s = schema;
  for (let i = 0; s?.$ref && i < 10; i++) {
    const name = s.$ref.replace('#/$defs/', '');
    const target = (root.$defs as Record<string, JsonSchema>)[name];
    s = target ? { ...target, ...s, $ref: undefined } : undefined;
  }
  return s;
}
