#!/usr/bin/env node
// Build-time artifacts that keep the CLI's start fast (it runs as a pre-commit hook):
// the schema compiled into a standalone validator (ajv's compiler costs about 100 ms), and
// the library's step metadata rendered once (parsing it costs about 200 ms).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv2020 from 'ajv/dist/2020.js';
import standaloneCode from 'ajv/dist/standalone/index.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const schema = JSON.parse(readFileSync(join(root, 'schemas', 'mlops.schema.json'), 'utf8'));
const ajv = new Ajv2020({ allErrors: true, verbose: true, strict: false, allowUnionTypes: true, code: { source: true, esm: true } });
const validate = ajv.compile(schema);
const out = join(root, 'dist', 'config', 'schema-validator.js');
mkdirSync(dirname(out), { recursive: true });
// ajv's ESM output still calls require() for its runtime helpers; turn those into imports.
const imports = [];
const code = standaloneCode(ajv, validate).replace(/require\("(ajv\/dist\/runtime\/[a-z0-9]+)"\)/g, (_, mod) => {
  const name = `runtime${imports.length}`;
  imports.push(`import ${name} from "${mod}.js";`);
  return name;
});
if (/\brequire\(/.test(code)) throw new Error('standalone validator still calls require()');
writeFileSync(out, `${imports.join('\n')}\n${code}`);

// The step metadata, rendered once here rather than parsed on every generate
// (see src/library/rendered.ts, which checks the hash before using it).
const { readStepTexts, renderSteps, stepsHash, RENDERED_STEPS_FILE } = await import('../dist/library/rendered.js');
const texts = readStepTexts(join(root, 'library', 'steps'));
writeFileSync(join(root, 'dist', 'library', RENDERED_STEPS_FILE), JSON.stringify({ hash: stepsHash(texts), steps: renderSteps(texts) }));
